// The invented outlet's passes, replayed once per test run with the real CLI into a real git
// repository, and shared by the end-to-end files that read the result (fetch, build, browser).
// Files must not change the shared repository: clone it first (`cloneReplay`).

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { inject } from "vitest";
import {
  type OutletHit,
  PASSES,
  passTimes,
  startFixtureOutlet,
  writeOutletConfig,
} from "./fixture-outlet.ts";
import { runStet, type StetRun } from "./run-stet.ts";
import { sharedFixture } from "./shared-fixture-dir.ts";
import { git } from "./temp-repo.ts";

export interface Replay {
  /** The outlet's origin during the replay (the server is closed afterwards). */
  origin: string;
  /** The repository the passes committed into; read it, never change it. */
  repo: string;
  /** Its config, which watches the outlet at `origin`. */
  config: string;
  /** The fetch time of each pass. */
  times: string[];
  /** Each pass's `stet fetch` run. */
  runs: StetRun[];
  /** Commits in the repository after each pass. */
  commitsAfter: number[];
  /** Every request the outlet answered, over all passes. */
  hits: OutletHit[];
}

/** The replay of this test run, made on first use. */
export async function sharedReplay(): Promise<Replay> {
  const { value } = await sharedFixture(inject("runId"), "outlet-replay", replayPasses);
  return value;
}

/** A private copy of the replayed repository (with its config), to change at will. */
export async function cloneReplay(replay: Replay): Promise<string> {
  const parent = await mkdtemp(join(tmpdir(), "stet-replay-clone-"));
  const copy = join(parent, "repo");
  await git(parent, "clone", "-q", replay.repo, copy);
  return copy;
}

async function replayPasses(dir: string): Promise<Replay> {
  const outlet = await startFixtureOutlet();
  try {
    const repo = join(dir, "repo");
    await git(dir, "init", "-q", "-b", "main", repo);
    const config = join(repo, "stet.config.yaml");
    await writeOutletConfig(config, outlet.origin);
    const times = passTimes();
    const runs: StetRun[] = [];
    const commitsAfter: number[] = [];
    for (let pass = 1; pass <= PASSES; pass++) {
      outlet.setPass(pass);
      runs.push(await runStet(["fetch", "--repo", repo, "--now", times[pass - 1] ?? ""]));
      commitsAfter.push(Number((await git(repo, "rev-list", "--count", "--all")).trim() || 0));
    }
    return { origin: outlet.origin, repo, config, times, runs, commitsAfter, hits: outlet.hits };
  } finally {
    await outlet.close();
  }
}
