import { describe, expect, it } from "vitest";
import { judgePage } from "../../src/fetch/judge-page.ts";
import { shapeKey } from "../../src/fetch/shape-key.ts";
import type { Article } from "../../src/types.ts";

const base: Article = {
  title: "Ferry fares rise for the first time in a decade",
  byline: "By Tomas Reyes",
  published: "2026-11-20T08:00:00.000Z",
  paragraphs: [
    "The island ferry will charge four dollars more per crossing from January.",
    "The operator blamed fuel costs and a new engine for the larger vessel.",
  ],
};

describe("judgePage", () => {
  it("treats the first sighting as a new article", () => {
    expect(judgePage(null, base)).toEqual({ kind: "new-article" });
  });

  it("sees identical text as unchanged", () => {
    expect(judgePage(base, structuredClone(base))).toEqual({ kind: "unchanged" });
  });

  it("sees a one-word edit as a new version", () => {
    const next = {
      ...base,
      paragraphs: [base.paragraphs[0]?.replace("four", "five") ?? "", base.paragraphs[1] ?? ""],
    };
    expect(judgePage(base, next)).toEqual({ kind: "new-version" });
  });

  it("holds a page without article text", () => {
    expect(judgePage(base, { ...base, paragraphs: [] })).toEqual({
      kind: "suspect",
      code: "no-text",
      reason: "no article text on the page",
      confirmable: false,
    });
  });

  it("holds a body that lost more than half its words at once", () => {
    expect(judgePage(base, { ...base, paragraphs: ["Subscribe to keep reading."] })).toEqual({
      kind: "suspect",
      code: "shrank",
      reason: "body shrank from 25 to 4 words at once",
      confirmable: true,
    });
  });

  it("does not count curly-versus-straight quotes as a change unless asked to", () => {
    const straight = { ...base, title: "Ferry fares 'rise' for the \"first\" time" };
    const curly = { ...base, title: "Ferry fares \u2018rise\u2019 for the \u201cfirst\u201d time" };
    expect(judgePage(straight, curly)).toEqual({ kind: "unchanged" });
    expect(judgePage(straight, curly, { typography: true })).toEqual({ kind: "new-version" });
  });

  it("holds a change only in the figures of a short paragraph for confirmation", () => {
    const counted = { ...base, paragraphs: ["1,204 shares", ...base.paragraphs] };
    const ticked = { ...base, paragraphs: ["1,310 shares", ...base.paragraphs] };
    expect(judgePage(counted, ticked)).toEqual({
      kind: "suspect",
      code: "figures-only",
      reason: "only figures or times changed, in 1 short paragraph",
      confirmable: true,
      shapes: [shapeKey("1,204 shares")],
    });
  });

  it("sees a change only in paragraphs known to be volatile as no change", () => {
    const counted = { ...base, paragraphs: ["Updated 14:32", ...base.paragraphs] };
    const ticked = { ...base, paragraphs: ["Updated 15:05", ...base.paragraphs] };
    expect(judgePage(counted, ticked, { volatile: [shapeKey("Updated 14:32")] })).toEqual({
      kind: "unchanged",
    });
  });

  it("sees a figure changed in a paragraph of more than 12 words as a new version at once", () => {
    const fare = (n: number) =>
      `The island ferry will charge ${n} dollars more per crossing from January, the operator said.`;
    const before = { ...base, paragraphs: [fare(3), base.paragraphs[1] ?? ""] };
    const after = { ...base, paragraphs: [fare(4), base.paragraphs[1] ?? ""] };
    expect(judgePage(before, after)).toEqual({ kind: "new-version" });
  });
});
