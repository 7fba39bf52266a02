// Measures the pure parts of a build in this process: reading the history (one git log, one
// git cat-file, parsing) and diffing every consecutive pair of versions.

import { diffVersions } from "../../src/diff/diff-versions.ts";
import { GitRepository } from "../../src/git/repository.ts";
import { GIT_LOG_ARGS, parseGitLog } from "../../src/history/parse-git-log.ts";
import { assembleHistories, readHistory } from "../../src/history/read-history.ts";
import type { ArticleHistory } from "../../src/types.ts";

export interface HistoryMeasurement {
  seconds: number;
  articles: number;
  versions: number;
  problems: number;
  /** readHistory's own steps, timed separately on a second (warm) pass. */
  stages: { gitLog: number; parseLog: number; catFile: number; parseFiles: number };
  heapUsedBytes: number;
}

export interface DiffMeasurement {
  pairs: number;
  totalMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The article and version pair that took longest. */
  slowest: string;
}

/** Times readHistory, then its steps one by one; returns the histories for the diff stage. */
export async function measureHistory(
  repo: string,
): Promise<{ measurement: HistoryMeasurement; articles: ArticleHistory[] }> {
  const git = await GitRepository.open(repo);
  const started = performance.now();
  const history = await readHistory(git);
  const seconds = (performance.now() - started) / 1000;
  const heapUsedBytes = process.memoryUsage().heapUsed;

  let t = performance.now();
  const lap = () => {
    const now = performance.now();
    const ms = (now - t) / 1000;
    t = now;
    return ms;
  };
  const stdout = await git.run([...GIT_LOG_ARGS, "--", "archive/"]);
  const gitLog = lap();
  const entries = parseGitLog(stdout).filter((e) => e.path.startsWith("archive/"));
  const parseLog = lap();
  const live = entries.filter((e) => e.status !== "D");
  const texts = await git.readBlobs(live.map((e) => e.blob));
  const catFile = lap();
  assembleHistories(entries, new Map(live.map((e, i) => [e, texts[i] ?? ""])));
  const parseFiles = lap();

  return {
    measurement: {
      seconds,
      articles: history.articles.length,
      versions: history.articles.reduce((sum, a) => sum + a.versions.length, 0),
      problems: history.problems.length,
      stages: { gitLog, parseLog, catFile, parseFiles },
      heapUsedBytes,
    },
    articles: history.articles,
  };
}

/** How many pairs are diffed once, untimed, so the JIT has warmed up before timing starts. */
const WARM_UP_PAIRS = 200;

/** Diffs every consecutive pair of versions of every article, timing each pair. */
export function measureDiffs(articles: ArticleHistory[]): DiffMeasurement {
  let warm = 0;
  for (const article of articles) {
    for (let i = 1; i < article.versions.length && warm < WARM_UP_PAIRS; i++, warm++) {
      const before = article.versions[i - 1];
      const after = article.versions[i];
      if (before !== undefined && after !== undefined) diffVersions(before, after);
    }
  }
  const times: number[] = [];
  let slowest = "";
  let maxMs = 0;
  for (const article of articles) {
    for (let i = 1; i < article.versions.length; i++) {
      const before = article.versions[i - 1];
      const after = article.versions[i];
      if (before === undefined || after === undefined) continue;
      const started = performance.now();
      diffVersions(before, after);
      const ms = performance.now() - started;
      times.push(ms);
      if (ms > maxMs) {
        maxMs = ms;
        slowest = `${article.file} v${i}..v${i + 1}`;
      }
    }
  }
  const sorted = Float64Array.from(times).sort();
  const quantile = (q: number) =>
    sorted.length === 0
      ? 0
      : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
  return {
    pairs: times.length,
    totalMs: times.reduce((sum, ms) => sum + ms, 0),
    p50Ms: quantile(0.5),
    p99Ms: quantile(0.99),
    maxMs,
    slowest,
  };
}
