// Turns one article's history and its version diffs into the data of its pages (history, one
// per version, one per consecutive diff) and the change records that listings and feeds use.
// Pure: same history, same data.

import type { ArticleHistory, GoneMark, Version, VersionDiff, WordChange } from "../types.ts";
import { collapseUnchanged, type DiffRow } from "./collapse-unchanged.ts";
import { describeInterval } from "./describe-interval.ts";
import { displayText } from "./display-text.ts";
import { dateText, formatPublished, type TimeText, timeText } from "./format-time.ts";
import { linkableUrl } from "./linkable-url.ts";
import type { SiteUrls } from "./site-urls.ts";

const DAY_MS = 86_400_000;
/** Unchanged paragraphs shown before and after each change on a diff page. */
const CONTEXT_PARAGRAPHS = 2;

/** A link with its text. */
export interface Link {
  href: string;
  text: string;
}

/** A URL from a page: shown as text, and linked only when it is http(s). */
export interface OriginalUrl {
  text: string;
  href: string | null;
}

/** The source no longer serves the article: since when, and its HTTP status (404, 410). */
export interface GoneText {
  since: TimeText;
  status: number;
}

/** Fields every page has. */
export interface PageBase {
  /** Output file relative to the site root. */
  outputPath: string;
  /** The page's own part of `<title>`. */
  title: string;
  /** The Atom feed the page advertises. */
  feed: Link;
}

/** `/<outlet>/<slug>/`: the article's history. */
export interface ArticlePage extends PageBase {
  outlet: Link;
  headline: string;
  firstSeen: TimeText;
  lastChanged: TimeText;
  /**
   * The last change plus the outlet's check period: the day after which the article is not
   * checked again. A fixed date, so the page is true whenever it is built.
   */
  checkedUntil: TimeText;
  /** Set while the source answers 404/410; the archived versions stay. */
  gone: GoneText | null;
  original: OriginalUrl;
  versions: {
    number: number;
    href: string;
    time: TimeText;
    /** "about 4 hours later"; `null` for the first version. */
    interval: string | null;
    headline: string;
    headlineChanged: boolean;
    /** The earlier version whose headline this one returns to (an A/B flip back). */
    revertsTo: Link | null;
    diff: { href: string; wordsAdded: number; wordsRemoved: number } | null;
  }[];
}

/** `/<outlet>/<slug>/v<N>/`: one version as archived. */
export interface VersionPage extends PageBase {
  outlet: Link;
  article: Link;
  number: number;
  count: number;
  time: TimeText;
  interval: string | null;
  headline: string;
  byline: string | null;
  published: string | null;
  original: OriginalUrl;
  paragraphs: string[];
  previous: Link | null;
  next: Link | null;
  diffFromPrevious: Link | null;
  diffToNext: Link | null;
}

/** The change of a short field (headline, byline) between two versions. */
export interface FieldChange {
  changed: boolean;
  words: WordChange[];
}

/** `/<outlet>/<slug>/diff/<M>..<N>/`: what changed between consecutive versions. */
export interface DiffPage extends PageBase {
  outlet: Link;
  article: Link;
  from: { number: number; href: string; time: TimeText };
  to: { number: number; href: string; time: TimeText };
  interval: string;
  headline: FieldChange;
  /** The earlier version whose headline the newer version returns to. */
  headlineRevertsTo: Link | null;
  /** `null` when neither version has a byline. */
  byline: FieldChange | null;
  rows: DiffRow[];
  wordsAdded: number;
  wordsRemoved: number;
  paragraphs: { added: number; removed: number; edited: number };
  previousDiff: Link | null;
  nextDiff: Link | null;
}

/** One new version of an article, as listings and feeds report it. */
export interface ChangeRecord {
  outlet: string;
  outletName: string;
  slug: string;
  number: number;
  time: string;
  headline: string;
  /** The previous version's headline; `null` for the first version. */
  previousHeadline: string | null;
  headlineChanged: boolean;
  /** The number of the earlier, non-adjacent version whose headline this one returns to. */
  revertsTo: number | null;
  wordsAdded: number;
  wordsRemoved: number;
  /** Link to the diff page (the version page for the first version). */
  href: string;
  /** Absolute URL of the same page, for feeds. */
  url: string;
  articleHref: string;
  /** Absolute URL of the article's history page, for feeds. */
  articleUrl: string;
}

/** An article the source stopped serving, as feeds report it. */
export interface GoneRecord {
  outlet: string;
  outletName: string;
  slug: string;
  /** When the source was found to answer 404/410 (`GoneMark.since`). */
  time: string;
  status: number;
  /** The newest version's headline. */
  headline: string;
  /** Stable entry id: the history page's URL with `#gone-<time>`, one per disappearance. */
  id: string;
  articleHref: string;
  /** Absolute URL of the article's history page, for feeds. */
  articleUrl: string;
}

