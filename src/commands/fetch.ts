// `stet fetch`: one pass over the configured outlets; prints progress and a summary, and in
// GitHub Actions also writes the summary to the job's page. Exits non-zero when commits failed
// or nothing at all could be checked, so a broken deployment does not stay green.

import { appendFile } from "node:fs/promises";
import { loadConfig } from "../config/load-config.ts";
import { UsageError } from "../errors.ts";
import { GitRepository } from "../git/repository.ts";
import { printableLine } from "../printable-line.ts";
import { systemClock } from "../system-clock.ts";

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
  const clock = systemClock;
  const now = options.now === undefined ? new Date(clock.now()) : parseNow(options.now);
  if (options.outlet && !config.outlets.some((o) => o.id === options.outlet)) {
    throw new UsageError(
      `--outlet ${options.outlet}: no such outlet in ${options.config} (have: ${config.outlets.map((o) => o.id).join(", ")})`,
    );
  }
  const maxMinutes = options.maxMinutes === undefined ? undefined : Number(options.maxMinutes);
  if (maxMinutes !== undefined && !(maxMinutes > 0)) {
    throw new UsageError(`--max-minutes ${options.maxMinutes}: not a positive number of minutes`);
  }
  // Before any output: a repository stet cannot commit into is the first thing to report.
  await GitRepository.open(options.repo, { forWriting: !options.dryRun });
  const started = clock.now();
  const status = liveStatus(process.stdout);
  // Lines carry headlines and URLs from pages: printed as plain text, never as terminal controls.
  const log = (line: string) => status.print(printableLine(line));
  log(
    `stet fetch: ${now.toISOString()}${options.dryRun ? " (dry run: nothing is committed)" : ""}`,
  );
  // Loaded only now, so that a config mistake is reported before the extractor is loaded.
  const { runFetch } = await import("../fetch/run-fetch.ts");
  const summary = await import("../fetch/run-summary.ts");
  const run = await runFetch({
    ...options,
    maxMinutes,
    config,
    now,
    clock,
    log,
    onProgress: status.progress,
  });
  status.clear();
  for (const report of run.reports) log(`${report.outlet}: ${summary.summaryLine(report)}`);
  const seconds = ((clock.now() - started) / 1000).toFixed(1);
  log(`total: ${summary.summaryLine(summary.totalReport(run.reports))}, ${seconds} s`);
  const outlets = run.reports.map((r) => r.outlet);
  const inActions = process.env.GITHUB_ACTIONS === "true";
  for (const problem of summary.persistentProblems(run.status, outlets)) {
    log(inActions ? `::warning title=stet fetch::${problem}` : `warning: ${problem}`);
  }
  const failure = summary.failureOfRun(run.reports);
  const stepSummary = process.env.GITHUB_STEP_SUMMARY;
  if (stepSummary) {
    const heading = `stet fetch at ${now.toISOString()}${options.dryRun ? " (dry run)" : ""}`;
    await appendFile(stepSummary, summary.jobSummary(run.reports, run.status, heading));
  }
  if (failure !== null) {
    process.stderr.write(`stet: ${failure}\n`);
    return 1;
  }
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

// Git records dates from 1970 up to the end of 2099 only: outside them every commit would fail.
const EARLIEST = Date.parse("1970-01-01T00:00:01Z");
const LATEST = Date.parse("2099-12-31T23:59:59Z");

function parseNow(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(`--now ${value}: not an ISO 8601 date-time (e.g. 2026-11-25T09:30:00Z)`);
  }
  if (date.getTime() < EARLIEST || date.getTime() > LATEST) {
    throw new UsageError(
      `--now ${value}: git can only record dates from 1970-01-01 to 2099-12-31; choose a time in that range`,
    );
  }
  return date;
}
