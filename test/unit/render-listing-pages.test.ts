import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { apiIndex } from "../../src/render/api-index.ts";
import { byNewest, listingPages, newest, RECENT_ARTICLES } from "../../src/render/listing-pages.ts";
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
  it("shows an outlet's 50 most recently changed articles on its page, newest change first", () => {
    const summaries = Array.from({ length: 120 }, (_, i) => summary(`s${i}`, i % 24));
    const { outlets: pages } = listingPages({ outlets, summaries, changes: [], urls });
    const harbor = pages.find((p) => p.name === "The Harbor Courier");
    expect(harbor?.outputPath).toBe("harbor/index.html");
    expect(harbor?.articleCount).toBe(120);
    const recent = harbor?.recent ?? [];
    expect(recent).toHaveLength(RECENT_ARTICLES);
    expect(recent[0]?.lastChanged.iso).toBe(hour(23));
    expect(recent.map((a) => a.lastChanged.iso)).toEqual(
      [...recent.map((a) => a.lastChanged.iso)].sort().reverse(),
    );
  });

  it("lists every article on the page of the day it was first seen, in that order, 100 to a page", () => {
    const busy = Array.from({ length: 230 }, (_, i) => ({
      ...summary(`busy${i}`, 1),
      firstSeen: new Date(Date.UTC(2026, 5, 2, 0, 0, 230 - i)).toISOString(),
    }));
    const quiet = [{ ...summary("quiet", 1), firstSeen: hour(3) }];
    const { days } = listingPages({ outlets, summaries: [...busy, ...quiet], changes: [], urls });
    expect(days.map((d) => [d.outputPath, d.articles.length])).toEqual([
      ["harbor/page/2026-06-01/index.html", 1],
      ["harbor/page/2026-06-02/index.html", 100],
      ["harbor/page/2026-06-02/2/index.html", 100],
      ["harbor/page/2026-06-02/3/index.html", 30],
    ]);
    const [first, second, , last] = days;
    expect(second?.day).toBe("2 June 2026");
    expect(second?.articles[0]?.href).toBe("/repo/harbor/busy229/");
    expect(second?.articles[1]?.href).toBe("/repo/harbor/busy228/");
    expect(first?.previous).toBeNull();
    expect(first?.next).toEqual({ href: "/repo/harbor/page/2026-06-02/", text: "2 June 2026" });
    expect(last?.previous).toEqual({
      href: "/repo/harbor/page/2026-06-02/2/",
      text: "2 June 2026, page 2",
    });
    expect(last?.next).toBeNull();
  });

  it("links every day from the outlet's page, newest first, grouped by month, with its count", () => {
    const summaries = [
      { ...summary("a", 1), firstSeen: "2026-05-31T23:59:00.000Z" },
      { ...summary("b", 1), firstSeen: "2026-06-01T00:00:00.000Z" },
      { ...summary("c", 1), firstSeen: "2026-06-01T10:00:00.000Z" },
    ];
    const { outlets: pages } = listingPages({ outlets, summaries, changes: [], urls });
    expect(pages[0]?.months).toEqual([
      {
        name: "June 2026",
        days: [{ href: "/repo/harbor/page/2026-06-01/", text: "1 June 2026", articles: 2 }],
      },
      {
        name: "May 2026",
        days: [{ href: "/repo/harbor/page/2026-05-31/", text: "31 May 2026", articles: 1 }],
      },
    ]);
  });

  it("rewrites only the outlet's page, the article's day page and the front page for a new version", () => {
    const summaries = Array.from({ length: 400 }, (_, i) => ({
      ...summary(`s${i}`, 1),
      firstSeen: new Date(Date.UTC(2026, 5, 1 + Math.floor(i / 40), i % 24)).toISOString(),
    }));
    const changes = summaries.map((a) => ({ ...change(a.slug, 1, 1), time: a.firstSeen }));
    const before = listingPages({ outlets, summaries, changes, urls });
    // An old article (first seen on 3 June) changes again, the newest change of all.
    const edited = summaries.map((a) =>
      a.slug === "s95" ? { ...a, versionCount: 3, lastChanged: hour(200) } : a,
    );
    const after = listingPages({
      outlets,
      summaries: edited,
      changes: [...changes, { ...change("s95", 3, 200) }],
      urls,
    });
    const pagesOf = (l: typeof before) => [l.home, ...l.outlets, ...l.days];
    const old = new Map(pagesOf(before).map((p) => [p.outputPath, JSON.stringify(p)]));
    const differing = pagesOf(after)
      .filter((p) => old.get(p.outputPath) !== JSON.stringify(p))
      .map((p) => p.outputPath);
    expect(differing).toEqual([
      "index.html",
      "harbor/index.html",
      "harbor/page/2026-06-03/index.html",
    ]);
  });

  it("adds a new article at the end of its day, leaving the day's earlier pages alone", () => {
    const day = (i: number) => new Date(Date.UTC(2026, 5, 1, 0, i)).toISOString();
    const summaries = Array.from({ length: 150 }, (_, i) => ({
      ...summary(`s${i}`, 1),
      firstSeen: day(i),
    }));
    const before = listingPages({ outlets, summaries, changes: [], urls }).days;
    const after = listingPages({
      outlets,
      summaries: [...summaries, { ...summary("new", 1), firstSeen: day(151) }],
      changes: [],
      urls,
    }).days;
    expect(after[0]).toEqual(before[0]);
    expect(after[1]?.articles.at(-1)?.href).toBe("/repo/harbor/new/");
    expect(after[1]?.articles).toHaveLength(51);
  });

  it("gives an outlet without articles its page and no day pages", () => {
    const { outlets: pages, days } = listingPages({ outlets, summaries: [], changes: [], urls });
    const ridge = pages.find((p) => p.name === "Ridge Daily");
    expect(ridge?.outputPath).toBe("ridge/index.html");
    expect(ridge?.recent).toEqual([]);
    expect(ridge?.months).toEqual([]);
    expect(days).toEqual([]);
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
    expect(pages[0]?.recent.map((a) => [a.href, a.gone])).toEqual([
      ["/repo/harbor/here/", null],
      [
        "/repo/harbor/gone/",
        { since: { iso: hour(6), text: "1 Jun 2026, 06:00 UTC" }, status: 410 },
      ],
    ]);
  });

  it("lists the latest 200 headline changes on the headline-changes page, and counts them all", () => {
    const changes = Array.from({ length: 230 }, (_, i) => change(`s${i}`, 2, i % 100, i % 3 > 0));
    const { headlines } = listingPages({ outlets, summaries: [], changes, urls });
    expect(headlines.outputPath).toBe("headlines/index.html");
    expect(headlines.total).toBe(153);
    expect(headlines.changes).toHaveLength(153);
    const many = Array.from({ length: 450 }, (_, i) => change(`m${i}`, 2, i % 100, true));
    const all = listingPages({ outlets, summaries: [], changes: many, urls }).headlines;
    expect(all.total).toBe(450);
    expect(all.changes).toHaveLength(200);
    expect(all.changes.map((c) => c.time.iso)).toEqual(
      newest(many, 200, byNewest).map((c) => c.time),
    );
    expect(all.changes[0]?.time.iso).toBe(hour(99));
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

describe("newest", () => {
  it("keeps the same items, in the same order, as sorting everything and taking the first", () => {
    const record = fc.record({
      slug: fc.constantFrom("a", "b", "c"),
      number: fc.integer({ min: 1, max: 4 }),
      hour: fc.integer({ min: 0, max: 5 }),
    });
    fc.assert(
      fc.property(
        fc.array(record, { maxLength: 60 }),
        fc.integer({ min: 0, max: 70 }),
        (items, k) => {
          const changes = items.map((r) => change(r.slug, r.number, r.hour));
          expect(newest(changes, k, byNewest)).toEqual([...changes].sort(byNewest).slice(0, k));
        },
      ),
    );
  });
});

describe("the lists by day after some articles change", () => {
  // Before and after: articles first seen over a few days, some days busy enough for several
  // pages; then some articles changed (a later version), some added (on a day of their own or
  // not), some removed. Only the days of those are named as changed.
  const day = (d: number, h: number) => new Date(Date.UTC(2026, 5, d, h)).toISOString();
  const scenario = fc
    .record({
      // Up to 450 over four days: a busy day has several pages.
      articles: fc.array(fc.record({ day: fc.integer({ min: 1, max: 4 }), hour: fc.nat(23) }), {
        maxLength: 450,
        size: "max",
      }),
      edits: fc.array(
        fc.oneof(
          fc.record({ kind: fc.constant("change" as const), index: fc.nat() }),
          fc.record({ kind: fc.constant("remove" as const), index: fc.nat() }),
          fc.record({
            kind: fc.constant("add" as const),
            day: fc.integer({ min: 0, max: 8 }),
            hour: fc.nat(23),
          }),
        ),
        { maxLength: 6 },
      ),
    })
    .map(({ articles, edits }) => {
      const at = (a: { day: number; hour: number }, i: number): ArticleSummary => ({
        ...summary(`s${i}`, 0),
        firstSeen: day(a.day, a.hour),
        lastChanged: day(a.day, a.hour),
      });
      const before = articles.map(at);
      let after = [...before];
      const changed = new Set<string>();
      for (const [n, edit] of edits.entries()) {
        if (edit.kind === "add") {
          const added = at(edit, articles.length + n);
          after.push(added);
          changed.add(added.firstSeen.slice(0, 10));
          continue;
        }
        const target = after[edit.index % Math.max(after.length, 1)];
        if (target === undefined) continue;
        changed.add(target.firstSeen.slice(0, 10));
        after =
          edit.kind === "remove"
            ? after.filter((a) => a !== target)
            : after.map((a) =>
                a === target
                  ? { ...a, versionCount: a.versionCount + 1, lastChanged: day(9, 0) }
                  : a,
              );
      }
      return { before, after, changed };
    });

  it("makes the changed days' pages and those beside them; every other page is as it was", () => {
    fc.assert(
      fc.property(scenario, ({ before, after, changed }) => {
        const list = (summaries: ArticleSummary[], daysOf?: Map<string, Set<string>>) =>
          listingPages({ outlets, summaries, changes: [], urls, daysOf });
        const old = new Map(list(before).days.map((p) => [p.outputPath, p]));
        const full = list(after);
        const some = list(after, new Map([["harbor", changed]]));
        expect(some.dayParts).toEqual(full.dayParts);
        expect(some.outlets).toEqual(full.outlets);
        const made = new Map(some.days.map((p) => [p.outputPath, p]));
        for (const page of full.days) {
          expect(made.get(page.outputPath) ?? old.get(page.outputPath)).toEqual(page);
        }
      }),
      { numRuns: 100 },
    );
  });

  it("writes the API files of the changed days; every other is as it was", () => {
    fc.assert(
      fc.property(scenario, ({ before, after, changed }) => {
        const files = (summaries: ArticleSummary[], daysOf?: Map<string, Set<string>>) =>
          new Map(
            apiIndex({ outlets, summaries, urls, siteTitle: "Stet", daysOf }).map((f) => [
              f.file,
              f.json,
            ]),
          );
        const old = files(before);
        const full = files(after);
        const some = files(after, new Map([["harbor", changed]]));
        for (const [file, json] of full) expect(some.get(file) ?? old.get(file)).toBe(json);
        // Given the grouping the listings made, the same files.
        const { byDay } = listingPages({ outlets, summaries: after, changes: [], urls });
        const grouped = apiIndex({ outlets, summaries: after, urls, siteTitle: "Stet", byDay });
        expect(new Map(grouped.map((f) => [f.file, f.json]))).toEqual(full);
      }),
      { numRuns: 100 },
    );
  });
});
