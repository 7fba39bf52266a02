// Drops the page furniture that generic extraction lets through inside an article body: ad
// labels, share, newsletter and comment prompts, "Read more" links, timestamps, photo captions
// and credits, related-story lists. A change in any of them must never look like an edit.

import type { Block } from "./block-paragraphs.ts";

/** A cleaning rule: says whether one block is furniture rather than article text. */
type Rule = (block: Block) => boolean;

// "Advertisement" and its usual translations, alone in a paragraph.
const AD_LABEL =
  /^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content)?|paid content|(?:story|article) continues below(?: this)? (?:advertisement|ad)|continue reading (?:the )?(?:main story|below)|scroll to continue(?: with content)?|skip (?:advert|ad)|reklama|anzeige|werbung|publicité|publicidad|pubblicità|publicidade|advertentie|annons|mainos|iklan|reklam|реклама)$/i;

const SHARE_PROMPT =
  /^(?:share(?: this)?(?: article| story| page| post)?(?: on [\w ]+| via [\w ]+| with a friend)?|share on \w+|tweet|email|e-mail|print|copy link|link copied|click to share on [\w ()+]+|(?:follow|like) us on [\w ,+]+|like this (?:story|article)\?.*|facebook|twitter|whatsapp|linkedin|pinterest|reddit|messenger)$/i;

const NEWSLETTER =
  /\b(?:newsletters?|in(?:to)? your inbox|enter your email|sign up (?:for|to) (?:our|the)|subscribe (?:to|for) (?:our|the))\b/i;

const COMMENTS =
  /^(?:\d+\s+)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?$|^(?:post|leave|add|write|show|view|read) (?:a |your |all |the )?comments?\b|^(?:tell us what you think|join the (?:conversation|discussion)|have your say)\b/i;

const READ_MORE =
  /^(?:read more|read next|read also|also read|more on this|see more|see also|related(?: stories| articles| coverage| content)?|recommended|watch|listen|more|continue reading|you may also like|don'?t miss|trending)\b\s*[:»›>|-]?/i;

const SKIP_LINK = /^skip to (?:main )?(?:content|navigation|article)$/i;

// Labels of gallery and player controls that flatten into text.
const CONTROL_LABEL =
  /^(?:close|caption|expand|enlarge|collapse|next|previous|prev|play|pause|replay|mute|unmute|loading|menu|search|back to top|full screen|fullscreen|view gallery|open gallery|show more|show less|(?:image|photo|slide) \d+(?: of \d+)?|\d+ of \d+)$/i;

// "By Jane Doe", "By Reuters": a byline repeated in the body (names are capitalised words).
const BYLINE =
  /^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor)\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|,|de|van|von|der|da|di|le|la)(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|,|de|van|von|der|da|di|le|la))*$/u;

// Wire and picture agencies, whose names end a photo credit.
const AGENCY = "(?:getty images|afp|reuters|ap|ap photo|epa|shutterstock|alamy|bloomberg|istock)";
const CREDIT = new RegExp(
  "^(?:\\(?(?:photo|photograph|image|picture|video|graphic|illustration|photos|images)(?:\\s*(?:credit|courtesy|by|copyright|source))?\\s*[:/©]" +
    "|(?:photo|image|picture)s? (?:by|courtesy of|copyright) " +
    "|(?:credit|source)\\s*:|©|\\(c\\)|copyright\\b)" +
    `|(?:[/|]\\s*${AGENCY}(?: via getty images)?\\)?\\.?)$`,
  "i",
);
// A caption that ends in its credit: "Protesters on the bridge (Image: Getty)".
const CAPTION_WITH_CREDIT = new RegExp(
  `\\((?:(?:photo|image|picture|credit|foto)s?\\b[^()]*|${AGENCY}(?: photo)?\\b[^()]*)\\)\\s*$`,
  "i",
);

const words = (text: string) => text.split(/\s+/).filter((w) => w !== "").length;
const isMostlyLinks = (block: Block) => block.linkChars >= block.text.length * 0.6;
const withoutTrailingPunctuation = (text: string) => text.replace(/[\s.:!…\-–—|]+$/u, "");

/** Each rule by name, for the tests and for anyone asking why a paragraph went missing. */
export const CLEANING_RULES: Record<string, Rule> = {
  "ad label": (b) => AD_LABEL.test(withoutTrailingPunctuation(b.text)),
  "share prompt": (b) =>
    words(b.text) <= 8 && SHARE_PROMPT.test(withoutTrailingPunctuation(b.text)),
  "newsletter prompt": (b) =>
    NEWSLETTER.test(b.text) && words(b.text) <= (isMostlyLinks(b) ? 40 : 30),
  "comments prompt": (b) => words(b.text) <= 8 && COMMENTS.test(withoutTrailingPunctuation(b.text)),
  "read-more link": (b) => READ_MORE.test(b.text) && (isMostlyLinks(b) || words(b.text) <= 3),
  "skip link": (b) => SKIP_LINK.test(b.text),
  "control label": (b) => CONTROL_LABEL.test(withoutTrailingPunctuation(b.text)),
  byline: (b) => words(b.text) <= 8 && BYLINE.test(b.text.replace(/,/g, " , ")),
  timestamp: (b) => words(b.text) <= 16 && isTimestamp(b.text),
  "photo credit": (b) => words(b.text) <= 14 && CREDIT.test(b.text),
  "captioned photo": (b) => words(b.text) <= 60 && CAPTION_WITH_CREDIT.test(b.text),
};

