// Sizes up a built site: files, pages by kind, bytes (apparent and on disk, like `du`), and a
// fingerprint of every file so two builds can be compared file by file.

import { createHash } from "node:crypto";
import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";

export type PageKind = "version" | "diff" | "article" | "listing" | "feed" | "other";

export interface OutputMeasurement {
  files: number;
  htmlPages: number;
  bytes: number;
  diskBytes: number;
  byKind: Record<PageKind, { files: number; bytes: number }>;
  /** Relative path → mtime and content hash. */
  fingerprints: Map<string, { mtimeMs: number; hash: string }>;
}

function kindOf(path: string): PageKind {
  if (path.endsWith(".atom")) return "feed";
  if (!path.endsWith(".html")) return "other";
  if (/\/v\d+\/index\.html$/.test(path)) return "version";
  if (/\/diff\/\d+\.\.\d+\/index\.html$/.test(path)) return "diff";
  // Home, outlet pages and their pagination: one or two segments, or …/page/N/.
  if (path.split("/").length <= 2 || /(^|\/)page\/\d+\/index\.html$/.test(path)) return "listing";
  return "article";
}

/** Walks `dir` and measures everything in it; `fingerprint` also hashes every file. */
export async function measureOutput(dir: string, fingerprint = true): Promise<OutputMeasurement> {
  const result: OutputMeasurement = {
    files: 0,
    htmlPages: 0,
    bytes: 0,
    diskBytes: 0,
    byKind: {
      version: { files: 0, bytes: 0 },
      diff: { files: 0, bytes: 0 },
      article: { files: 0, bytes: 0 },
      listing: { files: 0, bytes: 0 },
      feed: { files: 0, bytes: 0 },
      other: { files: 0, bytes: 0 },
    },
    fingerprints: new Map(),
  };
  const walk = async (current: string): Promise<void> => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const path = join(current, entry.name);
      if (entry.isDirectory()) {
        await walk(path);
        continue;
      }
      if (!entry.isFile()) continue;
      const info = await stat(path);
      const rel = relative(dir, path);
      const kind = kindOf(rel);
      result.files++;
      if (rel.endsWith(".html")) result.htmlPages++;
      result.bytes += info.size;
      result.diskBytes += info.blocks * 512;
      result.byKind[kind].files++;
      result.byKind[kind].bytes += info.size;
      if (!fingerprint) continue;
      const hash = createHash("sha1")
        .update(await readFile(path))
        .digest("hex");
      result.fingerprints.set(rel, { mtimeMs: info.mtimeMs, hash });
    }
  };
  await walk(dir);
  return result;
}

/** How a rebuild treated the files of the build before it. */
export interface OutputChanges {
  rewritten: number;
  changed: number;
  added: number;
  removed: number;
}

export function compareOutputs(before: OutputMeasurement, after: OutputMeasurement): OutputChanges {
  const changes: OutputChanges = { rewritten: 0, changed: 0, added: 0, removed: 0 };
  for (const [path, now] of after.fingerprints) {
    const then = before.fingerprints.get(path);
    if (then === undefined) {
      changes.added++;
      continue;
    }
    if (now.mtimeMs !== then.mtimeMs) changes.rewritten++;
    if (now.hash !== then.hash) changes.changed++;
  }
  for (const path of before.fingerprints.keys()) {
    if (!after.fingerprints.has(path)) changes.removed++;
  }
  return changes;
}
