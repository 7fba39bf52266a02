import { describe, expect, it } from "vitest";
import { DEFAULT_SCHEDULE as DEFAULT_TIERS } from "../../src/config/config-schema.ts";
import { checkCutoffMs, checkInterval, planChecks } from "../../src/fetch/schedule.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const NOW = Date.parse("2026-11-25T12:00:00Z");

describe("checkInterval", () => {
  it("thins out with the time since the last change", () => {
    expect(checkInterval(DEFAULT_TIERS, 10 * MINUTE)).toBe(15 * MINUTE);
    expect(checkInterval(DEFAULT_TIERS, 5 * HOUR)).toBe(HOUR);
    expect(checkInterval(DEFAULT_TIERS, 2 * DAY)).toBe(3 * HOUR);
    expect(checkInterval(DEFAULT_TIERS, 20 * DAY)).toBe(3 * DAY);
    expect(checkInterval(DEFAULT_TIERS, 31 * DAY)).toBeNull();
    expect(checkCutoffMs(DEFAULT_TIERS)).toBe(30 * DAY);
  });
});

describe("planChecks", () => {
  it("puts new articles first, then known ones most overdue first", () => {
    const plan = planChecks(
      [
        { url: "a", lastChange: NOW - HOUR, lastCheck: NOW - 20 * MINUTE }, // 5 min overdue
        { url: "b", lastChange: NOW - 2 * HOUR, lastCheck: NOW - 60 * MINUTE }, // 45 min overdue
        { url: "c", lastChange: NOW - 2 * DAY, lastCheck: NOW - HOUR }, // due in 2 h
      ],
      ["new", "a"],
      DEFAULT_TIERS,
      NOW,
    );
    expect(plan).toEqual({ due: ["new", "b", "a"], notDue: 1, retired: 0 });
  });

  it("never checks an article unchanged for longer than the last tier", () => {
    const plan = planChecks([{ url: "old", lastChange: NOW - 31 * DAY }], [], DEFAULT_TIERS, NOW);
    expect(plan).toEqual({ due: [], notDue: 0, retired: 1 });
  });

  it("treats an article without a remembered check as due", () => {
    const plan = planChecks([{ url: "x", lastChange: NOW - 10 * DAY }], [], DEFAULT_TIERS, NOW);
    expect(plan.due).toEqual(["x"]);
  });

  it("counts a check as due a little early so a jittery cron keeps the tier", () => {
    const known = [{ url: "x", lastChange: NOW - HOUR, lastCheck: NOW - 14 * MINUTE }];
    expect(planChecks(known, [], DEFAULT_TIERS, NOW).due).toEqual(["x"]);
    const tooSoon = [{ url: "x", lastChange: NOW - HOUR, lastCheck: NOW - 10 * MINUTE }];
    expect(planChecks(tooSoon, [], DEFAULT_TIERS, NOW).due).toEqual([]);
  });
});
