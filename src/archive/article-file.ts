// The archive file format: YAML front matter (url, title, byline, published) and then the body,
// one paragraph per line with a blank line between, so `git diff` reads paragraph by paragraph.

import { parse, stringify } from "yaml";
import type { Article, GoneMark } from "../types.ts";

/** An archived article: its text, the URL it was fetched from, and whether the source dropped it. */
export interface ArchivedArticle extends Article {
  url: string;
  /** Present only while the source answers 404/410. */
  gone?: GoneMark;
}

/** Thrown by parseArticleFile; the caller adds the file and commit to the message. */
export class ArticleFileError extends Error {}

/** Serializes an article; the inverse of parseArticleFile. Paragraphs must not contain newlines. */
export function serializeArticleFile(article: ArchivedArticle): string {
  const fields: Record<string, unknown> = {
    url: article.url,
    title: article.title,
    byline: article.byline,
    published: article.published,
  };
  if (article.gone) fields.gone = { since: article.gone.since, status: article.gone.status };
  const front = stringify(fields, { lineWidth: 0 });
  return `---\n${front}---\n\n${article.paragraphs.map((p) => `${p}\n`).join("\n")}`;
}

/** Parses an archive file; throws ArticleFileError saying what is wrong with it. */
export function parseArticleFile(text: string): ArchivedArticle {
  const source = text.replace(/\r\n/g, "\n");
  if (!source.startsWith("---\n"))
    throw new ArticleFileError("does not start with front matter (---)");
  const end = source.indexOf("\n---\n", 3);
  if (end < 0) throw new ArticleFileError("front matter is not closed by a --- line");
  let front: unknown;
  try {
    front = parse(source.slice(4, end + 1));
  } catch (error) {
    throw new ArticleFileError(
      `front matter is not valid YAML: ${(error as Error).message.split("\n")[0]}`,
    );
  }
  if (typeof front !== "object" || front === null)
    throw new ArticleFileError("front matter is not a mapping");
  const fields = front as Record<string, unknown>;
  if (typeof fields.url !== "string" || fields.url === "")
    throw new ArticleFileError("front matter has no url");
  const optional = (key: string): string | null => {
    const value = fields[key];
    if (value === undefined || value === null) return null;
    if (typeof value === "string") return value;
    if (value instanceof Date) return value.toISOString();
    throw new ArticleFileError(`front matter field ${key} is not text`);
  };
  const body = source.slice(end + 5);
  const paragraphs = body.split("\n").filter((line) => line.trim() !== "");
  const article: ArchivedArticle = {
    url: fields.url,
    title: optional("title"),
    byline: optional("byline"),
    published: optional("published"),
    paragraphs,
  };
  const gone = fields.gone as { since?: unknown; status?: unknown } | undefined | null;
  if (gone !== undefined && gone !== null) {
    const since = gone.since instanceof Date ? gone.since.toISOString() : gone.since;
    if (typeof since !== "string" || typeof gone.status !== "number") {
      throw new ArticleFileError(
        "front matter field gone needs since (a date) and status (a number)",
      );
    }
    article.gone = { since, status: gone.status };
  }
  return article;
}
