// The HTML of a diff: one renderer for the diff pages, the compare page's script and the feeds,
// so a change reads the same wherever it is shown. Page text is escaped here, and only here;
// everything else in the markup is fixed text, numbers and links the site made.

import type { WordChange } from "../types.ts";
import type { DiffRow } from "./collapse-unchanged.ts";
import type { LabelText } from "./describe-label.ts";
import type { DiffBody, FieldChange } from "./diff-body.ts";
import { escapeHtml } from "./escape-html.ts";
import type { Link } from "./page-types.ts";

/** What the body's markup needs besides the diff. */
export interface DiffHtmlOptions {
  from: number;
  to: number;
  /** What changed, in words. */
  labels: readonly LabelText[];
  /** The earlier version whose headline the newer one returns to (an A/B flip back). */
  headlineRevertsTo: Link | null;
}

/** Changed paragraphs a feed entry shows at most; the rest are counted and linked. */
const FEED_ROWS = 12;
/** Characters of page text a feed entry shows at most, so no entry can grow without bound. */
const FEED_CHARACTERS = 4_000;

/** Which side of a word diff to show: both (inline), or the old or new text with its marks. */
export type WordSide = "both" | "before" | "after";

/**
 * What a diff page shows of a diff: the counts and labels, a key, then the headline, byline and
 * body sections with the inline/side-by-side switch. Ids used: `headline-heading`,
 * `byline-heading`, `text-heading`, `view-inline`, `view-side`, `moved-from-<n>`, `moved-to-<n>`.
 */
export function diffBodyHtml(body: DiffBody, options: DiffHtmlOptions): string {
  const parts = [
    summaryHtml(body),
    labelsHtml(options.labels, options.headlineRevertsTo),
    '<p class="legend"><span class="tag">Key</span> Removed text is <span class="sample-removed">struck through</span>; added text is <span class="sample-added">boxed</span>. Whole paragraphs are labelled as added, removed, edited or moved.</p>',
    '<section aria-labelledby="headline-heading">',
    '<h2 id="headline-heading">Headline</h2>',
    fieldHtml(body.headline),
  ];
  if (body.headline.changed && options.headlineRevertsTo !== null) {
    const link = options.headlineRevertsTo;
    parts.push(
      `<p class="revert"><span class="tag">Reverted</span> Headline reverted to <a href="${escapeHtml(link.href)}">${escapeHtml(link.text)}</a>: it is the same as that version’s headline.</p>`,
    );
  }
  parts.push("</section>");
  if (body.byline !== null) {
    parts.push(
      '<section aria-labelledby="byline-heading">',
      '<h2 id="byline-heading">Byline</h2>',
      fieldHtml(body.byline),
      "</section>",
    );
  }
  parts.push(
    '<section class="body-changes" aria-labelledby="text-heading">',
    '<h2 id="text-heading">Text</h2>',
    '<fieldset class="views">',
    "<legend>Show changes</legend>",
    '<input type="radio" name="view" id="view-inline" value="inline" checked>',
    '<label for="view-inline">Inline</label>',
    '<input type="radio" name="view" id="view-side" value="side">',
    '<label for="view-side">Side by side</label>',
    "</fieldset>",
    '<div class="diff">',
    `<div class="columns" aria-hidden="true"><p>Version ${options.from}</p><p>Version ${options.to}</p></div>`,
    ...rowsHtml(body.rows),
    "</div>",
    "</section>",
  );
  return parts.join("\n");
}

/** The words of a word diff, changes marked with `<del>` and `<ins>`. */
export function wordsHtml(words: readonly WordChange[], side: WordSide): string {
  let html = "";
  for (const word of words) {
    if (word.kind === "same") html += escapeHtml(word.text);
    else if (word.kind === "removed") {
      if (side !== "after") html += `<del>${escapeHtml(word.text)}</del>`;
    } else if (side !== "before") html += `<ins>${escapeHtml(word.text)}</ins>`;
  }
  return html;
}

/**
 * The diff as a feed entry shows it: the headline and byline if they changed, then each changed
 * paragraph inline, up to a few paragraphs and a few thousand characters; what is left out is
 * counted and linked to `diffUrl`.
 */
export function feedDiffHtml(body: DiffBody, diffUrl: string): string {
  const room = { characters: FEED_CHARACTERS };
  const parts: string[] = [];
  if (body.headline.changed) {
    parts.push(`<p><strong>Headline:</strong> ${clippedWordsHtml(body.headline.words, room)}</p>`);
  }
  if (body.byline?.changed) {
    parts.push(`<p><strong>Byline:</strong> ${clippedWordsHtml(body.byline.words, room)}</p>`);
  }
  const changed = body.rows.filter(
    (row) => row.kind !== "same" && row.kind !== "skipped" && row.kind !== "moved-from",
  );
  let shown = 0;
  for (const row of changed) {
    if (shown === FEED_ROWS || room.characters <= 0) break;
    shown++;
    switch (row.kind) {
      case "added":
        parts.push(
          `<p><strong>Added paragraph:</strong> <ins>${clippedHtml(row.text, room)}</ins></p>`,
        );
        break;
      case "removed":
        parts.push(
          `<p><strong>Removed paragraph:</strong> <del>${clippedHtml(row.text, room)}</del></p>`,
        );
        break;
      case "edited":
        parts.push(
          `<p><strong>Edited paragraph:</strong> ${clippedWordsHtml(row.words, room)}</p>`,
        );
        break;
      case "moved-to":
        parts.push(`<p><strong>Moved paragraph:</strong> ${clippedWordsHtml(row.words, room)}</p>`);
        break;
    }
  }
  const left = changed.length - shown;
  const more =
    left > 0
      ? `${left.toLocaleString("en-US")} more changed paragraph${left === 1 ? "" : "s"}: `
      : room.characters <= 0
        ? "The rest of this change: "
        : "";
  parts.push(`<p>${more}<a href="${escapeHtml(diffUrl)}">see the whole diff</a>.</p>`);
  return parts.join("\n");
}

