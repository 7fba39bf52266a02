// Fails early, with advice, when --repo is not a git working tree.

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ArchiveError } from "../errors.ts";

const run = promisify(execFile);

export async function assertGitRepo(repo: string): Promise<void> {
  try {
    await run("git", ["rev-parse", "--is-inside-work-tree"], { cwd: repo });
  } catch {
    throw new ArchiveError(`${repo} is not a git repository; create one with: git init ${repo}`);
  }
}
