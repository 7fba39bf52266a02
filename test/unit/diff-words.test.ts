import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffWords } from "../../src/diff/diff-words.ts";
import type { WordChange } from "../../src/types.ts";

const LONG_BEFORE =
  "Ferry crews at the north pier spent the night clearing ice from the ramps, and the first " +
  "boat left only forty minutes late after an inspector signed off on the work shortly before " +
  "dawn, according to the operator.";
const LONG_AFTER =
  "Ferry crews at the north pier spent the night clearing ice from the ramps, and the first " +
  "boat left only forty minutes late after a inspector signed off on the work shortly before " +
  "dawn, according to the operator.";

function oldSide(changes: WordChange[]): string {
  return changes
    .filter((c) => c.kind !== "added")
    .map((c) => c.text)
    .join("");
}
function newSide(changes: WordChange[]): string {
  return changes
    .filter((c) => c.kind !== "removed")
    .map((c) => c.text)
    .join("");
}

describe("diffWords", () => {
  it("marks a one-word fix inside a long paragraph as that one word", () => {
    expect(diffWords(LONG_BEFORE, LONG_AFTER)).toEqual([
      {
        kind: "same",
        text:
          "Ferry crews at the north pier spent the night clearing ice from the ramps, and the " +
          "first boat left only forty minutes late after ",
      },
      { kind: "removed", text: "an" },
      { kind: "added", text: "a" },
      {
        kind: "same",
        text: " inspector signed off on the work shortly before dawn, according to the operator.",
      },
    ]);
  });

  it("marks a corrected article without touching the spaces around it", () => {
    expect(diffWords("They parked in an field.", "They parked in a field.")).toEqual([
      { kind: "same", text: "They parked in " },
      { kind: "removed", text: "an" },
      { kind: "added", text: "a" },
      { kind: "same", text: " field." },
    ]);
  });

  it("marks a changed punctuation mark alone", () => {
    expect(diffWords("The tide is rising.", "The tide is rising!")).toEqual([
      { kind: "same", text: "The tide is rising" },
      { kind: "removed", text: "." },
      { kind: "added", text: "!" },
    ]);
  });

  it("marks an added clause before the full stop", () => {
    expect(diffWords("The vote was close.", "The vote was close, clerks said.")).toEqual([
      { kind: "same", text: "The vote was close" },
      { kind: "added", text: ", clerks said" },
      { kind: "same", text: "." },
    ]);
  });

  it("treats a number with separators as one word", () => {
    expect(diffWords("About 3,000 people came.", "About 4,500 people came.")).toEqual([
      { kind: "same", text: "About " },
      { kind: "removed", text: "3,000" },
      { kind: "added", text: "4,500" },
      { kind: "same", text: " people came." },
    ]);
  });

  it("treats a word with an apostrophe as one word", () => {
    expect(diffWords("The pier isn't open.", "The pier wasn't open.")).toEqual([
      { kind: "same", text: "The pier " },
      { kind: "removed", text: "isn't" },
      { kind: "added", text: "wasn't" },
      { kind: "same", text: " open." },
    ]);
  });

  it("keeps an unchanged word between two separate one-word fixes", () => {
    expect(diffWords("a red and big boat", "a blue and small boat")).toEqual([
      { kind: "same", text: "a " },
      { kind: "removed", text: "red" },
      { kind: "added", text: "blue" },
      { kind: "same", text: " and " },
      { kind: "removed", text: "big" },
      { kind: "added", text: "small" },
      { kind: "same", text: " boat" },
    ]);
  });

  it("shows a rewritten sentence as the old words then the new, not interleaved", () => {
    expect(diffWords("The quick brown gull", "A slow grey heron")).toEqual([
      { kind: "removed", text: "The quick brown gull" },
      { kind: "added", text: "A slow grey heron" },
    ]);
  });

  it("folds a lone common word between two larger rewrites into them", () => {
    expect(
      diffWords(
        "Crews repaired the old pier quickly.",
        "Volunteers painted the new boardwalk slowly.",
      ),
    ).toEqual([
      { kind: "removed", text: "Crews repaired the old pier quickly" },
      { kind: "added", text: "Volunteers painted the new boardwalk slowly" },
      { kind: "same", text: "." },
    ]);
  });

  it("shows a mostly rewritten sentence as the old text then the new, keeping the shared end", () => {
    expect(
      diffWords(
        "The council voted on Monday to raise the harbour dues by a fifth, officials said.",
        "On Tuesday the board decided to cut the mooring fees by a tenth, officials said.",
      ),
    ).toEqual([
      { kind: "removed", text: "The council voted on Monday to raise the harbour dues by a fifth" },
      { kind: "added", text: "On Tuesday the board decided to cut the mooring fees by a tenth" },
      { kind: "same", text: ", officials said." },
    ]);
  });

  it("marks a removed word with the space before it", () => {
    expect(diffWords("the big ferry", "the ferry")).toEqual([
      { kind: "same", text: "the" },
      { kind: "removed", text: " big" },
      { kind: "same", text: " ferry" },
    ]);
  });

  it("marks a whitespace-only change so both texts are still reproduced", () => {
    expect(diffWords("two  spaces", "two spaces")).toEqual([
      { kind: "same", text: "two" },
      { kind: "removed", text: "  " },
      { kind: "added", text: " " },
      { kind: "same", text: "spaces" },
    ]);
  });

  it("diffs scripts without spaces character by character", () => {
    expect(diffWords("東京都の港", "京都の港")).toEqual([
      { kind: "removed", text: "東" },
      { kind: "same", text: "京都の港" },
    ]);
  });

  it("diffs Greek words as words", () => {
    expect(diffWords("το λιμάνι έκλεισε", "το λιμάνι άνοιξε")).toEqual([
      { kind: "same", text: "το λιμάνι " },
      { kind: "removed", text: "έκλεισε" },
      { kind: "added", text: "άνοιξε" },
    ]);
  });

  it("returns one unchanged piece for identical texts", () => {
    expect(diffWords("Harbour reopens", "Harbour reopens")).toEqual([
      { kind: "same", text: "Harbour reopens" },
    ]);
  });

  it("returns nothing for two empty texts", () => {
    expect(diffWords("", "")).toEqual([]);
  });

  it("marks everything added when the old text is empty", () => {
    expect(diffWords("", "By Mara Quell")).toEqual([{ kind: "added", text: "By Mara Quell" }]);
  });

  it("marks everything removed when the new text is empty", () => {
    expect(diffWords("By Mara Quell", "")).toEqual([{ kind: "removed", text: "By Mara Quell" }]);
  });

  it("shows a huge paragraph with more than 1,000 word edits as replaced after the shared start", () => {
    // Every other word changes: a word diff would alternate 1,500 times, which helps no reader
    // and is where Myers' cost explodes.
    const before = Array.from({ length: 1500 }, (_, i) => `kept${i} old${i}`).join(" ");
    const after = Array.from({ length: 1500 }, (_, i) => `kept${i} new${i}`).join(" ");
    expect(diffWords(before, after)).toEqual([
      { kind: "same", text: "kept0 " },
      { kind: "removed", text: before.slice("kept0 ".length) },
      { kind: "added", text: after.slice("kept0 ".length) },
    ]);
  });

  it("still diffs word by word a long paragraph with many separate edits under the limit", () => {
    const before = Array.from({ length: 300 }, (_, i) => `kept${i} old${i}`).join(" ");
    const after = Array.from({ length: 300 }, (_, i) => `kept${i} new${i}`).join(" ");
    const changes = diffWords(before, after);
    expect(changes).toHaveLength(900);
    expect(changes.slice(0, 4)).toEqual([
      { kind: "same", text: "kept0 " },
      { kind: "removed", text: "old0" },
      { kind: "added", text: "new0" },
      { kind: "same", text: " kept1 " },
    ]);
  });
});

