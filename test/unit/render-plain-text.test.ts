import { describe, expect, it } from "vitest";
import { plainText } from "../../src/render/plain-text.ts";

describe("plainText", () => {
  it("drops bidi overrides and isolates, which would make a title read as something else", () => {
    expect(plainText("Mayor \u202Eseigologa\u202C resigns \u2066x\u2069")).toBe(
      "Mayor seigologa resigns x",
    );
  });

  it("drops control characters and folds line breaks and runs of spaces", () => {
    expect(plainText("  Ferry\u0007 fares\r\n rise\u2028\tagain  ")).toBe("Ferry fares rise again");
  });

  it("cuts long text at a word, never inside a character", () => {
    expect(plainText("The ferry sails again at nine", 16)).toBe("The ferry sails…");
    expect(plainText("😀".repeat(10), 6)).toBe("😀😀…");
  });
});
