// Builds the data of the listing pages — the front page of recent changes, each outlet's page and
// its pages by the day articles were first seen, and the headline-changes page — from every
// article's summary and change records. Pure.
//
// The listings are laid out so that one new version rewrites few of them: an outlet's page shows
// its most recently changed articles and links every day an article was first seen; each day's
// page lists that day's articles in the order they were first seen, 100 to a page. A new version
// changes the outlet's page and the one day page that lists its article; a new article is added
// at the end of its day. Rolling "page N of M" lists would instead shift every page at each change.

import { compareStrings } from "./compare-strings.ts";
import type { LabelText } from "./describe-label.ts";
import { type TimeText, timeText } from "./format-time.ts";
import { type MostEditedItem, mostEdited } from "./most-edited.ts";
import { type OutletTotals, outletTotals } from "./outlet-totals.ts";
import type { ArticleSummary, ChangeRecord, GoneText, Link, PageBase } from "./page-types.ts";
import { paginate } from "./paginate.ts";
import type { SiteUrls } from "./site-urls.ts";

export const RECENT_CHANGES = 50;
export const RECENT_HEADLINES = 20;
/** Headline changes on /headlines/; the headlines feed has the latest too. */
export const HEADLINES_PAGE = 200;
/** Articles on an outlet's own page: the most recently changed. */
export const RECENT_ARTICLES = 50;
/** Articles on one page of a day's list; a busy day continues on further pages. */
export const ARTICLES_PER_DAY_PAGE = 100;
const MONTHS = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** A change as a listing shows it. */
export interface ChangeItem {
  time: TimeText;
  outlet: Link;
  number: number;
  headline: string;
  previousHeadline: string | null;
  /** The earlier version whose headline this one returns to (an A/B flip back). */
  revertsTo: number | null;
  href: string;
  articleHref: string;
  wordsAdded: number;
  wordsRemoved: number;
  labels: LabelText[];
  /** The article's first-versus-latest diff, when it has one. */
  firstToLatestHref: string | null;
}

/** An article as a listing shows it. */
export interface ArticleItem {
  headline: string;
  href: string;
  versionCount: number;
  firstSeen: TimeText;
  lastChanged: TimeText;
  /** Set while the source answers 404/410. */
  gone: GoneText | null;
}

/** `/`: recent changes across outlets. */
export interface HomePage extends PageBase {
  changes: ChangeItem[];
  headlines: ChangeItem[];
  /** The articles with the most new versions in the week up to the newest change. */
  mostEdited: { since: TimeText | null; until: TimeText | null; items: MostEditedItem[] };
  headlinesPage: string;
  totals: { outlets: number; articles: number; versions: number; changes: number };
  outlets: { name: string; href: string; feed: string; articles: number }[];
}

/** `/<outlet>/`: the outlet's most recently changed articles, and its days. */
export interface OutletPage extends PageBase {
  name: string;
  articleCount: number;
  /** The most recently changed articles, newest change first. */
  recent: ArticleItem[];
  /** Every day an article was first seen, newest first, grouped by month. */
  months: { name: string; days: { href: string; text: string; articles: number }[] }[];
}

/** `/<outlet>/page/<YYYY-MM-DD>/` (and `…/<N>/` for N ≥ 2): articles first seen that day (UTC). */
export interface DayPage extends PageBase {
  outlet: Link;
  /** The day, e.g. "5 January 2026". */
  day: string;
  part: number;
  /** In the order they were first seen. */
  articles: ArticleItem[];
  /** The page before: the previous part of the day, or the last page of the previous day. */
  previous: Link | null;
  next: Link | null;
}

/** `/headlines/`: the latest headline changes across outlets, each as was and now. */
export interface HeadlinesPage extends PageBase {
  changes: ChangeItem[];
  /** How many headline changes there are in all (the page shows the latest). */
  total: number;
}

/** How many versions, edits (versions after the first) and headline changes there are. */
export interface ChangeCounts {
  versions: number;
  edits: number;
  headlineChanges: number;
}

