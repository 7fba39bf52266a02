import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type CompactRecords, expandRecords, summaryOf } from "../../src/render/article-records.ts";
import { countChanges, listingPages } from "../../src/render/listing-pages.ts";
import type { ChangeRecord, GoneRecord } from "../../src/render/page-types.ts";
import {
  grewFrom,
  grownShare,
  type PublishedArticle,
  siteChanges,
  siteShare,
} from "../../src/render/site-changes.ts";
import { siteFeeds } from "../../src/render/site-feeds.ts";
import { SiteUrls } from "../../src/render/site-urls.ts";

const urls = new SiteUrls("https://example.github.io/repo/");
const outlets = [
  { id: "harbor", name: "The Harbor Courier" },
  { id: "ridge", name: "Ridge Daily" },
  { id: "vale", name: "Vale Post" },
];
const at = (hour: number) => new Date(Date.UTC(2026, 5, 1) + hour * 3_600_000).toISOString();

/**
 * Articles whose changes fall every six hours over `days` days: many changes share a time, so
 * the tie-breaks decide which are the newest. Over ten days "most edited this week" counts most
 * edits; over sixty, the feeds' and listings' own choices matter.
 */
function articles(days: number) {
  const version = fc.record({
    hour: fc.integer({ min: 0, max: days * 4 }).map((n) => n * 6),
    headline: fc.constantFrom<string | 0>(0, "Ferry sails", "Ferry sails again", "Bridge shut"),
    changed: fc.constantFrom<0 | 1>(0, 1),
  });
  const article = fc.record({
    // Most in one outlet, so that its feed shows a small part of its changes.
    outlet: fc.constantFrom("harbor", "harbor", "harbor", "harbor", "ridge", "vale"),
    // Many have one version: the newest changes are then not all edits.
    versions: fc.oneof(
      fc.array(version, { minLength: 1, maxLength: 1 }),
      fc.array(version, { minLength: 2, maxLength: 12, size: "max" }),
    ),
    gone: fc.option(fc.integer({ min: 0, max: days * 24 }), { nil: null }),
  });
  return fc.array(article, { maxLength: 160, size: "max" }).map(published);
}

type Drawn = {
  outlet: string;
  versions: { hour: number; headline: string | 0; changed: 0 | 1 }[];
  gone: number | null;
}[];

/** Published articles with compact records as a build keeps them. */
function published(list: Drawn): PublishedArticle[] {
  return list.map(({ outlet, versions, gone }, i) => {
    const records: CompactRecords = {
      c: versions.map(({ hour, headline, changed }, n) => [
        at(hour),
        n === 0 && headline === 0 ? "First headline" : headline,
        // A build never marks a first version's headline changed; the choice must not rely on it.
        changed,
        0,
        n,
        1,
        0,
      ]),
      g: gone === null ? null : [at(gone), 410],
    };
    return { outlet, slug: `story-${i}`, outletName: outlet, records };
  });
}

/** What the build did before: every change and gone mark of every article, expanded. */
function expandAll(articles: readonly PublishedArticle[]) {
  const changes: ChangeRecord[] = [];
  const gone: GoneRecord[] = [];
  for (const a of articles) {
    const records = expandRecords(a.records, { ...a, urls });
    changes.push(...records.changes);
    if (records.gone !== null) gone.push(records.gone);
  }
  return { changes, gone };
}

describe("siteChanges", () => {
  it("makes the same listings and site feeds as every change would", () => {
    fc.assert(
      fc.property(fc.constantFrom(10, 60).chain(articles), (articles) => {
        const { changes, gone } = expandAll(articles);
        const summaries = articles.map((a) => summaryOf(a.records, { ...a, urls }));
        const chosen = siteChanges(articles, urls);
        expect(chosen.counts).toEqual(countChanges(changes));
        const full = listingPages({ outlets, summaries, changes, urls });
        const fromChosen = listingPages({
          outlets,
          summaries,
          changes: chosen.shown,
          counts: chosen.counts,
          urls,
        });
        expect(fromChosen).toEqual(full);
        const feeds = { outlets, gone, urls, siteTitle: "Stet" };
        expect(siteFeeds({ ...feeds, changes: chosen.shown })).toEqual(
          siteFeeds({ ...feeds, changes }),
        );
        // Only what some page or feed shows is expanded, never a change twice.
        const keys = chosen.shown.map((c) => `${c.outlet}/${c.slug}/${c.number}`);
        expect(new Set(keys).size).toBe(keys.length);
      }),
      // A failure is reported as found: shrinking hundreds of articles takes minutes.
      { numRuns: 60, endOnFailure: true },
    );
  });

  it("shows the same from each outlet's share as from every article", () => {
    fc.assert(
      fc.property(fc.constantFrom(10, 60).chain(articles), (articles) => {
        const whole = siteChanges(articles, urls);
        const { gone } = expandAll(articles);
        const shared: PublishedArticle[] = [];
        const counts = { versions: 0, edits: 0, headlineChanges: 0 };
        for (const outlet of outlets) {
          const own = articles.filter((a) => a.outlet === outlet.id);
          const share = siteShare(own);
          for (const index of share.kept) shared.push(own[index] as PublishedArticle);
          counts.versions += share.counts.versions;
          counts.edits += share.counts.edits;
          counts.headlineChanges += share.counts.headlineChanges;
        }
        expect(counts).toEqual(whole.counts);
        // Every gone mark is kept: the feeds list them.
        expect(expandAll(shared).gone).toEqual(expect.arrayContaining(gone));
        const fromShares = siteChanges(shared, urls);
        const summaries = articles.map((a) => summaryOf(a.records, { ...a, urls }));
        const listings = (changes: ChangeRecord[]) =>
          listingPages({ outlets, summaries, changes, counts, urls });
        expect(listings(fromShares.shown)).toEqual(listings(whole.shown));
        const feeds = { outlets, gone, urls, siteTitle: "Stet" };
        expect(siteFeeds({ ...feeds, changes: fromShares.shown })).toEqual(
          siteFeeds({ ...feeds, changes: whole.shown }),
        );
      }),
      { numRuns: 60, endOnFailure: true },
    );
  });

  it("expands a few hundred changes of thousands", () => {
    const articles = Array.from({ length: 1_500 }, (_, i): PublishedArticle => {
      const c: CompactRecords["c"] = Array.from({ length: 4 }, (_, n) => [
        at(i * 4 + n),
        n === 0 ? `Story ${i}` : 0,
        n === 3 ? 1 : 0,
        0,
        1,
        1,
        0,
      ]);
      return {
        outlet: outlets[i % 3]?.id ?? "",
        slug: `s${i}`,
        outletName: "",
        records: { c, g: null },
      };
    });
    const chosen = siteChanges(articles, urls);
    expect(chosen.counts).toEqual({ versions: 6_000, edits: 4_500, headlineChanges: 1_500 });
    // Feeds and listings show the newest; the week up to the newest change spans 168 hours,
    // 168 changes, and the oldest change dates an empty feed.
    expect(chosen.shown.length).toBeLessThan(700);
    expect(chosen.shown.map((c) => c.time)).toContain(at(0));
  });
});

