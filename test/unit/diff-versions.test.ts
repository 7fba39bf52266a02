import { describe, expect, it } from "vitest";
import { diffVersions } from "../../src/diff/diff-versions.ts";
import type { Article } from "../../src/types.ts";

const FIRST: Article = {
  title: "Harbour board delays vote on ferry timetable",
  byline: "By Mara Quell",
  published: "2031-02-04T09:00:00Z",
  paragraphs: [
    "The harbour board delayed its vote on the winter ferry timetable on Tuesday.",
    "Members heard from three skippers who said the early crossing was often empty.",
    "A final decision is expected before the end of the month.",
  ],
};

describe("diffVersions", () => {
  it("reports no changes and zero counts for identical versions", () => {
    expect(diffVersions(FIRST, { ...FIRST })).toEqual({
      title: [{ kind: "same", text: "Harbour board delays vote on ferry timetable" }],
      byline: [{ kind: "same", text: "By Mara Quell" }],
      paragraphs: FIRST.paragraphs.map((text) => ({ kind: "same", text })),
      wordsAdded: 0,
      wordsRemoved: 0,
    });
  });

  it("counts no words for a paragraph moved as it was, and only its own edits for one moved and edited", () => {
    const [opening, middle, closing] = FIRST.paragraphs as [string, string, string];
    const moved = diffVersions(FIRST, { ...FIRST, paragraphs: [middle, closing, opening] });
    expect(moved.paragraphs.map((p) => p.kind)).toEqual(["moved-from", "same", "same", "moved-to"]);
    expect([moved.wordsAdded, moved.wordsRemoved]).toEqual([0, 0]);
    const edited = opening.replace("Tuesday", "Wednesday");
    const both = diffVersions(FIRST, { ...FIRST, paragraphs: [middle, closing, edited] });
    expect(both.paragraphs.at(-1)).toEqual({
      kind: "moved-to",
      before: opening,
      after: edited,
      move: 1,
      words: [
        {
          kind: "same",
          text: "The harbour board delayed its vote on the winter ferry timetable on ",
        },
        { kind: "removed", text: "Tuesday" },
        { kind: "added", text: "Wednesday" },
        { kind: "same", text: "." },
      ],
    });
    expect([both.wordsAdded, both.wordsRemoved]).toEqual([1, 1]);
  });

  it("diffs a changed headline word by word and counts its words", () => {
    const second = { ...FIRST, title: "Harbour board scraps vote on ferry timetable" };
    expect(diffVersions(FIRST, second)).toEqual({
      title: [
        { kind: "same", text: "Harbour board " },
        { kind: "removed", text: "delays" },
        { kind: "added", text: "scraps" },
        { kind: "same", text: " vote on ferry timetable" },
      ],
      byline: [{ kind: "same", text: "By Mara Quell" }],
      paragraphs: FIRST.paragraphs.map((text) => ({ kind: "same", text })),
      wordsAdded: 1,
      wordsRemoved: 1,
    });
  });

  it("treats a missing byline as empty text", () => {
    const first = { ...FIRST, byline: null };
    expect(diffVersions(first, FIRST).byline).toEqual([{ kind: "added", text: "By Mara Quell" }]);
    expect(diffVersions(FIRST, first).byline).toEqual([{ kind: "removed", text: "By Mara Quell" }]);
    expect(diffVersions(first, first).byline).toEqual([]);
  });

  it("marks everything added for a first version with nothing before it", () => {
    const nothing: Article = { title: null, byline: null, published: null, paragraphs: [] };
    expect(diffVersions(nothing, FIRST)).toEqual({
      title: [{ kind: "added", text: "Harbour board delays vote on ferry timetable" }],
      byline: [{ kind: "added", text: "By Mara Quell" }],
      paragraphs: FIRST.paragraphs.map((text) => ({ kind: "added", text })),
      wordsAdded: 7 + 3 + 13 + 13 + 11,
      wordsRemoved: 0,
    });
  });

  it("combines an edited, an inserted and a removed paragraph, counting only changed words", () => {
    const second: Article = {
      ...FIRST,
      paragraphs: [
        "The harbour board delayed its vote on the winter ferry timetable on Tuesday.",
        "A spokesperson for the board declined to comment.",
        "Members heard from four skippers who said the early crossing was often empty.",
      ],
    };
    expect(diffVersions(FIRST, second)).toEqual({
      title: [{ kind: "same", text: "Harbour board delays vote on ferry timetable" }],
      byline: [{ kind: "same", text: "By Mara Quell" }],
      paragraphs: [
        {
          kind: "same",
          text: "The harbour board delayed its vote on the winter ferry timetable on Tuesday.",
        },
        { kind: "added", text: "A spokesperson for the board declined to comment." },
        {
          kind: "edited",
          before: "Members heard from three skippers who said the early crossing was often empty.",
          after: "Members heard from four skippers who said the early crossing was often empty.",
          words: [
            { kind: "same", text: "Members heard from " },
            { kind: "removed", text: "three" },
            { kind: "added", text: "four" },
            { kind: "same", text: " skippers who said the early crossing was often empty." },
          ],
        },
        { kind: "removed", text: "A final decision is expected before the end of the month." },
      ],
      wordsAdded: 8 + 1,
      wordsRemoved: 1 + 11,
    });
  });

  it("counts words, not punctuation, in changed text", () => {
    const second = { ...FIRST, title: "Harbour board delays vote on ferry timetable — again!" };
    const diff = diffVersions(FIRST, second);
    expect(diff.title).toEqual([
      { kind: "same", text: "Harbour board delays vote on ferry timetable" },
      { kind: "added", text: " — again!" },
    ]);
    expect([diff.wordsAdded, diff.wordsRemoved]).toEqual([1, 0]);
  });
});
