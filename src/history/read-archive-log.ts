// Reads which article files changed in which commits: the whole history of archive/, or only the
// commits since one a build cache describes; and whether a cached commit is part of the history.

import type { GitRepository } from "../git/repository.ts";
import { GIT_LOG_ARGS, type LogEntry, parseGitLog } from "./parse-git-log.ts";

/** An article file: `archive/<outlet>/<slug>.md`. */
export const ARTICLE_FILE = /^archive\/([a-z0-9][a-z0-9-]*)\/(.+)\.md$/;

/** A file in an outlet's folder of archive/ that is not an article file, as last changed. */
export interface StrayFile {
  file: string;
  commit: string;
}

export interface ArchiveLog {
  /** Every change to an article file, oldest first. */
  changes: LogEntry[];
  /**
   * Files in a folder of archive/ that are not article files (`archive/Bad/x.md`, a `.txt`),
   * still present after the commits read: the build leaves them out and says so. Files directly
   * in archive/ (its README) are not articles and not strays.
   */
  strays: StrayFile[];
}

/**
 * The changes to archive/ up to `head` (default: HEAD, resolved now; "": no commit), oldest
 * first; with `since`, only those in commits after it. A repository without commits has none.
 */
export async function readArchiveLog(
  git: GitRepository,
  since?: string,
  head?: string,
): Promise<ArchiveLog> {
  const tip = head ?? (await git.head()) ?? "";
  if (tip === "") return { changes: [], strays: [] };
  const range = since === undefined ? [tip] : [`${since}..${tip}`];
  const log = await git.run([...GIT_LOG_ARGS, ...range, "--", "archive/"]);
  const changes: LogEntry[] = [];
  const others = new Map<string, LogEntry>();
  for (const entry of parseGitLog(log)) {
    if (ARTICLE_FILE.test(entry.path)) changes.push(entry);
    else if (/^archive\/[^/]+\/./.test(entry.path)) others.set(entry.path, entry);
  }
  const strays = [...others.values()]
    .filter((entry) => entry.status !== "D")
    .map((entry) => ({ file: entry.path, commit: entry.commit }));
  return { changes, strays };
}

/** What the build says about a stray file. */
export function strayMessage(stray: StrayFile): string {
  return (
    `left out ${stray.file} (commit ${stray.commit.slice(0, 10)}): not an article file; ` +
    "article files are archive/<outlet id>/<path>.md, the outlet id in lowercase letters, digits and hyphens"
  );
}

/** Whether `commit` exists in the repository and HEAD descends from it (or is it). */
export async function isAncestorOfHead(git: GitRepository, commit: string): Promise<boolean> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) return false;
  // Exit 1: not an ancestor; 128: no such commit here. Both are "no".
  return (await git.tryRun(["merge-base", "--is-ancestor", commit, "HEAD"])) !== null;
}