describe("grownShare", () => {
  /** Per article, nothing or what it gains: versions (perhaps dated before its others) and a gone mark. */
  const growth = (days: number) =>
    fc.array(
      fc.option(
        fc.record({
          hours: fc.array(fc.integer({ min: 0, max: days * 24 }), { minLength: 0, maxLength: 3 }),
          changed: fc.constantFrom<0 | 1>(0, 1),
          gone: fc.option(fc.integer({ min: 0, max: days * 24 }), { nil: null }),
        }),
        { nil: null, freq: 3 },
      ),
      { maxLength: 160 },
    );
  const oneOutlet = (list: PublishedArticle[]) => list.map((a) => ({ ...a, outlet: "harbor" }));
  const drawn = fc
    .constantFrom(10, 60)
    .chain((days) =>
      fc.tuple(articles(days).map(oneOutlet), growth(days), articles(days).map(oneOutlet)),
    );

  it("keeps what siteShare keeps of all the articles, from the share before some grew", () => {
    fc.assert(
      fc.property(drawn, ([before, grow, added]) => {
        const now = before.map((article, i) => {
          const g = grow[i];
          if (g === null || g === undefined) return article;
          const { c } = article.records;
          const more = g.hours.map((hour): CompactRecords["c"][number] => [
            at(hour),
            0,
            g.changed,
            0,
            1,
            1,
            0,
          ]);
          const gone: CompactRecords["g"] = g.gone === null ? null : [at(g.gone), 404];
          return { ...article, records: { c: [...c, ...more], g: gone } };
        });
        const all = [...now, ...added.map((a, i) => ({ ...a, slug: `new-${i}` }))];
        const changed = (i: number) => i >= before.length || now[i] !== before[i];
        const keptBefore = new Set(siteShare(before).kept);
        const candidates = all.map((_, i) => i).filter((i) => changed(i) || keptBefore.has(i));
        const grown = candidates.filter(changed).map((i) => ({
          before: i < before.length ? (before[i] as PublishedArticle).records : null,
          now: (all[i] as PublishedArticle).records,
        }));
        for (const { before, now } of grown)
          if (before !== null) expect(grewFrom(before, now)).toBe(true);
        const share = grownShare(
          candidates.map((i) => all[i] as PublishedArticle),
          siteShare(before).counts,
          grown,
        );
        const whole = siteShare(all);
        expect(share.kept.map((k) => candidates[k])).toEqual(whole.kept);
        expect(share.counts).toEqual(whole.counts);
      }),
      { numRuns: 100, endOnFailure: true },
    );
  });

  it("says an article did not grow when a change went or moved", () => {
    const records = (times: number[], changed: (0 | 1)[] = []): CompactRecords => ({
      c: times.map((hour, i) => [at(hour), i === 0 ? "Ferry" : 0, changed[i] ?? 0, 0, 0, 0, 0]),
      g: null,
    });
    expect(grewFrom(records([1, 2]), records([1, 2, 3]))).toBe(true);
    expect(grewFrom(records([1, 2]), records([1, 2]))).toBe(true);
    expect(grewFrom(records([1, 2]), records([1]))).toBe(false);
    expect(grewFrom(records([1, 2]), records([1, 3, 4]))).toBe(false);
    expect(grewFrom(records([1, 2], [0, 1]), records([1, 2, 3], [0, 0]))).toBe(false);
  });
});
