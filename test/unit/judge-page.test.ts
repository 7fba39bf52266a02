import { describe, expect, it } from "vitest";
import { judgePage } from "../../src/fetch/judge-page.ts";
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
});
