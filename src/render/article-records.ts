// What listings and feeds need of one published article (its summary, one change record per
// version, its gone record), and the compact form the build cache keeps of it: whatever can be
// derived again from the article's outlet, slug and number of versions and the site's URLs is left
// out, and so is each change's diff HTML for feeds (kilobytes a change: the build keeps it only
// for the changes a feed shows), so the cache of a large archive stays small enough to read at
// every build. Pure. The round trip is tested against articlePages' own records.

import type { LabelText } from "./describe-label.ts";
import type { ArticleSummary, ChangeRecord, GoneRecord } from "./page-types.ts";
import type { SiteUrls } from "./site-urls.ts";

/** What listings and feeds need of one published article. */
export interface ArticleRecords {
  summary: ArticleSummary;
  /** One per version, oldest first. */
  changes: ChangeRecord[];
  gone: GoneRecord | null;
}

/**
 * Per version: time, headline (0: the previous version's), headline changed (0/1), reverts to
 * (0: none), words added, words removed, labels as [kind, text] pairs (0: none).
 */
type CompactChange = [string, string | 0, 0 | 1, number, number, number, CompactLabel[] | 0];

type CompactLabel = [LabelText["kind"], string];

/** ArticleRecords without what can be derived: per version, then the gone mark (since, status). */
export interface CompactRecords {
  c: CompactChange[];
  g: [string, number] | null;
}

/**
 * Compact records as the build cache keeps them, UTF-8 JSON in a buffer, parsed when first
 * needed: a build that changes one article reads every article of its outlet, but needs the
 * records of few, and writes the others back as they were read.
 */
export class StoredRecords {
  /** What the cache keeps beside the records, to list the article without parsing them. */
  readonly times: RecordTimes;
  readonly #buffer: Buffer;
  readonly #start: number;
  readonly #end: number;
  #parsed: CompactRecords | undefined;

  /** The records are `buffer[start..end)`; `times` must be `timesOf` them. */
  constructor(buffer: Buffer, start: number, end: number, times: RecordTimes) {
    this.#buffer = buffer;
    this.#start = start;
    this.#end = end;
    this.times = times;
  }

  /** Where the JSON is, as stored. */
  get span(): Span {
    return { bytes: this.#buffer, start: this.#start, end: this.#end };
  }

  get compact(): CompactRecords {
    this.#parsed ??= JSON.parse(
      this.#buffer.toString("utf8", this.#start, this.#end),
    ) as CompactRecords;
    return this.#parsed;
  }
}

/** Bytes `[start, end)` of a file read. */
export interface Span {
  bytes: Buffer;
  start: number;
  end: number;
}

/** An article's records: made by this build, or as the build cache stored them. */
export type Records = CompactRecords | StoredRecords;

/** The compact records, parsing stored ones. */
export function compactOf(records: Records): CompactRecords {
  return records instanceof StoredRecords ? records.compact : records;
}

/** How many changes records have, and the times of the first and the last. */
export interface RecordTimes {
  count: number;
  first: string;
  last: string;
}

/** The count and times of `records`, without parsing stored ones. */
export function timesOf(records: Records): RecordTimes {
  if (records instanceof StoredRecords) return records.times;
  return {
    count: records.c.length,
    first: records.c[0]?.[0] ?? "",
    last: records.c.at(-1)?.[0] ?? "",
  };
}

/**
 * `summaryOf` the records, made from their times alone until the headline, link or gone mark is
 * read: a build orders every article of an outlet by its times, but lists few of them.
 */
export function lazySummaryOf(
  records: Records,
  article: { outlet: string; slug: string; urls: SiteUrls },
): ArticleSummary {
  return records instanceof StoredRecords
    ? new StoredSummary(records, article)
    : summaryOf(records, article);
}

class StoredSummary implements ArticleSummary {
  readonly outlet: string;
  readonly slug: string;
  readonly versionCount: number;
  readonly firstSeen: string;
  readonly lastChanged: string;
  readonly #records: StoredRecords;
  readonly #urls: SiteUrls;
  #summary: ArticleSummary | undefined;

