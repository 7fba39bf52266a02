import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonText } from "../../src/render/json-text.ts";

describe("jsonText", () => {
  it("writes markup characters and line separators as escapes", () => {
    expect(jsonText({ t: "</script><b>&\u2028" })).toBe(
      '{"t":"\\u003c/script\\u003e\\u003cb\\u003e\\u0026\\u2028"}\n',
    );
  });

  it("parses back to the same value, whatever the strings", () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: "binary", maxLength: 40 }), { maxLength: 4 }),
        (strings) => {
          const text = jsonText({ strings });
          expect(text).not.toMatch(/[<>&\u2028\u2029]/);
          expect(JSON.parse(text)).toEqual({ strings });
        },
      ),
      { numRuns: 1_000 },
    );
  });
});
