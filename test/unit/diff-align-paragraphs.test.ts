import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Alignment, alignParagraphs } from "../../src/diff/align-paragraphs.ts";
import { DiffBudget } from "../../src/diff/diff-budget.ts";

const OPENING = "The harbour board met on Tuesday evening to discuss the winter ferry timetable.";
const MIDDLE = "Members heard from three skippers who said the early crossing was often empty.";
const MIDDLE_EDITED =
  "Members heard from four skippers who said the early crossing was usually empty.";
const INSERTED = "A spokesperson for the board declined to comment further.";
const CLOSING = "A final decision is expected before the end of the month.";
const UNRELATED = "Tickets for the lantern festival go on sale at the library next week.";

function beforeSide(steps: Alignment[]): string[] {
  return steps.flatMap((s) =>
    s.kind === "same" || s.kind === "removed" || s.kind === "moved-from"
      ? [s.text]
      : s.kind === "edited"
        ? [s.before]
        : [],
  );
}
function afterSide(steps: Alignment[]): string[] {
  return steps.flatMap((s) =>
    s.kind === "same" || s.kind === "added"
      ? [s.text]
      : s.kind === "edited" || s.kind === "moved-to"
        ? [s.after]
        : [],
  );
}

describe("alignParagraphs", () => {
  it("marks every paragraph unchanged when the versions are identical", () => {
    expect(alignParagraphs([OPENING, CLOSING], [OPENING, CLOSING])).toEqual([
      { kind: "same", text: OPENING },
      { kind: "same", text: CLOSING },
    ]);
  });

  it("pairs an edited paragraph with its old text", () => {
    expect(alignParagraphs([OPENING, MIDDLE, CLOSING], [OPENING, MIDDLE_EDITED, CLOSING])).toEqual([
      { kind: "same", text: OPENING },
      { kind: "edited", before: MIDDLE, after: MIDDLE_EDITED },
      { kind: "same", text: CLOSING },
    ]);
  });

  it("still pairs an edited paragraph with its old text when one is inserted before it", () => {
    expect(
      alignParagraphs([OPENING, MIDDLE, CLOSING], [OPENING, INSERTED, MIDDLE_EDITED, CLOSING]),
    ).toEqual([
      { kind: "same", text: OPENING },
      { kind: "added", text: INSERTED },
      { kind: "edited", before: MIDDLE, after: MIDDLE_EDITED },
      { kind: "same", text: CLOSING },
    ]);
  });

  it("still pairs an edited paragraph with its old text when one is inserted after it", () => {
    expect(
      alignParagraphs([OPENING, MIDDLE, CLOSING], [OPENING, MIDDLE_EDITED, INSERTED, CLOSING]),
    ).toEqual([
      { kind: "same", text: OPENING },
      { kind: "edited", before: MIDDLE, after: MIDDLE_EDITED },
      { kind: "added", text: INSERTED },
      { kind: "same", text: CLOSING },
    ]);
  });

  it("marks an added and a removed paragraph", () => {
    expect(alignParagraphs([OPENING, MIDDLE, CLOSING], [OPENING, CLOSING, INSERTED])).toEqual([
      { kind: "same", text: OPENING },
      { kind: "removed", text: MIDDLE },
      { kind: "same", text: CLOSING },
      { kind: "added", text: INSERTED },
    ]);
  });

  it("keeps a replaced paragraph that shares too few words as removed then added", () => {
    expect(alignParagraphs([OPENING, MIDDLE], [OPENING, UNRELATED])).toEqual([
      { kind: "same", text: OPENING },
      { kind: "removed", text: MIDDLE },
      { kind: "added", text: UNRELATED },
    ]);
  });

  it("shows a paragraph moved past unchanged ones as moved, from where it was to where it is", () => {
    expect(alignParagraphs([OPENING, MIDDLE, CLOSING], [MIDDLE, CLOSING, OPENING])).toEqual([
      { kind: "moved-from", text: OPENING, move: 1 },
      { kind: "same", text: MIDDLE },
      { kind: "same", text: CLOSING },
      { kind: "moved-to", before: OPENING, after: OPENING, move: 1 },
    ]);
  });

  it("shows a paragraph moved and edited as moved, paired with its old text", () => {
    const openingEdited = OPENING.replace("Tuesday", "Wednesday");
    expect(
      alignParagraphs([OPENING, MIDDLE, CLOSING, INSERTED], [MIDDLE, CLOSING, openingEdited]),
    ).toEqual([
      { kind: "moved-from", text: OPENING, move: 1 },
      { kind: "same", text: MIDDLE },
      { kind: "same", text: CLOSING },
      { kind: "removed", text: INSERTED },
      { kind: "moved-to", before: OPENING, after: openingEdited, move: 1 },
    ]);
  });

  it("numbers moves in the order the paragraphs now appear", () => {
    const a = "First of three paragraphs about the harbour board.";
    const b = "Second of three paragraphs about the ferry timetable.";
    expect(alignParagraphs([a, b, CLOSING], [CLOSING, b, a])).toEqual([
      { kind: "moved-from", text: a, move: 2 },
      { kind: "moved-from", text: b, move: 1 },
      { kind: "same", text: CLOSING },
      { kind: "moved-to", before: b, after: b, move: 1 },
      { kind: "moved-to", before: a, after: a, move: 2 },
    ]);
  });

  it("does not call a paragraph moved when only a different one like it was added elsewhere", () => {
    expect(alignParagraphs([OPENING, MIDDLE, CLOSING], [MIDDLE, CLOSING, UNRELATED])).toEqual([
      { kind: "removed", text: OPENING },
      { kind: "same", text: MIDDLE },
      { kind: "same", text: CLOSING },
      { kind: "added", text: UNRELATED },
    ]);
  });

  it("pairs several edited paragraphs in order, around an unrelated replacement", () => {
    const openingEdited = OPENING.replace("Tuesday", "Wednesday");
    const closingEdited = CLOSING.replace("month", "year");
    expect(
      alignParagraphs([OPENING, MIDDLE, CLOSING], [openingEdited, UNRELATED, closingEdited]),
    ).toEqual([
      { kind: "edited", before: OPENING, after: openingEdited },
      { kind: "removed", text: MIDDLE },
      { kind: "added", text: UNRELATED },
      { kind: "edited", before: CLOSING, after: closingEdited },
    ]);
  });

  it("pairs a paragraph with the more similar of two candidates", () => {
    const closer = MIDDLE.replace("three", "five");
    const farther = "Members heard from skippers at the meeting.";
    expect(alignParagraphs([MIDDLE], [farther, closer])).toEqual([
      { kind: "added", text: farther },
      { kind: "edited", before: MIDDLE, after: closer },
    ]);
  });

  it("marks every paragraph added when there was no earlier text", () => {
    expect(alignParagraphs([], [OPENING, CLOSING])).toEqual([
      { kind: "added", text: OPENING },
      { kind: "added", text: CLOSING },
    ]);
  });

  it("marks every paragraph removed when the new text is empty", () => {
    expect(alignParagraphs([OPENING], [])).toEqual([{ kind: "removed", text: OPENING }]);
  });

  it("still pairs edits in a stretch too long to compare all with all", () => {
    // 205 × 206 paragraphs exceed the all-with-all limit; each edit must still find its old text.
    const old = Array.from({ length: 205 }, (_, i) => `berth${i} crane${i} quay${i} old${i}`);
    const edited = old.map((p, i) => p.replace(`old${i}`, `new${i}`));
    const inserted = "An entirely separate notice about parking.";
    const after = [...edited.slice(0, 100), inserted, ...edited.slice(100)];
    expect(alignParagraphs(old, after)).toEqual([
      ...old.slice(0, 100).map((p, i) => ({ kind: "edited", before: p, after: edited[i] })),
      { kind: "added", text: inserted },
      ...old.slice(100).map((p, i) => ({ kind: "edited", before: p, after: edited[100 + i] })),
    ]);
  });
});

