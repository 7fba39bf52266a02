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

/** One block of text, with the elements it sits in (outermost first). */
interface Line {
  text: string;
  path: Element[];
}

/**
 * Reads `document` before Readability rewrites it; the returned function completes the signals
 * once the body's paragraphs are known, since the body is what says where the article's place is.
 */
export function readPageSignals(document: Document): (paragraphs: string[]) => PageSignals {
  const lines: Line[] = [];
  const chrome = new Set<Element>();
  const challenges: Element[][] = [];
  walk(document.documentElement, lines, chrome, challenges);
  const canonical = canonicalHref(document);
  const paywall = readPaywallMarkup(document);
  const isChrome = (line: Line) => line.path.some((el) => chrome.has(el));

  return (paragraphs) => {
    const root = placeOf(lines, paragraphs);
    const inPlace = (path: Element[]) => root === null || path.includes(root);
    return {
      canonical,
      placeLines: lines.filter((l) => inPlace(l.path) && !isChrome(l)).map((l) => l.text),
      pageLines: lines.map((l) => l.text),
      challenge: challenges.some((path) => inPlace(path) && !path.some((el) => chrome.has(el))),
      ...paywall,
    };
  };
}

// The page's text in blocks, as a reader sees it, noting chrome regions and captcha widgets.
function walk(
  root: Element | null,
  lines: Line[],
  chrome: Set<Element>,
  challenges: Element[][],
): void {
  const path: Element[] = [];
  let text = "";
  let owner: Element[] = [];
  const flush = () => {
    const line = normalizeText(text);
    if (line !== "") lines.push({ text: line, path: owner });
    text = "";
  };
  const visit = (node: Node) => {
    if (node.nodeType === 3) {
      if (text.trim() === "") owner = [...path];
      text += node.nodeValue ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    if (INVISIBLE.has(tag) || element.hasAttribute("hidden")) return;
    const words = nameWords(element);
    if (CHROME_TAGS.has(tag) || words.some((w) => CHROME_WORDS.has(w))) chrome.add(element);
    if (CAPTCHA_MARKUP.test(`${element.getAttribute("class") ?? ""} ${element.id}`)) {
      challenges.push([...path, element]);
    }
    const block = BLOCK_TAGS.has(tag) || tag === "br" || tag === "form" || tag === "label";
    if (block) flush();
    path.push(element);
    for (let child = element.firstChild; child !== null; child = child.nextSibling) visit(child);
    path.pop();
    if (block) flush();
  };
  if (root) visit(root);
  flush();
}

// The element whose text is the article's place: around the deepest element holding every line
// of the body, its <main>; failing that, the parent of its <article> (a prompt that replaces
// the rest of the article often follows it); failing that, its parent. Null when no line of the
// page is a body paragraph: then the whole page, without its chrome, is the place.
function placeOf(lines: Line[], paragraphs: string[]): Element | null {
  const body = new Set(paragraphs.map(normalizeText));
  const matched = lines.filter((l) => body.has(l.text)).map((l) => l.path);
  const first = matched[0];
  if (first === undefined) return null;
  let depth = first.length;
  for (const path of matched) {
    let i = 0;
    while (i < depth && i < path.length && path[i] === first[i]) i++;
    depth = i;
  }
  const chain = first.slice(0, depth);
  const main = chain.findLast((el) => isMain(el));
  if (main) return main;
  const article = chain.findLastIndex((el) => el.localName.toLowerCase() === "article");
  if (article > 0) return chain[article - 1] ?? null;
  return chain.at(-2) ?? chain.at(-1) ?? null;
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
