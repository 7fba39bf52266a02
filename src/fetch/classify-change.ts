// Tells what kind of change separates the archived text from the page: none, an edit, or a change
// only in figures and time words inside short paragraphs ("1,204 shares" → "1,310 shares",
// "Updated 14:32" → "Updated 15:05"), which may be a counter or a clock rather than an edit: the
// volatility rule (confirm-change.ts) decides which.

import { countWords } from "../diff/tokenize-words.ts";
import type { Article } from "../types.ts";
import { shapeKey } from "./shape-key.ts";

/** A paragraph this short can be a counter or a stamp; a longer one is prose. */
export const SHORT_PARAGRAPH_WORDS = 12;

/** How two articles differ. */
export type Change =
  | { kind: "same" }
  | { kind: "edit" }
  /** Only figures or time words changed, each time in a short paragraph: their shape keys. */
  | { kind: "figures-only"; shapes: string[] };

/**
 * Compares `previous` with `next` paragraph by paragraph (after `fold`, which says what counts as
 * the same character). Headline, byline and date changes, added or removed paragraphs, and
 * changes in long paragraphs are edits.
 */
export function classifyChange(
  previous: Article,
  next: Article,
  fold: (text: string) => string = (text) => text,
): Change {
  const field = (value: string | null) => (value === null ? null : fold(value));
  if (
    field(previous.title) !== field(next.title) ||
    field(previous.byline) !== field(next.byline) ||
    previous.published !== next.published ||
    previous.paragraphs.length !== next.paragraphs.length
  ) {
    return { kind: "edit" };
  }
  const shapes = new Set<string>();
  for (const [i, before] of previous.paragraphs.map(fold).entries()) {
    const after = fold(next.paragraphs[i] ?? "");
    if (before === after) continue;
    const short =
      countWords(before) <= SHORT_PARAGRAPH_WORDS && countWords(after) <= SHORT_PARAGRAPH_WORDS;
    const key = shapeKey(before);
    if (!short || key !== shapeKey(after)) return { kind: "edit" };
    shapes.add(key);
  }
  return shapes.size === 0 ? { kind: "same" } : { kind: "figures-only", shapes: [...shapes] };
}
