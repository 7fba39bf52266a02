// Lines up the paragraphs of two versions of an article: which stayed, which were added or
// removed, and which were edited (paired with their old text), so words are diffed only inside
// paired paragraphs and never across a whole article.

import { appendAll } from "./append-all.ts";
import { DiffBudget } from "./diff-budget.ts";
import { isWordToken, tokenizeWords } from "./tokenize-words.ts";

/**
 * One step of a paragraph alignment, in reading order. A paragraph that moved shows as
 * `moved-from` at its old place and `moved-to` at its new one, paired by `move`.
 */
export type Alignment =
  | { kind: "same"; text: string }
  | { kind: "added"; text: string }
  | { kind: "removed"; text: string }
  | { kind: "edited"; before: string; after: string }
  | { kind: "moved-from"; text: string; move: number }
  | { kind: "moved-to"; before: string; after: string; move: number };

/**
 * Two paragraphs count as the same paragraph, edited, when at least this share of their distinct
 * words is common (Dice coefficient). A one-word fix in a sentence of five words scores 0.8; two
 * unrelated paragraphs in one language share mostly "the" and "of" and score well below.
 */
const MIN_SIMILARITY = 0.5;

/**
 * Removed × added paragraphs between two unchanged ones that may be compared all with all. A
 * fully rewritten 60-paragraph article is 3,600; past the limit (or past the share of the budget
 * below), each removed paragraph is only compared with the next few added ones, so a
 * pathological page costs linear time.
 */
const MAX_PAIRING_CELLS = 40_000;
const GREEDY_LOOKAHEAD = 8;

/** Share of the remaining budget that Myers' diff of the paragraphs may use; words need the rest. */
const ALIGNMENT_SHARE = 0.5;
/** Share of the remaining budget that all-with-all pairing of one stretch may use. */
const PAIRING_SHARE = 0.25;

/**
 * Aligns `before` with `after`. Identical paragraphs are matched first, in order; within each
 * stretch between them, removed paragraphs are paired with added ones by word similarity,
 * keeping order. A paragraph moved past unchanged ones, with or without edits of its own, shows
 * as moved: `moved-from` where it was, `moved-to` where it is. The `same`, `removed`,
 * `edited.before` and `moved-from` texts, in order, are `before`; the `same`, `added`,
 * `edited.after` and `moved-to.after` texts are `after`.
 *
 * The work is bounded by `budget`: when the versions differ too much for Myers' diff within it,
 * paragraphs that occur once in each version anchor the alignment (patience diff), and a stretch
 * between anchors that is still too different is shown as replaced.
 */
export function alignParagraphs(
  before: readonly string[],
  after: readonly string[],
  budget: DiffBudget = new DiffBudget(),
): Alignment[] {
  const out: Alignment[] = [];
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    if (removed.length > 0 || added.length > 0) appendAll(out, pairRun(removed, added, budget));
    removed = [];
    added = [];
  };
  for (const step of lineUp(before, after, budget)) {
    if (step.kind === "removed") appendAll(removed, step.texts);
    else if (step.kind === "added") appendAll(added, step.texts);
    else {
      flush();
      for (const text of step.texts) out.push({ kind: "same", text });
    }
  }
  flush();
  return withMoves(out, budget);
}

/** A stretch of paragraphs kept, removed or added, in reading order. */
interface Step {
  kind: "same" | "removed" | "added";
  texts: readonly string[];
}

/** The paragraphs as kept, removed and added stretches; shared start and end are matched first. */
function lineUp(before: readonly string[], after: readonly string[], budget: DiffBudget): Step[] {
  let head = 0;
  while (head < before.length && head < after.length && before[head] === after[head]) head++;
  let tail = 0;
  while (
    tail < before.length - head &&
    tail < after.length - head &&
    before[before.length - 1 - tail] === after[after.length - 1 - tail]
  ) {
    tail++;
  }
  return [
    { kind: "same", texts: before.slice(0, head) },
    ...stretch(
      before.slice(head, before.length - tail),
      after.slice(head, after.length - tail),
      budget,
      true,
    ),
    { kind: "same", texts: before.slice(before.length - tail) },
  ];
}

