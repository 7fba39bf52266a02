// Reads article histories out of git: one `git log` for which file changed in which commit, and
// one `git cat-file --batch` for the texts, whatever the size of the archive. A build reads
// through a HistorySource, which reads the text of only the articles it asks for.

import { createHash } from "node:crypto";
import type { GitRepository } from "../git/repository.ts";
import type {
  ArticleHistory,
  ArticleRead,
  ArticleRef,
  HistoryProblem,
  HistorySource,
} from "../types.ts";
import { assembleHistory } from "./assemble-history.ts";
import type { LogEntry } from "./parse-git-log.ts";
import { ARTICLE_FILE, readArchiveLog } from "./read-archive-log.ts";

export interface History {
  articles: ArticleHistory[];
  problems: HistoryProblem[];
}

/** Reads every version of every article under `archive/` in the repository. */
export async function readHistory(git: GitRepository): Promise<History> {
  const { changes, strays } = await readArchiveLog(git);
  const source = logSource(git, groupByFile(changes));
  const read = await source.read(source.articles.map((a) => a.file));
  const articles: ArticleHistory[] = [];
  const problems: HistoryProblem[] = strays.map((stray) => ({
    ...stray,
    message: "not an article file (archive/<outlet id>/<path>.md)",
  }));
  for (const { file } of source.articles) {
    const article = read.get(file);
    if (article === undefined) continue;
    problems.push(...article.problems);
    if (article.history !== null) articles.push(article.history);
  }
  return { articles, problems };
}

/** Groups file changes into articles; pure apart from the blob texts handed in. */
export function assembleHistories(entries: LogEntry[], textOf: Map<LogEntry, string>): History {
  const articles: ArticleHistory[] = [];
  const problems: HistoryProblem[] = [];
  for (const [file, changes] of groupByFile(entries)) {
    const read = assembleHistory(file, changes, (entry) => textOf.get(entry) ?? "");
    problems.push(...read.problems);
    if (read.history !== null) articles.push(read.history);
  }
  return { articles, problems };
}

/** Each file's changes, oldest first, in the order files first appear. */
export function groupByFile(entries: readonly LogEntry[]): Map<string, LogEntry[]> {
  const byFile = new Map<string, LogEntry[]>();
  for (const entry of entries) {
    const list = byFile.get(entry.path);
    if (list === undefined) byFile.set(entry.path, [entry]);
    else list.push(entry);
  }
  return byFile;
}

/** The file as a build sees it, or null when its last change deletes it (a takedown). */
export function articleRef(file: string, changes: readonly LogEntry[]): ArticleRef | null {
  const match = ARTICLE_FILE.exec(file);
  if (changes.at(-1)?.status === "D" || !match) return null;
  return { file, outlet: match[1] ?? "", slug: match[2] ?? "", key: changesKey(changes) };
}

/**
 * The articles of the repository: `articles` are the current ones, and `changesOf` gives any of their
 * files' every change, oldest first (from the log, or from the build cache).
 */
export function historySource(
  git: GitRepository,
  articles: readonly ArticleRef[],
  changesOf: (files: readonly string[]) => Promise<ReadonlyMap<string, readonly LogEntry[]>>,
): HistorySource {
  return {
    articles,
    async read(files) {
      const read = new Map<string, ArticleRead>();
      if (files.length === 0) return read;
      const byFile = await changesOf(files);
      const live = files.flatMap((file) =>
        (byFile.get(file) ?? []).filter((change) => change.status !== "D"),
      );
      const texts = await git.readBlobs(live.map((change) => change.blob));
      const textOf = new Map(live.map((change, index) => [change, texts[index] ?? ""]));
      for (const file of files) {
        read.set(
          file,
          assembleHistory(file, byFile.get(file) ?? [], (change) => textOf.get(change) ?? ""),
        );
      }
      return read;
    },
  };
}

/** A source over a whole log, grouped by file. */
export function logSource(
  git: GitRepository,
  byFile: ReadonlyMap<string, LogEntry[]>,
): HistorySource {
  const articles: ArticleRef[] = [];
  for (const [file, changes] of byFile) {
    const ref = articleRef(file, changes);
    if (ref !== null) articles.push(ref);
  }
  return historySource(git, articles, async () => byFile);
}

/** A digest of one file's changes: equal exactly when its history is the same. */
export function changesKey(changes: readonly LogEntry[]): string {
  const hash = createHash("sha1");
  for (const c of changes) hash.update(`${c.commit} ${c.time} ${c.blob} ${c.status}\n`);
  return hash.digest("base64url");
}
