import { describe, expect, it } from "vitest";
import { paginate } from "../../src/render/paginate.ts";

describe("paginate", () => {
  it("splits a listing into numbered pages of the given size", () => {
    expect(paginate(["a", "b", "c", "d", "e"], 2)).toEqual([
      { number: 1, items: ["a", "b"] },
      { number: 2, items: ["c", "d"] },
      { number: 3, items: ["e"] },
    ]);
  });

  it("gives an empty listing one empty page", () => {
    expect(paginate([], 50)).toEqual([{ number: 1, items: [] }]);
  });

  it("keeps an exact multiple to full pages", () => {
    expect(paginate([1, 2, 3, 4], 2).map((p) => p.items)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });

  it("refuses a page size below one", () => {
    expect(() => paginate([1], 0)).toThrow(RangeError);
  });
});
