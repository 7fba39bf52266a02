// Text for places where page text must be one plain line: `<title>`, attribute values (Open Graph
// descriptions, a feed link's title) and feed entry titles. Besides what no HTML or XML can carry,
// it drops the characters that reorder text (bidi overrides and isolates such as U+202E), which in
// a title or a link preview would make a headline read as something else, and folds line breaks.

import { displayText } from "./display-text.ts";

// LRM, RLM, ALM, the embeddings and overrides U+202A–U+202E, the isolates U+2066–U+2069.
const BIDI_CONTROLS = /[\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/g;

/** `text` as one line of plain text, at most `max` characters (cut at a word, "…" added). */
export function plainText(text: string, max = Number.POSITIVE_INFINITY): string {
  const line = displayText(text).replace(BIDI_CONTROLS, "").replace(/\s+/gu, " ").trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = line[cut.length] === " " ? cut.length : cut.lastIndexOf(" ");
  const end = space > max / 2 ? space : cut.length;
  // Never end inside a surrogate pair.
  const last = cut.charCodeAt(end - 1);
  return `${cut.slice(0, last >= 0xd800 && last <= 0xdbff ? end - 1 : end)}…`;
}
