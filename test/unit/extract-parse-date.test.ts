import { describe, expect, it } from "vitest";
import { parseDate } from "../../src/extract/parse-date.ts";

describe("parseDate", () => {
  it("converts an ISO date-time with offset to UTC", () => {
    expect(parseDate("2026-02-03T07:15:00+01:00")).toBe("2026-02-03T06:15:00Z");
  });

  it("accepts offsets without a colon and drops fractions of a second", () => {
    expect(parseDate("2021-11-01T10:52:50.123+0100")).toBe("2021-11-01T09:52:50Z");
  });

  it("keeps a date-time without a zone as local time, inventing no zone", () => {
    expect(parseDate("2016-12-22 10:43:37")).toBe("2016-12-22T10:43:37");
  });

  it("keeps a bare date as a date", () => {
    expect(parseDate("2026-03-09")).toBe("2026-03-09");
  });

  it("parses RFC 2822 style dates with a zone", () => {
    expect(parseDate("Tue, 22 Dec 2015 18:43:37 GMT")).toBe("2015-12-22T18:43:37Z");
  });

  it("parses written-out dates without a zone as dates", () => {
    expect(parseDate("March 9, 2026")).toBe("2026-03-09");
  });

  it("reads unix timestamps in seconds", () => {
    expect(parseDate("1767225600")).toBe("2026-01-01T00:00:00Z");
  });

  it("returns null for text that is not a date", () => {
    expect(parseDate("yesterday evening")).toBeNull();
    expect(parseDate("2026-13-40")).toBeNull();
    expect(parseDate("")).toBeNull();
  });
});
