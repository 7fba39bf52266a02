// Reads the article's own description of itself from schema.org JSON-LD (`NewsArticle`,
// `Article`, `BlogPosting`…): the most reliable source of headline, authors and dates when present.

import { decodeEntities } from "./decode-entities.ts";

/** What a page's JSON-LD says about its article; `null` where it says nothing. */
export interface JsonLdArticle {
  title: string | null;
  byline: string | null;
  published: string | null;
  body: string | null;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters inside strings are how CMSs break JSON-LD.
const CONTROL_CHARACTERS = /[\u0000-\u001f]+/g;
const ARTICLE_TYPE = /(?:Article|BlogPosting|LiveBlogPosting|Report|NewsArticle)$/;

/** Finds the first article-typed JSON-LD object in the page's `ld+json` scripts. */
export function readJsonLd(document: Document, url: string): JsonLdArticle | null {
  const candidates: Record<string, unknown>[] = [];
  // getElementsByTagName, not a selector: linkedom compiles selectors on every call.
  for (const script of document.getElementsByTagName("script")) {
    if (!/ld\+json/i.test(script.getAttribute("type") ?? "")) continue;
    const data = parseLenient(script.textContent ?? "");
    if (data !== undefined) collectArticles(data, candidates, 0);
  }
  // Pages often describe related articles too; the one whose URL is this page's is the article.
  const own = candidates.filter((c) =>
    samePage(stringOf(c.url) ?? pageOf(c.mainEntityOfPage), url),
  );
  const named = (c: Record<string, unknown>) => (stringOf(c.headline) ?? stringOf(c.name)) !== null;
  const article = own.find(named) ?? candidates.find(named) ?? candidates[0];
  if (!article) return null;
  return {
    title: clean(stringOf(article.headline) ?? stringOf(article.name)),
    byline: clean(authorNames(article.author)),
    published: clean(stringOf(article.datePublished) ?? stringOf(article.dateCreated)),
    body: clean(stringOf(article.articleBody)),
  };
}

function parseLenient(text: string): unknown {
  const trimmed = text
    .trim()
    .replace(/^<!\[CDATA\[|\]\]>$/g, "")
    .replace(/;\s*$/, "");
  try {
    return JSON.parse(trimmed);
  } catch {
    try {
      // Raw control characters inside strings are the commonest way CMSs break their JSON-LD.
      return JSON.parse(trimmed.replace(CONTROL_CHARACTERS, " "));
    } catch {
      return undefined;
    }
  }
}

function collectArticles(node: unknown, out: Record<string, unknown>[], depth: number): void {
  if (depth > 6 || node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const item of node) collectArticles(item, out, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  const types = Array.isArray(record["@type"]) ? record["@type"] : [record["@type"]];
  if (types.some((t) => typeof t === "string" && ARTICLE_TYPE.test(t))) out.push(record);
  for (const key of ["@graph", "mainEntity", "mainEntityOfPage", "itemListElement"]) {
    if (key in record) collectArticles(record[key], out, depth + 1);
  }
}

function pageOf(value: unknown): string | null {
  if (value && typeof value === "object" && !Array.isArray(value)) {
    const record = value as Record<string, unknown>;
    return stringOf(record["@id"]) ?? stringOf(record.url);
  }
  return stringOf(value);
}

function samePage(a: string | null, b: string): boolean {
  if (a === null) return false;
  const strip = (u: string) =>
    u
      .replace(/[?#].*$/, "")
      .replace(/\/+$/, "")
      .replace(/^https?:\/\/(www\.)?/, "");
  return strip(a) === strip(b);
}

function stringOf(value: unknown): string | null {
  if (typeof value === "string") return value;
  if (Array.isArray(value)) return stringOf(value[0]);
  if (value && typeof value === "object" && "@value" in value) return stringOf(value["@value"]);
  return null;
}

function authorNames(author: unknown): string | null {
  const list = Array.isArray(author) ? author : author === undefined ? [] : [author];
  const names = list
    .map((a) => (typeof a === "string" ? a : a && typeof a === "object" ? stringOf(a.name) : null))
    .filter((n): n is string => n !== null && n.trim() !== "" && !/^https?:\/\//.test(n.trim()));
  const unique = [...new Set(names.map((n) => n.trim()))];
  return unique.length > 0 ? joinNames(unique) : null;
}

// Commas, not "and": a name may itself contain "and" (a desk, an agency), a comma rarely.
function joinNames(names: string[]): string {
  return names.join(", ");
}

function clean(value: string | null): string | null {
  if (value === null) return null;
  const text = decodeEntities(value).trim();
  return text === "" ? null : text;
}
