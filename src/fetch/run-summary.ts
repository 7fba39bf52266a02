// How a fetch run is reported: one line per outlet and a total on the terminal, a Markdown table
// for the GitHub Actions job summary, and the exit code's reason. Pure.

import type { FetchStatus, OutletReport } from "../types.ts";
import { checkedNothing, FAILING_RUNS_FLAG } from "./fetch-status.ts";

/** The per-outlet reports added up, as one report named "total". */
export function totalReport(reports: readonly OutletReport[]): OutletReport {
  const sum = (count: (r: OutletReport) => number) => reports.reduce((n, r) => n + count(r), 0);
  return {
    outlet: "total",
    checked: sum((r) => r.checked),
    newArticles: sum((r) => r.newArticles),
    newVersions: sum((r) => r.newVersions),
    unchanged: sum((r) => r.unchanged),
    held: reports.flatMap((r) => r.held),
    gone: reports.flatMap((r) => r.gone),
    back: reports.flatMap((r) => r.back),
    failed: reports.flatMap((r) => r.failed),
    skipped: reports.flatMap((r) => r.skipped),
    notDue: sum((r) => r.notDue),
    retired: sum((r) => r.retired),
    watched: sum((r) => r.watched),
    notReached: sum((r) => r.notReached),
    sourcesRead: sum((r) => r.sourcesRead),
    commitsFailed: sum((r) => r.commitsFailed),
  };
}

/** "12 checked, 1 new articles, …" for one outlet or the total. */
export function summaryLine(r: OutletReport): string {
  const parts = [
    `${r.checked} checked`,
    `${r.newArticles} new articles`,
    `${r.newVersions} new versions`,
    `${r.unchanged} unchanged`,
    `${r.held.length} held as suspect`,
    `${r.gone.length} gone`,
    `${r.failed.length} failed`,
  ];
  if (r.back.length > 0) parts.push(`${r.back.length} back at the source`);
  if (r.skipped.length > 0) parts.push(`${r.skipped.length} disallowed by robots.txt`);
  parts.push(`${r.notDue} not due yet`);
  if (r.retired > 0) parts.push(`${r.retired} no longer checked`);
  if (r.notReached > 0) parts.push(`${r.notReached} not reached in time (next run)`);
  return parts.join(", ");
}

/** Warnings that outlive one run: outlets that checked nothing for several runs in a row. */
export function persistentProblems(status: FetchStatus, outlets: readonly string[]): string[] {
  return status.outlets
    .filter((o) => outlets.includes(o.id) && o.failingRuns >= FAILING_RUNS_FLAG)
    .map(
      (o) =>
        `${o.id}: nothing could be checked for ${o.failingRuns} runs in a row (last worked: ${o.lastSuccess ?? "never"}); see its failures above`,
    );
}

/**
 * Why the run must exit non-zero, or null: commits that failed (their versions are not
 * recorded), or no outlet could be checked at all.
 */
export function failureOfRun(reports: readonly OutletReport[]): string | null {
  const failedCommits = reports.reduce((n, r) => n + r.commitsFailed, 0);
  if (failedCommits > 0) {
    return `${failedCommits} ${failedCommits === 1 ? "commit" : "commits"} failed, so ${failedCommits === 1 ? "its version was" : "their versions were"} not recorded; see the lines above`;
  }
  if (reports.length > 0 && reports.every(checkedNothing)) {
    return reports.length === 1
      ? "nothing could be checked: every feed and article failed (see above)"
      : `nothing could be checked at any of the ${reports.length} outlets (see above)`;
  }
  return null;
}

/** The run as a Markdown section for `$GITHUB_STEP_SUMMARY`. */
export function jobSummary(
  reports: readonly OutletReport[],
  status: FetchStatus,
  heading: string,
): string {
  const md = (text: string) => text.replace(/[|\\`*_<>[\]]/g, (c) => `\\${c}`);
  const byId = new Map(status.outlets.map((o) => [o.id, o]));
  const lines = [
    `## ${md(heading)}`,
    "",
    "| outlet | checked | new articles | new versions | held | failed | not reached | runs failing |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const r of [...reports, totalReport(reports)]) {
    const failing = r.outlet === "total" ? "" : String(byId.get(r.outlet)?.failingRuns ?? 0);
    lines.push(
      `| ${md(r.outlet)} | ${r.checked} | ${r.newArticles} | ${r.newVersions} | ${r.held.length} | ${r.failed.length} | ${r.notReached} | ${failing} |`,
    );
  }
  const problems = persistentProblems(
    status,
    reports.map((r) => r.outlet),
  );
  const failure = failureOfRun(reports);
  if (failure !== null || problems.length > 0) lines.push("");
  if (failure !== null) lines.push(`**Failed:** ${md(failure)}`);
  for (const problem of problems) lines.push(`- ⚠️ ${md(problem)}`);
  const details = reports.flatMap((r) => [
    ...r.failed.map((f) => `- ${md(r.outlet)}: failed ${md(f.url)}: ${md(f.reason)}`),
    ...r.held.map((h) => `- ${md(r.outlet)}: held ${md(h.url)}: ${md(h.reason)}`),
  ]);
  if (details.length > 0) {
    lines.push(
      "",
      "<details><summary>Held and failed pages</summary>",
      "",
      ...details.slice(0, 200),
    );
    if (details.length > 200) lines.push(`- … and ${details.length - 200} more`);
    lines.push("", "</details>");
  }
  return `${lines.join("\n")}\n`;
}
