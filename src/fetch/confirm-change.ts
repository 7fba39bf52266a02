// The volatility rule, and the confirmation of held cuts: what to do with a suspect text that a
// real edit could also look like, given what the previous check held.
//
// - A drastic cut is committed when the next check shows the same cut again. Short paragraphs
//   count by their shape, so a counter ticking beside the cut does not make every sighting new.
// - A change only in figures or time words, in short paragraphs ("1,204 shares" → "1,310"), is
//   not committed at once. If the next check shows the same text again, it was a stable change
//   (a death toll revised from 12 to 13) and is committed. If the next check changes the same
//   paragraphs again in figures only, they are volatile (a counter, a clock): their shapes are
//   remembered and never make a version on their own again, though their current value goes
//   along with the next real edit.

import { createHash } from "node:crypto";
import { countWords } from "../diff/tokenize-words.ts";
import type { Article } from "../types.ts";
import { SHORT_PARAGRAPH_WORDS } from "./classify-change.ts";
import type { HeldChange } from "./fetch-state.ts";
import type { Judgement } from "./judge-page.ts";
import { shape } from "./shape-key.ts";

/** What to do with a confirmable suspect text. */
export type Confirmation =
  /** The previous check held the same thing: commit it. */
  | { action: "commit" }
  /** The same short paragraphs changed again in figures only: volatile, no version. */
  | { action: "ignore"; volatile: string[] }
  /** Hold it until the next check; `volatile` names paragraphs found volatile on the way. */
  | { action: "hold"; held: HeldChange; volatile: string[] };

type Suspect = Extract<Judgement, { kind: "suspect" }>;

export function confirmChange(
  held: HeldChange | undefined,
  suspect: Suspect,
  article: Article,
  now: string,
): Confirmation {
  const hash = confirmationKey(suspect, article);
  const heldCode = held?.code ?? "shrank";
  if (held !== undefined && heldCode === suspect.code && held.hash === hash) {
    return { action: "commit" };
  }
  let shapes = suspect.shapes ?? [];
  let volatile: string[] = [];
  if (suspect.code === "figures-only" && held !== undefined && heldCode === "figures-only") {
    volatile = shapes.filter((key) => held.shapes?.includes(key));
    shapes = shapes.filter((key) => !volatile.includes(key));
    if (shapes.length === 0) return { action: "ignore", volatile };
  }
  return {
    action: "hold",
    held: {
      hash,
      since: now,
      reason: suspect.reason,
      code: suspect.code,
      ...(suspect.code === "figures-only" ? { shapes } : {}),
    },
    volatile,
  };
}

/**
 * What a later sighting must match to confirm `suspect`: for a figures-only change, the very same
 * text (a stable change); for a cut, the same text with short paragraphs taken by their shape.
 */
export function confirmationKey(suspect: Suspect, article: Article): string {
  const paragraphs =
    suspect.code === "figures-only"
      ? article.paragraphs
      : article.paragraphs.map((p) => (countWords(p) <= SHORT_PARAGRAPH_WORDS ? shape(p) : p));
  const { title, byline, published } = article;
  return createHash("sha256")
    .update(JSON.stringify([title, byline, published, paragraphs]))
    .digest("hex")
    .slice(0, 16);
}
