// Removes small pieces of furniture that announce themselves by class or id ("share-count",
// "post-views", "timeago", "reading-time", "ad-slot") from the whole page, before Readability
// runs: Readability rewrites a <div> that holds only inline content as a bare <p>, losing its
// class, so "1,204 shares" in <div class="share-count"> would reach the body looking like text.

import { countWords } from "../diff/tokenize-words.ts";
import { nameWords } from "./prune-furniture.ts";

// Words that, in a class or id, mark a small piece of furniture: counters, stamps, players,
// slots, promos. Broader than prune-furniture's list ("count", "time", "date"), which is safe only
// because a marked element must also be small and stand alone (see below). Byline, caption and
// header words are left to prune-furniture: Readability reads bylines from their class names.
const MARKED_WORDS = new Set([
  "share",
  "shares",
  "sharing",
  "sharebar",
  "social",
  "comment",
  "comments",
  "count",
  "counts",
  "counter",
  "views",
  "pageviews",
  "reads",
  "likes",
  "claps",
  "reactions",
  "engagement",
  "stats",
  "metrics",
  "readers",
  "viewers",
  "timestamp",
  "timeago",
  "time",
  "date",
  "dates",
  "updated",
  "modified",
  "ago",
  "badge",
  "listen",
  "audio",
  "player",
  "reading",
  "readtime",
  "duration",
  "ticker",
  "marquee",
  "scoreboard",
  "weather",
  "widget",
  "sponsor",
  "sponsored",
  "advert",
  "advertisement",
  "ad",
  "ads",
  "adslot",
  "adunit",
  "gpt",
  "dfp",
  "promo",
  "promoted",
  "recirc",
  "related",
  "more",
  "also",
  "read",
  "next",
  "newsletter",
  "subscribe",
  "signup",
  "outbrain",
  "taboola",
  "trending",
  "breaking",
  "cookie",
  "cookies",
  "consent",
  "gdpr",
]);

// Small: a counter, a stamp, a slot or a promo, never a paragraph of the article.
const MAX_WORDS = 30;

// Elements inside which a marked element is part of running text ("on <time class="date">Tuesday
// </time>"), which must stay whole.
const RUNNING_TEXT = new Set([
  "p",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "li",
  "blockquote",
  "td",
  "th",
  "figcaption",
  "a",
  "q",
]);

/**
 * Deletes small, standalone elements whose class or id marks them as furniture, small ones hidden
 * by an inline style (Readability drops style attributes, so later they would show), and counts
 * shown beside an icon ("💬 26", "<svg> 1.2K").
 */
export function pruneMarkedFurniture(document: Document): void {
  const root = document.documentElement;
  for (const icon of [...root.querySelectorAll("svg, i, img, [aria-hidden='true']")]) {
    // An icon shows no words: an <i> holding "Times" is italics.
    if (/[\p{L}\p{N}]/u.test(icon.textContent ?? "")) continue;
    const counter = countBeside(icon);
    if (counter && standsAlone(counter)) counter.remove();
  }
  for (const el of [...root.querySelectorAll("[style]")]) {
    const hidden = /display\s*:\s*none|visibility\s*:\s*hidden/i.test(
      el.getAttribute("style") ?? "",
    );
    if (hidden && countWords(el.textContent ?? "") <= MAX_WORDS) el.remove();
  }
  for (const el of [...root.querySelectorAll("[class], [id]")]) {
    if (!root.contains(el) || !nameWords(el).some((word) => MARKED_WORDS.has(word))) continue;
    if (countWords(el.textContent ?? "") <= MAX_WORDS && standsAlone(el) && !holdsByline(el)) {
      el.remove();
    }
  }
}

// A figure and nothing else: "26", "1.2K", "(31)".
const BARE_FIGURE = /^[([]?\s*\p{N}[\p{N}.,]*\s*[kmb]?\+?\s*[)\]]?$/iu;

// The element that shows a bare figure beside `icon` (the icon's own text, an emoji marked
// aria-hidden, aside), or null.
function countBeside(icon: Element): Element | null {
  const iconText = icon.textContent ?? "";
  for (let el = icon.parentElement; el !== null; el = el.parentElement) {
    const text = (el.textContent ?? "").replace(iconText, "").trim();
    if (text === "") continue;
    return BARE_FIGURE.test(text) ? el : null;
  }
  return null;
}

// "post__title__author-date" holds the byline, which Readability finds by these same names.
const BYLINE_WORDS = new Set(["byline", "author", "authors", "dateline", "writtenby"]);

function holdsByline(el: Element): boolean {
  return [el, ...el.querySelectorAll("[class], [id], [rel], [itemprop]")].some(
    (e) =>
      nameWords(e).some((word) => BYLINE_WORDS.has(word)) ||
      /\bauthor\b/i.test(`${e.getAttribute("rel") ?? ""} ${e.getAttribute("itemprop") ?? ""}`),
  );
}

// Elements that start a line of their own, whatever text is around them.
const BLOCKS = new Set(["div", "section", "aside", "header", "footer", "ul", "ol", "dl", "figure"]);

const TABLE_PARTS = new Set(["table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption"]);

// An element stands alone when it is a block, or when no text runs on beside it and no ancestor
// is running text. Data tables never do: a "stats" row or a "ticker" column is data. (A page laid
// out in a table holds the whole article in one cell, which is no data cell.)
function standsAlone(el: Element): boolean {
  if (TABLE_PARTS.has(el.localName.toLowerCase())) return false;
  const cell = el.parentElement?.closest("td, th");
  if (cell && countWords(cell.textContent ?? "") <= MAX_WORDS * 3) return false;
  // A block starts a line of its own, wherever it is.
  if (BLOCKS.has(el.localName.toLowerCase())) return true;
  for (let sibling = el.parentNode?.firstChild; sibling; sibling = sibling.nextSibling) {
    if (sibling.nodeType === 3 && (sibling.nodeValue ?? "").trim() !== "") return false;
  }
  for (let parent = el.parentElement; parent !== null; parent = parent.parentElement) {
    if (RUNNING_TEXT.has(parent.localName.toLowerCase())) return false;
  }
  return true;
}
