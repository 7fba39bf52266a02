import { describe, expect, it } from "vitest";
import { listingPages } from "../../src/render/listing-pages.ts";
import type { ArticleSummary, ChangeRecord } from "../../src/render/page-types.ts";
import { SiteUrls } from "../../src/render/site-urls.ts";

const urls = new SiteUrls("https://example.github.io/repo/");
const outlets = [
  { id: "harbor", name: "The Harbor Courier" },
  { id: "ridge", name: "Ridge Daily" },
];
const hour = (h: number) => new Date(Date.UTC(2026, 5, 1, h)).toISOString();

function summary(slug: string, lastHour: number): ArticleSummary {
  return {
    outlet: "harbor",
    slug,
    headline: `Story ${slug}`,
    href: `/repo/harbor/${slug}/`,
    versionCount: 2,
    firstSeen: hour(0),
    lastChanged: hour(lastHour),
    gone: null,
  };
}

function change(slug: string, number: number, h: number, headlineChanged = false): ChangeRecord {
  return {
    outlet: "harbor",
    outletName: "The Harbor Courier",
    slug,
    number,
    time: hour(h),
    headline: `Story ${slug}`,
    previousHeadline: number > 1 ? `Old story ${slug}` : null,
    headlineChanged,
    revertsTo: null,
    wordsAdded: 1,
    wordsRemoved: 0,
    labels: [],
    diffHtml: null,
    href: `/repo/harbor/${slug}/diff/${number - 1}..${number}/`,
    url: `https://example.github.io/repo/harbor/${slug}/diff/${number - 1}..${number}/`,
    articleHref: `/repo/harbor/${slug}/`,
    articleUrl: `https://example.github.io/repo/harbor/${slug}/`,
    firstToLatestHref: null,
  };
}

describe("listingPages", () => {
  it("lists an outlet's articles most recently changed first, 50 to a page", () => {
    const summaries = Array.from({ length: 120 }, (_, i) => summary(`s${i}`, i % 24));
    const { outlets: pages } = listingPages({ outlets, summaries, changes: [], urls });
    const harbor = pages.filter((p) => p.name === "The Harbor Courier");
    expect(harbor.map((p) => [p.outputPath, p.articles.length])).toEqual([
      ["harbor/index.html", 50],
      ["harbor/page/2/index.html", 50],
      ["harbor/page/3/index.html", 20],
    ]);
    const first = harbor[0]?.articles ?? [];
    expect(first[0]?.lastChanged.iso).toBe(hour(23));
    expect(first.map((a) => a.lastChanged.iso)).toEqual(
      [...first.map((a) => a.lastChanged.iso)].sort().reverse(),
    );
    expect(harbor[1]?.previous?.href).toBe("/repo/harbor/");
    expect(harbor[1]?.next?.href).toBe("/repo/harbor/page/3/");
    expect(harbor[1]?.nav.map((n) => (n.kind === "page" ? n.href : "…"))).toEqual([
      "/repo/harbor/",
      "/repo/harbor/page/2/",
      "/repo/harbor/page/3/",
    ]);
  });

  it("gives an outlet without articles its page", () => {
    const { outlets: pages } = listingPages({ outlets, summaries: [], changes: [], urls });
    const ridge = pages.find((p) => p.name === "Ridge Daily");
    expect(ridge?.outputPath).toBe("ridge/index.html");
    expect(ridge?.articles).toEqual([]);
  });

  it("shows changes after first publication, newest first, and headline changes apart", () => {
    const changes = [
      change("a", 1, 1),
      change("a", 2, 5, true),
      change("b", 1, 2),
      change("b", 2, 3),
      change("b", 3, 9),
    ];
    const { home } = listingPages({ outlets, summaries: [], changes, urls });
    expect(home.changes.map((c) => `${c.href} ${c.time.iso}`)).toEqual([
      `/repo/harbor/b/diff/2..3/ ${hour(9)}`,
      `/repo/harbor/a/diff/1..2/ ${hour(5)}`,
      `/repo/harbor/b/diff/1..2/ ${hour(3)}`,
    ]);
    expect(home.headlines.map((c) => [c.previousHeadline, c.headline])).toEqual([
      ["Old story a", "Story a"],
    ]);
    expect(home.totals).toEqual({ outlets: 2, articles: 0, versions: 5, changes: 3 });
  });

  it("marks an article gone at the source in its outlet's listing, since when and with its status", () => {
    const gone = { ...summary("gone", 4), gone: { since: hour(6), status: 410 } };
    const { outlets: pages } = listingPages({
      outlets,
      summaries: [summary("here", 5), gone],
      changes: [],
      urls,
    });
    expect(pages[0]?.articles.map((a) => [a.href, a.gone])).toEqual([
      ["/repo/harbor/here/", null],
      [
        "/repo/harbor/gone/",
        { since: { iso: hour(6), text: "1 Jun 2026, 06:00 UTC" }, status: 410 },
      ],
    ]);
  });

  it("carries a headline's flip back to an earlier version onto the front page", () => {
    const changes = [
      change("a", 2, 5, true),
      { ...change("a", 3, 6, true), previousHeadline: "Story a", revertsTo: 1 },
    ];
    const { home } = listingPages({ outlets, summaries: [], changes, urls });
    expect(home.headlines.map((c) => [c.number, c.revertsTo])).toEqual([
      [3, 1],
      [2, null],
    ]);
  });
});
