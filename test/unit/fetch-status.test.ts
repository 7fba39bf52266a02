// The fetch's health record carried from run to run: streaks of runs that checked nothing, the
// last success, held pages with how long they have been held, and the exit code's reason.

import { describe, expect, it } from "vitest";
import { checkedNothing, nextStatus } from "../../src/fetch/fetch-status.ts";
import {
  failureOfRun,
  jobSummary,
  persistentProblems,
  summaryLine,
  totalReport,
} from "../../src/fetch/run-summary.ts";
import type { FetchStatus, OutletReport } from "../../src/types.ts";

function report(overrides: Partial<OutletReport> = {}): OutletReport {
  return {
    outlet: "harbor",
    checked: 3,
    newArticles: 1,
    newVersions: 1,
    unchanged: 1,
    held: [],
    gone: [],
    back: [],
    failed: [],
    skipped: [],
    notDue: 4,
    retired: 0,
    watched: 7,
    notReached: 0,
    sourcesRead: 1,
    commitsFailed: 0,
    ...overrides,
  };
}

const dark = report({
  outlet: "dark",
  checked: 0,
  newArticles: 0,
  newVersions: 0,
  unchanged: 0,
  sourcesRead: 0,
  failed: [{ url: "feed https://dark.example/feed.xml", reason: "network error: ECONNREFUSED" }],
});

const T1 = "2026-11-20T09:00:00.000Z";
const T2 = "2026-11-20T09:15:00.000Z";
const empty = { articles: {}, aliases: {} };

describe("nextStatus", () => {
  it("counts runs in a row that checked nothing, and keeps the last success", () => {
    let status: FetchStatus | null = null;
    status = nextStatus({
      previous: status,
      reports: [report({ outlet: "dark" })],
      state: empty,
      now: T1,
    });
    expect(status.outlets[0]).toMatchObject({ id: "dark", lastSuccess: T1, failingRuns: 0 });
    for (const [i, now] of [T2, "2026-11-20T09:30:00.000Z", "2026-11-20T09:45:00.000Z"].entries()) {
      status = nextStatus({ previous: status, reports: [dark], state: empty, now });
      expect(status.outlets[0]).toMatchObject({
        lastRun: now,
        lastSuccess: T1,
        failingRuns: i + 1,
      });
    }
    expect(persistentProblems(status, ["dark"])).toEqual([
      `dark: nothing could be checked for 3 runs in a row (last worked: ${T1}); see its failures above`,
    ]);
    status = nextStatus({
      previous: status,
      reports: [report({ outlet: "dark" })],
      state: empty,
      now: T2,
    });
    expect(status.outlets[0]).toMatchObject({ failingRuns: 0, lastSuccess: T2 });
  });

  it("says since when and for how many checks a page has been held", () => {
    const url = "https://harbor.example/news/wall";
    const state = {
      articles: { [url]: { heldStreak: { reason: "login wall", since: T1, checks: 5 } } },
      aliases: {},
    };
    const status = nextStatus({
      previous: null,
      reports: [report({ held: [{ url, reason: "login wall" }] })],
      state,
      now: T2,
    });
    expect(status.outlets[0]?.held).toEqual([{ url, reason: "login wall", since: T1, checks: 5 }]);
  });

  it("keeps the status of outlets this run did not try", () => {
    const first = nextStatus({ previous: null, reports: [report(), dark], state: empty, now: T1 });
    const second = nextStatus({ previous: first, reports: [report()], state: empty, now: T2 });
    expect(second.outlets.map((o) => [o.id, o.lastRun])).toEqual([
      ["dark", T1],
      ["harbor", T2],
    ]);
  });
});

describe("the run's outcome", () => {
  it("counts an outlet whose feeds all failed and whose articles got no answer as checking nothing", () => {
    expect(checkedNothing(dark)).toBe(true);
    expect(checkedNothing(report())).toBe(false);
    // Nothing was due and the feed answered: a quiet run, not a failure.
    expect(checkedNothing(report({ checked: 0 }))).toBe(false);
  });

  it("fails the run when no outlet could be checked, or a commit failed", () => {
    expect(failureOfRun([report(), dark])).toBeNull();
    expect(failureOfRun([dark])).toBe(
      "nothing could be checked: every feed and article failed (see above)",
    );
    expect(failureOfRun([dark, { ...dark, outlet: "dim" }])).toBe(
      "nothing could be checked at any of the 2 outlets (see above)",
    );
    expect(failureOfRun([report({ commitsFailed: 2 })])).toBe(
      "2 commits failed, so their versions were not recorded; see the lines above",
    );
  });

  it("prints one summary line per outlet and a total", () => {
    expect(summaryLine(totalReport([report(), dark]))).toBe(
      "3 checked, 1 new articles, 1 new versions, 1 unchanged, 0 held as suspect, 0 gone, 1 failed, 8 not due yet",
    );
  });

  it("writes the job summary as a Markdown table, with the failure and the held and failed pages", () => {
    const status = nextStatus({ previous: null, reports: [dark], state: empty, now: T1 });
    const markdown = jobSummary([dark], status, "stet fetch at 2026-11-20T09:00:00.000Z");
    expect(markdown).toBe(`## stet fetch at 2026-11-20T09:00:00.000Z

| outlet | checked | new articles | new versions | held | failed | not reached | runs failing |
|---|---:|---:|---:|---:|---:|---:|---:|
| dark | 0 | 0 | 0 | 0 | 1 | 0 | 1 |
| total | 0 | 0 | 0 | 0 | 1 | 0 |  |

**Failed:** nothing could be checked: every feed and article failed (see above)

<details><summary>Held and failed pages</summary>

- dark: failed feed https://dark.example/feed.xml: network error: ECONNREFUSED

</details>
`);
  });

  it("escapes Markdown and HTML from page text in the job summary", () => {
    const status = nextStatus({ previous: null, reports: [dark], state: empty, now: T1 });
    const hostile = report({ held: [{ url: "https://x.example/a", reason: "<script>|*x*" }] });
    const markdown = jobSummary([hostile], status, "run");
    expect(markdown).toContain("held https://x.example/a: \\<script\\>\\|\\*x\\*");
  });
});
