// Makes text from a fetched page safe to print on one line: in a terminal, in a log, as a commit
// subject. A headline must not move the cursor, recolour or clear the screen (ESC sequences),
// reorder what follows it (bidi overrides, as in "Trojan Source"), or start a new line that git
// would read as a trailer.

// C0 and C1 controls and DEL; tab, line and paragraph breaks become spaces instead.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]+/g;
const CONTROLS = /\p{Cc}/gu;
// Embeddings, overrides and isolates reorder the text around them; the single marks (LRM, RLM,
// ALM) that right-to-left headlines need are kept.
const BIDI_CONTROLS = /[\u202a-\u202e\u2066-\u2069]/g;

/**
 * `text` as one printable line: breaks become spaces, control characters and bidi embeddings,
 * overrides and isolates are dropped, runs of spaces collapse, and a line longer than `maxLength`
 * ends in "…".
 */
export function printableLine(text: string, maxLength = Number.POSITIVE_INFINITY): string {
  const line = text
    .replace(BREAKS, " ")
    .replace(CONTROLS, "")
    .replace(BIDI_CONTROLS, "")
    .replace(/ {2,}/g, " ")
    .trim();
  if (line.length <= maxLength) return line;
  // Cut between code points, never inside a surrogate pair.
  const points = Array.from(line);
  return points.length <= maxLength ? line : `${points.slice(0, maxLength - 1).join("")}…`;
}
