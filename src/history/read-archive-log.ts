// Reads which article files changed in which commits: the whole history of archive/, or only the
// commits since one a build cache describes. Also answers where the history now ends, and whether
// a cached commit is part of it.

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ArchiveError } from "../errors.ts";
import { GIT_LOG_ARGS, type LogEntry, parseGitLog } from "./parse-git-log.ts";

const run = promisify(execFile);

/** An article file: `archive/<outlet>/<slug>.md`. */
export const ARTICLE_FILE = /^archive\/([a-z0-9][a-z0-9-]*)\/(.+)\.md$/;

/**
 * Every change to an article file, oldest first; with `since`, only those in commits after it
 * (`since..HEAD`). An empty repository has no changes.
 */
export async function readArchiveLog(repo: string, since?: string): Promise<LogEntry[]> {
  const range = since === undefined ? [] : [`${since}..HEAD`];
  let log: string;
  try {
    ({ stdout: log } = await run("git", [...GIT_LOG_ARGS, ...range, "--", "archive/"], {
      cwd: repo,
      maxBuffer: 1 << 30,
    }));
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? "");
    if (/does not have any commits yet/.test(stderr)) return [];
    throw new ArchiveError(
      `cannot read the history of ${repo}: ${stderr.trim() || (error as Error).message}`,
      { cause: error },
    );
  }
  return parseGitLog(log).filter((entry) => ARTICLE_FILE.test(entry.path));
}

/**
 * The commit HEAD points at, or null in a repository without commits; fails, with advice, when
 * `repo` is not a git working tree.
 */
export async function headCommit(repo: string): Promise<string | null> {
  try {
    const { stdout } = await run(
      "git",
      ["rev-parse", "--is-inside-work-tree", "--verify", "-q", "HEAD^{commit}"],
      { cwd: repo },
    );
    return stdout.trim().split("\n").at(-1) ?? null;
  } catch (error) {
    const { code, stdout } = error as { code?: unknown; stdout?: string };
    if (code === 1 && String(stdout).startsWith("true")) return null;
    throw new ArchiveError(`${repo} is not a git repository; create one with: git init ${repo}`, {
      cause: error,
    });
  }
}

/** Whether `commit` exists in `repo` and HEAD descends from it (or is it). */
export async function isAncestorOfHead(repo: string, commit: string): Promise<boolean> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) return false;
  try {
    await run("git", ["merge-base", "--is-ancestor", commit, "HEAD"], { cwd: repo });
    return true;
  } catch {
    // Exit 1: not an ancestor; 128: no such commit here.
    return false;
  }
}
