// Recognises pages that stand in for an article — a paywall teaser, a login or consent wall, a
// captcha — so they are held as suspect instead of becoming versions. Only generic signals are
// used (schema.org markup, the stock wording of prompts, challenge widgets), never site names, and
// every text signal needs a short body: a full article with a newsletter box is still an article.

import { parseHTML } from "linkedom";
import { countWords } from "../diff/tokenize-words.ts";
import type { Article } from "../types.ts";

/** Below this many words a body is short enough to be a teaser. */
export const SHORT_BODY_WORDS = 150;

// With a challenge widget in the markup, a body this short is no article at all.
const TINY_BODY_WORDS = 50;

// A page this short whose text is mostly about cookies is a consent wall.
const SHORT_PAGE_WORDS = 300;

const CAPTCHA_TEXT = [
  /\bverify (?:that )?you(?: are|'re) (?:a )?human\b/,
  /\bare you a robot\b/,
  /\b(?:confirm|prove) (?:that )?you(?: are|'re) not a robot\b/,
  /\bi(?: am|'m) not a robot\b/,
  /\bchecking (?:your browser|if the site connection is secure)\b/,
  /\bunusual traffic from your (?:computer )?network\b/,
  /\bpress (?:and|&) hold\b/,
  /\bcomplete the security check\b/,
];

const CAPTCHA_MARKUP =
  /\b(?:g-recaptcha|h-captcha|hcaptcha|cf-challenge|cf-chl-[\w-]+|cf-turnstile|challenge-platform|px-captcha|captcha-delivery)\b/i;

// Wording that only a paywall uses: anywhere on a short page it means the article is held back.
const PAYWALL_TEXT = [
  /\bsubscribe (?:now |today )?to (?:continue|keep) reading\b/,
  /\bto (?:continue|keep) reading,? (?:please )?subscribe\b/,
  /\bsubscribe (?:now |today )?to (?:read|unlock|access) (?:the|this) (?:full |whole |rest of the )?(?:article|story)\b/,
  /\b(?:this|the rest of this) (?:article|story|content) is (?:only )?(?:available )?(?:for|to|reserved for|exclusive to) (?:paying )?(?:subscribers|members)\b/,
  /\b(?:for|to) (?:paying )?subscribers only\b/,
  /\bsubscriber[- ]only (?:article|story|content)\b/,
  /\byou(?: have|'ve) (?:reached|used) (?:your|all (?:of )?your) (?:limit of )?(?:free|monthly) (?:articles|stories)\b/,
  /\bunlock (?:this|the full) (?:article|story)\b/,
];

// Wording that sits in headers and newsletter boxes of free pages too: it counts only when the
// extractor took it for part of the article.
const SUBSCRIBE_TEXT = [
  /\balready (?:a subscriber|subscribed|a member)\?/,
  /\bbecome a (?:subscriber|member)\b/,
  /\bsubscribe (?:now|today)\b/,
  /\bstart your (?:free )?(?:trial|subscription)\b/,
];

const LOGIN_TEXT = [
  /\b(?:sign|log) in to (?:continue|keep) reading\b/,
  /\bto (?:continue|keep) reading,? (?:please )?(?:sign|log) in\b/,
  /\b(?:sign|log) in to (?:read|access|view|unlock) (?:this|the full|the rest of this) (?:article|story)\b/,
  /\b(?:create|register for) a free account to (?:continue|read|keep reading)\b/,
  /\bregister (?:now |for free )?to (?:continue|keep) reading\b/,
  /\byou must be (?:signed|logged) in to\b/,
];

const CONSENT_TEXT = [
  /\bcookies?\b/,
  /\bconsent\b/,
  /\baccept all\b/,
  /\breject all\b/,
  /\bmanage (?:your )?(?:preferences|choices|options|settings)\b/,
  /\bprivacy (?:settings|preferences|choices|options)\b/,
  /\b(?:our|trusted|advertising|\d+) partners\b/,
  /\blegitimate interests?\b/,
  /\bstore and\/or access information\b/,
];

const INVISIBLE = new Set(["script", "style", "noscript", "template", "svg", "head"]);
const BLOCKS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "button",
  "dd",
  "div",
  "dl",
  "dt",
  "figcaption",
  "figure",
  "footer",
  "form",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "label",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "section",
  "table",
  "td",
  "th",
  "tr",
  "ul",
  "br",
  "dialog",
]);

/**
 * Why `html` is a teaser or wall in place of the article (e.g. "paywall teaser: subscribe
 * prompt", "consent wall", "captcha"), or null when it reads as the article itself.
 * `article` is what the extractor made of the page.
 */
export function detectTeaser(html: string, article: Article): string | null {
  const { document } = parseHTML(html);
  const bodyWords = countWords(article.paragraphs.join("\n"));
  const short = bodyWords < SHORT_BODY_WORDS;
  const lines = visibleLines(document.documentElement);
  const pageText = normalize(lines.join(" "));
  const paragraphs = article.paragraphs.map(normalize);

  if (short && CAPTCHA_TEXT.some((p) => p.test(pageText))) return "captcha";
  if (bodyWords < TINY_BODY_WORDS && hasChallengeMarkup(document)) return "captcha";

  const paywall = readPaywallMarkup(document);
  if (paywall.missingSection) return "paywall teaser: paywalled section missing";
  if (paywall.notFree && short) {
    return `paywall teaser: marked as not free, with only ${bodyWords} words`;
  }
  if (short && PAYWALL_TEXT.some((p) => p.test(pageText)))
    return "paywall teaser: subscribe prompt";
  if (short && paragraphs.some((text) => SUBSCRIBE_TEXT.some((p) => p.test(text)))) {
    return "paywall teaser: subscribe prompt";
  }
  if (short && LOGIN_TEXT.some((p) => p.test(pageText))) return "login wall";

  if (short && mostlyConsent(paragraphs)) return "consent wall";
  const pageWords = countWords(pageText);
  if (short && pageWords < SHORT_PAGE_WORDS && mostlyConsent(lines.map(normalize))) {
    return "consent wall";
  }
  return null;
}

function hasChallengeMarkup(document: Document): boolean {
  for (const element of document.querySelectorAll("[class], [id], script[src], iframe[src]")) {
    const names = [
      element.getAttribute("class"),
      element.getAttribute("id"),
      element.getAttribute("src"),
    ].join(" ");
    if (CAPTCHA_MARKUP.test(names)) return true;
  }
  return false;
}

// schema.org's paywall markup: `isAccessibleForFree: false` on the article, and `hasPart` naming
// (by CSS selector) the section only subscribers get. A teaser leaves that section out or empty.
function readPaywallMarkup(document: Document): { notFree: boolean; missingSection: boolean } {
  let notFree = false;
  let missingSection = false;
  for (const script of document.querySelectorAll("script")) {
    if (!/ld\+json/i.test(script.getAttribute("type") ?? "")) continue;
    const data = parseJson(script.textContent ?? "");
    for (const node of objects(data, 0)) {
      if (isFalse(node.isAccessibleForFree) && typeof node["@type"] !== "undefined") {
        notFree = true;
      }
      for (const part of objects(node.hasPart, 0)) {
        if (!isFalse(part.isAccessibleForFree) || typeof part.cssSelector !== "string") continue;
        const text = selectedText(document, part.cssSelector);
        if (text !== null && countWords(text) < 20) missingSection = true;
      }
    }
  }
  return { notFree, missingSection };
}

// The text of the elements a selector picks; null when the selector is not one we can run.
function selectedText(document: Document, selector: string): string | null {
  try {
    return [...document.querySelectorAll(selector)].map((el) => el.textContent ?? "").join(" ");
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

// The page's text as a reader sees it, one string per block (paragraph, button, list item…).
function visibleLines(root: Element | null): string[] {
  const lines: string[] = [];
  let current = "";
  const flush = () => {
    if (current.trim() !== "") lines.push(current.trim());
    current = "";
  };
  const walk = (node: Node) => {
    if (node.nodeType === 3) {
      current += node.textContent ?? "";
      return;
    }
    if (node.nodeType !== 1) return;
    const tag = (node as Element).tagName.toLowerCase();
    if (INVISIBLE.has(tag)) return;
    const block = BLOCKS.has(tag);
    if (block) flush();
    for (const child of node.childNodes) walk(child);
    if (block) flush();
  };
  if (root) walk(root);
  flush();
  return lines;
}

// True when blocks that talk about cookies and consent hold at least half the words.
function mostlyConsent(blocks: string[]): boolean {
  let total = 0;
  let consent = 0;
  for (const block of blocks) {
    const words = countWords(block);
    total += words;
    if (CONSENT_TEXT.some((p) => p.test(block))) consent += words;
  }
  return total > 0 && consent * 2 >= total;
}

function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/\s+/g, " ")
    .trim();
}
