// Recognises pages that stand in for an article — a paywall teaser, a login or consent wall, a
// captcha — so they are held as suspect instead of becoming versions. Only generic signals are
// used (schema.org markup, the stock wording of prompts, challenge widgets), never site names;
// wording counts only in the article's place, never in the page's chrome; and every text signal
// needs a short body: a full article with a newsletter box is still an article. Pure: it reads
// the signals extraction took from its one parse of the page (see extract/page-signals.ts).

import { countWords } from "../diff/tokenize-words.ts";
import type { Article, HeldCode, HeldReason, PageSignals } from "../types.ts";

/** Below this many words a body is short enough to be a teaser. */
export const SHORT_BODY_WORDS = 150;

// With a challenge widget in the markup, a body this short is no article at all.
const TINY_BODY_WORDS = 50;

// A page this short whose text is mostly about cookies, with a body this short, is a consent wall.
const SHORT_PAGE_WORDS = 300;
const NO_BODY_WORDS = 10;

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
  // "…to read", never "…to post a comment": that is a comment form under a free article.
  /\byou must be (?:signed|logged) in to (?:read|view|see|access|continue)\b/,
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

/**
 * Why the page is a teaser or wall in place of the article ("paywall teaser: subscribe prompt",
 * "login wall", "captcha"…), with a stable code, or null when it reads as the article itself.
 * `article` is what the extractor made of the page, `page` what it read around it. Wording counts
 * only in the article's place (the body's container, not the page's header, comment thread,
 * account menu or cookie banner), and every text signal needs a short body.
 */
export function detectTeaser(page: PageSignals, article: Article): HeldReason | null {
  const bodyWords = countWords(article.paragraphs.join("\n"));
  const short = bodyWords < SHORT_BODY_WORDS;
  const place = normalize(page.placeLines.join(" "));
  const paragraphs = article.paragraphs.map(normalize);
  const held = (code: HeldCode, text: string): HeldReason => ({ code, text });

  if (short && CAPTCHA_TEXT.some((p) => p.test(place))) return held("captcha", "captcha");
  if (bodyWords < TINY_BODY_WORDS && page.challenge) return held("captcha", "captcha");

  // A section left empty is a teaser; one the page does not have at all is often boilerplate
  // markup on a free page, and counts only with a short body.
  if (page.paywalledSection === "empty" || (page.paywalledSection === "absent" && short)) {
    return held("paywall", "paywall teaser: paywalled section missing");
  }
  if (page.notFree && short) {
    return held("paywall", `paywall teaser: marked as not free, with only ${bodyWords} words`);
  }
  if (short && PAYWALL_TEXT.some((p) => p.test(place))) {
    return held("paywall", "paywall teaser: subscribe prompt");
  }
  if (short && paragraphs.some((text) => SUBSCRIBE_TEXT.some((p) => p.test(text)))) {
    return held("paywall", "paywall teaser: subscribe prompt");
  }
  if (short && LOGIN_TEXT.some((p) => p.test(place))) return held("login-wall", "login wall");

  if (short && mostlyConsent(paragraphs)) return held("consent-wall", "consent wall");
  // A consent dialog the extractor did not take for the article: only when there is next to no
  // article, since a cookie banner sits beside many a short article.
  if (bodyWords < NO_BODY_WORDS) {
    const pageLines = page.pageLines.map(normalize);
    const pageWords = countWords(pageLines.join("\n"));
    if (pageWords < SHORT_PAGE_WORDS && mostlyConsent(pageLines)) {
      return held("consent-wall", "consent wall");
    }
  }
  return null;
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
