// The data of a diff page, `/<outlet>/<slug>/diff/<M>..<N>/`: headline and byline word by word,
// then the body's paragraphs as they fared, with unchanged stretches folded. Pure.

import type { ParagraphChange, VersionDiff, WordChange } from "../types.ts";
import { type ArticleContext, headlineChangeAt, headlineOf } from "./article-context.ts";
import { collapseUnchanged, type DiffRow } from "./collapse-unchanged.ts";
import { describeInterval } from "./describe-interval.ts";
import { displayText } from "./display-text.ts";
import { type TimeText, timeText } from "./format-time.ts";
import type { Link, PageBase } from "./page-types.ts";

/** Unchanged paragraphs shown before and after each change on a diff page. */
const CONTEXT_PARAGRAPHS = 2;

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

/** The page of the change into version `index` (0-based, ≥ 1) of the article in `context`. */
export function diffPage(context: ArticleContext, index: number, diff: VersionDiff): DiffPage {
  const { history, urls } = context;
  const { outlet, slug, versions } = history;
  const previous = versions[index - 1];
  const version = versions[index];
  if (previous === undefined || version === undefined) {
    throw new RangeError(`${history.file} has no versions ${index} and ${index + 1}`);
  }
  const before = versions[index - 2];
  const next = versions[index + 1];
  const { revertsTo } = headlineChangeAt(context, index);
  return {
    outputPath: urls.file({
      kind: "diff",
      outlet,
      slug,
      from: previous.number,
      to: version.number,
    }),
    title: `Changes in version ${version.number}: ${headlineOf(version)} — ${context.outlet.text}`,
    feed: context.feed,
    outlet: context.outlet,
    article: context.article,
    from: {
      number: previous.number,
      href: context.versionHref(previous.number),
      time: timeText(previous.time),
    },
    to: {
      number: version.number,
      href: context.versionHref(version.number),
      time: timeText(version.time),
    },
    interval: describeInterval(previous.time, version.time),
    headline: fieldChange(diff.title),
    headlineRevertsTo:
      revertsTo === null
        ? null
        : { href: context.versionHref(revertsTo), text: `version ${revertsTo}` },
    byline: previous.byline === null && version.byline === null ? null : fieldChange(diff.byline),
    rows: collapseUnchanged(diff.paragraphs.map(cleanParagraph), CONTEXT_PARAGRAPHS),
    wordsAdded: diff.wordsAdded,
    wordsRemoved: diff.wordsRemoved,
    paragraphs: {
      added: diff.paragraphs.filter((p) => p.kind === "added").length,
      removed: diff.paragraphs.filter((p) => p.kind === "removed").length,
      edited: diff.paragraphs.filter((p) => p.kind === "edited").length,
    },
    previousDiff:
      before === undefined
        ? null
        : {
            href: context.diffHref(before.number, previous.number),
            text: `Version ${before.number} → ${previous.number}`,
          },
    nextDiff:
      next === undefined
        ? null
        : {
            href: context.diffHref(version.number, next.number),
            text: `Version ${version.number} → ${next.number}`,
          },
  };
}

function fieldChange(words: readonly WordChange[]): FieldChange {
  return { changed: words.some((w) => w.kind !== "same"), words: words.map(cleanWord) };
}

function cleanWord(word: WordChange): WordChange {
  return { kind: word.kind, text: displayText(word.text) };
}

function cleanParagraph(paragraph: ParagraphChange): ParagraphChange {
  if (paragraph.kind !== "edited") {
    return { kind: paragraph.kind, text: displayText(paragraph.text) };
  }
  return {
    kind: "edited",
    before: displayText(paragraph.before),
    after: displayText(paragraph.after),
    words: paragraph.words.map(cleanWord),
  };
}
