// Puts a change label into words for pages and feed titles: "Headline changed", "Figure changed:
// $1.2 → $2.1", "2 paragraphs added". One wording, used everywhere a label is shown.

import type { ChangeLabel } from "../types.ts";
import { displayText } from "./display-text.ts";

/** A label as pages show it: its kind (for styling) and its words. */
export interface LabelText {
  kind: ChangeLabel["kind"];
  text: string;
}

/** The label in words. */
export function describeLabel(label: ChangeLabel): LabelText {
  return { kind: label.kind, text: wordsFor(label) };
}

function wordsFor(label: ChangeLabel): string {
  switch (label.kind) {
    case "headline":
      return "Headline changed";
    case "byline":
      return "Byline changed";
    case "reverted":
      return `Headline reverted to version ${label.to}`;
    case "note":
      return label.note === "correction"
        ? "Correction added"
        : label.note === "update"
          ? "Update note added"
          : "Editor’s note added";
    case "figures": {
      const pairs = label.changes.map((c) => `${displayText(c.before)} → ${displayText(c.after)}`);
      return `${pairs.length === 1 ? "Figure" : "Figures"} changed: ${pairs.join(", ")}`;
    }
    case "quote":
      return "Quote changed";
    case "punctuation":
      return "Punctuation or spacing only";
    default:
      return `${label.count.toLocaleString("en-US")} ${label.count === 1 ? "paragraph" : "paragraphs"} ${label.kind}`;
  }
}
