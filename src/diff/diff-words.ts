// Word-level diff of two short texts (one paragraph, a headline, a byline): which words stayed,
// which were removed and which were added, in reading order.

import type { WordChange } from "../types.ts";
import { appendAll } from "./append-all.ts";
import { DiffBudget } from "./diff-budget.ts";
import { isSpaceToken, tokenizeWords } from "./tokenize-words.ts";

/**
 * Beyond this many word edits the texts share too little for a word diff to help a reader, and
 * Myers' cost grows with the square of it; the pair is then shown as wholly replaced. A limit on
 * edits rather than on time keeps the output a function of the input. The budget shared by a
 * whole comparison of two versions may lower it further.
 */
const MAX_EDIT_LENGTH = 1_000;

/** A word or punctuation mark with the whitespace before it. */
interface Unit {
  space: string;
  token: string;
}

/** A stretch where the texts differ: what the old text had there and what the new one has. */
interface Change {
  removed: string[];
  added: string[];
}
type Piece = { same: string[] } | Change;

/**
 * The word-level changes from `before` to `after`. Joining the `same` and `removed` texts gives
 * `before` exactly; joining the `same` and `added` texts gives `after`. Within a stretch of
 * changes, removed text comes before added text, and no two neighbours have the same kind.
 */
export function diffWords(
  before: string,
  after: string,
  budget: DiffBudget = new DiffBudget(),
): WordChange[] {
  if (before === after) return before === "" ? [] : [{ kind: "same", text: before }];
  const oldUnits = toUnits(before);
  const newUnits = toUnits(after);
  const pieces: Piece[] = [];

  // Matching the shared start and end first makes a small fix in a long paragraph nearly free.
  let head = 0;
  while (
    head < oldUnits.length &&
    head < newUnits.length &&
    (oldUnits[head] as Unit).token === (newUnits[head] as Unit).token
  ) {
    head++;
  }
  let tail = 0;
  while (
    tail < oldUnits.length - head &&
    tail < newUnits.length - head &&
    (oldUnits[oldUnits.length - 1 - tail] as Unit).token ===
      (newUnits[newUnits.length - 1 - tail] as Unit).token
  ) {
    tail++;
  }
  const oldMiddle = oldUnits.slice(head, oldUnits.length - tail);
  const newMiddle = newUnits.slice(head, newUnits.length - tail);
  const raw = budget.diffArrays(
    oldMiddle.map((unit) => unit.token),
    newMiddle.map((unit) => unit.token),
    { maxEdits: MAX_EDIT_LENGTH },
  );

  const builder = new PieceBuilder(pieces);
  builder.sameUnits(oldUnits.slice(0, head), newUnits.slice(0, head));
  if (raw === undefined) {
    builder.change(unitTexts(oldMiddle), unitTexts(newMiddle));
  } else {
    let o = 0;
    let n = 0;
    for (const part of raw) {
      const oldEnd = part.added ? o : o + part.value.length;
      const newEnd = part.removed ? n : n + part.value.length;
      if (part.removed) builder.change(unitTexts(oldMiddle.slice(o, oldEnd)), []);
      else if (part.added) builder.change([], unitTexts(newMiddle.slice(n, newEnd)));
      else builder.sameUnits(oldMiddle.slice(o, oldEnd), newMiddle.slice(n, newEnd));
      o = oldEnd;
      n = newEnd;
    }
  }
  builder.sameUnits(oldUnits.slice(oldUnits.length - tail), newUnits.slice(newUnits.length - tail));
  return toWordChanges(oldThenNew(absorbSmallSames(hoistSharedSpace(pieces))));
}

/**
 * Groups tokens into units; whitespace at the very end becomes a unit with an empty token.
 * Whitespace is not diffed as tokens of its own: every other token would be a space, Myers would
 * keep the spaces of a rewritten sentence while swapping every word around them, and take twice
 * as long about it.
 */
function toUnits(text: string): Unit[] {
  const units: Unit[] = [];
  let space = "";
  for (const token of tokenizeWords(text)) {
    if (isSpaceToken(token)) space = token;
    else {
      units.push({ space, token });
      space = "";
    }
  }
  if (space !== "") units.push({ space, token: "" });
  return units;
}

function unitTexts(units: Unit[]): string[] {
  const texts: string[] = [];
  for (const unit of units) texts.push(unit.space, unit.token);
  return texts;
}

/** Appends to a piece list, merging neighbours of the same kind and dropping empty strings. */
class PieceBuilder {
  constructor(private readonly pieces: Piece[]) {}

  same(texts: string[]): void {
    const kept = texts.filter((text) => text !== "");
    if (kept.length === 0) return;
    const last = this.pieces.at(-1);
    if (last !== undefined && "same" in last) appendAll(last.same, kept);
    else this.pieces.push({ same: kept });
  }