/** Myers' diff of one stretch within the budget; else anchored (once), else replaced. */
function stretch(
  before: readonly string[],
  after: readonly string[],
  budget: DiffBudget,
  mayAnchor: boolean,
): Step[] {
  const replaced: Step[] = [
    { kind: "removed", texts: before },
    { kind: "added", texts: after },
  ];
  if (before.length === 0 || after.length === 0) return replaced;
  const parts = budget.diffArrays(before, after, { share: ALIGNMENT_SHARE });
  if (parts !== undefined) {
    return parts.map((part) => ({
      kind: part.added ? "added" : part.removed ? "removed" : "same",
      texts: part.value,
    }));
  }
  return mayAnchor ? anchored(before, after, budget) : replaced;
}

/**
 * Patience alignment: paragraphs that occur exactly once in each version, in the longest run that
 * keeps their order, stay put; each stretch between two of them is diffed on its own.
 */
function anchored(before: readonly string[], after: readonly string[], budget: DiffBudget): Step[] {
  const seen = new Map<string, { before: number; after: number; at: number }>();
  before.forEach((text, i) => {
    const entry = seen.get(text);
    if (entry === undefined) seen.set(text, { before: 1, after: 0, at: i });
    else entry.before++;
  });
  const partner: number[] = [];
  after.forEach((text, j) => {
    const entry = seen.get(text);
    if (entry !== undefined) {
      entry.after++;
      partner[entry.at] = j;
    }
  });
  const candidates: [number, number][] = [];
  before.forEach((text, i) => {
    const entry = seen.get(text);
    const j = partner[i];
    if (entry?.before === 1 && entry.after === 1 && j !== undefined) candidates.push([i, j]);
  });
  const anchors = longestIncreasing(candidates);
  if (anchors.length === 0) {
    return [
      { kind: "removed", texts: before },
      { kind: "added", texts: after },
    ];
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  for (const [ai, aj] of anchors) {
    appendAll(steps, stretch(before.slice(i, ai), after.slice(j, aj), budget, false));
    steps.push({ kind: "same", texts: [before[ai] as string] });
    i = ai + 1;
    j = aj + 1;
  }
  appendAll(steps, stretch(before.slice(i), after.slice(j), budget, false));
  return steps;
}

/** The longest subsequence of `pairs` (sorted by their first number) whose second numbers rise. */
function longestIncreasing(pairs: readonly [number, number][]): [number, number][] {
  // Patience sorting: tails[k] is the index of the smallest last element of a rising run of k+1.
  const tails: number[] = [];
  const back = new Int32Array(pairs.length).fill(-1);
  pairs.forEach(([, j], index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((pairs[tails[mid] as number] as [number, number])[1] < j) low = mid + 1;
      else high = mid;
    }
    if (low > 0) back[index] = tails[low - 1] as number;
    tails[low] = index;
  });
  const chain: [number, number][] = [];
  for (let k = tails.at(-1) ?? -1; k >= 0; k = back[k] as number) {
    chain.push(pairs[k] as [number, number]);
  }
  return chain.reverse();
}

