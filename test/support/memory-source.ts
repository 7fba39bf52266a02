// A HistorySource over histories held in memory, for building a site from hand-made histories
// without a git repository. An article's key is a digest of its history, as with git.

import { createHash } from "node:crypto";
import type { ArticleHistory, ArticleRead, HistorySource } from "../../src/types.ts";

export function memorySource(histories: readonly ArticleHistory[]): HistorySource {
  const byFile = new Map(histories.map((h) => [h.file, h]));
  return {
    articles: histories.map((h) => ({
      file: h.file,
      outlet: h.outlet,
      slug: h.slug,
      key: createHash("sha1").update(JSON.stringify(h)).digest("base64url"),
    })),
    async read(files) {
      const read = new Map<string, ArticleRead>();
      for (const file of files) read.set(file, { history: byFile.get(file) ?? null, problems: [] });
      return read;
    },
  };
}
