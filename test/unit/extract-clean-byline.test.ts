import { describe, expect, it } from "vitest";
import { cleanByline } from "../../src/extract/clean-byline.ts";

describe("cleanByline", () => {
  it("drops a leading By", () => {
    expect(cleanByline("By  Chidi Okafor")).toBe("Chidi Okafor");
    expect(cleanByline("by: Ines Achterberg")).toBe("Ines Achterberg");
  });

  it("drops the equivalent word in other languages", () => {
    expect(cleanByline("Von Jürgen Weiß")).toBe("Jürgen Weiß");
  });

  it("keeps names that merely start with the same letters", () => {
    expect(cleanByline("Byron Vance")).toBe("Byron Vance");
  });

  it("cuts a date glued after the names", () => {
    expect(cleanByline("Dan Goodin - Apr 16, 2015 8:02 pm UTC")).toBe("Dan Goodin");
    expect(cleanByline("By Justine Coleman - 11/18/19 11:04 PM EST")).toBe("Justine Coleman");
    expect(cleanByline("Priya Raman, 21 May 2026")).toBe("Priya Raman");
  });

  it("cuts a date and social handle glued without separators", () => {
    expect(cleanByline("Steven Musil January 18, 2017 11:00 PM PST @stevenmusil")).toBe(
      "Steven Musil",
    );
  });

  it("returns null for a date mistaken for a byline", () => {
    expect(cleanByline("Sunday, Feb 1, 2015 11:57 AM UTC")).toBeNull();
  });

  it("keeps a name that is also a month", () => {
    expect(cleanByline("April Kim and May Chen")).toBe("April Kim and May Chen");
  });

  it("returns null for an empty byline", () => {
    expect(cleanByline("   ")).toBeNull();
    expect(cleanByline(null)).toBeNull();
  });
});
