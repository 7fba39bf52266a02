// Says what a new version changed in a reader's words — "headline changed", "figure changed:
// $1.2 → $2.1", "correction added", "punctuation only" — from the diff alone. Pure, so the labels
// are computed once at build time and the same everywhere (pages, listings, feed titles).

import type { ChangeLabel, ParagraphChange, VersionDiff, WordChange } from "../types.ts";
import { isWordToken, tokenizeWords } from "./tokenize-words.ts";

/** Figures listed in one label at most; more are summed up by the label's text. */
const MAX_FIGURES = 5;

/** A figure is a number token ("12", "1.2", "3,000"), with a currency sign or percent sign. */
const NUMBER = /^\p{N}+(?:[.,:]\p{N}+)*$/u;
const CURRENCY = /^[$€£¥₹]$/u;

/** Opening and closing quotation marks that delimit a quote. */
const QUOTES: [string, string][] = [
  ["“", "”"],
  ["„", "“"],
  ["«", "»"],
  ["‹", "›"],
  ['"', '"'],
];

/** Paragraphs that announce a correction or an update, as newsrooms word them. */
const NOTES: [ChangeLabel & { kind: "note" }, RegExp][] = [
  [
    { kind: "note", note: "correction" },
    /^\W*(?:(?:correction|clarification)s?\s*[:.—–-]|an earlier version of this (?:article|story|report)\b)|\bthis (?:article|story|report) (?:has been|was) corrected\b/iu,
  ],
  [{ kind: "note", note: "editor’s note" }, /^\W*editor['’]s note\s*[:.—–-]/iu],
  [
    { kind: "note", note: "update" },
    /^\W*update[ds]?\b[^:—–]{0,40}[:—–]|\bthis (?:article|story|report) (?:has been|was) updated\b/iu,
  ],
];

/**
 * The labels of the change from one version to the next, in the order a reader wants them:
 * headline (or its revert), byline, notes, figures, quotes, then paragraph counts. A change of
 * nothing but punctuation or spacing gets that label alone. `revertsTo` is the earlier version
 * whose headline the new one returns to, when it does.
 */
export function changeLabels(diff: VersionDiff, revertsTo: number | null = null): ChangeLabel[] {
  const labels: ChangeLabel[] = [];
  const headlineChanged = hasChange(diff.title);
  if (headlineChanged && revertsTo !== null) labels.push({ kind: "reverted", to: revertsTo });
  const anyChange =
    headlineChanged ||
    hasChange(diff.byline) ||
    diff.paragraphs.some(
      (p) => p.kind !== "same" && !(p.kind === "moved-to" && !hasChange(p.words)),
    );
  const moves = diff.paragraphs.filter((p) => p.kind === "moved-to").length;
  if (!anyChange && moves === 0) return labels;
  if (
    diff.wordsAdded === 0 &&
    diff.wordsRemoved === 0 &&
    moves === 0 &&
    !paragraphsCameOrWent(diff)
  ) {
    labels.push({ kind: "punctuation" });
    return labels;
  }
  if (headlineChanged && revertsTo === null) labels.push({ kind: "headline" });
  if (hasChange(diff.byline)) labels.push({ kind: "byline" });
  labels.push(...notesAdded(diff.paragraphs));

  const edits: WordChange[][] = [diff.title];
  for (const p of diff.paragraphs)
    if (p.kind === "edited" || p.kind === "moved-to") edits.push(p.words);
  const figures = edits.flatMap(figureChanges);
  if (figures.length > 0) labels.push({ kind: "figures", changes: figures.slice(0, MAX_FIGURES) });
  if (edits.slice(1).some(changesQuote)) labels.push({ kind: "quote" });

  const count = (kind: ParagraphChange["kind"]) =>
    diff.paragraphs.filter((p) => p.kind === kind).length;
  const edited = count("edited");
  if (edited > 0) labels.push({ kind: "edited", count: edited });
  if (count("added") > 0) labels.push({ kind: "added", count: count("added") });
  if (count("removed") > 0) labels.push({ kind: "removed", count: count("removed") });
  if (moves > 0) labels.push({ kind: "moved", count: moves });
  return labels;
}

function hasChange(words: readonly WordChange[]): boolean {
  return words.some((w) => w.kind !== "same");
}

function paragraphsCameOrWent(diff: VersionDiff): boolean {
  return diff.paragraphs.some((p) => p.kind === "added" || p.kind === "removed");
}

/** One label per kind of note that an added paragraph, or an edit, brought in. */
function notesAdded(paragraphs: readonly ParagraphChange[]): ChangeLabel[] {
  const found = new Set<number>();
  for (const p of paragraphs) {
    const before = p.kind === "edited" ? p.before : p.kind === "added" ? "" : null;
    const after = p.kind === "edited" ? p.after : p.kind === "added" ? p.text : null;
    if (before === null || after === null) continue;
    NOTES.forEach(([, pattern], i) => {
      if (pattern.test(after) && !pattern.test(before)) found.add(i);
    });
  }
  return [...found].sort((a, b) => a - b).map((i) => (NOTES[i] as [ChangeLabel, RegExp])[0]);
}

/**
 * The figures a word diff changed: for each stretch of removed-then-added text, the numbers on
 * each side, with a currency sign just before the stretch or a percent sign just after it. Pairs
 * in order when both sides hold as many numbers (after dropping those on both sides); otherwise
 * each side's numbers joined.
 */
function figureChanges(words: readonly WordChange[]): { before: string; after: string }[] {
  const changes: { before: string; after: string }[] = [];
  // Neighbours never share a kind and removals come first, so a stretch of changes is a removal,
  // an addition, or a removal then an addition, with unchanged text (or nothing) around it.
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as WordChange;
    if (word.kind === "same") continue;
    const start = i;
    if (word.kind === "removed" && words[i + 1]?.kind === "added") i++;
    const removed = word.kind === "removed" ? word.text : "";
    const added = (words[i] as WordChange).kind === "added" ? (words[i] as WordChange).text : "";
    const previous = words[start - 1];
    const next = words[i + 1];
    const sign =
      previous?.kind === "same" && CURRENCY.test(previous.text.slice(-1))
        ? previous.text.slice(-1)
        : "";
    const percent = next?.kind === "same" && next.text.startsWith("%") ? "%" : "";
    // A figure on both sides only moved within a rewritten sentence: it did not change.
    const [before, after] = withoutCommon(
      figuresIn(removed, sign, percent),
      figuresIn(added, sign, percent),
    );
    if (before.length === 0 || after.length === 0) continue;
    if (before.length === after.length) {
      before.forEach((b, k) => {
        const a = after[k] as string;
        if (a !== b) changes.push({ before: b, after: a });
      });
    } else changes.push({ before: before.join(", "), after: after.join(", ") });
  }
  return changes;
}

/** Both lists without the items they share (as multisets), order otherwise kept. */
function withoutCommon(before: string[], after: string[]): [string[], string[]] {
  const inAfter = new Map<string, number>();
  for (const figure of after) inAfter.set(figure, (inAfter.get(figure) ?? 0) + 1);
  const shared = new Map<string, number>();
  const kept = before.filter((figure) => {
    const left = inAfter.get(figure) ?? 0;
    if (left === 0) return true;
    inAfter.set(figure, left - 1);
    shared.set(figure, (shared.get(figure) ?? 0) + 1);
    return false;
  });
  const rest = after.filter((figure) => {
    const left = shared.get(figure) ?? 0;
    if (left === 0) return true;
    shared.set(figure, left - 1);
    return false;
  });
  return [kept, rest];
}

/**
 * The figures in a changed stretch: its number tokens, each with the currency sign before it and
 * the percent sign after it, looking just outside the stretch for the first and last.
 */
function figuresIn(text: string, sign: string, percent: string): string[] {
  const tokens = tokenizeWords(text);
  const figures: string[] = [];
  tokens.forEach((token, k) => {
    if (!NUMBER.test(token)) return;
    const previous = tokens[k - 1];
    const next = tokens[k + 1];
    const before = previous === undefined ? sign : CURRENCY.test(previous) ? previous : "";
    const after = next === undefined ? percent : next === "%" ? "%" : "";
    figures.push(before + token + after);
  });
  return figures;
}

/** Whether any changed word of a paragraph sits inside quotation marks, before or after. */
function changesQuote(words: readonly WordChange[]): boolean {
  const before = words
    .filter((w) => w.kind !== "added")
    .map((w) => w.text)
    .join("");
  const after = words
    .filter((w) => w.kind !== "removed")
    .map((w) => w.text)
    .join("");
  const quotedBefore = quotedRanges(before);
  const quotedAfter = quotedRanges(after);
  let o = 0;
  let n = 0;
  for (const word of words) {
    const length = word.text.length;
    const hasWords = tokenizeWords(word.text).some(isWordToken);
    if (word.kind === "removed" && hasWords && overlaps(quotedBefore, o, o + length)) return true;
    if (word.kind === "added" && hasWords && overlaps(quotedAfter, n, n + length)) return true;
    if (word.kind !== "added") o += length;
    if (word.kind !== "removed") n += length;
  }
  return false;
}

/**
 * The stretches of `text` from an opening quotation mark to its closing one, in one pass: inside
 * a quote only its own closing mark is looked for, and a quote left open ends nothing.
 */
function quotedRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let open: { close: string; at: number } | null = null;
  for (let i = 0; i < text.length; i++) {
    if (open !== null) {
      if (text.startsWith(open.close, i)) {
        ranges.push([open.at, i + open.close.length]);
        open = null;
      }
      continue;
    }
    const pair = QUOTES.find(([mark]) => text.startsWith(mark, i));
    if (pair !== undefined) open = { close: pair[1], at: i };
  }
  return ranges;
}

function overlaps(ranges: readonly [number, number][], start: number, end: number): boolean {
  return ranges.some(([a, b]) => start < b && a < end);
}
