import { describe, expect, it } from "vitest";
import { classifyChange } from "../../src/fetch/classify-change.ts";
import { shapeKey } from "../../src/fetch/shape-key.ts";
import type { Article } from "../../src/types.ts";

const LONG =
  "The harbour master closed the north slipway on Monday after a survey found a crack in its concrete apron, and said it would stay shut for 3 weeks.";
const base: Article = {
  title: "Slipway closed after survey",
  byline: "Dora Penhallow",
  published: "2026-11-20T07:30:00Z",
  paragraphs: ["1,204 shares", LONG, "The death toll rose to 12."],
};
const withParagraphs = (...paragraphs: string[]): Article => ({ ...base, paragraphs });

describe("classifyChange", () => {
  it("finds nothing between equal texts", () => {
    expect(classifyChange(base, structuredClone(base))).toEqual({ kind: "same" });
  });

  it("sees a counter that moved as a figures-only change, with its shape", () => {
    const next = withParagraphs("1,310 shares", LONG, "The death toll rose to 12.");
    expect(classifyChange(base, next)).toEqual({
      kind: "figures-only",
      shapes: [shapeKey("1,204 shares")],
    });
  });

  it("sees a new figure in a short sentence as figures-only too: the rule confirms it later", () => {
    const next = withParagraphs("1,204 shares", LONG, "The death toll rose to 13.");
    expect(classifyChange(base, next).kind).toBe("figures-only");
  });

  it("sees a changed figure in a long paragraph as an edit", () => {
    const next = withParagraphs(
      "1,204 shares",
      LONG.replace("3 weeks", "4 weeks"),
      base.paragraphs[2] ?? "",
    );
    expect(classifyChange(base, next)).toEqual({ kind: "edit" });
  });

  it("sees a changed word in a short paragraph as an edit", () => {
    const next = withParagraphs("1,204 shares", LONG, "The death toll fell to 12.");
    expect(classifyChange(base, next)).toEqual({ kind: "edit" });
  });

  it("sees a figures change beside an edit as an edit", () => {
    const next = withParagraphs("1,310 shares", LONG, "The death toll fell to 12.");
    expect(classifyChange(base, next)).toEqual({ kind: "edit" });
  });

  it("sees headline, byline, date and paragraph-count changes as edits", () => {
    expect(classifyChange(base, { ...base, title: "Slipway closed for 3 weeks" }).kind).toBe(
      "edit",
    );
    expect(classifyChange(base, { ...base, byline: "Ines Aldana" }).kind).toBe("edit");
    expect(classifyChange(base, { ...base, published: "2026-11-21T07:30:00Z" }).kind).toBe("edit");
    expect(classifyChange(base, withParagraphs(LONG, "The death toll rose to 12.")).kind).toBe(
      "edit",
    );
  });

  it("treats a paragraph of exactly 12 words as short, and one of 13 as prose", () => {
    const twelve = "Police said 3 people were hurt when the old pier gave way.";
    const thirteen = "Police said 3 people were hurt when the old pier gave way today.";
    expect(
      classifyChange(withParagraphs(twelve), withParagraphs(twelve.replace("3", "4"))).kind,
    ).toBe("figures-only");
    expect(
      classifyChange(withParagraphs(thirteen), withParagraphs(thirteen.replace("3", "4"))).kind,
    ).toBe("edit");
  });
});
