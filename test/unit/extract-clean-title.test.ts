import { describe, expect, it } from "vitest";
import { cleanTitle } from "../../src/extract/clean-title.ts";

describe("cleanTitle", () => {
  it("drops the site name after a separator", () => {
    expect(cleanTitle("Ferry fares to rise | The Harbor Courier", "The Harbor Courier", null)).toBe(
      "Ferry fares to rise",
    );
    expect(cleanTitle("Ferry fares to rise - Courier", "Courier", null)).toBe(
      "Ferry fares to rise",
    );
  });

  it("drops the site name before a separator", () => {
    expect(cleanTitle("Courier · Ferry fares to rise", "Courier", null)).toBe(
      "Ferry fares to rise",
    );
  });

  it("uses the <h1> when the title is the <h1> plus a suffix", () => {
    expect(
      cleanTitle("Ferry fares to rise — Island News Online", null, " Ferry fares  to rise "),
    ).toBe("Ferry fares to rise");
  });

  it("uses the <h1> when the title is a section name plus the <h1>", () => {
    expect(
      cleanTitle("Opinion | Ferry fares must not rise", null, "Ferry fares must not rise"),
    ).toBe("Ferry fares must not rise");
  });

  it("keeps a title whose separator is part of the headline", () => {
    expect(cleanTitle("Live: storm reaches the coast - updates", "Courier", "Live")).toBe(
      "Live: storm reaches the coast - updates",
    );
  });

  it("returns null for a missing or empty title", () => {
    expect(cleanTitle(null, "Courier", null)).toBeNull();
    expect(cleanTitle("  ", null, null)).toBeNull();
  });
});
