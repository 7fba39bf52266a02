// Drops the page furniture that generic extraction lets through inside an article body: ad
// labels, share, newsletter and comment prompts, "Read more" links, timestamps, photo captions
// and credits, related-story lists. A change in any of them must never look like an edit.

import { countWords } from "../diff/tokenize-words.ts";
import type { Block } from "./block-paragraphs.ts";
import { TIME_WORDS } from "./time-words.ts";

/** A cleaning rule: says whether one block is furniture rather than article text. */
type Rule = (block: Block) => boolean;

// "Advertisement" and its usual translations, alone in a paragraph.
const AD_LABEL =
  /^(?:advertisement|advertising|advert|ad|ads|sponsored(?: content)?|paid content|(?:story|article) continues below(?: this)? (?:advertisement|ad)|continue reading (?:the )?(?:main story|below)|scroll to continue(?: with content)?|skip (?:advert|ad)|reklama|anzeige|werbung|publicité|publicidad|pubblicità|publicidade|advertentie|annons|mainos|iklan|reklam|реклама)$/i;

const SHARE_PROMPT =
  /^(?:share(?: this)?(?: article| story| page| post)?(?: on [\w ]+| via [\w ]+| with a friend)?|share on \w+|tweet|email|e-mail|print|copy link|link copied|click to share on [\w ()+]+|(?:follow|like) us on [\w ,+]+|like this (?:story|article)\?.*|facebook|twitter|whatsapp|linkedin|pinterest|reddit|messenger)$/i;

const NEWSLETTER =
  /\b(?:newsletters?|in(?:to)? your inbox|enter your email|sign up (?:for|to) (?:our|the)|subscribe (?:to|for) (?:our|the))\b/i;

// What makes a mention of a newsletter a prompt rather than news about one: it addresses the
// reader ("our", "your inbox") or starts with an imperative.
const CALL_TO_ACTION =
  /^(?:sign up|subscribe|get|join|receive|never miss|don'?t miss|want|enter|stay|follow|register)\b|\b(?:our|your)\b[^.]*\bnewsletters?\b|\binbox\b|\benter your email\b/i;

const COMMENTS =
  /^(?:\d+\s+)?(?:comments?|responses?|replies)(?:\s*\(\d+\))?$|^(?:post|leave|add|write|show|view|read) (?:a |your |all |the )?comments?\b|^(?:tell us what you think|join the (?:conversation|discussion)|have your say)\b/i;

const READ_MORE_WORDS =
  "(?:read more|read next|read also|also read|more on this|see more|see also|related(?: stories| articles| coverage| content)?|recommended|watch|listen|more|continue reading|you may also like|don'?t miss|trending|breaking(?: news)?|just in|latest(?: news)?|live(?: updates)?)";
// A link that starts with the prompt ("Read more: Why the bridge closed"), or the prompt alone.
const READ_MORE_LINK = new RegExp(`^${READ_MORE_WORDS}\\b`, "i");
const READ_MORE_ALONE = new RegExp(`^${READ_MORE_WORDS}$`, "i");

// Site notices that sit in the article container: cookies, "requires JavaScript".
const SITE_NOTICE =
  /\b(?:(?:we|this (?:web)?site|our (?:web)?site) uses? cookies|by (?:continuing to )?(?:using|browsing) this (?:web)?site|(?:requires|enable|need(?:s)? to enable) javascript|javascript (?:is )?(?:disabled|required)|your browser does not support)\b/i;

// Unrendered CMS shortcodes: "[button link=…]Send us your review[/button]".
// Only paired ones: a lone "[Reuters]" is a source attribution.
const SHORTCODE = /^\[([a-z_-]+)(?:\s[^\]]*)?\].*\[\/\1\]$/i;

// "Follow us on Instagram, Facebook and Twitter."
const FOLLOW_PROMPT =
  /^(?:follow|like|join)\b.{0,80}\b(?:on|at)\b.{0,40}\b(?:facebook|twitter|instagram|youtube|tiktok|linkedin|telegram|whatsapp|snapchat|threads|bluesky|mastodon)\b/i;

// Counters in sentence form: "This article has been viewed 2,073 times", "54 people are reading
// this now".
const COUNTER_SENTENCE =
  /^(?:this (?:article|story|post|page|video) (?:has been|was) )?(?:viewed|read|shared|seen|played|liked) [\p{N},.]+k?\+? times$|^[\p{N},.]+k?\+? (?:people|readers|others|users|visitors) (?:are )?(?:reading|viewing|watching|looking at|listening to) (?:this|now)(?: (?:article|story|page|post))?(?: (?:right )?now)?$/iu;

