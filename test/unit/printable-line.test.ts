import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { printableLine } from "../../src/printable-line.ts";

const UNSAFE = /[\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]/u;

describe("printableLine", () => {
  it("drops terminal escape sequences' ESC, so they print as harmless text", () => {
    expect(printableLine("Harbour \u001b[2J\u001b]0;pwned\u0007vote")).toBe(
      "Harbour [2J]0;pwnedvote",
    );
  });

  it("turns line breaks into spaces, so a headline cannot add a commit trailer", () => {
    expect(printableLine("Ferry fares rise\n\nVersion: 99\r\nArticle-URL: x")).toBe(
      "Ferry fares rise Version: 99 Article-URL: x",
    );
    expect(printableLine("a\u2028b\u2029c\u0085d\te")).toBe("a b c d e");
  });

  it("drops bidi overrides and isolates but keeps the marks right-to-left text needs", () => {
    expect(printableLine("Council \u202evote\u202c result \u2066x\u2069")).toBe(
      "Council vote result x",
    );
    expect(printableLine("\u05d7\u05d3\u05e9\u05d5\u05ea\u200f 2026")).toBe(
      "\u05d7\u05d3\u05e9\u05d5\u05ea\u200f 2026",
    );
  });

  it("leaves ordinary text as it is", () => {
    expect(printableLine("Café owners “welcome” the 3% rate — for now")).toBe(
      "Café owners “welcome” the 3% rate — for now",
    );
  });

  it("caps the length at a code point boundary", () => {
    expect(printableLine("abcdef", 4)).toBe("abc…");
    expect(printableLine("😀😀😀😀😀", 3)).toBe("😀😀…");
    expect(printableLine("abcd", 4)).toBe("abcd");
  });

  it("never lets a control, break or bidi override through, for any text", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 200 }),
        fc.integer({ min: 1, max: 300 }),
        (text, max) => {
          const line = printableLine(text, max);
          expect(line).not.toMatch(UNSAFE);
          expect(Array.from(line).length).toBeLessThanOrEqual(max);
          expect(printableLine(line, max)).toBe(line);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