/** Aligns one stretch of removed and added paragraphs that lies between unchanged ones. */
function pairRun(removed: string[], added: string[], budget: DiffBudget): Alignment[] {
  let pairs: [number, number][] = [];
  if (removed.length > 0 && added.length > 0) {
    const similarity = similarityOf(removed, added, budget);
    // Comparing all with all walks every added paragraph once per removed one.
    const cost = removed.length * similarity.addedWords + similarity.removedWords;
    pairs =
      removed.length * added.length <= MAX_PAIRING_CELLS && cost <= budget.remaining * PAIRING_SHARE
        ? bestPairs(removed.length, added.length, similarity.of)
        : greedyPairs(removed.length, added.length, similarity.of);
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
    const before = removed[pi] as string;
    const after = added[pj] as string;
    // A stretch shown as replaced (past the budget) may hold the same paragraph on both sides.
    out.push(before === after ? { kind: "same", text: before } : { kind: "edited", before, after });
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
 * serve the whole row. Each walk is charged to the budget; the totals of distinct words let the
 * caller price comparing all with all before doing it.
 */
function similarityOf(
  removed: string[],
  added: string[],
  budget: DiffBudget,
): { of: Similarity; removedWords: number; addedWords: number } {
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
  const of: Similarity = (i, j) => {
    const a = removedIds[i] as Int32Array;
    const b = addedIds[j] as Int32Array;
    const small = Math.min(a.length, b.length);
    // Even sharing every word of the shorter one could not reach the threshold.
    if (small === 0 || 2 * small < MIN_SIMILARITY * (a.length + b.length)) return 0;
    if (markedRow !== i) {
      for (const id of a) mark[id] = i;
      markedRow = i;
      budget.charge(a.length);
    }
    let common = 0;
    for (const id of b) if (mark[id] === i) common++;
    budget.charge(b.length);
    const score = (2 * common) / (a.length + b.length);
    return score >= MIN_SIMILARITY ? score : 0;
  };
  const total = (list: Int32Array[]) => list.reduce((sum, words) => sum + words.length, 0);
  return { of, removedWords: total(removedIds), addedWords: total(addedIds) };
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

/**
 * Marks as moved each removed paragraph that comes back elsewhere as an added one: first those
 * that come back word for word, then (when the budget allows comparing all with all) those that
 * come back edited, most similar first.
 */
function withMoves(steps: Alignment[], budget: DiffBudget): Alignment[] {
  const removed: number[] = [];
  const added: number[] = [];
  steps.forEach((step, i) => {
    if (step.kind === "removed") removed.push(i);
    else if (step.kind === "added") added.push(i);
  });
  if (removed.length === 0 || added.length === 0) return steps;
  const textOf = (i: number) => (steps[i] as { text: string }).text;
  const partner = new Map<number, number>();
  // Removed paragraphs by text, each list taken from the front (no shift(): lists can be long).
  const waiting = new Map<string, { at: number[]; next: number }>();
  for (const i of removed) {
    const entry = waiting.get(textOf(i));
    if (entry === undefined) waiting.set(textOf(i), { at: [i], next: 0 });
    else entry.at.push(i);
  }
  for (const j of added) {
    const entry = waiting.get(textOf(j));
    const i = entry?.at[entry.next];
    if (entry === undefined || i === undefined) continue;
    entry.next++;
    partner.set(j, i);
  }
  const paired = new Set(partner.values());
  const oldLeft = removed.filter((i) => !paired.has(i));
  const newLeft = added.filter((j) => !partner.has(j));
  if (
    oldLeft.length > 0 &&
    newLeft.length > 0 &&
    oldLeft.length * newLeft.length <= MAX_PAIRING_CELLS
  ) {
    const similarity = similarityOf(oldLeft.map(textOf), newLeft.map(textOf), budget);
    if (
      oldLeft.length * similarity.addedWords + similarity.removedWords <=
      budget.remaining * PAIRING_SHARE
    ) {
      const candidates: [number, number, number][] = [];
      oldLeft.forEach((_, a) => {
        newLeft.forEach((_, b) => {
          const score = similarity.of(a, b);
          if (score > 0) candidates.push([score, a, b]);
        });
      });
      candidates.sort((x, y) => y[0] - x[0] || x[1] - y[1] || x[2] - y[2]);
      const usedOld = new Set<number>();
      const usedNew = new Set<number>();
      for (const [, a, b] of candidates) {
        if (usedOld.has(a) || usedNew.has(b)) continue;
        usedOld.add(a);
        usedNew.add(b);
        partner.set(newLeft[b] as number, oldLeft[a] as number);
      }
    }
  }
  if (partner.size === 0) return steps;
  // Moves are numbered in reading order of where the paragraphs are now.
  const moveOf = new Map<number, number>();
  let moves = 0;
  for (const j of added) {
    const i = partner.get(j);
    if (i === undefined) continue;
    moves++;
    moveOf.set(j, moves);
    moveOf.set(i, moves);
  }
  const froms = new Map([...partner].map(([j, i]) => [i, j]));
  return steps.map((step, k): Alignment => {
    const move = moveOf.get(k);
    if (move === undefined) return step;
    const from = partner.get(k);
    if (from !== undefined) {
      return { kind: "moved-to", before: textOf(from), after: textOf(k), move };
    }
    if (froms.has(k)) return { kind: "moved-from", text: textOf(k), move };
    return step;
  });
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
