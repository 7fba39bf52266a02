// The changes the site-wide listings and feeds can show, chosen from every published article's
// compact records without expanding them all. The front page, the headline-changes page, the
// site feeds and "most edited this week" show a few hundred of an archive's changes; expanding
// all 50,000 of a large archive (each with its links) to pick those took half a second of every
// incremental build, and nearly as long again to sort and group them. Here each change is looked
// at as a time, a number and a headline flag, and only the articles whose changes are kept are
// expanded. Pure. A property test checks that the pages and feeds made from the chosen changes
// and counts are those made from every change.

import { type CompactRecords, expandRecords } from "./article-records.ts";
import { FEED_ENTRIES } from "./atom-feed.ts";
import {
  byNewestAt,
  type ChangeCounts,
  HEADLINES_PAGE,
  keepNewest,
  RECENT_CHANGES,
  RECENT_HEADLINES,
} from "./listing-pages.ts";
import { isWeekEdit, weekBefore } from "./most-edited.ts";
import type { ChangeRecord } from "./page-types.ts";
import type { SiteUrls } from "./site-urls.ts";

/** A published article, as the build state keeps it. */
export interface PublishedArticle {
  outlet: string;
  slug: string;
  outletName: string;
  records: CompactRecords;
}

/** What `siteChanges` chose. */
export interface SiteChanges {
  /**
   * Every change a listing or site feed can show, in no particular order: the newest of each
   * kind they list, every edit in the week up to the newest change, and the oldest change (an
   * empty feed is dated by it).
   */
  shown: ChangeRecord[];
  counts: ChangeCounts;
}

/** One change, looked at without expanding it: enough to order it as `byNewest` does. */
interface Candidate {
  ms: number;
  outlet: string;
  slug: string;
  number: number;
  /** Index of its article in the list given. */
  article: number;
}

/** `byNewest` on candidates. */
function byNewestCandidate(a: Candidate, b: Candidate): number {
  return byNewestAt(a.ms, a, b.ms, b);
}

/** The newest `count` candidates offered, kept as `keepNewest` keeps them. */
class Newest {
  readonly kept: Candidate[] = [];
  constructor(readonly count: number) {}

  /** Whether a change at `ms` could be kept: a cheap test before making its candidate. */
  wants(ms: number): boolean {
    const last = this.kept[this.count - 1];
    return this.count > 0 && (last === undefined || !(ms < last.ms));
  }

  offer(candidate: Candidate): void {
    keepNewest(this.kept, candidate, this.count, byNewestCandidate);
  }
}

export function siteChanges(articles: readonly PublishedArticle[], urls: SiteUrls): SiteChanges {
  const { chosen, counts } = chooseChanges(articles);
  const shown: ChangeRecord[] = [];
  for (const [index, numbers] of chosen) {
    const article = articles[index] as PublishedArticle;
    const { changes } = expandRecords(article.records, { ...article, urls });
    for (const number of numbers) shown.push(changes[number - 1] as ChangeRecord);
  }
  return { shown, counts };
}

/**
 * What the site-wide pages and feeds can take from some of the articles (one outlet's, say):
 * the indices, in order, of those with a change `siteChanges` would show or with a gone mark,
 * and the counts of all of them. `siteChanges` over the articles so kept of every outlet shows
 * what it shows over all the articles (each list it keeps holds the newest of its kind, and the
 * newest of all are among the newest of their own outlet; an outlet's edits in the week up to
 * the newest change of all lie in the week up to its own newest), so a build keeps only these of
 * an outlet none of whose articles changed.
 */
export function siteShare(articles: readonly PublishedArticle[]): {
  kept: number[];
  counts: ChangeCounts;
} {
  const { chosen, counts } = chooseChanges(articles);
  const kept: number[] = [];
  for (const [index, article] of articles.entries()) {
    if (chosen.has(index) || article.records.g !== null) kept.push(index);
  }
  return { kept, counts };
}

/**
 * `siteShare` of an outlet's articles after some of them grew, from its share before: each
 * changed article is new, or was published before at the same slug and still has every change
 * it had then, with the same time and headline flag (it may have gained versions, and its gone
 * mark may differ). Then every change `siteShare` would choose among all the articles is one of
 * the changed articles or of the unchanged ones the share before kept (the changes before are
 * all still there, so none of those it left out can have moved up), and so `siteShare` of these
 * alone keeps what it would keep of all. `candidates` are those articles in the order
 * `siteShare` would be given all of them; `grown` the changed ones' records before (null for a
 * new one) and now; `counts` the share's counts before.
 */
