// The search index, a step of its own after every page is written: Pagefind (its binary ships in
// the npm package and runs offline) reads the built pages and writes its index and interface to
// `/pagefind/`. Only history pages are indexed — one per article, with its latest text and every
// earlier headline — because they alone mark their content with `data-pagefind-body`. Kept apart
// so that an incremental build can skip it, or run it over only what changed.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { BuildError } from "../errors.ts";

/** Indexes the site in `outDir` and returns how many pages went into the index. */
export async function buildSearchIndex(outDir: string): Promise<{ pages: number }> {
  // Loaded here: the build pays for Pagefind only when it indexes.
  const pagefind = await import("pagefind");
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
    if (index === undefined) throw new Error(errors.join("; ") || "no index");
    const added = await index.addDirectory({ path: outDir, glob: "**/index.html" });
    if (added.errors.length > 0) throw new Error(added.errors.join("; "));
    const outputPath = join(outDir, "pagefind");
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(written.errors.join("; "));
    // Pagefind counts every file it read; its entry file counts the pages it indexed.
    const entry = JSON.parse(await readFile(join(outputPath, "pagefind-entry.json"), "utf8")) as {
      languages: Record<string, { page_count: number }>;
    };
    const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
    return { pages };
  } catch (cause) {
    throw new BuildError(
      `Indexing ${outDir} for search failed: ${cause instanceof Error ? cause.message : String(cause)}. The pages are written; rebuild to retry the index.`,
      { cause },
    );
  } finally {
    await pagefind.close();
  }
}
