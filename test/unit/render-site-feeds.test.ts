import { describe, expect, it } from "vitest";
import { atomFeed } from "../../src/render/atom-feed.ts";
import type { ChangeRecord, GoneRecord } from "../../src/render/page-types.ts";
import { siteFeeds } from "../../src/render/site-feeds.ts";
import { SiteUrls } from "../../src/render/site-urls.ts";

const urls = new SiteUrls("https://example.github.io/repo/");
const outlets = [
  { id: "harbor", name: "The Harbor Courier" },
  { id: "ridge", name: "Ridge Daily" },
];

function change(number: number, time: string, headlineChanged: boolean): ChangeRecord {
  const page = `https://example.github.io/repo/harbor/ferry/${number === 1 ? "v1" : `diff/${number - 1}..${number}`}/`;
  return {
    outlet: "harbor",
    outletName: "The Harbor Courier",
    slug: "ferry",
    number,
    time,
    headline: "Ferry service resumes",
    previousHeadline: number === 1 ? null : "Ferries sail again",
    headlineChanged,
    revertsTo: null,
    wordsAdded: 0,
    wordsRemoved: 0,
    labels: [],
    diffHtml: null,
    href: page.replace("https://example.github.io", ""),
    url: page,
    articleHref: "/repo/harbor/ferry/",
    articleUrl: "https://example.github.io/repo/harbor/ferry/",
    firstToLatestHref: null,
  };
}

const gone: GoneRecord = {
  outlet: "harbor",
  outletName: "The Harbor Courier",
  slug: "ferry",
  time: "2026-04-03T09:00:00.000Z",
  status: 404,
  headline: "Ferry service resumes",
  id: "https://example.github.io/repo/harbor/ferry/#gone-2026-04-03T09:00:00.000Z",
  articleHref: "/repo/harbor/ferry/",
  articleUrl: "https://example.github.io/repo/harbor/ferry/",
};

function entryIds(xml: string): string[] {
  return [...xml.matchAll(/<entry>\s*<title[^\n]*\n\s*<id>([^<]+)<\/id>/g)].map((m) => m[1] ?? "");
}

describe("siteFeeds", () => {
  const feeds = new Map(
    siteFeeds({
      outlets,
      changes: [
        change(1, "2026-04-01T06:00:00.000Z", false),
        change(2, "2026-04-02T06:00:00.000Z", true),
      ],
      gone: [gone],
      urls,
      siteTitle: "stet",
    }).map((f) => [f.file, atomFeed(f.spec)]),
  );

  it("reports an article gone at the source in all changes and its outlet's feed, not in headline changes", () => {
    expect(entryIds(feeds.get("feeds/all.atom") ?? "")).toEqual([
      gone.id,
      "https://example.github.io/repo/harbor/ferry/diff/1..2/",
      "https://example.github.io/repo/harbor/ferry/v1/",
    ]);
    expect(entryIds(feeds.get("feeds/harbor.atom") ?? "")).toEqual(
      entryIds(feeds.get("feeds/all.atom") ?? ""),
    );
    expect(entryIds(feeds.get("feeds/headlines.atom") ?? "")).toEqual([
      "https://example.github.io/repo/harbor/ferry/diff/1..2/",
    ]);
    expect(entryIds(feeds.get("feeds/ridge.atom") ?? "")).toEqual([]);
  });

  it("dates an empty feed by the archive's oldest event, so it does not change while others do", () => {
    expect(feeds.get("feeds/ridge.atom")).toContain("<updated>2026-04-01T06:00:00.000Z</updated>");
    expect(feeds.get("feeds/headlines.atom")).toContain(
      "<updated>2026-04-02T06:00:00.000Z</updated>",
    );
  });
});
