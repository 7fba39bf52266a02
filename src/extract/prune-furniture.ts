// Removes page furniture that Readability keeps inside the article container: headers, captions,
// share bars, related-link lists, hidden elements. Works on conventions every CMS shares (tags,
// common words in class names, link density), never on one site's markup.

// Words that, anywhere in a class or id ("image-caption", "newsCaption", "share_bar"), mark an
// element that is not article text.
const FURNITURE_WORDS = new Set([
  "caption",
  "captions",
  "credit",
  "credits",
  "share",
  "sharing",
  "sharebar",
  "newsletter",
  "related",
  "recirc",
  "promo",
  "advert",
  "advertisement",
  "ad",
  "ads",
  "adslot",
  "sponsored",
  "breadcrumb",
  "breadcrumbs",
  "byline",
  "dateline",
  "timestamp",
  "subscribe",
  "signup",
  "paywall",
  "toolbar",
  "header",
  "kicker",
  "eyebrow",
  "bio",
  "author",
  "disclosure",
  "disclaimer",
]);
// Whole class names for text that is only there for screen readers or hidden by CSS.
const HIDDEN_CLASSES = new Set([
  "hidden",
  "sr-only",
  "visually-hidden",
  "screen-reader-text",
  "visuallyhidden",
]);

const FURNITURE_TAGS = "header, footer, nav, aside, figure, [hidden], [aria-hidden='true']";

// Furniture is small: an element holding more than this share of the body's text is the article
// itself, whatever its class says ("field-body share-enabled").
const MAX_SHARE_OF_TEXT = 0.2;

/** Deletes furniture elements below `root` in place. */
export function pruneFurniture(root: Element): void {
  const total = textLength(root);
  const remove = (el: Element) => {
    if (textLength(el) <= total * MAX_SHARE_OF_TEXT) el.remove();
  };
  for (const el of root.querySelectorAll(FURNITURE_TAGS)) {
    // A figure is a photo and its caption, unless it frames a data table or a quote.
    const isContentFigure =
      el.localName.toLowerCase() === "figure" && el.querySelector("table, blockquote");
    if (root.contains(el) && !isContentFigure) remove(el);
  }
  for (const el of root.querySelectorAll("[class], [id], [style]")) {
    if (!root.contains(el)) continue;
    const style = el.getAttribute("style") ?? "";
    if (isFurnitureName(el) || /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style))
      remove(el);
  }
  // A hover card: an inline element right after a link, repeating that link's name with more
  // links, which flattens into the sentence ("Rep. Jane DoeJane DoeLatest headlines…").
  for (const card of root.querySelectorAll("p span, p div")) {
    if (root.contains(card) && isHoverCard(card)) remove(card);
  }
  for (const list of root.querySelectorAll("ul, ol")) {
    if (root.contains(list) && linkDensity(list) > 0.8) remove(list);
  }
}

function isHoverCard(card: Element): boolean {
  const anchor = card.previousElementSibling;
  if (anchor?.localName.toLowerCase() !== "a") return false;
  const name = (anchor.textContent ?? "").trim();
  if (name === "") return false;
  const links = [...card.querySelectorAll("a")];
  // The card may give the fuller name: "Kristi Noem" → "Kristi Lynn Noem".
  const nameWords = name.toLowerCase().split(/\s+/);
  const repeatsName = (a: Element) => {
    const words = new Set((a.textContent ?? "").toLowerCase().split(/\s+/));
    return nameWords.every((w) => words.has(w));
  };
  return links.length >= 2 && links.some(repeatsName);
}

function isFurnitureName(el: Element): boolean {
  const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`.split(/\s+/);
  return (
    names.some((name) => HIDDEN_CLASSES.has(name.toLowerCase())) ||
    nameWords(el).some((word) => FURNITURE_WORDS.has(word))
  );
}

/** The lower-case words of an element's class names and id, in any naming style. */
export function nameWords(el: Element): string[] {
  const names = `${el.getAttribute("class") ?? ""} ${el.getAttribute("id") ?? ""}`;
  return names
    .split(/\s+|[-_]+|(?<=[a-z])(?=[A-Z])/)
    .filter((word) => word !== "")
    .map((word) => word.toLowerCase());
}

function textLength(el: Element): number {
  return (el.textContent ?? "").replace(/\s+/g, "").length;
}

function linkDensity(el: Element): number {
  const total = textLength(el);
  if (total === 0) return 0;
  let links = 0;
  for (const a of el.querySelectorAll("a")) links += textLength(a);
  return links / total;
}
