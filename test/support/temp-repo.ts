// Fresh git repositories in the system temp folder for end-to-end tests.

import { execFile } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Creates an empty git repository and returns its path. */
export async function makeTempRepo(prefix = "stet-test-"): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  await run("git", ["init", "-q", "-b", "main", dir]);
  return dir;
}

/** Runs git in `repo` and returns its standard output. */
export async function git(repo: string, ...args: string[]): Promise<string> {
  const { stdout } = await run("git", args, { cwd: repo, maxBuffer: 1 << 28 });
  return stdout;
}

export async function removeTempDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}