const POOL = [OPENING, MIDDLE, MIDDLE_EDITED, INSERTED, CLOSING, UNRELATED, "", "Yes.", "No."];
const paragraphs = fc.oneof(
  fc.array(fc.constantFrom(...POOL), { maxLength: 12 }),
  fc.array(fc.string({ maxLength: 20 }), { maxLength: 12 }),
);

describe("alignParagraphs properties", () => {
  it("reproduces the old paragraphs from the unchanged, removed and edited-before ones", () => {
    fc.assert(
      fc.property(paragraphs, paragraphs, (before, after) => {
        expect(beforeSide(alignParagraphs(before, after))).toEqual(before);
      }),
      { numRuns: 500 },
    );
  });

  it("reproduces the new paragraphs from the unchanged, added and edited-after ones", () => {
    fc.assert(
      fc.property(paragraphs, paragraphs, (before, after) => {
        expect(afterSide(alignParagraphs(before, after))).toEqual(after);
      }),
      { numRuns: 500 },
    );
  });

  it("reproduces both versions whatever the work budget, down to none", () => {
    fc.assert(
      fc.property(paragraphs, paragraphs, fc.nat(400), (before, after, limit) => {
        const steps = alignParagraphs(before, after, new DiffBudget(limit));
        expect(beforeSide(steps)).toEqual(before);
        expect(afterSide(steps)).toEqual(after);
      }),
      { numRuns: 1_000 },
    );
  });

  it("pairs every moved-from with one moved-to, and never moves or edits to the same text", () => {
    fc.assert(
      fc.property(paragraphs, paragraphs, fc.nat(400), (before, after, limit) => {
        const steps = alignParagraphs(before, after, new DiffBudget(limit));
        const from = steps.flatMap((s) => (s.kind === "moved-from" ? [s.move] : []));
        const to = steps.flatMap((s) => (s.kind === "moved-to" ? [s.move] : []));
        expect([...from].sort((a, b) => a - b)).toEqual(to);
        expect(to).toEqual(to.map((_, i) => i + 1));
        for (const step of steps)
          if (step.kind === "edited") expect(step.before).not.toBe(step.after);
      }),
      { numRuns: 1_000 },
    );
  });

  it("never pairs two identical paragraphs as edited", () => {
    fc.assert(
      fc.property(paragraphs, paragraphs, (before, after) => {
        for (const step of alignParagraphs(before, after)) {
          if (step.kind === "edited") expect(step.before).not.toBe(step.after);
        }
      }),
      { numRuns: 500 },
    );
  });
});
