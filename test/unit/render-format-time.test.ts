import { describe, expect, it } from "vitest";
import { dateText, formatPublished, formatTime, timeText } from "../../src/render/format-time.ts";

describe("formatTime", () => {
  it("formats in UTC with English month names", () => {
    expect(formatTime("2026-11-25T14:05:09Z")).toBe("25 Nov 2026, 14:05 UTC");
    expect(formatTime("2026-01-02T23:30:00-02:00")).toBe("3 Jan 2026, 01:30 UTC");
  });

  it("returns text that is not a time unchanged", () => {
    expect(formatTime("sometime")).toBe("sometime");
  });

  it("gives both forms for <time>", () => {
    expect(timeText("2026-05-01T06:00:00Z")).toEqual({
      iso: "2026-05-01T06:00:00Z",
      text: "1 May 2026, 06:00 UTC",
    });
  });
});

describe("dateText", () => {
  it("shows the UTC day only, keeping the full time for <time datetime>", () => {
    expect(dateText("2026-12-04T23:30:00-02:00")).toEqual({
      iso: "2026-12-04T23:30:00-02:00",
      text: "5 Dec 2026",
    });
    expect(dateText("soon")).toEqual({ iso: "soon", text: "soon" });
  });
});

describe("formatPublished", () => {
  it("shows a bare date as a day, a full time as a time and other wording as is", () => {
    expect(formatPublished("2026-07-04")).toBe("4 Jul 2026");
    expect(formatPublished("2026-07-04T10:00:00+00:00")).toBe("4 Jul 2026, 10:00 UTC");
    expect(formatPublished("Tuesday morning")).toBe("Tuesday morning");
  });
});
