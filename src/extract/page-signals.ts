// Reads, from the same parse extraction uses, what the fetch needs to judge a page besides its
// article: the canonical link, schema.org paywall markup, and the text of the article's place,
// where a paywall or login prompt that stands in for the article would be. The place is the
// container of the extracted body (its <main>, or the parent of its <article>), without comment
// threads, account menus, cookie banners and page chrome, whose stock wording ("You must be
// logged in to post a comment", "Log in") must never make an ordinary article look like a wall.

import { countWords } from "../diff/tokenize-words.ts";
import { normalizeText } from "../normalize/normalize-article.ts";
import type { PageSignals } from "../types.ts";
import { BLOCK_TAGS } from "./block-paragraphs.ts";
import { nameWords } from "./prune-furniture.ts";

// Never shown: no line of text comes from these.
const INVISIBLE = new Set(["script", "style", "noscript", "template", "svg", "head", "title"]);

// Regions that belong to the page around the article, not to it: page chrome, comment threads,
// account menus, cookie and consent banners. Found by tag, or by a word of their class or id.
const CHROME_TAGS = new Set(["header", "footer", "nav", "aside"]);
const CHROME_WORDS = new Set([
  "comment",
  "comments",
  "respond",
  "reply",
  "replies",
  "discussion",
  "disqus",
  "account",
  "user",
  "usermenu",
  "profile",
  "cookie",
  "cookies",
  "consent",
  "gdpr",
  "cmp",
  "masthead",
  "navbar",
  "menu",
  "header",
  "footer",
  "sidebar",
]);

const CAPTCHA_MARKUP =
  /\b(?:g-recaptcha|h-captcha|hcaptcha|cf-challenge|cf-chl-[\w-]+|cf-turnstile|challenge-platform|px-captcha|captcha-delivery)\b/i;

/** Where a line sits: its innermost element, with a link to the one around it. */
interface Place {
  element: Element;
  up: Place | null;
  depth: number;
  /** Inside page chrome, a comment thread, an account menu or a cookie banner. */
  chrome: boolean;
}

/** One block of text and where it sits. */
interface Line {
  text: string;
  at: Place | null;
}

/**
 * Reads `document` before Readability rewrites it; the returned function completes the signals
 * once the body's paragraphs are known, since the body is what says where the article's place is.
 */
export function readPageSignals(document: Document): (paragraphs: string[]) => PageSignals {
  const lines: Line[] = [];
  const challenges: Place[] = [];
  walk(document.documentElement, lines, challenges);
  const canonical = canonicalHref(document);
  const paywall = readPaywallMarkup(document);

  return (paragraphs) => {
    const root = placeOf(lines, paragraphs);
    const inPlace = (at: Place | null) => !at?.chrome && (root === null || within(at, root));
    return {
      canonical,
      placeLines: lines.filter((l) => inPlace(l.at)).map((l) => l.text),
      pageLines: lines.map((l) => l.text),
      challenge: challenges.some(inPlace),
      ...paywall,
    };
  };
}

// The page's text in blocks, as a reader sees it, noting where each sits and the captcha widgets.
function walk(root: Element | null, lines: Line[], challenges: Place[]): void {
  let at: Place | null = null;
  let text = "";
  let owner: Place | null = null;
  const flush = () => {
    const line = normalizeText(text);
    if (line !== "") lines.push({ text: line, at: owner });
    text = "";
  };
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      if (text.trim() === "") owner = at;
      text += node.nodeValue ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    if (INVISIBLE.has(tag) || element.hasAttribute("hidden")) return;
    const names = `${element.getAttribute("class") ?? ""} ${element.getAttribute("id") ?? ""}`;
    const marked = names.trim() !== "";
    const chrome =
      (at?.chrome ?? false) ||
      CHROME_TAGS.has(tag) ||
      (marked && nameWords(element).some((w) => CHROME_WORDS.has(w)));
    const place: Place = { element, up: at, depth: (at?.depth ?? 0) + 1, chrome };
    if (marked && CAPTCHA_MARKUP.test(names)) challenges.push(place);
    const block = BLOCK_TAGS.has(tag) || tag === "br" || tag === "form" || tag === "label";
    if (block) flush();
    at = place;
    for (let child = element.firstChild; child !== null; child = child.nextSibling) visit(child);
    at = place.up;
    if (block) flush();
  };
  if (root) visit(root);
  flush();
}

