// Lines up the paragraphs of two versions of an article: which stayed, which were added or
// removed, and which were edited (paired with their old text), so words are diffed only inside
// paired paragraphs and never across a whole article.

import { diffArrays } from "diff";
import { isWordToken, tokenizeWords } from "./tokenize-words.ts";

/** One step of a paragraph alignment, in reading order. */
export type Alignment =
  | { kind: "same"; text: string }
  | { kind: "added"; text: string }
  | { kind: "removed"; text: string }
  | { kind: "edited"; before: string; after: string };

/**
 * Two paragraphs count as the same paragraph, edited, when at least this share of their distinct
 * words is common (Dice coefficient). A one-word fix in a sentence of five words scores 0.8; two
 * unrelated paragraphs in one language share mostly "the" and "of" and score well below.
 */
const MIN_SIMILARITY = 0.5;

/**
 * Removed × added paragraphs between two unchanged ones that may be compared all with all. A
 * fully rewritten 60-paragraph article is 3,600; past the limit, each removed paragraph is only
 * compared with the next few added ones, so a pathological page costs linear time.
 */
const MAX_PAIRING_CELLS = 40_000;
const GREEDY_LOOKAHEAD = 8;

/**
 * Aligns `before` with `after`. Identical paragraphs are matched first, in order; within each
 * stretch between them, removed paragraphs are paired with added ones by word similarity,
 * keeping order. A paragraph moved past unchanged ones shows as removed where it was and added
 * where it is. The `same`, `removed` and `edited.before` texts, in order, are `before`; the
 * `same`, `added` and `edited.after` texts are `after`.
 */
export function alignParagraphs(before: string[], after: string[]): Alignment[] {
  const out: Alignment[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    if (removed.length > 0 || added.length > 0) out.push(...pairRun(removed, added));
    removed = [];
    added = [];
  };
  for (const part of diffArrays(before, after)) {
    if (part.removed) removed.push(...part.value);
    else if (part.added) added.push(...part.value);
    else {
      flush();
      for (const text of part.value) out.push({ kind: "same", text });
    }
  }
  flush();
  return out;
}

/** Aligns one stretch of removed and added paragraphs that lies between unchanged ones. */
function pairRun(removed: string[], added: string[]): Alignment[] {
  let pairs: [number, number][] = [];
  if (removed.length > 0 && added.length > 0) {
    const similarity = similarityOf(removed, added);
    pairs =
      removed.length * added.length <= MAX_PAIRING_CELLS
        ? bestPairs(removed.length, added.length, similarity)
        : greedyPairs(removed.length, added.length, similarity);
  }
  const out: Alignment[] = [];
  let i = 0;
  let j = 0;
  const emitUpTo = (iEnd: number, jEnd: number): void => {
    for (; i < iEnd; i++) out.push({ kind: "removed", text: removed[i] as string });
    for (; j < jEnd; j++) out.push({ kind: "added", text: added[j] as string });
  };
  for (const [pi, pj] of pairs) {
    emitUpTo(pi, pj);
    out.push({ kind: "edited", before: removed[pi] as string, after: added[pj] as string });
    i = pi + 1;
    j = pj + 1;
  }
  emitUpTo(removed.length, added.length);
  return out;
}

/** Similarity of removed paragraph `i` to added paragraph `j`; 0 when below the threshold. */
type Similarity = (i: number, j: number) => number;

/**
 * Dice coefficient over the paragraphs' distinct lower-cased words. Words become small integers
 * so that comparing two paragraphs is a walk over one of them through an array, not string
 * hashing; callers ask row by row (all `j` for one `i`), which lets one marking of row `i`'s words
 * serve the whole row.
 */
function similarityOf(removed: string[], added: string[]): Similarity {
  const ids = new Map<string, number>();
  const toIds = (paragraph: string): Int32Array => {
    const unique = new Set<number>();
    for (const token of tokenizeWords(paragraph)) {
      if (!isWordToken(token)) continue;
      const word = token.toLowerCase();
      let id = ids.get(word);
      if (id === undefined) {
        id = ids.size;
        ids.set(word, id);
      }
      unique.add(id);
    }
    return Int32Array.from(unique);
  };
  const removedIds = removed.map(toIds);
  const addedIds = added.map(toIds);
  const mark = new Int32Array(ids.size).fill(-1);
  let markedRow = -1;
  return (i, j) => {
    const a = removedIds[i] as Int32Array;
    const b = addedIds[j] as Int32Array;
    const small = Math.min(a.length, b.length);
    // Even sharing every word of the shorter one could not reach the threshold.
    if (small === 0 || 2 * small < MIN_SIMILARITY * (a.length + b.length)) return 0;
    if (markedRow !== i) {
      for (const id of a) mark[id] = i;
      markedRow = i;
    }
    let common = 0;
    for (const id of b) if (mark[id] === i) common++;
    const score = (2 * common) / (a.length + b.length);
    return score >= MIN_SIMILARITY ? score : 0;
  };
}

/**
 * The order-preserving pairing with the greatest total similarity: a longest-common-subsequence
 * table in which a match scores its similarity instead of 1.
 */
function bestPairs(rows: number, cols: number, similarity: Similarity): [number, number][] {
  const width = cols + 1;
  const score = new Float64Array((rows + 1) * width);
  const sim = new Float64Array(rows * cols);
  for (let i = 1; i <= rows; i++) {
    for (let j = 1; j <= cols; j++) {
      const s = similarity(i - 1, j - 1);
      sim[(i - 1) * cols + (j - 1)] = s;
      const up = score[(i - 1) * width + j] as number;
      const left = score[i * width + (j - 1)] as number;
      const diagonal = s > 0 ? (score[(i - 1) * width + (j - 1)] as number) + s : 0;
      score[i * width + j] = Math.max(up, left, diagonal);
    }
  }
  const pairs: [number, number][] = [];
  let i = rows;
  let j = cols;
  while (i > 0 && j > 0) {
    const here = score[i * width + j] as number;
    const s = sim[(i - 1) * cols + (j - 1)] as number;
    if (s > 0 && here === (score[(i - 1) * width + (j - 1)] as number) + s) {
      pairs.push([i - 1, j - 1]);
      i--;
      j--;
    } else if (here === score[(i - 1) * width + j]) i--;
    else j--;
  }
  return pairs.reverse();
}

/** For huge stretches: pair each removed paragraph with the most similar of the next few added. */
function greedyPairs(rows: number, cols: number, similarity: Similarity): [number, number][] {
  const pairs: [number, number][] = [];
  let j = 0;
  for (let i = 0; i < rows && j < cols; i++) {
    let best = -1;
    let bestScore = 0;
    const end = Math.min(cols, j + GREEDY_LOOKAHEAD);
    for (let k = j; k < end; k++) {
      const s = similarity(i, k);
      if (s > bestScore) {
        best = k;
        bestScore = s;
      }
    }
    if (best >= 0) {
      pairs.push([i, best]);
      j = best + 1;
    }
  }
  return pairs;
}
