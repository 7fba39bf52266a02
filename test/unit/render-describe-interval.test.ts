import { describe, expect, it } from "vitest";
import { describeInterval } from "../../src/render/describe-interval.ts";

const at = "2026-03-02T08:00:00Z";
const later = (ms: number) => new Date(Date.parse(at) + ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe("describeInterval", () => {
  it("says less than a minute for seconds and for the same time", () => {
    expect(describeInterval(at, at)).toBe("less than a minute later");
    expect(describeInterval(at, later(59_000))).toBe("less than a minute later");
  });

  it("rounds to minutes under an hour", () => {
    expect(describeInterval(at, later(MIN))).toBe("about a minute later");
    expect(describeInterval(at, later(17 * MIN + 20_000))).toBe("about 17 minutes later");
  });

  it("says about 4 hours later for 4 hours 10 minutes", () => {
    expect(describeInterval(at, later(4 * HOUR + 10 * MIN))).toBe("about 4 hours later");
  });

  it("moves to the next unit when rounding reaches it", () => {
    expect(describeInterval(at, later(59 * MIN + 40_000))).toBe("about an hour later");
    expect(describeInterval(at, later(23 * HOUR + 45 * MIN))).toBe("about a day later");
  });

  it("counts days beyond a day, with thousands separators", () => {
    expect(describeInterval(at, later(3 * DAY + 2 * HOUR))).toBe("about 3 days later");
    expect(describeInterval(at, later(1_200 * DAY))).toBe("about 1,200 days later");
  });

  it("says earlier when the clock went backwards", () => {
    expect(describeInterval(at, later(-2 * HOUR))).toBe("about 2 hours earlier");
  });

  it("does not guess when a time does not parse", () => {
    expect(describeInterval("yesterday", at)).toBe("at an unknown time");
  });
});