/** Everything the listing pages are made from. */
export interface ListingInput {
  /** In display order; outlets without articles included. */
  outlets: readonly { id: string; name: string }[];
  summaries: readonly ArticleSummary[];
  /**
   * Every version of every article (the first versions included), or at least every one the
   * pages show (`siteChanges` chooses those) when `counts` are given.
   */
  changes: readonly ChangeRecord[];
  /** How many versions, edits and headline changes there are; counted from `changes` if absent. */
  counts?: ChangeCounts;
  /**
   * Each outlet's totals, when `summaries` are those of the outlets in `outletPagesOf` alone;
   * counted from `summaries` if absent.
   */
  totals?: ReadonlyMap<string, OutletTotals>;
  urls: SiteUrls;
  /**
   * The outlets whose own pages (outlet page and day pages) to make; all when absent. A build
   * leaves out the outlets none of whose articles changed: their pages are as they were.
   */
  outletPagesOf?: ReadonlySet<string>;
  /**
   * For the outlets it names, the days (YYYY-MM-DD, UTC) an article was first seen, or was
   * before, of the articles that changed: only those days' pages and the pages just before and
   * after them are made, the others being as they were. All are made for other outlets.
   */
  daysOf?: ReadonlyMap<string, ReadonlySet<string>>;
}

/** One page of an outlet's list by day. */
export interface DayPart {
  outlet: string;
  day: string;
  part: number;
}

/**
 * The front page, every outlet page, every day page and the headline-changes page (the outlet and
 * day pages of `outletPagesOf` only, when given).
 */
