// The work one comparison of two versions may do, counted rather than timed, so that a hostile
// page (50,000 paragraphs, every one rewritten) costs seconds and the output stays a function of
// the input. Every quadratic step (Myers' diff, all-with-all pairing of paragraphs) asks the
// budget how far it may go and is charged what it did; past the budget, linear fallbacks take
// over.

import { type ArrayChange, diffArrays } from "diff";

/**
 * Units one pair of versions may spend: a unit is one element comparison in Myers' diff, one
 * diagonal it visits, or one word walked when paragraphs are compared for similarity. A long
 * article rewritten word by word needs a few million; this leaves room for ten times that.
 */
export const DIFF_WORK_LIMIT = 20_000_000;

/** A running count of diff work against a limit. */
export class DiffBudget {
  readonly limit: number;
  #spent = 0;

  constructor(limit: number = DIFF_WORK_LIMIT) {
    this.limit = limit;
  }

  /** Units spent so far (may pass the limit by the last step's overshoot, never by more). */
  get spent(): number {
    return this.#spent;
  }

  get remaining(): number {
    return Math.max(0, this.limit - this.#spent);
  }

  /** Records work done. */
  charge(units: number): void {
    this.#spent += units;
  }

  /**
   * The largest edit length a Myers diff of `tokens` elements (both sides together) may try with
   * `share` of what is left: each edit step compares along at most `tokens` cells and visits at
   * most `2d + 1` diagonals, so `d` steps cost at most `tokens·d + d²`.
   */
  editLimit(tokens: number, share = 1): number {
    const units = this.remaining * share;
    // Largest d with d² + tokens·d ≤ units.
    return Math.max(0, Math.floor((-tokens + Math.sqrt(tokens * tokens + 4 * units)) / 2));
  }

  /**
   * Myers' diff of two arrays (jsdiff), allowed at most `maxEdits` insertions and deletions and no
   * more than `share` of the remaining budget; `undefined` when the arrays differ by more. Charges
   * every comparison it makes and every diagonal it may have visited.
   */
  diffArrays<T>(
    before: readonly T[],
    after: readonly T[],
    options: { maxEdits?: number; share?: number } = {},
  ): ArrayChange<T>[] | undefined {
    const tokens = before.length + after.length;
    const maxEditLength = Math.min(
      options.maxEdits ?? tokens,
      this.editLimit(tokens, options.share ?? 1),
    );
    const result = diffArrays(before as T[], after as T[], {
      maxEditLength,
      comparator: (a: T, b: T) => {
        this.#spent++;
        return a === b;
      },
    });
    let edits = maxEditLength;
    if (result !== undefined) {
      edits = 0;
      for (const part of result) if (part.added || part.removed) edits += part.value.length;
    }
    this.#spent += edits * edits;
    return result;
  }
}