// An audio player's label: "Listen to this article · 5 min", "▶ Listen (4:12)".
const LISTEN = /^[^\p{L}]*(?:listen|play|hear)\b/iu;

// "FTSE 100 7,412.3 ▲ 0.4%": a price with a trend arrow, as tickers show them.
const isMarketQuote = (text: string) => /[▲▼△▽↑↓]/u.test(text) && /\d[\d.,]*\s*%?/.test(text);

// "Sponsored by …", "Presented by …", "In partnership with …": a sponsor's slot.
const SPONSOR =
  /^(?:sponsored|presented|brought to you|powered|paid for|in (?:association|partnership) with)(?: by)?\s+\S/i;

// A link that tells the reader to do something: "Get breaking news alerts on our app".
const CALL_TO_ACTION_LINK =
  /^(?:get|download|install|try|watch|listen|play|join|sign up|subscribe|follow|discover|explore|shop|buy|book|register|claim|upgrade|support)\b/i;

const SKIP_LINK = /^skip to (?:main )?(?:content|navigation|article)$/i;

// Labels of gallery and player controls, and account links, that flatten into text.
const CONTROL_LABEL =
  /^(?:subscribe|sign in|sign up|log in|login|register|my account|close|caption|expand|enlarge|collapse|next|previous|prev|play|pause|replay|mute|unmute|loading|menu|search|back to top|full screen|fullscreen|view gallery|open gallery|show more|show less|(?:image|photo|slide) \d+(?: of \d+)?|\d+ of \d+)$/i;

// "By Jane Doe", "By Reuters": a byline repeated in the body (names are capitalised words).
const BYLINE =
  /^(?:[Bb]y|BY|[Vv]on|[Pp]ar|[Pp]or|[Dd]oor)\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|,|de|van|von|der|da|di|le|la)(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|&|,|de|van|von|der|da|di|le|la))*$/u;

// "Reporting by Jane Doe in Lagos; Editing by John Roe": the wire desk's credits, each part a
// role and capitalised names.
const CREDIT_ROLE =
  /^(?:additional\s+)?(?:reporting|writing|editing|compiled|written|reported|graphics?|photos?)\s+by\s+/i;
