import { describe, expect, it } from "vitest";
import { shape, shapeKey } from "../../src/fetch/shape-key.ts";

describe("shape", () => {
  it("takes out counts, clock times, relative times and dates", () => {
    expect(shape("1,204 shares")).toBe("# shares");
    expect(shape("Updated an hour ago")).toBe("Updated #");
    expect(shape("Last updated at 2:32 p.m. ET")).toBe("Last updated at #");
    expect(shape("Nov. 3, 2026, 7:12 a.m.")).toBe("#");
    expect(shape("Harbor FC 2–1 Ellery United (60')")).toBe("Harbor FC # Ellery United (#')");
  });

  it("keeps every word that is not a figure or a time word", () => {
    expect(shape("The vote was 12 to 3.")).toBe("The vote was # to #.");
    expect(shape("There was a storm.")).toBe("There was a storm.");
  });
});

describe("shapeKey", () => {
  it("is the same for two readings of a counter or a clock", () => {
    expect(shapeKey("1,204 shares")).toBe(shapeKey("1.3K shares"));
    expect(shapeKey("Updated 5 minutes ago")).toBe(shapeKey("Updated 2 hours ago"));
    expect(shapeKey("FTSE 100 7,412.3 ▲ 0.4%")).toBe(shapeKey("FTSE 100 7,391.0 ▼ 0.3%"));
  });

  it("differs when a word changes", () => {
    expect(shapeKey("1,204 shares")).not.toBe(shapeKey("1,204 comments"));
    expect(shapeKey("The death toll rose to 12.")).not.toBe(shapeKey("The death toll fell to 12."));
  });
});
