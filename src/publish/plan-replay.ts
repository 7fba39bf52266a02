// Decides, for each version a fetch run committed, what becomes of it when origin moved on in the
// meantime: replayed on top of origin as a whole-file write of exactly what was fetched (with its
// version number counted again from origin's history), or dropped, never merged. Pure.

import type { ArchivedArticle } from "../archive/article-file.ts";

/** One commit of this run, as the replay needs it. */
export interface RunCommit {
  sha: string;
  /** The archive file it changed. */
  file: string;
  /** A text version, or an event on the same text (the source answered 404/410, or again). */
  kind: "version" | "gone" | "back";
  /** The file as this commit left it. */
  article: ArchivedArticle;
  /** Fetch time: the commit's author date, ISO 8601. */
  time: string;
}

/** What origin holds for the commit's file, as of the replay so far. */
export interface OriginFile {
  /** The file's current content; null when origin has no such file. */
  article: ArchivedArticle | null;
  /** Whether the file existed on origin once and was deleted there (a takedown). */
  deleted: boolean;
  /** Fetch time of origin's newest commit of the file (ISO), or null. */
  newestTime: string | null;
  /** The highest version number origin has recorded for the file (0 for none). */
  versions: number;
}

export type ReplayStep =
  | { action: "replay"; article: ArchivedArticle; version: number }
  | { action: "drop"; reason: string };

export function planReplay(commit: RunCommit, origin: OriginFile): ReplayStep {
  if (origin.deleted) return { action: "drop", reason: "the article was taken down on origin" };
  if (origin.newestTime !== null && Date.parse(origin.newestTime) > Date.parse(commit.time)) {
    return {
      action: "drop",
      reason: `origin has a later check of it (fetched ${origin.newestTime}); it is fetched again next run`,
    };
  }
  if (commit.kind === "version") {
    if (origin.article !== null && sameText(origin.article, commit.article)) {
      return { action: "drop", reason: "origin already holds this text" };
    }
    return { action: "replay", article: commit.article, version: origin.versions + 1 };
  }
  // An event applies to origin's own latest text: a whole-file write would bring back an older text.
  if (origin.article === null) return { action: "drop", reason: "origin has no such article" };
  const { gone: _, ...text } = origin.article;
  if (commit.kind === "gone") {
    if (origin.article.gone) return { action: "drop", reason: "origin already marks it gone" };
    const gone = commit.article.gone;
    if (!gone) return { action: "drop", reason: "the event carries no gone mark" };
    return { action: "replay", article: { ...text, gone }, version: origin.versions };
  }
  if (!origin.article.gone) return { action: "drop", reason: "origin does not mark it gone" };
  return { action: "replay", article: text, version: origin.versions };
}

function sameText(a: ArchivedArticle, b: ArchivedArticle): boolean {
  return (
    JSON.stringify([a.url, a.title, a.byline, a.published, a.paragraphs, a.gone ?? null]) ===
    JSON.stringify([b.url, b.title, b.byline, b.published, b.paragraphs, b.gone ?? null])
  );
}
