// What a reader is shown of the diff between two versions: headline and byline word by word,
// the body's paragraphs with unchanged stretches folded, and the counts. Pure and free of site
// URLs, so that the compare script in the browser builds exactly this from the same diff.

import type { Article, ParagraphChange, VersionDiff, WordChange } from "../types.ts";
import { collapseUnchanged, type DiffRow } from "./collapse-unchanged.ts";
import { displayText } from "./display-text.ts";

/** Unchanged paragraphs shown before and after each change; the rest are folded. */
const CONTEXT_PARAGRAPHS = 2;

/** The change of a short field (headline, byline) between two versions. */
export interface FieldChange {
  changed: boolean;
  words: WordChange[];
}

/** A diff, ready to show. */
export interface DiffBody {
  headline: FieldChange;
  /** `null` when neither version has a byline. */
  byline: FieldChange | null;
  rows: DiffRow[];
  wordsAdded: number;
  wordsRemoved: number;
  /** Paragraphs by how they fared; a moved paragraph counts once. */
  paragraphs: { added: number; removed: number; edited: number; moved: number };
}

/** The diff from `before` to `after` (`diff` is `diffVersions(before, after)`), ready to show. */
export function diffBody(before: Article, after: Article, diff: VersionDiff): DiffBody {
  const paragraphs = { added: 0, removed: 0, edited: 0, moved: 0 };
  for (const paragraph of diff.paragraphs) {
    if (paragraph.kind === "moved-to") paragraphs.moved++;
    else if (paragraph.kind !== "same" && paragraph.kind !== "moved-from") {
      paragraphs[paragraph.kind]++;
    }
  }
  return {
    headline: fieldChange(diff.title),
    byline: before.byline === null && after.byline === null ? null : fieldChange(diff.byline),
    rows: collapseUnchanged(diff.paragraphs.map(cleanParagraph), CONTEXT_PARAGRAPHS),
    wordsAdded: diff.wordsAdded,
    wordsRemoved: diff.wordsRemoved,
    paragraphs,
  };
}

function fieldChange(words: readonly WordChange[]): FieldChange {
  return { changed: words.some((w) => w.kind !== "same"), words: words.map(cleanWord) };
}

function cleanWord(word: WordChange): WordChange {
  return { kind: word.kind, text: displayText(word.text) };
}

function cleanParagraph(paragraph: ParagraphChange): ParagraphChange {
  switch (paragraph.kind) {
    case "edited":
    case "moved-to":
      return {
        ...paragraph,
        before: displayText(paragraph.before),
        after: displayText(paragraph.after),
        words: paragraph.words.map(cleanWord),
      };
    default:
      return { ...paragraph, text: displayText(paragraph.text) };
  }
}
