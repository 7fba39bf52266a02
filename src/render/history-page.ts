// The data of an article's history page, `/<outlet>/<slug>/`: the facts about the article, every
// version with its time, headline and what it changed, the compare control, and the latest
// version's text (the page search indexes for the article). Pure.

import type { Version } from "../types.ts";
import {
  type ArticleContext,
  articlePageHead,
  changedTimes,
  headlineChangeAt,
  headlineOf,
} from "./article-context.ts";
import { type CompareForm, compareForm } from "./compare-form.ts";
import { describeInterval } from "./describe-interval.ts";
import type { LabelText } from "./describe-label.ts";
import { displayText } from "./display-text.ts";
import { dateText, formatTime, type TimeText, timeText } from "./format-time.ts";
import type { GoneText, Link, OriginalUrl, PageBase } from "./page-types.ts";

const DAY_MS = 86_400_000;
/**
 * Characters of the latest text the history page carries (and search indexes). A news article
 * fits many times over; a hostile page of megabytes would make the page and its index slow for
 * everyone, so the rest is left to the version page.
 */
const LATEST_TEXT_CHARACTERS = 50_000;

/** `/<outlet>/<slug>/`: the article's history. */
export interface HistoryPage extends PageBase {
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
  /** The first-versus-latest diff, for articles with three or more versions. */
  firstToLatest: Link | null;
  compare: CompareForm | null;
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
    /** What the version changed, in words; none for the first. */
    labels: LabelText[];
    diff: { href: string; wordsAdded: number; wordsRemoved: number } | null;
  }[];
  /**
   * The latest version's text, shown folded, and what search indexes the article by; cut after
   * about 50,000 characters, with a link to the version for the rest.
   */
  latest: { number: number; byline: string | null; paragraphs: string[]; rest: Link | null };
}

/** The history page of the article in `context`. */
export function historyPage(context: ArticleContext): HistoryPage {
  const { history, diffs, checkDays } = context;
  const { outlet, slug, versions, gone } = history;
  const first = versions[0];
  const last = versions.at(-1);
  if (first === undefined || last === undefined) {
    throw new RangeError(`${history.file} has no versions`);
  }
  const changes = versions.length - 1;
  const latestLabels = (context.labels.at(-1) ?? []).map((l) => l.text).join(", ");
  return {
    ...articlePageHead(
      context,
      { kind: "article", outlet, slug },
      `${context.headline} — ${changedTimes(changes)}`,
      `${context.outlet.text}, first seen ${formatTime(first.time)}. ${
        changes === 0
          ? "No changes recorded yet."
          : `${versions.length} versions; latest change ${formatTime(last.time)}${latestLabels === "" ? "" : `: ${latestLabels}`}.`
      }`,
    ),
    scripts: [],
    outlet: context.outlet,
    headline: context.headline,
    firstSeen: timeText(first.time),
    lastChanged: timeText(last.time),
    checkedUntil: dateText(new Date(Date.parse(last.time) + checkDays * DAY_MS).toISOString()),
    gone: gone === null ? null : { since: timeText(gone.since), status: gone.status },
    original: context.original,
    firstToLatest: context.firstToLatestLink,
    compare: compareForm(context),
    versions: versions.map((version, i) => {
      const previous = versions[i - 1];
      const diff = diffs[i - 1];
      const { changed, revertsTo } = headlineChangeAt(context, i);
      return {
        number: version.number,
        href: context.versionHref(version.number),
        time: timeText(version.time),
        interval: previous === undefined ? null : describeInterval(previous.time, version.time),
        headline: headlineOf(version),
        headlineChanged: changed,
        revertsTo:
          revertsTo === null
            ? null
            : { href: context.versionHref(revertsTo), text: `version ${revertsTo}` },
        labels: context.labels[i] ?? [],
        diff:
          previous === undefined || diff === undefined
            ? null
            : {
                href: context.diffHref(previous.number, version.number),
                wordsAdded: diff.wordsAdded,
                wordsRemoved: diff.wordsRemoved,
              },
      };
    }),
    latest: latestText(context, last),
  };
}

/** The latest version's text for the history page, at most `LATEST_TEXT_CHARACTERS` of it. */
function latestText(context: ArticleContext, last: Version): HistoryPage["latest"] {
  const paragraphs: string[] = [];
  let room = LATEST_TEXT_CHARACTERS;
  for (const paragraph of last.paragraphs) {
    if (room <= 0) break;
    const text = displayText(paragraph);
    paragraphs.push(text.length <= room ? text : clip(text, room));
    room -= text.length;
  }
  return {
    number: last.number,
    byline: last.byline === null ? null : displayText(last.byline),
    paragraphs,
    rest:
      room >= 0
        ? null
        : {
            href: context.versionHref(last.number),
            text: `Read the rest in version ${last.number}`,
          },
  };
}

/** The first `length` characters of `text` (never half a surrogate pair) and "…". */
function clip(text: string, length: number): string {
  const code = text.charCodeAt(length - 1);
  return `${text.slice(0, code >= 0xd800 && code <= 0xdbff ? length - 1 : length)}…`;
}
