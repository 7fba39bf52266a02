// What the archive holds for one outlet as of HEAD: each article's text, gone mark, version
// count and last change, by URL, and which file holds which URL. Read from the last commit, not
// the working tree, so a half-written file never counts.

import { type ArchivedArticle, parseArticleFile } from "../archive/article-file.ts";
import { TakenPaths } from "../archive/choose-archive-path.ts";
import { parseVersionLog, VERSION_LOG_ARGS } from "../git/parse-version-log.ts";
import type { GitRepository } from "../git/repository.ts";
import type { Article, GoneMark } from "../types.ts";

/** What the archive (as of HEAD) knows about one article. */
export interface KnownArticle {
  file: string;
  article: Article;
  gone: GoneMark | null;
  versions: number;
  /** Time (ms) of the last real change: the schedule's clock. */
  lastChange: number;
}

/** One outlet's archive: articles by URL, and each file's URL (or why it cannot be read). */
export interface Archive {
  byUrl: Map<string, KnownArticle>;
  byFile: Map<string, string | Error>;
  /** Every path in use, readable or not: a new article never gets one of them. */
  taken: TakenPaths;
}

export async function readArchive(git: GitRepository, outletId: string): Promise<Archive> {
  const byUrl = new Map<string, KnownArticle>();
  const byFile = new Map<string, string | Error>();
  const folder = `archive/${outletId}/`;
  if ((await git.head()) === null) return { byUrl, byFile, taken: new TakenPaths() };
  const listing = await git.run(["ls-tree", "-r", "-z", "--name-only", "HEAD", "--", folder]);
  const files = listing.split("\0").filter((file) => file.endsWith(".md"));
  const [texts, stats] = await Promise.all([
    git.readBlobs(files.map((file) => `HEAD:${file}`)),
    git.run([...VERSION_LOG_ARGS, "--", folder]).then(parseVersionLog),
  ]);
  for (const [index, file] of files.entries()) {
    let parsed: ArchivedArticle;
    try {
      parsed = parseArticleFile(texts[index] ?? "");
    } catch (error) {
      byFile.set(
        file,
        new Error(
          `archive file ${file} is unreadable (${(error as Error).message}); fix or delete it`,
        ),
      );
      continue;
    }
    const { url, gone, ...article } = parsed;
    const stat = stats.get(file) ?? { versions: 1, lastChange: 0 };
    byUrl.set(url, { file, article, gone: gone ?? null, ...stat });
    byFile.set(file, url);
  }
  return { byUrl, byFile, taken: new TakenPaths(files) };
}
