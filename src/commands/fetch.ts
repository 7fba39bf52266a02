// `stet fetch`: one pass over the configured outlets; prints progress and a summary.

import { loadConfig } from "../config/load-config.ts";
import { UsageError } from "../errors.ts";
import type { OutletReport } from "../fetch/run-fetch.ts";
import { assertGitRepo } from "./assert-git-repo.ts";

export interface FetchCommandOptions {
  config: string;
  repo: string;
  now?: string;
  outlet?: string;
  dryRun: boolean;
  maxMinutes?: string;
}

export async function fetchCommand(options: FetchCommandOptions): Promise<number> {
  const config = await loadConfig(options.config);
  await assertGitRepo(options.repo);
  const now = options.now === undefined ? new Date() : parseNow(options.now);
  if (options.outlet && !config.outlets.some((o) => o.id === options.outlet)) {
    throw new UsageError(
      `--outlet ${options.outlet}: no such outlet in ${options.config} (have: ${config.outlets.map((o) => o.id).join(", ")})`,
    );
  }
  const maxMinutes = options.maxMinutes === undefined ? undefined : Number(options.maxMinutes);
  if (maxMinutes !== undefined && !(maxMinutes > 0)) {
    throw new UsageError(`--max-minutes ${options.maxMinutes}: not a positive number of minutes`);
  }
  const started = Date.now();
  const status = liveStatus(process.stdout);
  const log = (line: string) => status.print(line);
  log(
    `stet fetch: ${now.toISOString()}${options.dryRun ? " (dry run: nothing is committed)" : ""}`,
  );
  // Loaded only now, so that a config mistake is reported before the extractor is loaded.
  const { runFetch } = await import("../fetch/run-fetch.ts");
  const reports = await runFetch({
    ...options,
    maxMinutes,
    config,
    now,
    log,
    onProgress: status.progress,
  });
  status.clear();
  for (const report of reports) log(`${report.outlet}: ${summary(report)}`);
  const sum = (count: (r: OutletReport) => number) => reports.reduce((n, r) => n + count(r), 0);
  const total: OutletReport = {
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
    notReached: sum((r) => r.notReached),
  };
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`total: ${summary(total)}, ${seconds} s`);
  return 0;
}

// On a terminal, one status line per outlet ("harbor: 12/40 checked") redrawn below the log;
// in CI (not a TTY) only the plain log lines.
function liveStatus(out: NodeJS.WriteStream) {
  const counts = new Map<string, string>();
  const live = out.isTTY === true && !process.env.CI;
  let drawn = 0;
  const erase = () => {
    if (drawn > 0) out.write(`\x1b[${drawn}F\x1b[J`);
    drawn = 0;
  };
  const draw = () => {
    for (const [outlet, text] of counts) out.write(`${outlet}: ${text}\n`);
    drawn = counts.size;
  };
  return {
    print(line: string) {
      if (!live) {
        out.write(`${line}\n`);
        return;
      }
      erase();
      out.write(`${line}\n`);
      draw();
    },
    progress(outlet: string, done: number, due: number) {
      if (!live) return;
      counts.set(outlet, `${done}/${due} checked`);
      erase();
      draw();
    },
    /** Removes the status lines for good, before the summary. */
    clear() {
      if (live) erase();
      counts.clear();
    },
  };
}

function summary(r: OutletReport): string {
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

function parseNow(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(`--now ${value}: not an ISO 8601 date-time (e.g. 2026-11-25T09:30:00Z)`);
  }
  return date;
}
