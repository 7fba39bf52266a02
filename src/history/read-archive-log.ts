// Reads which article files changed in which commits: the whole history of archive/, or only the
// commits since one a build cache describes; and whether a cached commit is part of the history.

import type { GitRepository } from "../git/repository.ts";
import { GIT_LOG_ARGS, type LogEntry, parseGitLog } from "./parse-git-log.ts";

/** An article file: `archive/<outlet>/<slug>.md`. */
export const ARTICLE_FILE = /^archive\/([a-z0-9][a-z0-9-]*)\/(.+)\.md$/;

/**
 * Every change to an article file, oldest first; with `since`, only those in commits after it
 * (`since..HEAD`). A repository without commits has no changes.
 */
export async function readArchiveLog(git: GitRepository, since?: string): Promise<LogEntry[]> {
  if ((await git.head()) === null) return [];
  const range = since === undefined ? [] : [`${since}..HEAD`];
  const log = await git.run([...GIT_LOG_ARGS, ...range, "--", "archive/"]);
  return parseGitLog(log).filter((entry) => ARTICLE_FILE.test(entry.path));
}

/** Whether `commit` exists in the repository and HEAD descends from it (or is it). */
export async function isAncestorOfHead(git: GitRepository, commit: string): Promise<boolean> {
  if (!/^[0-9a-f]{40,64}$/.test(commit)) return false;
  // Exit 1: not an ancestor; 128: no such commit here. Both are "no".
  return (await git.tryRun(["merge-base", "--is-ancestor", commit, "HEAD"])) !== null;
}
