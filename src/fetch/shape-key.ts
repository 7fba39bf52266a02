// The shape of a short paragraph with its figures and time words taken out: "1,204 shares" and
// "1,310 shares" have one shape, "Updated 5 minutes ago" and "Updated an hour ago" too. Two
// sightings of a paragraph with the same shape differ only in what a counter or a clock shows,
// which is what the volatility rule (confirm-change.ts) needs to recognise.

import { createHash } from "node:crypto";
import { isWordToken, tokenizeWords } from "../diff/tokenize-words.ts";
import { TIME_WORDS } from "../extract/time-words.ts";

const UNIT = /^(?:second|minute|hour|day|week|month|year)s?$/i;

/** A short hash of the paragraph's shape (see the module comment); equal shapes, equal keys. */
export function shapeKey(paragraph: string): string {
  return createHash("sha256").update(shape(paragraph)).digest("hex").slice(0, 12);
}

/** The paragraph with each run of figures and time words (and what lies between) as "#". */
export function shape(paragraph: string): string {
  // "a.m." is one time word, though the tokenizer sees "a", ".", "m", ".".
  const tokens = tokenizeWords(paragraph.replace(/\b([ap])\.m\.?/gi, "$1m"));
  const out: string[] = [];
  let pending: string[] = [];
  for (const [i, token] of tokens.entries()) {
    if (isTimeOrFigure(token, () => tokens.slice(i + 1).find((t) => isWordToken(t)) ?? "")) {
      // A figure after figures: the punctuation and spaces between go with them ("2–1", "9:41").
      if (out.at(-1) !== "#") out.push(...pending, "#");
      pending = [];
    } else if (isWordToken(token)) {
      out.push(...pending, token);
      pending = [];
    } else {
      pending.push(token);
    }
  }
  return [...out, ...pending].join("");
}

function isTimeOrFigure(token: string, nextWord: () => string): boolean {
  if (!isWordToken(token)) return false;
  if (/\p{N}/u.test(token)) return true;
  const word = token.toLowerCase();
  // "an hour ago" is "1 hour ago".
  return TIME_WORDS.has(word) || ((word === "a" || word === "an") && UNIT.test(nextWord()));
}
