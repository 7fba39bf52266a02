// Writes one article version into the archive and commits it with simple-git: one commit per
// version, dated at fetch time, with a message that reads well in `git log`.

import { mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { SimpleGit } from "simple-git";
import { ArchiveError } from "../errors.ts";
import { type ArchivedArticle, serializeArticleFile } from "./article-file.ts";

export interface CommitDetails {
  outlet: string;
  /**
   * A new text version (numbered), or an event on the same text: the source started answering
   * 404/410 ("gone"), or serves the article again ("back").
   */
  kind?: "version" | "gone" | "back";
  /** 1-based number of this version of the article (of its latest version, for events). */
  version: number;
  /** Fetch time, ISO 8601: author and committer date. */
  time: string;
  authorName: string;
  authorEmail: string;
}

/** Environment variables commitVersion sets; simple-git must be told to allow them. */
export const COMMIT_ENVIRONMENT = [
  "GIT_AUTHOR_NAME",
  "GIT_AUTHOR_EMAIL",
  "GIT_COMMITTER_NAME",
  "GIT_COMMITTER_EMAIL",
  "GIT_AUTHOR_DATE",
  "GIT_COMMITTER_DATE",
] as const;

/** The commit message: `<outlet>: <headline>` and trailers; events say what happened. */
export function commitMessage(article: ArchivedArticle, details: CommitDetails): string[] {
  const headline = article.title ?? article.url;
  switch (details.kind ?? "version") {
    case "gone":
      return [
        `${details.outlet}: gone at the source (HTTP ${article.gone?.status}): ${headline}`,
        `Article-URL: ${article.url}\nGone: ${article.gone?.status}`,
      ];
    case "back":
      return [`${details.outlet}: back at the source: ${headline}`, `Article-URL: ${article.url}`];
    default:
      return [
        `${details.outlet}: ${headline}`,
        `Article-URL: ${article.url}\nVersion: ${details.version}`,
      ];
  }
}

/** Writes `file` (relative to the repo) and commits only that file; returns the commit id. */
export async function commitVersion(
  git: SimpleGit,
  repo: string,
  file: string,
  article: ArchivedArticle,
  details: CommitDetails,
): Promise<string> {
  const absolute = join(repo, file);
  await mkdir(dirname(absolute), { recursive: true });
  await writeFile(absolute, serializeArticleFile(article));
  const date = `${details.time}`;
  const identity = {
    GIT_AUTHOR_NAME: details.authorName,
    GIT_AUTHOR_EMAIL: details.authorEmail,
    GIT_COMMITTER_NAME: details.authorName,
    GIT_COMMITTER_EMAIL: details.authorEmail,
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
  // simple-git refuses an environment that carries EDITOR and the like, so pass only what git needs.
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: process.env.HOME ?? "",
    LANG: "C.UTF-8",
    ...identity,
  };
  try {
    await git.env(env).add(file);
    const result = await git
      .env(env)
      .commit(commitMessage(article, details), [file], { "--no-verify": null });
    return result.commit;
  } catch (error) {
    // Leave the tree as the last commit has it, so a failed commit is not mistaken for a version.
    await git
      .env(env)
      .raw(["reset", "-q", "--", file])
      .catch(() => undefined);
    await git
      .env(env)
      .raw(["checkout", "-q", "--", file])
      .catch(() => rm(absolute, { force: true }));
    throw new ArchiveError(`could not commit ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