const rules = Object.values(CLEANING_RULES);

/** Keeps the blocks no rule objects to, as plain paragraph strings. */
export function cleanParagraphs(blocks: Block[]): string[] {
  const kept = blocks.filter((block) => !rules.some((rule) => rule(block)));
  return dropRelatedSections(kept).map((b) => b.text);
}

// "You may also like…", "More stories", "Related": a heading followed by story titles. The
// heading goes, and so do the short lines after it, up to the first real paragraph.
const RELATED_HEADING =
  /^(?:you (?:may|might) (?:also )?(?:like|enjoy)|related(?: stories| articles| posts| content| coverage| links| reading)?|more (?:great |top |popular )?(?:\w+ )?(?:stories|articles|news|headlines|coverage)(?: from [\w ]+)?|(?:most|more) (?:read|popular|viewed|shared)|recommended(?: for you| stories| articles| reading)?|recent (?:articles|posts|stories|news)|latest (?:news|stories|articles)|popular (?:this week|now|stories|articles)|trending(?: now| stories)?|further reading|what to read next|read (?:more|next)|don'?t miss|also on [\w.]+|elsewhere on [\w.]+)$/i;
const MAX_TITLE_WORDS = 16;

function dropRelatedSections(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let inSection = false;
  for (const block of blocks) {
    if (words(block.text) <= 8 && RELATED_HEADING.test(withoutTrailingPunctuation(block.text))) {
      inSection = true;
      continue;
    }
    if (inSection && (words(block.text) <= MAX_TITLE_WORDS || isMostlyLinks(block))) continue;
    inSection = false;
    out.push(block);
  }
  return out;
}

// A paragraph made only of date and time words ("09:10", "Updated 3 hours ago", "PUBLISHED:
// 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05"): it changes without the article changing.
const DATE_WORDS = new Set([
  "updated",
  "update",
  "published",
  "posted",
  "modified",
  "last",
  "first",
  "on",
  "at",
  "ago",
  "am",
  "pm",
  "a.m",
  "p.m",
  "a.m.",
  "p.m.",
  "gmt",
  "utc",
  "bst",
  "cet",
  "cest",
  "est",
  "edt",
  "cst",
  "cdt",
  "mst",
  "mdt",
  "pst",
  "pdt",
  "ist",
  "jst",
  "aest",
  "aedt",
  "and",
  "the",
  "of",
  "second",
  "seconds",
  "minute",
  "minutes",
  "min",
  "mins",
  "hour",
  "hours",
  "hr",
  "hrs",
  "day",
  "days",
  "week",
  "weeks",
  "month",
  "months",
  "year",
  "years",
  "today",
  "yesterday",
  "jan",
  "january",
  "feb",
  "february",
  "mar",
  "march",
  "apr",
  "april",
  "may",
  "jun",
  "june",
  "jul",
  "july",
  "aug",
  "august",
  "sep",
  "sept",
  "september",
  "oct",
  "october",
  "nov",
  "november",
  "dec",
  "december",
  "mon",
  "monday",
  "tue",
  "tues",
  "tuesday",
  "wed",
  "wednesday",
  "thu",
  "thur",
  "thurs",
  "thursday",
  "fri",
  "friday",
  "sat",
  "saturday",
  "sun",
  "sunday",
]);

function isTimestamp(text: string): boolean {
  if (!/\d/.test(text)) return false;
  // Bare numbers are table cells and scores, not times: ask for a clock time, a date or a unit.
  const hasTimeOrDate = /\d[:.]\d{2}\b|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|[a-z]{3}/i.test(text);
  if (!hasTimeOrDate) return false;
  const tokens = text
    .toLowerCase()
    .split(/[\s,;:|/()–—-]+/)
    .map((t) => t.replace(/^\.+|\.+$/g, ""))
    .filter((t) => t !== "");
  return tokens.every(
    (t) =>
      DATE_WORDS.has(t) ||
      /^\d{1,4}(?:st|nd|rd|th|h|am|pm)?$/.test(t) ||
      /^\d{1,2}[.:]\d{2}(?:[ap]m)?$/.test(t) ||
      /^\d{1,4}[./]\d{1,2}[./]\d{1,4}$/.test(t),
  );
}
