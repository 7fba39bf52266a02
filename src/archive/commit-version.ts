// Writes one article version (or a gone/back event) into the archive and commits it: one commit
// per version, dated at fetch time, with a message that reads well in `git log`. The file is
// written whole through a temporary file and a rename, never through a symlink or outside
// archive/<outlet>/ (write-archive-file.ts), so an interrupted run never leaves half a text where
// git could pick it up; a failed commit puts the file back as HEAD has it.

import { ArchiveError } from "../errors.ts";
import { faultPoint } from "../fault-point.ts";
import type { GitRepository } from "../git/repository.ts";
import { printableLine } from "../printable-line.ts";
import { type ArchivedArticle, serializeArticleFile } from "./article-file.ts";
import { removeArchiveFile, writeArchiveFile } from "./write-archive-file.ts";

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

/** The commit message: `<outlet>: <headline>`, a blank line, then trailers; events say what happened. */
export function commitMessage(article: ArchivedArticle, details: CommitDetails): string {
  // Page text: one printable line, so a headline can neither draw on a terminal nor add a trailer.
  const headline = printableLine(article.title ?? article.url, 200);
  switch (details.kind ?? "version") {
    case "gone":
      return `${details.outlet}: gone at the source (HTTP ${article.gone?.status}): ${headline}\n\nArticle-URL: ${article.url}\nGone: ${article.gone?.status}\n`;
    case "back":
      return `${details.outlet}: back at the source: ${headline}\n\nArticle-URL: ${article.url}\n`;
    default:
      return `${details.outlet}: ${headline}\n\nArticle-URL: ${article.url}\nVersion: ${details.version}\n`;
  }
}

/** Writes `file` (relative to the repository) and commits only that file; returns the commit id. */
export async function commitVersion(
  git: GitRepository,
  file: string,
  article: ArchivedArticle,
  details: CommitDetails,
): Promise<string> {
  faultPoint("before-archive-write");
  await writeArchiveFile(git.dir, file, serializeArticleFile(article));
  try {
    faultPoint("before-commit");
    return await git.commitPaths([file], commitMessage(article, details), {
      name: details.authorName,
      email: details.authorEmail,
      date: details.time,
    });
  } catch (error) {
    // Leave the tree as the last commit has it, so a failed commit is not mistaken for a version.
    await git.tryRun(["reset", "-q", "--", file]);
    if ((await git.tryRun(["checkout", "-q", "--", file])) === null) {
      await removeArchiveFile(git.dir, file);
    }
    throw new ArchiveError(`could not commit ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
