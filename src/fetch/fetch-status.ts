// The fetch's public health record: per outlet, what the latest run did, when it last worked,
// how many runs in a row it could check nothing, and which pages are held and since when. Kept in
// <repo>/.stet/status.json beside the state (and, like it, in the Actions cache); the build shows
// it on the status page. `nextStatus` is pure; loading and saving sit at the edge.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { FetchStatus, OutletReport, OutletStatus } from "../types.ts";
import { type FetchState, writeAtomically } from "./fetch-state.ts";

/** Runs in a row that checked nothing before an outlet is flagged as failing. */
export const FAILING_RUNS_FLAG = 3;

export function statusPath(repo: string): string {
  return join(repo, ".stet", "status.json");
}

/**
 * Whether a run could check nothing at all of an outlet: every feed and sitemap failed, no
 * article got an answer, and something was tried.
 */
export function checkedNothing(report: OutletReport): boolean {
  return report.checked === 0 && report.sourcesRead <= 0 && report.failed.length > 0;
}

/** The status after a run: the previous one carried forward for streaks and last successes. */
export function nextStatus(input: {
  previous: FetchStatus | null;
  reports: readonly OutletReport[];
  state: FetchState;
  now: string;
}): FetchStatus {
  const { previous, reports, state, now } = input;
  const before = new Map((previous?.outlets ?? []).map((o) => [o.id, o]));
  const outlets: OutletStatus[] = reports.map((report) => {
    const last = before.get(report.outlet);
    const failedRun = checkedNothing(report);
    return {
      id: report.outlet,
      lastRun: now,
      lastSuccess: failedRun ? (last?.lastSuccess ?? null) : now,
      failingRuns: failedRun ? (last?.failingRuns ?? 0) + 1 : 0,
      watched: report.watched,
      checked: report.checked,
      newArticles: report.newArticles,
      newVersions: report.newVersions,
      notReached: report.notReached,
      held: report.held.map(({ url, reason }) => {
        const streak = state.articles[url]?.heldStreak;
        return {
          url,
          reason,
          since: streak?.since ?? now,
          checks: streak?.checks ?? 1,
        };
      }),
      failed: report.failed.map(({ url, reason }) => ({ url, reason })),
    };
  });
  // Outlets this run did not try (--outlet) keep their last status.
  const tried = new Set(outlets.map((o) => o.id));
  const kept = (previous?.outlets ?? []).filter((o) => !tried.has(o.id));
  return {
    updated: now,
    outlets: [...outlets, ...kept].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  };
}

/** Reads the status; a missing or unreadable file is no status (with a warning if unreadable). */
export async function loadStatus(
  repo: string,
  warn: (line: string) => void,
): Promise<FetchStatus | null> {
  let text: string;
  try {
    text = await readFile(statusPath(repo), "utf8");
  } catch {
    return null;
  }
  try {
    const parsed = JSON.parse(text) as FetchStatus;
    return Array.isArray(parsed.outlets) ? parsed : null;
  } catch {
    warn(`fetch status ${statusPath(repo)} is unreadable; starting afresh`);
    return null;
  }
}

export async function saveStatus(repo: string, status: FetchStatus): Promise<void> {
  await writeAtomically(statusPath(repo), `${JSON.stringify(status, null, 1)}\n`, "fetch status");
}