/** Escaped text cut to the room left (never inside a surrogate pair), "…" marking a cut. */
function clippedHtml(text: string, room: { characters: number }): string {
  if (text.length <= room.characters) {
    room.characters -= text.length;
    return escapeHtml(text);
  }
  let end = Math.max(0, room.characters);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  room.characters = 0;
  return `${escapeHtml(text.slice(0, end))}…`;
}

function clippedWordsHtml(words: readonly WordChange[], room: { characters: number }): string {
  let html = "";
  for (const word of words) {
    if (room.characters <= 0) break;
    const text = clippedHtml(word.text, room);
    html +=
      word.kind === "same"
        ? text
        : word.kind === "removed"
          ? `<del>${text}</del>`
          : `<ins>${text}</ins>`;
  }
  return html;
}

/** The labels as a list; a headline revert links the version it returns to. */
export function labelsHtml(labels: readonly LabelText[], revertsTo: Link | null): string {
  if (labels.length === 0) return "";
  const items = labels.map((label) => {
    const text = escapeHtml(label.text);
    const inner =
      label.kind === "reverted" && revertsTo !== null
        ? `<a href="${escapeHtml(revertsTo.href)}">${text}</a>`
        : text;
    return `<li class="label label-${label.kind}">${inner}</li>`;
  });
  return `<ul class="labels">${items.join("")}</ul>`;
}

function summaryHtml(body: DiffBody): string {
  const { added, removed, edited, moved } = body.paragraphs;
  let text = `${count(body.wordsAdded, "word")} added, ${count(body.wordsRemoved, "word")} removed`;
  if (added + removed + edited + moved > 0) {
    text += `; ${count(edited, "paragraph")} edited, ${added} added, ${removed} removed`;
    if (moved > 0) text += `, ${moved} moved`;
  }
  return `<p class="summary">${text}.</p>`;
}

function count(n: number, noun: string): string {
  return `${n.toLocaleString("en-US")} ${noun}${n === 1 ? "" : "s"}`;
}

function fieldHtml(field: FieldChange): string {
  const tag = field.changed ? "Changed" : "Unchanged";
  return `<p class="field"><span class="tag">${tag}</span> ${wordsHtml(field.words, "both")}</p>`;
}

function rowsHtml(rows: readonly DiffRow[]): string[] {
  if (rows.length === 0) {
    return ['<div class="row skipped"><p>Neither version has body text.</p></div>'];
  }
  // A moved paragraph went down if its old place comes first in reading order.
  const down = new Map<number, boolean>();
  for (const row of rows) {
    if ((row.kind === "moved-from" || row.kind === "moved-to") && !down.has(row.move)) {
      down.set(row.move, row.kind === "moved-from");
    }
  }
  return rows.map((row) => rowHtml(row, down.get("move" in row ? row.move : 0) === true));
}

/** One row; `down` tells a moved paragraph's row whether it went down the page. */
function rowHtml(row: DiffRow, down: boolean): string {
  switch (row.kind) {
    case "same":
      return `<div class="row same"><p>${escapeHtml(row.text)}</p></div>`;
    case "skipped": {
      const n = row.paragraphs.length;
      const paragraphs = row.paragraphs.map((text) => `<p>${escapeHtml(text)}</p>`).join("");
      return `<details class="row skipped"><summary>${n.toLocaleString("en-US")} unchanged paragraph${n === 1 ? "" : "s"}</summary>${paragraphs}</details>`;
    }
    case "removed":
      return `<div class="row removed"><p class="old"><span class="tag">Removed paragraph</span> <del>${escapeHtml(row.text)}</del></p></div>`;
    case "added":
      return `<div class="row added"><p class="new"><span class="tag">Added paragraph</span> <ins>${escapeHtml(row.text)}</ins></p></div>`;
    case "edited":
      return `<div class="row edited"><p class="both"><span class="tag">Edited paragraph</span> ${wordsHtml(row.words, "both")}</p><p class="old"><span class="tag">Before</span> ${wordsHtml(row.words, "before")}</p><p class="new"><span class="tag">After</span> ${wordsHtml(row.words, "after")}</p></div>`;
    case "moved-from": {
      const where = down ? "further down" : "further up";
      return `<div class="row moved-from" id="moved-from-${row.move}"><p class="old"><span class="tag">Moved paragraph</span> <a href="#moved-to-${row.move}">Moved ${where}</a>: <span class="moved-text">${escapeHtml(row.text)}</span></p></div>`;
    }
    case "moved-to": {
      const where = down ? "further up" : "further down";
      const edited = row.words.some((w) => w.kind !== "same");
      const tag = edited ? "Moved and edited paragraph" : "Moved paragraph";
      const link = `<a href="#moved-from-${row.move}">Moved here from ${where}</a>`;
      return `<div class="row moved-to" id="moved-to-${row.move}"><p class="both"><span class="tag">${tag}</span> ${link}: ${wordsHtml(row.words, "both")}</p><p class="old"><span class="tag">Before</span> ${link}: ${wordsHtml(row.words, "before")}</p><p class="new"><span class="tag">After</span> ${wordsHtml(row.words, "after")}</p></div>`;
    }
  }
}
