// Decides what "the same text" means: two pages whose articles normalize to the same value are
// one version. Applied to every extracted article before it is compared or archived.

import type { Article } from "../types.ts";

// Zero-width space/joiners, word joiner, BOM and soft hyphen: invisible, and outlets sprinkle them.
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
// Every Unicode space (incl. no-break, thin, ideographic) and line breaks collapse to one space.
const SPACES = /[\s\u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]+/g;

/** NFC, invisible characters removed, whitespace runs collapsed to one space, trimmed. */
export function normalizeText(text: string): string {
  return text.normalize("NFC").replace(INVISIBLE, "").replace(SPACES, " ").trim();
}

/** Normalizes every field; empty strings become `null`, empty paragraphs are dropped. */
export function normalizeArticle(article: Article): Article {
  const field = (value: string | null) => {
    const text = value === null ? "" : normalizeText(value);
    return text === "" ? null : text;
  };
  return {
    title: field(article.title),
    byline: field(article.byline),
    published: field(article.published),
    paragraphs: article.paragraphs.map(normalizeText).filter((p) => p !== ""),
  };
}