function within(at: Place | null, root: Element): boolean {
  for (let p = at; p !== null; p = p.up) if (p.element === root) return true;
  return false;
}

// The element whose text is the article's place: around the deepest element holding every line
// of the body, its <main>; failing that, the parent of its <article> (a prompt that replaces
// the rest of the article often follows it); failing that, its parent. Null when no line of the
// page is a body paragraph: then the whole page, without its chrome, is the place.
function placeOf(lines: Line[], paragraphs: string[]): Element | null {
  const body = new Set(paragraphs.map(normalizeText));
  let common: Place | null | undefined;
  for (const line of lines) {
    if (line.at === null || !body.has(line.text)) continue;
    common = common === undefined ? line.at : commonPlace(common, line.at);
  }
  if (!common) return null;
  const chain: Element[] = [];
  for (let p: Place | null = common; p !== null; p = p.up) chain.unshift(p.element);
  const main = chain.findLast((el) => isMain(el));
  if (main) return main;
  const article = chain.findLastIndex((el) => el.localName.toLowerCase() === "article");
  if (article > 0) return chain[article - 1] ?? null;
  return chain.at(-2) ?? chain.at(-1) ?? null;
}

function commonPlace(a: Place | null, b: Place | null): Place | null {
  let x = a;
  let y = b;
  while (x !== null && y !== null && x.depth > y.depth) x = x.up;
  while (x !== null && y !== null && y.depth > x.depth) y = y.up;
  while (x !== null && y !== null && x !== y) {
    x = x.up;
    y = y.up;
  }
  return x;
}

function isMain(el: Element): boolean {
  return el.localName.toLowerCase() === "main" || el.getAttribute("role") === "main";
}

function canonicalHref(document: Document): string | null {
  for (const link of document.getElementsByTagName("link")) {
    const rel = (link.getAttribute("rel") ?? "").toLowerCase().split(/\s+/);
    const href = link.getAttribute("href")?.trim();
    if (rel.includes("canonical") && href) return href;
  }
  return null;
}

// schema.org's paywall markup: `isAccessibleForFree: false` on the article, and `hasPart` naming
// (by CSS selector) the section only subscribers get. A teaser leaves that section out or empty.
function readPaywallMarkup(document: Document): Pick<PageSignals, "notFree" | "paywalledSection"> {
  let notFree = false;
  let paywalledSection: PageSignals["paywalledSection"] = null;
  for (const script of document.getElementsByTagName("script")) {
    if (!/ld\+json/i.test(script.getAttribute("type") ?? "")) continue;
    const data = parseJson(script.textContent ?? "");
    for (const node of objects(data, 0)) {
      if (isFalse(node.isAccessibleForFree) && typeof node["@type"] !== "undefined") {
        notFree = true;
      }
      for (const part of objects(node.hasPart, 0)) {
        if (!isFalse(part.isAccessibleForFree) || typeof part.cssSelector !== "string") continue;
        const elements = select(document, part.cssSelector);
        if (elements === null) continue;
        const text = elements.map((el) => el.textContent ?? "").join(" ");
        if (elements.length === 0) paywalledSection ??= "absent";
        else if (countWords(text) < 20) paywalledSection = "empty";
      }
    }
  }
  return { notFree, paywalledSection };
}

// The elements a selector picks; null when the selector is not one we can run.
function select(document: Document, selector: string): Element[] | null {
  try {
    return [...document.querySelectorAll(selector)];
  } catch {
    return null;
  }
}

function* objects(node: unknown, depth: number): Generator<Record<string, unknown>> {
  if (depth > 6 || node === null || typeof node !== "object") return;
  if (Array.isArray(node)) {
    for (const item of node) yield* objects(item, depth + 1);
    return;
  }
  const record = node as Record<string, unknown>;
  yield record;
  for (const key of ["@graph", "mainEntity", "mainEntityOfPage"]) {
    if (key in record) yield* objects(record[key], depth + 1);
  }
}

function isFalse(value: unknown): boolean {
  return value === false || (typeof value === "string" && value.trim().toLowerCase() === "false");
}

function parseJson(text: string): unknown {
  try {
    // biome-ignore lint/suspicious/noControlCharactersInRegex: raw control characters break CMS JSON-LD.
    return JSON.parse(text.trim().replace(/[\u0000-\u001f]+/g, " "));
  } catch {
    return undefined;
  }
}
