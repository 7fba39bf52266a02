// The build cache on disk, in `<repo>/.stet/build-cache/`: a small head (which commit and which
// inputs it was built from) read by every build, and a body (every article file's git changes,
// and the state of the site the last build wrote) read only when there are new commits. The body
// is written before the head, each through a temporary file, so a build that stops half-way
// leaves the old cache whole; its digest is also written into the site folder's marker, which is
// how a build knows the folder is the one the cache describes.

import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { LogEntry } from "../history/parse-git-log.ts";
import type { SiteState } from "../render/build-site.ts";
import type { CacheHead } from "./cache-verdict.ts";

/** Bump when the cache's shape changes: older caches are then discarded. */
export const CACHE_FORMAT = 1;

const HEAD = "head.json";
const BODY = "body.json";

/** One change of an article file: commit, time, blob, status (as in LogEntry). */
type Change = [string, string, string, string];

export interface CacheBody {
  /** Every change of every article file (taken-down ones too), oldest first, by file. */
  changes: Map<string, LogEntry[]>;
  state: SiteState;
}

/** The cache head in `dir`, or null when there is none or it cannot be read. */
export async function readCacheHead(dir: string): Promise<CacheHead | null> {
  try {
    const head = JSON.parse(await readFile(join(dir, HEAD), "utf8")) as CacheHead;
    return typeof head.commit === "string" && typeof head.body === "string" ? head : null;
  } catch {
    return null;
  }
}

/** The cache body the head names, or null when it is missing or not the one the head names. */
export async function readCacheBody(dir: string, head: CacheHead): Promise<CacheBody | null> {
  let text: string;
  try {
    text = await readFile(join(dir, BODY), "utf8");
  } catch {
    return null;
  }
  if (digestOf(text) !== head.body) return null;
  const raw = JSON.parse(text) as { changes: Record<string, Change[]>; state: SiteState };
  const changes = new Map<string, LogEntry[]>();
  for (const [path, list] of Object.entries(raw.changes)) {
    changes.set(
      path,
      list.map(([commit, time, blob, status]) => ({ commit, time, blob, status, path })),
    );
  }
  return { changes, state: raw.state };
}

/** The body as written to disk (keys in a fixed order) and its digest. */
export function serializeCacheBody(body: CacheBody): { text: string; digest: string } {
  const changes: Record<string, Change[]> = {};
  for (const path of [...body.changes.keys()].sort()) {
    changes[path] = (body.changes.get(path) ?? []).map((c) => [c.commit, c.time, c.blob, c.status]);
  }
  const state: SiteState = {
    articles: sortedKeys(body.state.articles),
    aggregates: sortedKeys(body.state.aggregates),
  };
  const text = JSON.stringify({ changes, state });
  return { text, digest: digestOf(text) };
}

/** Writes the body, then the head that names it. */
export async function writeCache(dir: string, head: CacheHead, bodyText: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  await replace(join(dir, BODY), bodyText);
  await replace(join(dir, HEAD), `${JSON.stringify(head, null, 2)}\n`);
}

/** Updates only the head (the history moved on without touching the archive). */
export async function writeCacheHead(dir: string, head: CacheHead): Promise<void> {
  await replace(join(dir, HEAD), `${JSON.stringify(head, null, 2)}\n`);
}

/** Removes the cache (before a full build, so a failed one leaves none behind). */
export async function clearCache(dir: string): Promise<void> {
  await rm(join(dir, HEAD), { force: true });
}

async function replace(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

function sortedKeys<T>(record: Record<string, T>): Record<string, T> {
  const sorted: Record<string, T> = {};
  for (const key of Object.keys(record).sort()) sorted[key] = record[key] as T;
  return sorted;
}

function digestOf(text: string): string {
  return createHash("sha1").update(text).digest("base64url");
}