export function listingPages(input: ListingInput): {
  home: HomePage;
  outlets: OutletPage[];
  /** The day pages made (see `daysOf`). */
  days: DayPage[];
  /** Every day page of the outlets whose pages were made, made or not. */
  dayParts: DayPart[];
  /** The articles of each outlet whose pages were made, by day (`articlesByDay`). */
  byDay: Map<string, [string, ArticleSummary[]][]>;
  headlines: HeadlinesPage;
} {
  const { outlets, summaries, changes, urls, outletPagesOf, daysOf } = input;
  const counts = input.counts ?? countChanges(changes);
  const totals = input.totals ?? outletTotals(summaries);
  const byOutlet = new Map<string, ArticleSummary[]>(outlets.map((o) => [o.id, []]));
  for (const summary of summaries) byOutlet.get(summary.outlet)?.push(summary);

  const outletPages: OutletPage[] = [];
  const dayPages: DayPage[] = [];
  const dayParts: DayPart[] = [];
  const daysByOutlet = new Map<string, [string, ArticleSummary[]][]>();
  for (const outlet of outlets) {
    if (outletPagesOf !== undefined && !outletPagesOf.has(outlet.id)) continue;
    // Each article's times, parsed once: an outlet can have tens of thousands to order.
    const articles = (byOutlet.get(outlet.id) ?? []).map(timed);
    const feed = {
      href: urls.href({ kind: "feed", name: outlet.id }),
      text: `Changes at ${outlet.name}`,
    };
    const outletLink = {
      href: urls.href({ kind: "outlet", outlet: outlet.id }),
      text: outlet.name,
    };
    const days = byDay(articles);
    daysByOutlet.set(outlet.id, days);
    const parts = days.flatMap(([day, list]) =>
      paginate(list, ARTICLES_PER_DAY_PAGE).map((page) => ({ day, part: page.number, page })),
    );
    const dayRef = (day: string, part: number) =>
      ({ kind: "day", outlet: outlet.id, day, part }) as const;
    const made = partsToMake(
      parts.map((p) => p.day),
      daysOf?.get(outlet.id),
    );
    parts.forEach(({ day, part, page }, i) => {
      dayParts.push({ outlet: outlet.id, day, part });
      if (!made(i)) return;
      const before = parts[i - 1];
      const after = parts[i + 1];
      const text = dayText(day);
      dayPages.push({
        outputPath: urls.file(dayRef(day, part)),
        title: `${outlet.name}: first seen on ${text}${part > 1 ? `, page ${part}` : ""}`,
        feed,
        share: null,
        scripts: [],
        outlet: outletLink,
        day: text,
        part,
        articles: page.items.map(articleItem),
        previous:
          before === undefined
            ? null
            : {
                href: urls.href(dayRef(before.day, before.part)),
                text: partText(before.day, before.part),
              },
        next:
          after === undefined
            ? null
            : {
                href: urls.href(dayRef(after.day, after.part)),
                text: partText(after.day, after.part),
              },
      });
    });
    const months = new Map<string, OutletPage["months"][number]>();
    for (const [day, list] of [...days].reverse()) {
      const name = monthText(day);
      const month = months.get(name) ?? { name, days: [] };
      months.set(name, month);
      month.days.push({
        href: urls.href(dayRef(day, 1)),
        text: dayText(day),
        articles: list.length,
      });
    }
    outletPages.push({
      outputPath: urls.file({ kind: "outlet", outlet: outlet.id }),
      title: outlet.name,
      feed,
      share: null,
      scripts: [],
      name: outlet.name,
      articleCount: articles.length,
      recent: newest(articles, RECENT_ARTICLES, byLastChanged).map((a) => articleItem(a.summary)),
      months: [...months.values()],
    });
  }

  const edits = changes.filter((c) => c.number > 1);
  const toItem = (c: ChangeRecord): ChangeItem => ({
    time: timeText(c.time),
    outlet: { href: urls.href({ kind: "outlet", outlet: c.outlet }), text: c.outletName },
    number: c.number,
    headline: c.headline,
    previousHeadline: c.previousHeadline,
    revertsTo: c.revertsTo,
    href: c.href,
    articleHref: c.articleHref,
    wordsAdded: c.wordsAdded,
    wordsRemoved: c.wordsRemoved,
    labels: c.labels,
    firstToLatestHref: c.firstToLatestHref,
  });
  const headlineChanges = edits.filter((c) => c.headlineChanged);
  const home: HomePage = {
    outputPath: urls.file({ kind: "home" }),
    title: "Recent changes",
    feed: { href: urls.href({ kind: "feed", name: "all" }), text: "All changes" },
    share: null,
    scripts: [],
    changes: newest(edits, RECENT_CHANGES, byNewest).map(toItem),
    headlines: newest(headlineChanges, RECENT_HEADLINES, byNewest).map(toItem),
    mostEdited: mostEdited(changes, urls),
    headlinesPage: urls.href({ kind: "headlines" }),
    totals: {
      outlets: outlets.length,
      articles: [...totals.values()].reduce((sum, t) => sum + t.articles, 0),
      versions: counts.versions,
      changes: counts.edits,
    },
    outlets: outlets.map((o) => ({
      name: o.name,
      href: urls.href({ kind: "outlet", outlet: o.id }),
      feed: urls.href({ kind: "feed", name: o.id }),
      articles: totals.get(o.id)?.articles ?? 0,
    })),
  };
  const headlines: HeadlinesPage = {
    outputPath: urls.file({ kind: "headlines" }),
    title: "Headline changes",
    feed: { href: urls.href({ kind: "feed", name: "headlines" }), text: "Headline changes" },
    share: null,
    scripts: [],
    changes: newest(headlineChanges, HEADLINES_PAGE, byNewest).map(toItem),
    total: counts.headlineChanges,
  };
  return { home, outlets: outletPages, days: dayPages, dayParts, byDay: daysByOutlet, headlines };
}

/**
 * Which of an outlet's day pages (`days[i]`: the day of page i, in order) to make: all without
 * `changed`, else every page of a changed day and the page just before and after those (their
 * links to the next and previous page change when a day or a page is added or removed).
 */
function partsToMake(
  days: readonly string[],
  changed: ReadonlySet<string> | undefined,
): (index: number) => boolean {
  if (changed === undefined) return () => true;
  const made = new Set<number>();
  for (const day of changed) {
    let first = days.findIndex((d) => d >= day);
    if (first === -1) first = days.length;
    let last = first;
    while (last < days.length && days[last] === day) last++;
    // Pages first - 1 to last: the one before, the day's own, and the one after.
    for (let i = Math.max(0, first - 1); i <= Math.min(last, days.length - 1); i++) made.add(i);
  }
  return (index) => made.has(index);
}

/** Newest change first; ties in a fixed order so output never depends on input order. */
export function byNewest(a: ChangeRecord, b: ChangeRecord): number {
  return byNewestAt(Date.parse(a.time), a, Date.parse(b.time), b);
}

