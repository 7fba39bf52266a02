// Applies an outlet's configured CSS selectors, for the sites where generic extraction gets a
// field wrong: each configured field replaces the generic one; `remove` drops furniture first.

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
    for (const el of document.querySelectorAll(selector)) el.remove();
  }
  const text = (selector: string | undefined) => {
    if (selector === undefined) return undefined;
    const el = document.querySelector(selector);
    if (!el) return null;
    const value = el.getAttribute("content") ?? el.getAttribute("datetime") ?? el.textContent ?? "";
    return value.replace(/\s+/g, " ").trim() || null;
  };
  const fields: SelectedFields = {
    title: text(selectors.title),
    byline: text(selectors.byline),
    published: text(selectors.published),
  };
  if (selectors.body !== undefined) {
    fields.blocks = [...document.querySelectorAll(selectors.body)]
      // A selector like `article p` also matches nested blocks; keep only the outermost ones.
      .filter((el, _, all) => !all.some((other) => other !== el && other.contains(el)))
      .flatMap((el) => blockParagraphs(el));
  }
  return fields;
}
