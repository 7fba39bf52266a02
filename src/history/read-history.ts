// Walks the git history of archive/ into one ArticleHistory per article, oldest version first:
// one `git log` plus one `git cat-file --batch`, whatever the size of the archive.

import { isDeepStrictEqual } from "node:util";
import { ArticleFileError, parseArticleFile } from "../archive/article-file.ts";
import type { GitRepository } from "../git/repository.ts";
import type { Article, ArticleHistory, Version } from "../types.ts";
import { GIT_LOG_ARGS, type LogEntry, parseGitLog } from "./parse-git-log.ts";

const ARTICLE_FILE = /^archive\/([a-z0-9][a-z0-9-]*)\/(.+)\.md$/;

/** A version the build had to skip, and why. */
export interface HistoryProblem {
  file: string;
  commit: string;
  message: string;
}

export interface History {
  articles: ArticleHistory[];
  problems: HistoryProblem[];
}

/** Reads every version of every article under `archive/` in the repository. */
export async function readHistory(git: GitRepository): Promise<History> {
  if ((await git.head()) === null) return { articles: [], problems: [] };
  const log = await git.run([...GIT_LOG_ARGS, "--", "archive/"]);
  const entries = parseGitLog(log).filter((entry) => ARTICLE_FILE.test(entry.path));
  const live = entries.filter((entry) => entry.status !== "D");
  const texts = await git.readBlobs(live.map((entry) => entry.blob));
  const textOf = new Map(live.map((entry, index) => [entry, texts[index] ?? ""]));
  return assembleHistories(entries, textOf);
}

/** Groups file changes into articles; pure apart from the blob texts handed in. */
export function assembleHistories(entries: LogEntry[], textOf: Map<LogEntry, string>): History {
  const byFile = new Map<string, LogEntry[]>();
  for (const entry of entries) {
    const list = byFile.get(entry.path) ?? [];
    list.push(entry);
    byFile.set(entry.path, list);
  }
  const articles: ArticleHistory[] = [];
  const problems: HistoryProblem[] = [];
  for (const [file, changes] of byFile) {
    // A deleted file is a takedown: the article leaves every page and feed.
    if (changes[changes.length - 1]?.status === "D") continue;
    const match = ARTICLE_FILE.exec(file);
    if (!match) continue;
    const history: ArticleHistory = {
      outlet: match[1] ?? "",
      file,
      slug: match[2] ?? "",
      url: "",
      versions: [],
      gone: null,
    };
    let previous: Article | undefined;
    for (const change of changes) {
      if (change.status === "D") continue;
      let parsed: ReturnType<typeof parseArticleFile>;
      try {
        parsed = parseArticleFile(textOf.get(change) ?? "");
      } catch (error) {
        if (!(error instanceof ArticleFileError)) throw error;
        problems.push({ file, commit: change.commit, message: error.message });
        continue;
      }
      const { url, gone, ...article } = parsed;
      // The newest commit decides whether the source has dropped the article; a commit that only
      // marks it gone (or back) is an event, not a version.
      history.gone = gone ?? null;
      history.url = url;
      if (previous && isDeepStrictEqual(previous, article)) continue;
      previous = article;
      const number = history.versions.length + 1;
      const revertsTo = earlierHeadline(history.versions, article.title);
      history.versions.push({
        ...article,
        url,
        number,
        commit: change.commit,
        time: change.time,
        ...(revertsTo === undefined ? {} : { revertsTo }),
      });
    }
    if (history.versions.length > 0) articles.push(history);
  }
  return { articles, problems };
}

// An A/B headline test flipping back: the headline differs from the previous version's but equals
// an older one's. Returns the newest such older version's number.
function earlierHeadline(versions: Version[], title: string | null): number | undefined {
  const last = versions[versions.length - 1];
  if (!last || last.title === title) return undefined;
  for (let i = versions.length - 2; i >= 0; i--) {
    if (versions[i]?.title === title) return versions[i]?.number;
  }
  return undefined;
}