  change(removed: string[], added: string[]): void {
    const keptRemoved = removed.filter((text) => text !== "");
    const keptAdded = added.filter((text) => text !== "");
    if (keptRemoved.length === 0 && keptAdded.length === 0) return;
    const last = this.pieces.at(-1);
    if (last !== undefined && !("same" in last)) {
      appendAll(last.removed, keptRemoved);
      appendAll(last.added, keptAdded);
    } else this.pieces.push({ removed: keptRemoved, added: keptAdded });
  }

  /** Units whose tokens matched; the whitespace before them may still differ. */
  sameUnits(oldUnits: Unit[], newUnits: Unit[]): void {
    oldUnits.forEach((unit, k) => {
      const newSpace = (newUnits[k] as Unit).space;
      if (unit.space === newSpace) this.same([unit.space, unit.token]);
      else {
        this.change([unit.space], [newSpace]);
        this.same([unit.token]);
      }
    });
  }
}

/**
 * A replacement whose old and new text start with the same whitespace keeps that whitespace
 * unchanged, so "in an field" → "in a field" marks "an" and "a", not " an" and " a".
 */
function hoistSharedSpace(pieces: Piece[]): Piece[] {
  const out: Piece[] = [];
  for (const piece of pieces) {
    const space = "same" in piece ? undefined : piece.removed[0];
    if (
      "same" in piece ||
      space === undefined ||
      !isSpaceToken(space) ||
      piece.added[0] !== space ||
      piece.removed.length < 2 ||
      piece.added.length < 2
    ) {
      out.push(piece);
      continue;
    }
    const last = out.at(-1);
    if (last !== undefined && "same" in last) last.same.push(space);
    else out.push({ same: [space] });
    out.push({ removed: piece.removed.slice(1), added: piece.added.slice(1) });
  }
  return out;
}

/** How much a run of tokens weighs for readability: its words and punctuation marks. */
function weight(tokens: string[]): number {
  let n = 0;
  for (const token of tokens) if (!isSpaceToken(token)) n++;
  return n;
}

/**
 * Folds an unchanged stretch that sits between two changes into them when it is only whitespace,
 * or when it is lighter than both changes around it. Left alone, a rewritten sentence that keeps
 * an odd "the" or comma shows as a word salad of alternating deletions and insertions; a reader
 * wants the old sentence, then the new one. A one-word fix among unchanged words is never
 * touched, since it weighs no more than its neighbours. (The idea of diff-match-patch's
 * semantic cleanup.)
 */
function absorbSmallSames(pieces: Piece[]): Piece[] {
  const out = [...pieces];
  let i = 1;
  while (i < out.length - 1) {
    const left = out[i - 1];
    const middle = out[i];
    const right = out[i + 1];
    if (
      left === undefined ||
      middle === undefined ||
      right === undefined ||
      "same" in left ||
      !("same" in middle) ||
      "same" in right
    ) {
      i++;
      continue;
    }
    const size = weight(middle.same);
    const leftSize = Math.max(weight(left.removed), weight(left.added));
    const rightSize = Math.max(weight(right.removed), weight(right.added));
    if (size === 0 || (size < leftSize && size < rightSize)) {
      appendAll(left.removed, middle.same, right.removed);
      appendAll(left.added, middle.same, right.added);
      out.splice(i, 2);
      // The grown change may now outweigh the unchanged stretch before it.
      i = Math.max(1, i - 2);
    } else {
      i += 2;
    }
  }
  return out;
}

/**
 * A text mostly rewritten (fewer words kept than changed) reads best as the old text, then the
 * new: everything from the first change to the last becomes one change, and only the unchanged
 * start and end stay. Otherwise a reader gets confetti of struck and inserted words with an odd
 * "the" left standing between them.
 */
function oldThenNew(pieces: Piece[]): Piece[] {
  let kept = 0;
  let removed = 0;
  let added = 0;
  let changes = 0;
  for (const piece of pieces) {
    if ("same" in piece) kept += weight(piece.same);
    else {
      changes++;
      removed += weight(piece.removed);
      added += weight(piece.added);
    }
  }
  if (changes < 2 || kept >= Math.max(removed, added)) return pieces;
  const first = pieces.findIndex((piece) => !("same" in piece));
  const last = pieces.findLastIndex((piece) => !("same" in piece));
  const merged: Change = { removed: [], added: [] };
  for (const piece of pieces.slice(first, last + 1)) {
    if ("same" in piece) {
      appendAll(merged.removed, piece.same);
      appendAll(merged.added, piece.same);
    } else {
      appendAll(merged.removed, piece.removed);
      appendAll(merged.added, piece.added);
    }
  }
  return [...pieces.slice(0, first), merged, ...pieces.slice(last + 1)];
}

function toWordChanges(pieces: Piece[]): WordChange[] {
  const changes: WordChange[] = [];
  for (const piece of pieces) {
    if ("same" in piece) changes.push({ kind: "same", text: piece.same.join("") });
    else {
      if (piece.removed.length > 0) changes.push({ kind: "removed", text: piece.removed.join("") });
      if (piece.added.length > 0) changes.push({ kind: "added", text: piece.added.join("") });
    }
  }
  return changes;
}
