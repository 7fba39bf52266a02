// Finds the article body on a page nobody configured, with Mozilla Readability (run on linkedom
// for speed), and flattens what it keeps into paragraph blocks.

import { Readability } from "@mozilla/readability";
import { type Block, blockParagraphs } from "./block-paragraphs.ts";
import { pruneFurniture } from "./prune-furniture.ts";
import { unwrapEmbeds } from "./unwrap-embeds.ts";

/** What Readability found: the body blocks and its own guesses at title and byline. */
export interface GenericBody {
  blocks: Block[];
  title: string | null;
  byline: string | null;
}

/** Runs Readability on `document` (which it mutates) and returns the body as blocks. */
export function readGenericBody(document: Document): GenericBody {
  unwrapEmbeds(document);
  for (const tag of (process.env.PRE ?? "").split(",").filter(Boolean))
    for (const el of [...document.getElementsByTagName(tag)]) el.remove();
  const reader = new Readability<Element>(document, {
    serializer: (node) => node as Element,
    // JSON-LD is read by our own layer; Readability's copy would only cost time.
    disableJSONLD: true,
    // Class names are what tells a caption or a share bar from text; prune them before flattening.
    keepClasses: true,
  });
  // Post-processing only rewrites link URLs and flattens wrappers, which plain text never sees;
  // on long pages it is a tenth of Readability's time.
  (reader as unknown as { _postProcessContent: () => void })._postProcessContent = () => {};
  const result = reader.parse();
  if (!result?.content) return { blocks: [], title: null, byline: null };
  pruneFurniture(result.content);
  return {
    blocks: blockParagraphs(result.content),
    title: result.title ?? null,
    byline: result.byline ?? null,
  };
}
