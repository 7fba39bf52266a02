// Everything that changed between two versions of an article: headline and byline word by word,
// then the body paragraph by paragraph, with word-level changes inside edited paragraphs.

import type { Article, ParagraphChange, VersionDiff, WordChange } from "../types.ts";
import { alignParagraphs } from "./align-paragraphs.ts";
import { DiffBudget } from "./diff-budget.ts";
import { diffWords } from "./diff-words.ts";
import { countWords } from "./tokenize-words.ts";

/**
 * The diff from `before` to `after`. A missing headline or byline compares as empty text.
 * `wordsAdded` and `wordsRemoved` count words (not punctuation) in everything shown as added or
 * removed: headline, byline, added and removed paragraphs, and the changed parts of edited and
 * moved ones (a paragraph moved as it was adds and removes nothing).
 * All of it shares one `budget` of work (see diff-budget.ts), so any two versions, however long
 * and however different, are compared in bounded time.
 */
export function diffVersions(
  before: Article,
  after: Article,
  budget: DiffBudget = new DiffBudget(),
): VersionDiff {
  const title = diffWords(before.title ?? "", after.title ?? "", budget);
  const byline = diffWords(before.byline ?? "", after.byline ?? "", budget);
  const counts = { added: 0, removed: 0 };
  const countChanges = (changes: WordChange[]): void => {
    for (const change of changes) {
      if (change.kind !== "same") counts[change.kind] += countWords(change.text);
    }
  };
  countChanges(title);
  countChanges(byline);
  const paragraphs: ParagraphChange[] = alignParagraphs(
    before.paragraphs,
    after.paragraphs,
    budget,
  ).map((step): ParagraphChange => {
    switch (step.kind) {
      case "edited":
      case "moved-to": {
        const words = diffWords(step.before, step.after, budget);
        countChanges(words);
        return { ...step, words };
      }
      case "added":
      case "removed":
        counts[step.kind] += countWords(step.text);
        return step;
      default:
        // Unchanged, or the old place of a moved paragraph: its words are counted where it went.
        return step;
    }
  });
  return { title, byline, paragraphs, wordsAdded: counts.added, wordsRemoved: counts.removed };
}
