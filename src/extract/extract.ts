// Turns one article page into stet's Article: headline, byline, publication date and body
// paragraphs, each from the most reliable layer that has it (selectors, JSON-LD, meta tags, generic
// extraction). Pure: the same HTML and URL always give the same article.

import { parseHTML } from "linkedom";
import { countWords } from "../diff/tokenize-words.ts";
import { normalizeArticle, normalizeText } from "../normalize/normalize-article.ts";
import type { ExtractedArticle, ExtractionMethod, Selectors } from "../types.ts";
import { type Block, blockParagraphs } from "./block-paragraphs.ts";
import { cleanByline } from "./clean-byline.ts";
import { cleanParagraphs } from "./clean-paragraphs.ts";
import { cleanTitle } from "./clean-title.ts";
import { readGenericBody } from "./generic-body.ts";
import { readJsonLd } from "./json-ld.ts";
import { readMetaTags } from "./meta-tags.ts";
import { readPageSignals } from "./page-signals.ts";
import { parseDate } from "./parse-date.ts";
import { applySelectors } from "./selectors-override.ts";
import { stripInertMarkup } from "./strip-inert-markup.ts";

type Field = { value: string | null; method: ExtractionMethod };

/**
 * Extracts the article from `html`, fetched from `url`; `selectors` override generic results.
 * Also reads what the fetch needs to judge the page (canonical link, wall and teaser signals),
 * so that each page is parsed once.
 */
export function extract(html: string, url: string, selectors?: Selectors): ExtractedArticle {
  const document = parseDocument(stripInertMarkup(html, { keepLayout: selectors !== undefined }));
  // Read before anything is removed: the outlet's `remove` selectors and Readability rewrite it.
  const completeSignals = readPageSignals(document);
  const selected = selectors ? applySelectors(document, selectors) : {};
  const jsonLd = readJsonLd(document, url);
  const meta = readMetaTags(document);
  const pageTitle = document.getElementsByTagName("title")[0]?.textContent ?? null;
  const h1 = document.getElementsByTagName("h1")[0]?.textContent ?? null;
  // Readability mutates the document, so it runs after everything else has read it.
  const generic = readGenericBody(document);

  const title = pick([
    [selected.title, "selectors"],
    [jsonLd?.title, "json-ld"],
    [meta.title, "meta"],
    [generic.title, "readability"],
    [h1 ?? pageTitle, "html"],
  ]);
  title.value = cleanTitle(title.value, meta.siteName, h1);
  // Cleaned before picking: a "byline" that is only a date is no byline.
  const byline = pick([
    [cleanByline(selected.byline ?? null), "selectors"],
    [cleanByline(jsonLd?.byline ?? null), "json-ld"],
    [cleanByline(meta.byline), "meta"],
    [cleanByline(meta.markupByline), "html"],
    [cleanByline(generic.byline), "readability"],
  ]);
  const published = pickDate([
    [selected.published, "selectors"],
    [jsonLd?.published, "json-ld"],
    [meta.published, "meta"],
    [meta.markupPublished, "html"],
  ]);

  const headlines = [title.value, h1].filter((t): t is string => t !== null).map(normalizeText);
  const genericBlocks = startAfterHeadline(generic.blocks, headlines);
  const body = chooseBody(selected.blocks, genericBlocks, generic.method, jsonLd?.body ?? null);

  const article = normalizeArticle({
    title: title.value,
    byline: byline.value,
    published: published.value,
    paragraphs: body.paragraphs,
  });
  return {
    ...article,
    methods: {
      title: article.title === null ? "none" : title.method,
      byline: article.byline === null ? "none" : byline.method,
      published: article.published === null ? "none" : published.method,
      paragraphs: article.paragraphs.length === 0 ? "none" : body.method,
    },
    page: completeSignals(body.paragraphs),
  };
}

// Readability keeps the article's header block: kicker, section label, the headline again. The
// article starts after its headline, unless a long text comes before it (then the "headline" is
// a subheading repeated, and only it goes).
const MAX_WORDS_BEFORE_HEADLINE = 25;
const HEADLINE_SEARCH_BLOCKS = 12;

function startAfterHeadline(blocks: Block[], headlines: string[]): Block[] {
  const index = blocks
    .slice(0, HEADLINE_SEARCH_BLOCKS)
    .findIndex((b) => headlines.includes(normalizeText(b.text)));
  if (index === -1) return blocks;
  const before = wordCount(blocks.slice(0, index).map((b) => b.text));
  if (before > MAX_WORDS_BEFORE_HEADLINE) return blocks.filter((_, i) => i !== index);
  return blocks.slice(index + 1);
}

// JSON-LD's articleBody wins only where the page shows much less than it: a paywall teaser or a
// page whose body Readability could not find. Elsewhere the DOM is better: it has paragraph
// breaks, and articleBody is often truncated or missing embedded quotes.
const JSON_LD_BODY_RATIO = 1.5;

function chooseBody(
  selected: Block[] | undefined,
  generic: Block[],
  genericMethod: ExtractionMethod,
  jsonLdBody: string | null,
): { paragraphs: string[]; method: ExtractionMethod } {
  if (selected !== undefined) return { paragraphs: cleanParagraphs(selected), method: "selectors" };
  const dom = cleanParagraphs(generic);
  if (jsonLdBody !== null) {
    const fromJsonLd = jsonLdParagraphs(jsonLdBody);
    if (wordCount(fromJsonLd) > wordCount(dom) * JSON_LD_BODY_RATIO + 20) {
      return { paragraphs: fromJsonLd, method: "json-ld" };
    }
  }
  return { paragraphs: dom, method: dom.length > 0 ? genericMethod : "none" };
}

// Some CMSs put the body's HTML in articleBody; when it starts with a block tag it is read as HTML,
// otherwise it is text (a headline-like "<script>" in plain text stays text).
function jsonLdParagraphs(body: string): string[] {
  if (/^\s*<(?:p|div|body|section|article|h[1-6]|ul|ol|blockquote)\b[^>]*>/i.test(body)) {
    const { document } = parseHTML(`<!doctype html><html><body>${body}</body></html>`);
    return cleanParagraphs(blockParagraphs(document.body));
  }
  return body.split(/\n+/);
}

function wordCount(paragraphs: string[]): number {
  return paragraphs.reduce((sum, p) => sum + countWords(p), 0);
}

// linkedom builds no <html> element for a fragment ("just text", a lone <p>), and Readability
// needs one: such input is parsed again inside a minimal document.
function parseDocument(html: string): Document {
  const { document } = parseHTML(html);
  // Checked before touching document.body, whose getter throws on a document without a root.
  if (document.documentElement?.localName.toLowerCase() === "html") return document;
  return parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`).document;
}

// The first date that parses to a plausible year wins; CMS placeholders ("0001-01-01") are
// skipped. When none parses, the first one is kept as the page states it.
const EARLIEST_YEAR = 1990;

function pickDate(candidates: [string | null | undefined, ExtractionMethod][]): Field {
  for (const [value, method] of candidates) {
    const iso = value ? parseDate(value) : null;
    if (iso !== null && Number(iso.slice(0, 4)) >= EARLIEST_YEAR) return { value: iso, method };
  }
  const raw = pick(candidates);
  return raw.value !== null && parseDate(raw.value) === null
    ? raw
    : { value: null, method: "none" };
}

function pick(candidates: [string | null | undefined, ExtractionMethod][]): Field {
  for (const [value, method] of candidates) {
    if (value !== null && value !== undefined && value.trim() !== "") return { value, method };
  }
  return { value: null, method: "none" };
}
