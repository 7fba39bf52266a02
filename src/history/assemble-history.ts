// Turns one archive file's changes (from the git log) and their texts into the article's
// history, oldest version first. Pure: the texts are handed in.

import { isDeepStrictEqual } from "node:util";
import { ArticleFileError, parseArticleFile } from "../archive/article-file.ts";
import type { Article, ArticleHistory, ArticleRead, HistoryProblem, Version } from "../types.ts";
import type { LogEntry } from "./parse-git-log.ts";
import { ARTICLE_FILE } from "./read-archive-log.ts";

/**
 * The history of `file` from its changes, oldest first. A file whose last change deletes it is
 * taken down (`history: null`); versions that cannot be read are left out and named in `problems`.
 */
export function assembleHistory(
  file: string,
  changes: readonly LogEntry[],
  textOf: (entry: LogEntry) => string,
): ArticleRead {
  const problems: HistoryProblem[] = [];
  // A deleted file is a takedown: the article leaves every page and feed.
  const match = ARTICLE_FILE.exec(file);
  if (changes.at(-1)?.status === "D" || !match) return { history: null, problems };
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
      parsed = parseArticleFile(textOf(change));
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
  return { history: history.versions.length > 0 ? history : null, problems };
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