/** The order of `byNewest`, given each change's time in milliseconds (`aMs`, `bMs`). */
export function byNewestAt(aMs: number, a: ChangeId, bMs: number, b: ChangeId): number {
  return (
    bMs - aMs ||
    compareStrings(a.outlet, b.outlet) ||
    compareStrings(a.slug, b.slug) ||
    b.number - a.number
  );
}

/** What names a change apart from its time. */
interface ChangeId {
  outlet: string;
  slug: string;
  number: number;
}

/**
 * The first `count` items in `order`, as sorting the whole list and taking them would give, but
 * without sorting it (see `keepNewest`).
 */
export function newest<T>(items: readonly T[], count: number, order: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  for (const item of items) keepNewest(kept, item, count, order);
  return kept;
}

/**
 * Adds `item` to `kept` (the first items in `order` seen so far, at most `count`) if it belongs
 * there: it is checked against the last one kept, then placed by bisection.
 */
export function keepNewest<T>(
  kept: T[],
  item: T,
  count: number,
  order: (a: T, b: T) => number,
): void {
  if (count < 1) return;
  if (kept.length === count && order(item, kept[count - 1] as T) >= 0) return;
  // The first position whose item sorts after `item`: equal items keep their input order.
  let low = 0;
  let high = kept.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (order(item, kept[mid] as T) < 0) high = mid;
    else low = mid + 1;
  }
  kept.splice(low, 0, item);
  if (kept.length > count) kept.pop();
}

/** An article's summary with its first-seen and last-changed times in milliseconds. */
interface Timed {
  summary: ArticleSummary;
  first: number;
  last: number;
}

function timed(summary: ArticleSummary): Timed {
  return { summary, first: Date.parse(summary.firstSeen), last: Date.parse(summary.lastChanged) };
}

/** The outlet's articles by the UTC day they were first seen, oldest day first, each in order. */
function byDay(articles: readonly Timed[]): [string, ArticleSummary[]][] {
  const days = new Map<string, Timed[]>();
  for (const article of articles) {
    const day = dayOfMs(article.first);
    const list = days.get(day);
    if (list === undefined) days.set(day, [article]);
    else list.push(article);
  }
  return [...days]
    .sort(([a], [b]) => compareStrings(a, b))
    .map(([day, list]) => [day, list.sort(byFirstSeen).map((a) => a.summary)]);
}

/** An outlet's articles by the UTC day they were first seen, oldest day first, each in order. */
export function articlesByDay(summaries: readonly ArticleSummary[]): [string, ArticleSummary[]][] {
  return byDay(summaries.map(timed));
}

/** The UTC day (YYYY-MM-DD) of a time, as the lists by day group articles. */
export function dayOf(time: string): string {
  return dayOfMs(Date.parse(time));
}

function dayOfMs(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function articleItem(a: ArticleSummary): ArticleItem {
  return {
    headline: a.headline,
    href: a.href,
    versionCount: a.versionCount,
    firstSeen: timeText(a.firstSeen),
    lastChanged: timeText(a.lastChanged),
    gone: a.gone === null ? null : { since: timeText(a.gone.since), status: a.gone.status },
  };
}

function byLastChanged(a: Timed, b: Timed): number {
  return b.last - a.last || b.first - a.first || compareStrings(a.summary.slug, b.summary.slug);
}

function byFirstSeen(a: Timed, b: Timed): number {
  return a.first - b.first || compareStrings(a.summary.slug, b.summary.slug);
}

/** "2026-01-05" → "5 January 2026". */
function dayText(day: string): string {
  const [year, month, date] = day.split("-");
  return `${Number(date)} ${MONTHS[Number(month) - 1]} ${year}`;
}

function monthText(day: string): string {
  const [year, month] = day.split("-");
  return `${MONTHS[Number(month) - 1]} ${year}`;
}

function partText(day: string, part: number): string {
  return part === 1 ? dayText(day) : `${dayText(day)}, page ${part}`;
}

/** The counts of a full list of changes (`siteChanges` counts them without expanding them). */
export function countChanges(changes: readonly ChangeRecord[]): ChangeCounts {
  let edits = 0;
  let headlineChanges = 0;
  for (const change of changes) {
    if (change.number === 1) continue;
    edits++;
    if (change.headlineChanged) headlineChanges++;
  }
  return { versions: changes.length, edits, headlineChanges };
}
