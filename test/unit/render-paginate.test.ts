import { describe, expect, it } from "vitest";
import { pageNav, paginate } from "../../src/render/paginate.ts";

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

describe("pageNav", () => {
  const show = (current: number, total: number) =>
    pageNav(current, total)
      .map((i) => (i.kind === "gap" ? "…" : i.current ? `[${i.number}]` : String(i.number)))
      .join(" ");

  it("lists every page of a short listing", () => {
    expect(show(2, 4)).toBe("1 [2] 3 4");
    expect(show(1, 1)).toBe("[1]");
  });

  it("shows first, last and the pages near the current one, with gaps between", () => {
    expect(show(10, 20)).toBe("1 … 8 9 [10] 11 12 … 20");
    expect(show(1, 20)).toBe("[1] 2 3 … 20");
    expect(show(20, 20)).toBe("1 … 18 19 [20]");
  });

  it("shows a single left-out page instead of a gap", () => {
    expect(show(5, 9)).toBe("1 2 3 4 [5] 6 7 8 9");
  });
});
