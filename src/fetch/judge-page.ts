// Decides whether a freshly extracted article is a new version, the same text, or a suspect page
// that must never become a version (empty body, a body that lost most of its words at once).

import { isDeepStrictEqual } from "node:util";
import type { Article } from "../types.ts";

export type Judgement =
  | { kind: "new-article" }
  | { kind: "new-version" }
  | { kind: "unchanged" }
  | { kind: "suspect"; reason: string };

/** Share of words a body may lose in one step before it is held as suspect. */
export const MAX_SHRINK = 0.5;

export function judgePage(previous: Article | null, next: Article): Judgement {
  if (next.paragraphs.length === 0)
    return { kind: "suspect", reason: "no article text on the page" };
  if (!previous) return { kind: "new-article" };
  if (isDeepStrictEqual(comparable(previous), comparable(next))) return { kind: "unchanged" };
  const before = countWords(previous.paragraphs);
  const after = countWords(next.paragraphs);
  if (before > 0 && after < before * (1 - MAX_SHRINK)) {
    return {
      kind: "suspect",
      reason: `body shrank from ${before} to ${after} words at once`,
    };
  }
  return { kind: "new-version" };
}

function comparable(article: Article) {
  return {
    title: article.title,
    byline: article.byline,
    published: article.published,
    paragraphs: article.paragraphs,
  };
}

function countWords(paragraphs: string[]): number {
  let words = 0;
  for (const paragraph of paragraphs) words += paragraph.split(/\s+/).filter(Boolean).length;
  return words;
}