  constructor(records: StoredRecords, article: { outlet: string; slug: string; urls: SiteUrls }) {
    this.outlet = article.outlet;
    this.slug = article.slug;
    this.versionCount = records.times.count;
    this.firstSeen = records.times.first;
    this.lastChanged = records.times.last;
    this.#records = records;
    this.#urls = article.urls;
  }

  get headline(): string {
    return this.#full().headline;
  }

  get href(): string {
    return this.#full().href;
  }

  get gone(): ArticleSummary["gone"] {
    return this.#full().gone;
  }

  #full(): ArticleSummary {
    this.#summary ??= summaryOf(this.#records.compact, {
      outlet: this.outlet,
      slug: this.slug,
      urls: this.#urls,
    });
    return this.#summary;
  }
}

export function compactRecords(records: ArticleRecords): CompactRecords {
  const { changes, summary } = records;
  return {
    c: changes.map((change, i) => [
      change.time,
      i > 0 && change.headline === changes[i - 1]?.headline ? 0 : change.headline,
      change.headlineChanged ? 1 : 0,
      change.revertsTo ?? 0,
      change.wordsAdded,
      change.wordsRemoved,
      change.labels.length === 0 ? 0 : change.labels.map((l): CompactLabel => [l.kind, l.text]),
    ]),
    g: summary.gone === null ? null : [summary.gone.since, summary.gone.status],
  };
}

/** The summary `compactRecords` was given, for the article at `outlet`/`slug`. */
export function summaryOf(
  compact: CompactRecords,
  article: { outlet: string; slug: string; urls: SiteUrls },
): ArticleSummary {
  const { outlet, slug, urls } = article;
  let headline = "";
  for (const [, text] of compact.c) if (text !== 0) headline = text;
  return {
    outlet,
    slug,
    headline,
    href: urls.href({ kind: "article", outlet, slug }),
    versionCount: compact.c.length,
    firstSeen: compact.c[0]?.[0] ?? "",
    lastChanged: compact.c.at(-1)?.[0] ?? "",
    gone: compact.g === null ? null : { since: compact.g[0], status: compact.g[1] },
  };
}

/**
 * The records `compactRecords` was given, for the article at `outlet`/`slug`, except that every
 * change's `diffHtml` is null: the caller fills it in where a feed shows the change.
 */
export function expandRecords(
  compact: CompactRecords,
  article: { outlet: string; slug: string; outletName: string; urls: SiteUrls },
): ArticleRecords {
  const { outlet, slug, outletName, urls } = article;
  const articleHref = urls.href({ kind: "article", outlet, slug });
  const articleUrl = urls.absolute({ kind: "article", outlet, slug });
  const count = compact.c.length;
  const firstToLatestHref = count > 2 ? urls.href({ kind: "first-to-latest", outlet, slug }) : null;
  const changes: ChangeRecord[] = [];
  let headline = "";
  for (const [
    i,
    [time, text, changed, revertsTo, wordsAdded, wordsRemoved, labels],
  ] of compact.c.entries()) {
    const previousHeadline = i === 0 ? null : headline;
    if (text !== 0) headline = text;
    const number = i + 1;
    const ref =
      i === 0
        ? ({ kind: "version", outlet, slug, number } as const)
        : ({ kind: "diff", outlet, slug, from: i, to: number } as const);
    changes.push({
      outlet,
      outletName,
      slug,
      number,
      time,
      headline,
      previousHeadline,
      headlineChanged: changed === 1,
      revertsTo: revertsTo === 0 ? null : revertsTo,
      wordsAdded,
      wordsRemoved,
      labels: labels === 0 ? [] : labels.map(([kind, text]) => ({ kind, text })),
      diffHtml: null,
      href: urls.href(ref),
      url: urls.absolute(ref),
      articleHref,
      articleUrl,
      firstToLatestHref,
    });
  }
  const summary = summaryOf(compact, article);
  const { gone } = summary;
  return {
    summary,
    changes,
    gone:
      gone === null
        ? null
        : {
            outlet,
            outletName,
            slug,
            time: gone.since,
            status: gone.status,
            headline,
            id: `${articleUrl}#gone-${new Date(gone.since).toISOString()}`,
            articleHref,
            articleUrl,
          },
  };
}
