// Turns one article page into stet's Article: headline, byline, publication date and body
// paragraphs, each from the most reliable layer that has it (selectors, JSON-LD, meta tags, generic
// extraction). Pure: the same HTML and URL always give the same article.

import { parseHTML } from "linkedom";
import { normalizeArticle, normalizeText } from "../normalize/normalize-article.ts";
import type { ExtractedArticle, ExtractionMethod, Selectors } from "../types.ts";
import { type Block, blockParagraphs } from "./block-paragraphs.ts";
import { cleanByline } from "./clean-byline.ts";
import { cleanParagraphs } from "./clean-paragraphs.ts";
import { readGenericBody } from "./generic-body.ts";
import { readJsonLd } from "./json-ld.ts";
import { readMetaTags } from "./meta-tags.ts";
import { parseDate } from "./parse-date.ts";
import { applySelectors } from "./selectors-override.ts";
import { stripInertMarkup } from "./strip-inert-markup.ts";

type Field = { value: string | null; method: ExtractionMethod };

/** Extracts the article from `html`, fetched from `url`; `selectors` override generic results. */
export function extract(html: string, url: string, selectors?: Selectors): ExtractedArticle {
  const { document } = parseHTML(stripInertMarkup(html));
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
  title.value = title.value && stripSiteName(title.value, meta.siteName, h1);
  const byline = pick([
    [selected.byline, "selectors"],
    [jsonLd?.byline, "json-ld"],
    [meta.byline, "meta"],
    [generic.byline, "readability"],
  ]);
  const published = pick([
    [selected.published, "selectors"],
    [jsonLd?.published, "json-ld"],
    [meta.published, "meta"],
  ]);
  byline.value = cleanByline(byline.value);
  if (published.value !== null) published.value = parseDate(published.value) ?? published.value;

  const headlines = [title.value, h1].filter((t): t is string => t !== null).map(normalizeText);
  const genericBlocks = startAfterHeadline(generic.blocks, headlines);
  const body = chooseBody(selected.blocks, genericBlocks, jsonLd?.body ?? null);

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
  };
}

// JSON-LD's articleBody wins only where the page shows much less than it: a paywall teaser or a
// page whose body Readability could not find. Elsewhere the DOM is better: it has paragraph
// breaks, and articleBody is often truncated or missing embedded quotes.
const JSON_LD_BODY_RATIO = 1.5;

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

function chooseBody(
  selected: Block[] | undefined,
  generic: Block[],
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
  return { paragraphs: dom, method: dom.length > 0 ? "readability" : "none" };
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
  return paragraphs.reduce((sum, p) => sum + (p.match(/[\p{L}\p{N}_]+/gu)?.length ?? 0), 0);
}

function pick(candidates: [string | null | undefined, ExtractionMethod][]): Field {
  for (const [value, method] of candidates) {
    if (value !== null && value !== undefined && value.trim() !== "") return { value, method };
  }
  return { value: null, method: "none" };
}

// "Headline | The Courier" → "Headline", when the suffix is the site's name or the page's <h1>
// is exactly the part before it.
function stripSiteName(title: string, siteName: string | null, h1: string | null): string {
  const clean = title.replace(/\s+/g, " ").trim();
  const heading = h1?.replace(/\s+/g, " ").trim();
  if (heading && heading.length > 0 && clean !== heading && clean.startsWith(heading)) {
    const rest = clean.slice(heading.length);
    if (/^\s*[|\-–—:·•»]\s*\S/.test(rest)) return heading;
  }
  if (siteName) {
    const site = siteName.trim();
    for (const sep of [" | ", " - ", " – ", " — ", " :: ", " · "]) {
      if (clean.endsWith(`${sep}${site}`)) return clean.slice(0, -(sep.length + site.length));
      if (clean.startsWith(`${site}${sep}`)) return clean.slice(site.length + sep.length);
    }
  }
  return clean;
}
