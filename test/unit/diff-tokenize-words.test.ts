import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countWords, tokenizeWords } from "../../src/diff/tokenize-words.ts";

describe("tokenizeWords", () => {
  it("splits words, single punctuation marks and runs of whitespace", () => {
    expect(tokenizeWords("Gulls,  terns — and U.S. crews!")).toEqual([
      "Gulls",
      ",",
      "  ",
      "terns",
      " ",
      "—",
      " ",
      "and",
      " ",
      "U",
      ".",
      "S",
      ".",
      " ",
      "crews",
      "!",
    ]);
  });

  it("keeps inside apostrophes, numbers with separators and times in one token", () => {
    expect(tokenizeWords("don't pay 3,000 or 1.5 at 5:30, 2031.")).toEqual([
      "don't",
      " ",
      "pay",
      " ",
      "3,000",
      " ",
      "or",
      " ",
      "1.5",
      " ",
      "at",
      " ",
      "5:30",
      ",",
      " ",
      "2031",
      ".",
    ]);
  });

  it("gives each Han and kana character its own token", () => {
    expect(tokenizeWords("港のferry")).toEqual(["港", "の", "ferry"]);
  });

  it("counts words but not punctuation", () => {
    expect(countWords("Crews don't rest — 3,000 hours, they say!")).toBe(7);
  });

  it("gives back any text exactly when its tokens are joined", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (text) => {
        expect(tokenizeWords(text).join("")).toBe(text);
      }),
      { numRuns: 1000 },
    );
  });
});
