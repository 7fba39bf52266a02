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
  const started = Date.now();
  const log = (line: string) => process.stdout.write(`${line}\n`);
  log(
    `stet fetch: ${now.toISOString()}${options.dryRun ? " (dry run: nothing is committed)" : ""}`,
  );
  // Loaded only now, so that a config mistake is reported before the extractor is loaded.
  const { runFetch } = await import("../fetch/run-fetch.ts");
  const reports = await runFetch({ ...options, config, now, log });
  for (const report of reports) log(summaryLine(report));
  const total = reports.reduce(
    (sum, r) => ({
      checked: sum.checked + r.checked,
      newArticles: sum.newArticles + r.newArticles,
      newVersions: sum.newVersions + r.newVersions,
      unchanged: sum.unchanged + r.unchanged,
      held: sum.held + r.held.length,
      gone: sum.gone + r.gone.length,
      failed: sum.failed + r.failed.length,
    }),
    { checked: 0, newArticles: 0, newVersions: 0, unchanged: 0, held: 0, gone: 0, failed: 0 },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(
    `total: ${total.checked} checked, ${total.newArticles} new articles, ${total.newVersions} new versions, ` +
      `${total.unchanged} unchanged, ${total.held} held as suspect, ${total.gone} gone, ${total.failed} failed, ${seconds} s`,
  );
  return 0;
}

function summaryLine(r: OutletReport): string {
  return (
    `${r.outlet}: ${r.checked} checked, ${r.newArticles} new articles, ${r.newVersions} new versions, ` +
    `${r.unchanged} unchanged, ${r.held.length} held, ${r.gone.length} gone, ${r.failed.length} failed` +
    (r.skipped.length > 0 ? `, ${r.skipped.length} disallowed by robots.txt` : "")
  );
}

function parseNow(value: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(date.getTime())) {
    throw new UsageError(`--now ${value}: not an ISO 8601 date-time (e.g. 2026-11-25T09:30:00Z)`);
  }
  return date;
}
