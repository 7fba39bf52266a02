// Shapes a paragraph diff for the diff page: every change, a little unchanged context around
// each, and long runs of unchanged paragraphs folded into one row that a reader can open in
// place, so the eye goes to what changed.

import type { ParagraphChange } from "../types.ts";

/** A row of the diff page's body: a paragraph as it fared, or a folded run of unchanged ones. */
export type DiffRow = ParagraphChange | { kind: "skipped"; paragraphs: string[] };

/**
 * Keeps every changed paragraph and up to `context` unchanged paragraphs before and after each;
 * the unchanged paragraphs in between are folded into one `skipped` row. A run of a single
 * paragraph is shown rather than hidden behind "1 unchanged paragraph".
 */
export function collapseUnchanged(paragraphs: readonly ParagraphChange[], context = 2): DiffRow[] {
  const keep = paragraphs.map((p) => p.kind !== "same");
  const changed = paragraphs.flatMap((p, i) => (p.kind === "same" ? [] : [i]));
  for (const i of changed) {
    for (let j = Math.max(0, i - context); j <= Math.min(paragraphs.length - 1, i + context); j++) {
      keep[j] = true;
    }
  }
  const rows: DiffRow[] = [];
  let i = 0;
  while (i < paragraphs.length) {
    const paragraph = paragraphs[i] as ParagraphChange;
    if (keep[i]) {
      rows.push(paragraph);
      i++;
      continue;
    }
    let end = i;
    while (end < paragraphs.length && !keep[end]) end++;
    if (end - i === 1) rows.push(paragraph);
    else {
      const folded: string[] = [];
      for (let k = i; k < end; k++) folded.push((paragraphs[k] as { text: string }).text);
      rows.push({ kind: "skipped", paragraphs: folded });
    }
    i = end;
  }
  return rows;
}