// Case-sensitive on purpose: /i would let \p{Lu} match lower-case words too.
const CREDIT_NAMES =
  /^(?:\p{Lu}[\p{L}.'’-]*|and|in|&|,)(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|in|&|,))*$/u;

// Wire and picture agencies, whose names end a photo credit.
const AGENCY = "(?:getty images|afp|reuters|ap|ap photo|epa|shutterstock|alamy|bloomberg|istock)";
const CREDIT = new RegExp(
  "^(?:\\(?(?:photo|photograph|image|picture|video|illustration|photos|images)(?:\\s*(?:credit|courtesy|by|copyright|source))?\\s*[:/©]" +
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

const isMostlyLinks = (block: Block) => block.linkChars >= block.text.length * 0.6;
// Letters mostly capitals: "CLICK HERE TO GET THE APP", a headline shouted as a promo.
const isShouted = (text: string) => {
  const letters = text.replace(/[^\p{L}]/gu, "");
  return letters.length >= 10 && letters.replace(/[^\p{Lu}]/gu, "").length >= letters.length * 0.8;
};
const withoutTrailingPunctuation = (text: string) => text.replace(/[\s.:!…\-–—|]+$/u, "");

/** Each rule by name, for the tests and for anyone asking why a paragraph went missing. */
export const CLEANING_RULES: Record<string, Rule> = {
  "ad label": (b) => AD_LABEL.test(withoutTrailingPunctuation(b.text)),
  "share prompt": (b) =>
    countWords(b.text) <= 8 && SHARE_PROMPT.test(withoutTrailingPunctuation(b.text)),
  "newsletter prompt": (b) =>
    NEWSLETTER.test(b.text) &&
    countWords(b.text) <= (isMostlyLinks(b) ? 40 : 30) &&
    (isMostlyLinks(b) || CALL_TO_ACTION.test(b.text)),
  "comments prompt": (b) =>
    countWords(b.text) <= 8 && COMMENTS.test(withoutTrailingPunctuation(b.text)),
  "read-more link": (b) =>
    (isMostlyLinks(b) && READ_MORE_LINK.test(b.text)) ||
    READ_MORE_ALONE.test(withoutTrailingPunctuation(b.text)),
  "skip link": (b) => SKIP_LINK.test(b.text),
  "site notice": (b) => countWords(b.text) <= 40 && SITE_NOTICE.test(b.text),
  shortcode: (b) => SHORTCODE.test(b.text),
  "follow prompt": (b) => countWords(b.text) <= 20 && FOLLOW_PROMPT.test(b.text),
  "promo link": (b) =>
    b.linkChars >= b.text.length * 0.9 && countWords(b.text) <= 25 && isShouted(b.text),
  "control label": (b) => CONTROL_LABEL.test(withoutTrailingPunctuation(b.text)),
  byline: (b) => isRepeatedByline(b.text),
  "reporting credit": (b) => countWords(b.text) <= 60 && isReportingCredit(b.text),
  timestamp: (b) => countWords(b.text) <= 16 && isTimestamp(b.text),
  counter: (b) => b.tag !== "tr" && isCounterLine(b.text),
  "counter wording": (b) =>
    countWords(b.text) <= 12 && COUNTER_SENTENCE.test(withoutTrailingPunctuation(b.text)),
  "listen prompt": (b) =>
    countWords(b.text) <= 10 && LISTEN.test(b.text) && /\d|\b(?:article|story)\b/i.test(b.text),
  "market quote": (b) => b.tag !== "tr" && countWords(b.text) <= 10 && isMarketQuote(b.text),
  "sponsor line": (b) => countWords(b.text) <= 8 && SPONSOR.test(b.text),
  "call-to-action link": (b) =>
    isMostlyLinks(b) && countWords(b.text) <= 15 && CALL_TO_ACTION_LINK.test(b.text),
  "photo credit": (b) => countWords(b.text) <= 14 && CREDIT.test(b.text),
  "captioned photo": (b) => countWords(b.text) <= 60 && CAPTION_WITH_CREDIT.test(b.text),
};

const rules = Object.values(CLEANING_RULES);

function isReportingCredit(text: string): boolean {
  const inner = text.replace(/^\(|\)?\.?$/g, "").trim();
  return inner.split(/\s*;\s*/).every((part) => {
    const role = part.match(CREDIT_ROLE);
    return role !== null && CREDIT_NAMES.test(part.slice(role[0].length).replace(/,/g, " , "));
  });
}

// "By Jane Doe", or "By Jane Doe - 11/18/19 11:04 PM EST": names, then at most a timestamp.
function isRepeatedByline(text: string): boolean {
  if (countWords(text) > 16) return false;
  const date = text.search(/\s[-–—|·•,]\s|\s\d/);
  const names = date > 0 ? text.slice(0, date) : text;
  const rest = date > 0 ? text.slice(date).replace(/^\s*[-–—|·•,]\s*/, "") : "";
  return (
    countWords(names) <= 8 &&
    BYLINE.test(names.replace(/,/g, " , ")) &&
    (rest === "" || isTimestamp(rest))
  );
}

/** Keeps the blocks no rule objects to, as plain paragraph strings. */
export function cleanParagraphs(blocks: Block[]): string[] {
  // Sections first: their headings ("Read more") would otherwise go alone as prompts.
  return dropRelatedSections(blocks)
    .filter((block) => !rules.some((rule) => rule(block)))
    .map((b) => b.text);
}

// "You may also like…", "More stories", "Related": a heading followed by story titles. The
// heading goes, and so do the short lines after it, up to the first real paragraph.
const RELATED_HEADING =
  /^(?:you (?:may|might) (?:also )?(?:like|enjoy)|related(?: stories| articles| posts| content| coverage| links| reading| news)?|more (?:great |top |popular )?(?:\w+ )?(?:stories|articles|news|headlines|coverage)(?: from [\w ]+)?|(?:most|more) (?:read|popular|viewed|shared)|recommended(?: for you| stories| articles| reading)?|recent (?:articles|posts|stories|news)|latest (?:news|stories|articles)|popular (?:this week|now|stories|articles)|trending(?: now| stories)?|further reading|what to read next|read (?:more|next)|don'?t miss|also on [\w.]+|elsewhere on [\w.]+)$/i;
const MAX_TITLE_WORDS = 16;
const TITLE_TAGS = new Set(["li", "h2", "h3", "h4", "h5", "h6", "dt", "dd"]);

// A story title in a list: a link, a list item or heading, or a line too short to be prose.
function isStoryTitle(block: Block): boolean {
  if (isMostlyLinks(block)) return true;
  const n = countWords(block.text);
  return n <= MAX_TITLE_WORDS && (TITLE_TAGS.has(block.tag) || n <= 8);
}

function dropRelatedSections(blocks: Block[]): Block[] {
  const out: Block[] = [];
  let inSection = false;
  for (const block of blocks) {
    if (
      countWords(block.text) <= 8 &&
      RELATED_HEADING.test(withoutTrailingPunctuation(block.text))
    ) {
      inSection = true;
      continue;
    }
    if (inSection && isStoryTitle(block)) continue;
    inSection = false;
    out.push(block);
  }
  return out;
}

// A paragraph made only of date and time words ("09:10", "Updated 3 hours ago", "PUBLISHED:
// 10:48, Tue, Nov 19, 2019 | UPDATED: 11:05"): it changes without the article changing. Besides
// the time words, a timestamp holds its labels and connectives.
const STAMP_WORDS = new Set([
  "updated",
  "update",
  "published",
  "posted",
  "modified",
  "last",
  "first",
  "on",
  "at",
  "and",
  "the",
  "of",
]);

function isTimestamp(raw: string): boolean {
  const text = withFigures(raw);
  if (!/\d/.test(text)) return false;
  // Bare numbers are table cells and scores, not times: ask for a clock time, a date or a unit.
  const hasTimeOrDate = /\d[:.]\d{2}\b|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}|[a-z]{3}/i.test(text);
  if (!hasTimeOrDate) return false;
  return lineTokens(text).every(
    (t) =>
      TIME_WORDS.has(t) ||
      STAMP_WORDS.has(t) ||
      /^\d{1,4}(?:st|nd|rd|th|h|am|pm)?$/.test(t) ||
      /^\d{1,2}[.:]\d{2}(?:[ap]m)?$/.test(t) ||
      /^\d{1,4}[./]\d{1,2}[./]\d{1,4}$/.test(t),
  );
}

// What a counter or a meta line counts or says besides its figures: shares, views, likes and
// their kin, reading and listening times, live labels, and the share networks a count sits by.
const COUNTER_WORDS = new Set([
  "share",
  "shares",
  "shared",
  "comment",
  "comments",
  "reply",
  "replies",
  "response",
  "responses",
  "view",
  "views",
  "viewed",
  "read",
  "reads",
  "reading",
  "like",
  "likes",
  "clap",
  "claps",
  "reaction",
  "reactions",
  "vote",
  "votes",
  "retweets",
  "reposts",
  "upvotes",
  "favorites",
  "favourites",
  "listens",
  "plays",
  "downloads",
  "watching",
  "viewers",
  "readers",
  "listen",
  "time",
  "live",
  "facebook",
  "twitter",
  "x",
  "whatsapp",
  "linkedin",
  "pinterest",
  "reddit",
  "email",
  "print",
  "messenger",
  "telegram",
  "tweet",
]);

// A figure with what may be glued to it: "1,204", "1.2K", "3h", "5m", "2nd", "10pm", "40%".
const FIGURE = /^\p{N}[\p{N}.,]*(?:k|m|b|st|nd|rd|th|s|h|d|am|pm|%)?\+?$/u;
// An icon standing for what is counted: 💬 12, ♥ 87, 👁 2.3k.
const PICTOGRAPH = /[\p{Extended_Pictographic}♥♡❤]/u;

// "1,204 shares", "💬 26", "Facebook 52 X 9 Email", "7 min read", "🔴 LIVE · 1,219 watching": a
// short line of figures and the words of counters and times only. A bare figure is not enough
// ("1 24 2019" is a table row): it needs a counter word or an icon.
function isCounterLine(text: string): boolean {
  const tokens = lineTokens(text);
  if (tokens.length > 12 || !tokens.some((t) => FIGURE.test(t))) return false;
  let counted = PICTOGRAPH.test(text);
  for (const t of tokens) {
    if (COUNTER_WORDS.has(t)) counted = true;
    else if (
      !FIGURE.test(t) &&
      !TIME_WORDS.has(t) &&
      !STAMP_WORDS.has(t) &&
      /[\p{L}\p{N}]/u.test(t)
    )
      return false;
  }
  return counted;
}

// "an hour ago" is "1 hour ago".
const withFigures = (text: string) =>
  text.replace(/\ban? (?=(?:second|minute|hour|day|week|month|year)\b)/gi, "1 ");

// Lower-case words and figures of a short line, split at separators and where a word runs into
// a figure ("ago3h").
function lineTokens(text: string): string[] {
  return withFigures(text)
    .toLowerCase()
    .replace(/(?<=\p{L})(?=\p{N})/gu, " ")
    .split(/[\s,;:|/()[\]–—·•-]+/u)
    .map((t) => t.replace(/^[.'’"“”]+|[.'’"“”!?]+$/gu, ""))
    .filter((t) => t !== "");
}
