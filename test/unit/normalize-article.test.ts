import { describe, expect, it } from "vitest";
import { normalizeArticle, normalizeText } from "../../src/normalize/normalize-article.ts";

describe("normalizeText", () => {
  it("collapses whitespace runs, no-break and thin spaces", () => {
    expect(normalizeText("  The\u00a0council \t voted\n\nfive\u2009to two  ")).toBe(
      "The council voted five to two",
    );
  });

  it("removes zero-width characters and soft hyphens", () => {
    expect(normalizeText("har\u00adbor\u200b wall\ufeff")).toBe("harbor wall");
  });

  it("composes to NFC so decomposed accents compare equal", () => {
    expect(normalizeText("cafe\u0301")).toBe("caf\u00e9");
  });
});

describe("normalizeArticle", () => {
  it("drops empty paragraphs and turns empty fields into null", () => {
    expect(
      normalizeArticle({
        title: " \u200b ",
        byline: "By Ana",
        published: null,
        paragraphs: ["", " One ", "\u00a0"],
      }),
    ).toEqual({ title: null, byline: "By Ana", published: null, paragraphs: ["One"] });
  });
});