export function grownShare(
  candidates: readonly PublishedArticle[],
  counts: ChangeCounts,
  grown: readonly { before: CompactRecords | null; now: CompactRecords }[],
): { kept: number[]; counts: ChangeCounts } {
  const total = { ...counts };
  for (const { before, now } of grown) {
    if (before !== null) addCounts(total, before, -1);
    addCounts(total, now, 1);
  }
  return { kept: siteShare(candidates).kept, counts: total };
}

/** Whether `now` still has every change of `before`, each with the same time and headline flag. */
export function grewFrom(before: CompactRecords, now: CompactRecords): boolean {
  return (
    now.c.length >= before.c.length &&
    before.c.every(([time, , changed], i) => now.c[i]?.[0] === time && now.c[i]?.[2] === changed)
  );
}

/** Adds (`sign` 1) or takes away (-1) the versions, edits and headline changes of `records`. */
function addCounts(counts: ChangeCounts, records: CompactRecords, sign: 1 | -1): void {
  for (const [i, [, , headlineChanged]] of records.c.entries()) {
    counts.versions += sign;
    if (i === 0) continue;
    counts.edits += sign;
    if (headlineChanged === 1) counts.headlineChanges += sign;
  }
}

/** The changes `siteChanges` shows, as version numbers by article index, and the counts. */
function chooseChanges(articles: readonly PublishedArticle[]): {
  chosen: Map<number, Set<number>>;
  counts: ChangeCounts;
} {
  const counts: ChangeCounts = { versions: 0, edits: 0, headlineChanges: 0 };
  // Each outlet's feed (together they hold the newest changes of the "all" feed: each of those
  // is among the newest of its outlet), the front page's edits, the headline-changes page and
  // the front page's headlines (edits only), and the headlines feed (any version).
  const edits = new Newest(RECENT_CHANGES);
  const headlineEdits = new Newest(Math.max(HEADLINES_PAGE, RECENT_HEADLINES));
  const headlineFeed = new Newest(FEED_ENTRIES);
  const byOutlet = new Map<string, Newest>();
  let newestMs = Number.NEGATIVE_INFINITY;
  let oldest: Candidate | null = null;
  const times = articles.map((article, index) => {
    const { outlet, slug, records } = article;
    let outletNewest = byOutlet.get(outlet);
    if (outletNewest === undefined) {
      outletNewest = new Newest(FEED_ENTRIES);
      byOutlet.set(outlet, outletNewest);
    }
    addCounts(counts, records, 1);
    const ms = records.c.map(([time]) => Date.parse(time));
    for (const [i, [, , headlineChanged]] of records.c.entries()) {
      const time = ms[i] as number;
      const number = i + 1;
      // As mostEdited and siteFeeds take them: a time that does not parse makes the newest
      // unknown, and is never the oldest.
      newestMs = Math.max(newestMs, time);
      const candidate = () => ({ ms: time, outlet, slug, number, article: index });
      if (oldest === null ? !Number.isNaN(time) : time < oldest.ms) oldest = candidate();
      if (outletNewest.wants(time)) outletNewest.offer(candidate());
      if (headlineChanged === 1 && headlineFeed.wants(time)) headlineFeed.offer(candidate());
      if (number === 1) continue;
      if (edits.wants(time)) edits.offer(candidate());
      if (headlineChanged === 1 && headlineEdits.wants(time)) headlineEdits.offer(candidate());
    }
    return ms;
  });
  // "Most edited this week" counts every edit in the week up to the newest change.
  const week: Candidate[] = [];
  const since = weekBefore(newestMs);
  for (const [index, ms] of Number.isFinite(newestMs) ? times.entries() : []) {
    const { outlet, slug } = articles[index] as PublishedArticle;
    for (const [i, time] of ms.entries()) {
      if (isWeekEdit(i + 1, time, since))
        week.push({ ms: time, outlet, slug, number: i + 1, article: index });
    }
  }
  const chosen = new Map<number, Set<number>>();
  const lists = [edits, headlineEdits, headlineFeed, ...byOutlet.values()].map((n) => n.kept);
  if (oldest !== null) lists.push([oldest]);
  for (const list of [...lists, week]) {
    for (const { article, number } of list) {
      const numbers = chosen.get(article) ?? new Set<number>();
      chosen.set(article, numbers.add(number));
    }
  }
  return { chosen, counts };
}
