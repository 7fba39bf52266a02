// Finds the article body on a page nobody configured, with Mozilla Readability (run on linkedom
// for speed), and flattens what it keeps into paragraph blocks.

import { Readability } from "@mozilla/readability";
import type { ExtractionMethod } from "../types.ts";
import { type Block, blockParagraphs } from "./block-paragraphs.ts";
import { pruneFurniture } from "./prune-furniture.ts";
import { pruneMarkedFurniture } from "./prune-marked-furniture.ts";
import { unwrapEmbeds } from "./unwrap-embeds.ts";

/** What generic extraction found: body blocks, its own guesses at title and byline, and how. */
export interface GenericBody {
  blocks: Block[];
  title: string | null;
  byline: string | null;
  method: ExtractionMethod;
}

// Readability's time grows with the cube of nesting depth: 100 levels cost half a second, 1,000
// levels minutes. Real article pages stay under 60; deeper ones are malformed (unclosed tags) and
// get the plain fallback instead.
const MAX_READABLE_DEPTH = 80;

/** Runs Readability on `document` (which it mutates) and returns the body as blocks. */
export function readGenericBody(document: Document): GenericBody {
  if (nestingDepth(document.documentElement) > MAX_READABLE_DEPTH) return plainBody(document);
  unwrapEmbeds(document);
  // Navigation, footers and sidebars would be pruned from the result anyway (see
  // prune-furniture.ts); the ones stripInertMarkup left (nested, unclosed) go before Readability.
  for (const el of elementsByTag(document.documentElement, ["nav", "footer", "aside"])) el.remove();
  pruneMarkedFurniture(document);
  const reader = new Readability<Element>(document, {
    serializer: (node) => node as Element,
    // JSON-LD is read by our own layer; Readability's copy would only cost time.
    disableJSONLD: true,
    // Class names are what tells a caption or a share bar from text; prune them before flattening.
    keepClasses: true,
  });
  const internals = reader as unknown as {
    _postProcessContent: () => void;
    _getAllNodesWithTag: (node: Element, tags: string[]) => Element[];
  };
  // Post-processing only rewrites link URLs and flattens wrappers, which plain text never sees;
  // on long pages it is a tenth of Readability's time.
  internals._postProcessContent = () => {};
  // Readability finds elements by tag with querySelectorAll, which linkedom answers by compiling
  // a selector on every call: a plain walk returns the same elements in the same order, faster.
  internals._getAllNodesWithTag = elementsByTag;
  const result = reader.parse();
  if (!result?.content) return { blocks: [], title: null, byline: null, method: "none" };
  pruneFurniture(result.content);
  return {
    blocks: blockParagraphs(result.content),
    title: result.title ?? null,
    byline: result.byline ?? null,
    method: "readability",
  };
}

// The page's own article container, furniture removed: worse than Readability, but linear.
function plainBody(document: Document): GenericBody {
  const container =
    document.querySelector("[itemprop~='articleBody'], article, main, [role='main']") ??
    document.body ??
    document.documentElement;
  pruneFurniture(container);
  return { blocks: blockParagraphs(container), title: null, byline: null, method: "html" };
}

function elementsByTag(root: Element, tags: string[]): Element[] {
  const wanted = new Set(tags.map((t) => t.toLowerCase()));
  const found: Element[] = [];
  const walk = (node: Element) => {
    for (let child = node.firstElementChild; child !== null; child = child.nextElementSibling) {
      if (wanted.has(child.localName.toLowerCase())) found.push(child);
      walk(child);
    }
  };
  walk(root);
  return found;
}

function nestingDepth(root: Element): number {
  let max = 0;
  const stack: [Element, number][] = [[root, 0]];
  for (let entry = stack.pop(); entry !== undefined; entry = stack.pop()) {
    const [element, depth] = entry;
    if (depth > max) max = depth;
    for (let child = element.firstElementChild; child !== null; child = child.nextElementSibling) {
      stack.push([child, depth + 1]);
    }
  }
  return max;
}