/** An article as its outlet's listing shows it. */
export interface ArticleSummary {
  outlet: string;
  slug: string;
  headline: string;
  href: string;
  versionCount: number;
  firstSeen: string;
  lastChanged: string;
  gone: GoneMark | null;
}

/** Everything `articlePages` needs for one article. */
export interface ArticlePagesInput {
  history: ArticleHistory;
  outletName: string;
  /** `diffs[i]` is the diff from `versions[i]` to `versions[i + 1]`. */
  diffs: readonly VersionDiff[];
  urls: SiteUrls;
  /** Days after the last change during which the article is still checked (its outlet's). */
  checkDays: number;
}

/** An article's pages and the records about it. */
export interface ArticlePages {
  article: ArticlePage;
  versions: VersionPage[];
  diffs: DiffPage[];
  /** One per version, oldest first. */
  changes: ChangeRecord[];
  /** Set while the source answers 404/410. */
  gone: GoneRecord | null;
  summary: ArticleSummary;
}

/**
 * The data of every page of one article. `history.versions` must not be empty, and its gone mark
 * and `revertsTo` numbers are trusted as `usableHistories` left them.
 */
export function articlePages(input: ArticlePagesInput): ArticlePages {
  const { history, outletName, diffs, urls, checkDays } = input;
  const { outlet, slug, versions } = history;
  const first = versions[0];
  const last = versions.at(-1);
  if (first === undefined || last === undefined) {
    throw new RangeError(`${history.file} has no versions`);
  }
  const headline = headlineOf(last);
  const outletLink = { href: urls.href({ kind: "outlet", outlet }), text: outletName };
  const articleLink = { href: urls.href({ kind: "article", outlet, slug }), text: headline };
  const articleUrl = urls.absolute({ kind: "article", outlet, slug });
  const feed = {
    href: urls.href({ kind: "article-feed", outlet, slug }),
    text: `Changes to “${headline}”`,
  };
  const versionHref = (n: number) => urls.href({ kind: "version", outlet, slug, number: n });
  const diffHref = (from: number, to: number) =>
    urls.href({ kind: "diff", outlet, slug, from, to });
  const original = originalUrl(history.url);

  const versionPages: VersionPage[] = [];
  const diffPages: DiffPage[] = [];
  const changes: ChangeRecord[] = [];
  const listed: ArticlePage["versions"] = [];

  versions.forEach((version, i) => {
    const previous = versions[i - 1];
    const next = versions[i + 1];
    const diffIn = diffs[i - 1];
    const interval = previous === undefined ? null : describeInterval(previous.time, version.time);
    const versionHeadline = headlineOf(version);
    const headlineChanged =
      previous !== undefined && diffIn !== undefined && hasChange(diffIn.title);
    // A flip back is a headline change first; a label without a visible change would mislead.
    const revertsTo = headlineChanged ? (version.revertsTo ?? null) : null;
    const revertsToLink =
      revertsTo === null ? null : { href: versionHref(revertsTo), text: `version ${revertsTo}` };

    versionPages.push({
      outputPath: urls.file({ kind: "version", outlet, slug, number: version.number }),
      title: `Version ${version.number}: ${versionHeadline} — ${outletName}`,
      feed,
      outlet: outletLink,
      article: articleLink,
      number: version.number,
      count: versions.length,
      time: timeText(version.time),
      interval,
      headline: versionHeadline,
      byline: version.byline === null ? null : displayText(version.byline),
      published:
        version.published === null ? null : displayText(formatPublished(version.published)),
      original: originalUrl(version.url),
      paragraphs: version.paragraphs.map(displayText),
      previous: previous === undefined ? null : versionLink(previous.number, versionHref),
      next: next === undefined ? null : versionLink(next.number, versionHref),
      diffFromPrevious:
        previous === undefined
          ? null
          : {
              href: diffHref(previous.number, version.number),
              text: `What changed in version ${version.number}`,
            },
      diffToNext:
        next === undefined
          ? null
          : {
              href: diffHref(version.number, next.number),
              text: `What changed in version ${next.number}`,
            },
    });

    if (previous !== undefined && diffIn !== undefined) {
      const before = versions[i - 2];
      const diffOut = next === undefined ? undefined : { from: version.number, to: next.number };
      diffPages.push({
        outputPath: urls.file({
          kind: "diff",
          outlet,
          slug,
          from: previous.number,
          to: version.number,
        }),
        title: `Changes in version ${version.number}: ${versionHeadline} — ${outletName}`,
        feed,
        outlet: outletLink,
        article: articleLink,
        from: {
          number: previous.number,
          href: versionHref(previous.number),
          time: timeText(previous.time),
        },
        to: {
          number: version.number,
          href: versionHref(version.number),
          time: timeText(version.time),
        },
        interval: interval ?? "",
        headline: fieldChange(diffIn.title),
        headlineRevertsTo: revertsToLink,
        byline:
          previous.byline === null && version.byline === null ? null : fieldChange(diffIn.byline),
        rows: collapseUnchanged(diffIn.paragraphs.map(cleanParagraph), CONTEXT_PARAGRAPHS),
        wordsAdded: diffIn.wordsAdded,
        wordsRemoved: diffIn.wordsRemoved,
        paragraphs: {
          added: diffIn.paragraphs.filter((p) => p.kind === "added").length,
          removed: diffIn.paragraphs.filter((p) => p.kind === "removed").length,
          edited: diffIn.paragraphs.filter((p) => p.kind === "edited").length,
        },
        previousDiff:
          before === undefined
            ? null
            : {
                href: diffHref(before.number, previous.number),
                text: `Version ${before.number} → ${previous.number}`,
              },
        nextDiff:
          diffOut === undefined
            ? null
            : {
                href: diffHref(diffOut.from, diffOut.to),
                text: `Version ${diffOut.from} → ${diffOut.to}`,
              },
      });
    }

    const ref =
      previous === undefined
        ? ({ kind: "version", outlet, slug, number: version.number } as const)
        : ({ kind: "diff", outlet, slug, from: previous.number, to: version.number } as const);
    changes.push({
      outlet,
      outletName,
      slug,
      number: version.number,
      time: version.time,
      headline: versionHeadline,
      previousHeadline: previous === undefined ? null : headlineOf(previous),
      headlineChanged,
      revertsTo,
      wordsAdded: diffIn?.wordsAdded ?? 0,
      wordsRemoved: diffIn?.wordsRemoved ?? 0,
      href: urls.href(ref),
      url: urls.absolute(ref),
      articleHref: articleLink.href,
      articleUrl,
    });

    listed.push({
      number: version.number,
      href: versionHref(version.number),
      time: timeText(version.time),
      interval,
      headline: versionHeadline,
      headlineChanged,
      revertsTo: revertsToLink,
      diff:
        previous === undefined || diffIn === undefined
          ? null
          : {
              href: diffHref(previous.number, version.number),
              wordsAdded: diffIn.wordsAdded,
              wordsRemoved: diffIn.wordsRemoved,
            },
    });
  });

  const lastChangeMs = Date.parse(last.time);
  const { gone } = history;
  return {
    article: {
      outputPath: urls.file({ kind: "article", outlet, slug }),
      title: `History of “${headline}” — ${outletName}`,
      feed,
      outlet: outletLink,
      headline,
      firstSeen: timeText(first.time),
      lastChanged: timeText(last.time),
      checkedUntil: dateText(new Date(lastChangeMs + checkDays * DAY_MS).toISOString()),
      gone: gone === null ? null : { since: timeText(gone.since), status: gone.status },
      original,
      versions: listed,
    },
    versions: versionPages,
    diffs: diffPages,
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
            articleHref: articleLink.href,
            articleUrl,
          },
    summary: {
      outlet,
      slug,
      headline,
      href: articleLink.href,
      versionCount: versions.length,
      firstSeen: first.time,
      lastChanged: last.time,
      gone,
    },
  };
}

/** A version's headline for display; archives may lack one. */
function headlineOf(version: Version): string {
  const title = version.title === null ? "" : displayText(version.title);
  return title === "" ? "(no headline)" : title;
}

function originalUrl(url: string): OriginalUrl {
  return { text: displayText(url), href: linkableUrl(url) };
}

function versionLink(number: number, href: (n: number) => string): Link {
  return { href: href(number), text: `Version ${number}` };
}

function hasChange(words: readonly WordChange[]): boolean {
  return words.some((w) => w.kind !== "same");
}

function fieldChange(words: readonly WordChange[]): FieldChange {
  return { changed: hasChange(words), words: words.map(cleanWord) };
}

function cleanWord(word: WordChange): WordChange {
  return { kind: word.kind, text: displayText(word.text) };
}

function cleanParagraph(
  paragraph: VersionDiff["paragraphs"][number],
): VersionDiff["paragraphs"][number] {
  if (paragraph.kind !== "edited")
    return { kind: paragraph.kind, text: displayText(paragraph.text) };
  return {
    kind: "edited",
    before: displayText(paragraph.before),
    after: displayText(paragraph.after),
    words: paragraph.words.map(cleanWord),
  };
}
