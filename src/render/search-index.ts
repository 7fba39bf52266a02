// The search index, a step of its own after every page is written: Pagefind (its binary ships in
// the npm package and runs offline) reads the built pages and writes its index and interface,
// which go to `/pagefind/` through the site writer, so a file whose bytes did not change is not
// rewritten and one Pagefind no longer makes is removed. Only history pages are indexed — one per
// article, with its latest text and every earlier headline (they alone mark their content with
// `data-pagefind-body`) — and only they are handed to Pagefind: reading every page of the site
// instead took 28 s and 3 GiB for a site of 10,000 versions. Pagefind cannot update an index, so
// the build runs this only when a history page was written or removed, or the index is missing.

import { mkdtemp, readdir, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BuildError } from "../errors.ts";
import type { SiteWriter } from "./site-writer.ts";

/** The folder below the site that holds the index. */
export const SEARCH_DIR = "pagefind";
/** Pagefind's entry file: while it is there, the index is. */
const ENTRY = "pagefind-entry.json";

/** Whether the site in `outDir` has a search index. */
export async function hasSearchIndex(outDir: string): Promise<boolean> {
  return stat(join(outDir, SEARCH_DIR, ENTRY)).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Indexes `pages` (history pages, relative to `outDir`) of the site in `outDir`, writes the index
 * with `writer`, and returns how many pages went into it and how many files the index has.
 */
export async function buildSearchIndex(
  outDir: string,
  pages: readonly string[],
  writer: SiteWriter,
): Promise<{ pages: number; files: number }> {
  // Loaded here: the build pays for Pagefind only when it indexes.
  const pagefind = await import("pagefind");
  const staging = await mkdtemp(join(tmpdir(), "stet-pagefind-"));
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    if (index === undefined) throw new Error(errors.join("; ") || "no index");
    for (const page of pages) {
      const content = await readFile(join(outDir, page), "utf8");
      // The same URL Pagefind gives the file when it reads the folder: the page's path.
      const added = await index.addHTMLFile({ sourcePath: page, content });
      if (added.errors.length > 0) throw new Error(`${page}: ${added.errors.join("; ")}`);
    }
    const written = await index.writeFiles({ outputPath: staging });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    // Its entry file counts the pages it indexed (those with data-pagefind-body).
    const entry = JSON.parse(await readFile(join(staging, ENTRY), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    const indexed = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    const made = await filesBelow(staging);
    for (const file of made) {
      await writer.write(`${SEARCH_DIR}/${file}`, await readFile(join(staging, file)));
    }
    const keep = new Set(made);
    for (const file of await filesBelow(join(outDir, SEARCH_DIR))) {
      if (!keep.has(file)) await writer.remove(`${SEARCH_DIR}/${file}`);
    }
    return { pages: indexed, files: made.length };
  } catch (cause) {
    throw new BuildError(
      `Indexing ${outDir} for search failed: ${cause instanceof Error ? cause.message : String(cause)}. The pages are written; rebuild to retry the index.`,
      { cause },
    );
  } finally {
    await pagefind.close();
    await rm(staging, { recursive: true, force: true });
  }
}

/** Removes the search index from the site in `outDir` (it would no longer match the pages). */
export async function removeSearchIndex(outDir: string, writer: SiteWriter): Promise<void> {
  for (const file of await filesBelow(join(outDir, SEARCH_DIR))) {
    await writer.remove(`${SEARCH_DIR}/${file}`);
  }
}

/** Every file below `dir`, relative to it, sorted; none when `dir` does not exist. */
async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}
