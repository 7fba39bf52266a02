// Decides whether a freshly extracted article is a new version, the same text, or a suspect page
// that must not become a version yet (no text, a body that lost most of its words at once, a
// change only in the figures of short paragraphs, which may be a counter).

import { isDeepStrictEqual } from "node:util";
import { countWords } from "../diff/tokenize-words.ts";
import type { Article, HeldCode } from "../types.ts";
import { classifyChange } from "./classify-change.ts";

export type Judgement =
  | { kind: "new-article" }
  | { kind: "new-version" }
  | { kind: "unchanged" }
  /**
   * `confirmable`: a real edit looks like this too, so a second sighting commits it (see
   * confirm-change.ts). `shapes`: for a figures-only change, the changed paragraphs' shape keys.
   */
  | { kind: "suspect"; code: HeldCode; reason: string; confirmable: boolean; shapes?: string[] };

/** Share of words a body may lose in one step before it is held as suspect. */
export const MAX_SHRINK = 0.5;

export interface JudgeOptions {
  /** Count curly-vs-straight quote changes as a change (default: no). */
  typography?: boolean;
  /**
   * Shape keys of short paragraphs seen changing in figures at consecutive checks (counters,
   * clocks): a change in them alone is no change.
   */
  volatile?: readonly string[];
}

export function judgePage(
  previous: Article | null,
  next: Article,
  options: JudgeOptions = {},
): Judgement {
  if (next.paragraphs.length === 0) {
    return {
      kind: "suspect",
      code: "no-text",
      reason: "no article text on the page",
      confirmable: false,
    };
  }
  if (!previous) return { kind: "new-article" };
  const fold = options.typography ? (text: string) => text : foldTypography;
  if (isDeepStrictEqual(comparable(previous, fold), comparable(next, fold)))
    return { kind: "unchanged" };
  const before = countWords(previous.paragraphs.join("\n"));
  const after = countWords(next.paragraphs.join("\n"));
  if (before > 0 && after < before * (1 - MAX_SHRINK)) {
    return {
      kind: "suspect",
      code: "shrank",
      reason: `body shrank from ${before} to ${after} words at once`,
      confirmable: true,
    };
  }
  const change = classifyChange(previous, next, fold);
  if (change.kind === "figures-only") {
    const volatile = new Set(options.volatile ?? []);
    const shapes = change.shapes.filter((shape) => !volatile.has(shape));
    if (shapes.length === 0) return { kind: "unchanged" };
    return {
      kind: "suspect",
      code: "figures-only",
      reason: `only figures or times changed, in ${shapes.length} short paragraph${shapes.length === 1 ? "" : "s"}`,
      confirmable: true,
      shapes,
    };
  }
  return { kind: "new-version" };
}

// What a reader would call no change: curly and straight quotes, primes and apostrophes.
export function foldTypography(text: string): string {
  return text
    .replace(/[\u2018\u2019\u201A\u201B\u2032]/g, "'")
    .replace(/[\u201C\u201D\u201E\u201F\u2033]/g, '"');
}

function comparable(article: Article, fold: (text: string) => string) {
  const field = (value: string | null) => (value === null ? null : fold(value));
  return {
    title: field(article.title),
    byline: field(article.byline),
    published: article.published,
    paragraphs: article.paragraphs.map(fold),
  };
}
