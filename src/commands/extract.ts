// `stet extract FILE... [--url URL] --json`: runs the extractor over saved pages, one JSON line per
// file in input order, for debugging an outlet's pages and for measuring extraction.

import { readFile } from "node:fs/promises";
import { gunzipSync } from "node:zlib";
import { decodeHtml } from "../extract/decode-html.ts";
import { extract } from "../extract/extract.ts";
import type { ExtractedArticle } from "../types.ts";

/** Options of `stet extract`; `url` is the page's address when the file does not say it. */
export interface ExtractOptions {
  url?: string;
  json: boolean;
}

/** Extracts every file, writing one line each; returns 0, or 1 when any file could not be read. */
export async function runExtract(
  files: string[],
  options: ExtractOptions,
  out: NodeJS.WritableStream,
  err: NodeJS.WritableStream = process.stderr,
): Promise<number> {
  let exitCode = 0;
  for (const file of files) {
    let bytes: Uint8Array;
    try {
      bytes = await readFile(file);
      if (file.endsWith(".gz")) bytes = gunzipSync(bytes);
    } catch (error) {
      const reason =
        (error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : String(error);
      err.write(`stet extract: cannot read ${file}: ${reason}. Check the path and try again.\n`);
      exitCode = 1;
      continue;
    }
    let article: ExtractedArticle;
    try {
      article = extract(decodeHtml(bytes), options.url ?? fileUrl(file));
    } catch (error) {
      // A bug on one page must not hide the results for the others.
      err.write(
        `stet extract: could not extract ${file}: ${String(error)}. Please report it with the page.\n`,
      );
      exitCode = 1;
      continue;
    }
    const line = {
      file,
      title: article.title,
      byline: article.byline,
      published: article.published,
      paragraphs: article.paragraphs,
    };
    out.write(options.json ? `${JSON.stringify(line)}\n` : humanReadable(line));
  }
  return exitCode;
}

// Without --url a saved page has no address of its own; a file: URL keeps relative links harmless.
function fileUrl(file: string): string {
  return new URL(file, `file://${process.cwd()}/`).href;
}

function humanReadable(line: {
  file: string;
  title: string | null;
  byline: string | null;
  published: string | null;
  paragraphs: string[];
}): string {
  return [
    `== ${line.file}`,
    `title:     ${line.title ?? "(unknown)"}`,
    `byline:    ${line.byline ?? "(unknown)"}`,
    `published: ${line.published ?? "(unknown)"}`,
    "",
    ...line.paragraphs.map((p) => `${p}\n`),
    "",
  ].join("\n");
}
