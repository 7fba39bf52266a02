// Applies an outlet's configured CSS selectors, for the sites where generic extraction gets a
// field wrong: each configured field replaces the generic one; `remove` drops furniture first.
//
// When to configure them: run `stet extract saved-page.html --url URL --json` on a few of the
// outlet's pages. If the body misses paragraphs or keeps furniture that the generic cleaning does
// not catch, set `body` (a container like "article .story-body", or paragraphs like
// "article p") and `remove` (e.g. [".newsletter-box"]); if the headline, byline or date is wrong,
// set that one field. Prefer few, stable selectors (semantic tags, itemprop, data attributes):
// when a redesign breaks them, a selector that matches nothing yields an empty body, which the
// fetcher treats as a suspect page rather than a new version.

import { ConfigError } from "../errors.ts";
import type { Selectors } from "../types.ts";
import { type Block, blockParagraphs } from "./block-paragraphs.ts";

/** The fields the selectors found; `undefined` where no selector was configured. */
export interface SelectedFields {
  title?: string | null;
  byline?: string | null;
  published?: string | null;
  blocks?: Block[];
}

/** Reads the configured fields from `document` (mutating it: `remove` matches are deleted). */
export function applySelectors(document: Document, selectors: Selectors): SelectedFields {
  for (const selector of selectors.remove ?? []) {
    for (const el of select(document, selector, "remove")) el.remove();
  }
  const text = (key: "title" | "byline" | "published") => {
    const selector = selectors[key];
    if (selector === undefined) return undefined;
    const el = select(document, selector, key)[0];
    if (!el) return null;
    const value = el.getAttribute("content") ?? el.getAttribute("datetime") ?? el.textContent ?? "";
    return value.replace(/\s+/g, " ").trim() || null;
  };
  const fields: SelectedFields = {
    title: text("title"),
    byline: text("byline"),
    published: text("published"),
  };
  if (selectors.body !== undefined) {
    fields.blocks = select(document, selectors.body, "body")
      // A selector like `article p` also matches nested blocks; keep only the outermost ones.
      .filter((el, _, all) => !all.some((other) => other !== el && other.contains(el)))
      .flatMap((el) => blockParagraphs(el));
  }
  return fields;
}

function select(document: Document, selector: string, key: string): Element[] {
  try {
    return [...document.querySelectorAll(selector)];
  } catch (error) {
    throw new ConfigError(
      `selectors.${key}: "${selector}" is not a valid CSS selector (${(error as Error).message}). Fix it in the outlet's selectors in stet.config.yaml.`,
      { cause: error },
    );
  }
}