const VOCABULARY = ["the", "a", "pier", "ferry", "tide", "3,000", "isn't", "港", "λιμάνι", ""];
const SEPARATORS = [" ", "  ", ", ", ". ", "\n", "", "-", "'"];
const sentence = fc
  .array(fc.tuple(fc.constantFrom(...VOCABULARY), fc.constantFrom(...SEPARATORS)), {
    maxLength: 25,
  })
  .map((parts) => parts.flat().join(""));
const anyText = fc.oneof(
  sentence,
  fc.string({ unit: "grapheme", maxLength: 60 }),
  fc.string({ unit: "binary", maxLength: 60 }),
);

describe("diffWords properties", () => {
  it("reproduces the old text from its unchanged and removed pieces", () => {
    fc.assert(
      fc.property(anyText, anyText, (before, after) => {
        expect(oldSide(diffWords(before, after))).toBe(before);
      }),
      { numRuns: 500 },
    );
  });

  it("reproduces the new text from its unchanged and added pieces", () => {
    fc.assert(
      fc.property(anyText, anyText, (before, after) => {
        expect(newSide(diffWords(before, after))).toBe(after);
      }),
      { numRuns: 500 },
    );
  });

  it("never returns empty pieces, neighbours of one kind, or an addition before a removal", () => {
    fc.assert(
      fc.property(sentence, sentence, (before, after) => {
        const changes = diffWords(before, after);
        changes.forEach((change, i) => {
          expect(change.text).not.toBe("");
          const next = changes[i + 1];
          if (next === undefined) return;
          expect(next.kind).not.toBe(change.kind);
          expect([change.kind, next.kind]).not.toEqual(["added", "removed"]);
        });
      }),
      { numRuns: 500 },
    );
  });
});
