import { describe, expect, it } from "vitest";
import { collapseUnchanged } from "../../src/render/collapse-unchanged.ts";
import type { ParagraphChange } from "../../src/types.ts";

const same = (text: string): ParagraphChange => ({ kind: "same", text });
const kinds = (rows: ReturnType<typeof collapseUnchanged>) =>
  rows.map((r) =>
    r.kind === "skipped" ? `skip ${r.paragraphs.length}` : r.kind === "same" ? r.text : r.kind,
  );

describe("collapseUnchanged", () => {
  it("keeps two paragraphs of context around a change and folds the rest into counts", () => {
    const paragraphs = ["p1", "p2", "p3", "p4", "p5", "p6"].map(same);
    paragraphs.splice(3, 0, { kind: "added", text: "new" });
    paragraphs.push(...["p7", "p8", "p9", "p10", "p11"].map(same));
    expect(kinds(collapseUnchanged(paragraphs, 2))).toEqual([
      "p1",
      "p2",
      "p3",
      "added",
      "p4",
      "p5",
      "skip 6",
    ]);
  });

  it("shows a lone unchanged paragraph instead of hiding it behind a count", () => {
    const paragraphs = [same("a"), same("b"), same("c"), { kind: "removed", text: "x" } as const];
    expect(kinds(collapseUnchanged(paragraphs, 2))).toEqual(["a", "b", "c", "removed"]);
  });

  it("folds the space between two distant changes but keeps context on both sides", () => {
    const paragraphs: ParagraphChange[] = [
      { kind: "edited", before: "a", after: "b", words: [] },
      ...["s1", "s2", "s3", "s4", "s5", "s6"].map(same),
      { kind: "removed", text: "gone" },
    ];
    expect(kinds(collapseUnchanged(paragraphs, 2))).toEqual([
      "edited",
      "s1",
      "s2",
      "skip 2",
      "s5",
      "s6",
      "removed",
    ]);
  });

  it("folds a body without changes into one count", () => {
    expect(kinds(collapseUnchanged(["a", "b", "c"].map(same)))).toEqual(["skip 3"]);
  });

  it("returns nothing for an empty body", () => {
    expect(collapseUnchanged([])).toEqual([]);
  });
});
