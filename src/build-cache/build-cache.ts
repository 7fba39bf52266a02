// The build cache on disk, in `<repo>/.stet/build-cache/`:
//   head.json      which commit and which inputs it was built from; read by every build.
//   state.json     what the site-wide pages take of each outlet's articles (`OutletState`) and a
//                  digest of its articles file, a digest of each site-wide page and feed, and
//                  the diffs the site feeds show; read when the archive has new commits (or the
//                  fetch status changed).
//   articles/<outlet>.tsv  a line per article file of the outlet, in order: the key of its
//                  history and how the site shows it (`Head`, JSON), then, when it is published, a
//                  tab and its compact records (JSON). Read only when the new commits touch the
//                  outlet, and rewritten only then; records are parsed only where needed, and the
//                  lines of unchanged articles are written back as they were read.
//   changes/XX.json  every git change of the article files whose path hashes to XX: read only
//                  for the files a build must read again, and rewritten only for those.
// Files are replaced through a temporary file and the head is written last, so a build that
// stops half-way leaves the old cache whole. The state's digest is also written into the site
// folder's marker, which is how a build knows the folder is the one the cache describes.

import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import type { LogEntry } from "../history/parse-git-log.ts";
import { ARTICLE_FILE } from "../history/read-archive-log.ts";
import { type RecordTimes, type Span, StoredRecords, timesOf } from "../render/article-records.ts";
import type { ArticleState, OutletState, SiteState } from "../render/build-site.ts";
import type { CacheHead } from "./cache-verdict.ts";

/** Bump when the cache's shape changes: older caches are then discarded. */
export const CACHE_FORMAT = 5;

const HEAD = "head.json";
const STATE = "state.json";
const ARTICLES = "articles";
const CHANGES = "changes";

/** One change of an article file: commit, time, blob, status (as in LogEntry). */
type Change = [string, string, string, string];

/**
 * The head of an article's line: file, key, version count, and then, each 0 when absent, the slug
 * the site publishes it at when that is not the one in the file's path, its problem and its notes;
 * when it has records, their `timesOf` too (count, first and last time). The outlet comes from
 * the file's path.
 */
type Head =
  | [string, string, number, string | 0, string | 0, string[] | 0]
  | [string, string, number, string | 0, string | 0, string[] | 0, number, string, string];

const NEWLINE = 0x0a;
const TAB = 0x09;

/** The cache head in `dir`, or null when there is none or it cannot be read. */
export async function readCacheHead(dir: string): Promise<CacheHead | null> {
  try {
    const head = JSON.parse(await readFile(join(dir, HEAD), "utf8")) as CacheHead;
    return typeof head.commit === "string" && typeof head.body === "string" ? head : null;
  } catch {
    return null;
  }
}

/** state.json as stored. */
interface StoredState {
  /** Each outlet's state, and the digest of its articles file. */
  outlets: Record<string, OutletState & { articles: string }>;
  aggregates: Record<string, string>;
  feedDiffs: Record<string, string>;
}

/** The state a build wrote, as its next build reads it: the outlets' articles when asked for. */
export class CachedState {
  /** Its `articles` hold those of the outlets `load` was asked for. */
  readonly state: SiteState;
  readonly #dir: string;
  /** The digest of each outlet's articles file. */
  readonly #digests: Map<string, string>;
  /** The articles `load` read, as read, and their lines: written back unless they changed. */
  readonly #lines = new Map<string, { article: ArticleState; line: Span }>();

  constructor(dir: string, state: SiteState, digests: Map<string, string>) {
    this.#dir = dir;
    this.state = state;
    this.#digests = digests;
  }

  /** Adds the articles of `outlets` to `state.articles`; false when a file is missing or damaged. */
  async load(outlets: Iterable<string>): Promise<boolean> {
    for (const outlet of outlets) {
      const read = await this.#read(outlet, this.state.articles);
      if (!read) return false;
    }
    return true;
  }

  /** Adds every outlet's articles (see `load`). */
  loadAll(): Promise<boolean> {
    return this.load(this.#digests.keys());
  }

  /**
   * The articles of `outlet` (none for an outlet the state does not know), or null when its file
   * is missing or is not the one the state names.
   */
  async articlesOf(outlet: string): Promise<Record<string, ArticleState> | null> {
    const articles: Record<string, ArticleState> = {};
    return (await this.#read(outlet, articles, false)) ? articles : null;
  }

  /** The digest of the articles file of `outlet` as this state names it, if it names one. */
  digestOf(outlet: string): string | undefined {
    return this.#digests.get(outlet);
  }

  /** The line `article` was read from (see `load`), if it is still as read. */
  lineOf(file: string, article: ArticleState): Span | undefined {
    const read = this.#lines.get(file);
    if (read === undefined) return undefined;
    const was = read.article;
    const same =
      was.key === article.key &&
      was.outlet === article.outlet &&
      was.slug === article.slug &&
      was.versionCount === article.versionCount &&
      was.problem === article.problem &&
      was.notes === article.notes &&
      was.records === article.records;
    return same ? read.line : undefined;
  }

  /** Adds the articles of `outlet` to `into`, keeping their lines when `keep`; false when damaged. */
  async #read(outlet: string, into: Record<string, ArticleState>, keep = true): Promise<boolean> {
    const digest = this.#digests.get(outlet);
    if (digest === undefined) return true;
    let bytes: Buffer;
    try {
      bytes = await readFile(articlesFile(this.#dir, outlet));
    } catch {
      return false;
    }
    if (digestOf(bytes) !== digest) return false;
    for (let start = 0; start < bytes.length; ) {
      const end = bytes.indexOf(NEWLINE, start);
      if (end === -1) return false;
      let tab = bytes.indexOf(TAB, start);
      if (tab === -1 || tab > end) tab = end;
      const head = JSON.parse(bytes.toString("utf8", start, tab)) as Head;
      const [file, key, versionCount, slug, problem, notes, count, first, last] = head;
      const article: ArticleState = {
        key,
        outlet,
        slug: slug === 0 ? (ARTICLE_FILE.exec(file)?.[2] ?? "") : slug,
        notes: notes === 0 ? [] : notes,
        problem: problem === 0 ? null : problem,
        versionCount,
        records:
          tab === end || count === undefined
            ? null
            : new StoredRecords(bytes, tab + 1, end, { count, first, last } as RecordTimes),
      };
      into[file] = article;
      if (keep) this.#lines.set(file, { article, line: { bytes, start, end: end + 1 } });
      start = end + 1;
    }
    return true;
  }
}

/** The site state the head names, or null when it is missing or not the one the head names. */
export async function readCacheState(dir: string, head: CacheHead): Promise<CachedState | null> {
  let bytes: Buffer;
  try {
    bytes = await readFile(join(dir, STATE));
  } catch {
    return null;
  }
  // Digested as read: the UTF-8 bytes are those the digest was taken of when written.
  if (digestOf(bytes) !== head.body) return null;
  const raw = JSON.parse(bytes.toString("utf8")) as StoredState;
  const outlets: Record<string, OutletState> = {};
  const digests = new Map<string, string>();
  for (const [outlet, { articles, ...own }] of Object.entries(raw.outlets)) {
    outlets[outlet] = own;
    digests.set(outlet, articles);
  }
  const state = { articles: {}, outlets, aggregates: raw.aggregates, feedDiffs: raw.feedDiffs };
  return new CachedState(dir, state, digests);
}

/** A state as written to disk (keys in a fixed order, UTF-8). */
export interface SerializedState {
  /** state.json, and its digest. */
  bytes: Buffer;
  digest: string;
  /** The articles files to write, by outlet. */
  outlets: Map<string, Buffer>;
  /** The outlets whose articles file to remove: they have no article now. */
  removed: string[];
}

/**
 * `state` as written to disk. An outlet none of whose articles `state.articles` holds is as
 * `previous` left it: its articles file stays.
 */
export function serializeCacheState(
  state: SiteState,
  previous: CachedState | null,
): SerializedState {
  const byOutlet = new Map<string, ArticleLines>();
  for (const file of Object.keys(state.articles).sort()) {
    const a = state.articles[file] as ArticleState;
    let lines = byOutlet.get(a.outlet);
    if (lines === undefined) {
      lines = new ArticleLines();
      byOutlet.set(a.outlet, lines);
    }
    const line = previous?.lineOf(file, a);
    if (line !== undefined) {
      lines.add(line);
      continue;
    }
    const head: Head = [
      file,
      a.key,
      a.versionCount,
      a.slug === ARTICLE_FILE.exec(file)?.[2] ? 0 : a.slug,
      a.problem ?? 0,
      a.notes.length === 0 ? 0 : a.notes,
    ];
    if (a.records === null) {
      lines.add(`${JSON.stringify(head)}\n`);
      continue;
    }
    const { count, first, last } = timesOf(a.records);
    const withTimes: Head = [...head, count, first, last];
    if (a.records instanceof StoredRecords) {
      lines.add(`${JSON.stringify(withTimes)}\t`);
      lines.add(a.records.span);
      lines.add("\n");
    } else lines.add(`${JSON.stringify(withTimes)}\t${JSON.stringify(a.records)}\n`);
  }
  const files = new Map<string, Buffer>();
  const outlets: StoredState["outlets"] = {};
  for (const outlet of Object.keys(state.outlets).sort()) {
    const own = state.outlets[outlet] as OutletState;
    const lines = byOutlet.get(outlet);
    let digest: string | undefined;
    if (lines === undefined) {
      digest = previous?.digestOf(outlet);
      if (digest === undefined) {
        throw new Error(
          `The state has outlet ${outlet} but neither its articles nor earlier ones.`,
        );
      }
    } else {
      const bytes = lines.bytes();
      digest = digestOf(bytes);
      if (previous?.digestOf(outlet) !== digest) files.set(outlet, bytes);
    }
    outlets[outlet] = { articles: digest, ...own };
  }
  const aggregates: Record<string, string> = {};
  for (const file of Object.keys(state.aggregates).sort()) {
    aggregates[file] = state.aggregates[file] as string;
  }
  const feedDiffs: Record<string, string> = {};
  for (const key of Object.keys(state.feedDiffs).sort()) {
    feedDiffs[key] = state.feedDiffs[key] as string;
  }
  const stored: StoredState = { outlets, aggregates, feedDiffs };
  const bytes = Buffer.from(JSON.stringify(stored), "utf8");
  const removed = Object.keys(previous?.state.outlets ?? {}).filter((o) => !outlets[o]);
  return { bytes, digest: digestOf(bytes), outlets: files, removed };
}

/** An articles file as it is put together: lines read before, and text made now. */
class ArticleLines {
  readonly #parts: Buffer[] = [];
  /** Text not yet encoded: consecutive pieces are encoded at once. */
  #text: string[] = [];
  /** Bytes read not yet added: consecutive lines of one file are added at once. */
  #read: Span | null = null;

  add(part: Span | string): void {
    if (typeof part === "string") {
      this.#flushRead();
      this.#text.push(part);
      return;
    }
    this.#flushText();
    const read = this.#read;
    if (read !== null && read.bytes === part.bytes && read.end === part.start) read.end = part.end;
    else {
      this.#flushRead();
      this.#read = { ...part };
    }
  }

  bytes(): Buffer {
    this.#flushText();
    this.#flushRead();
    return Buffer.concat(this.#parts);
  }

  #flushText(): void {
    if (this.#text.length === 0) return;
    this.#parts.push(Buffer.from(this.#text.join(""), "utf8"));
    this.#text = [];
  }

  #flushRead(): void {
    if (this.#read === null) return;
    const { bytes, start, end } = this.#read;
    this.#parts.push(bytes.subarray(start, end));
    this.#read = null;
  }
}

/**
 * The git changes of article files, kept in shards by a hash of the path: loads the shards of
 * the files asked for, and writes back the shards of the files given new changes.
 */
export class ChangeShards {
  readonly #dir: string;
  readonly #loaded = new Map<string, Map<string, LogEntry[]>>();
  readonly #dirty = new Set<string>();

  constructor(cacheDir: string) {
    this.#dir = join(cacheDir, CHANGES);
  }

  /** Every cached change of each file, oldest first (none for a file the cache never saw). */
  async load(files: readonly string[]): Promise<Map<string, LogEntry[]>> {
    const result = new Map<string, LogEntry[]>();
    for (const file of files) {
      const shard = await this.#shard(shardOf(file));
      result.set(file, shard.get(file) ?? []);
    }
    return result;
  }

  /** Replaces the changes of `file` (written by `save`). */
  async set(file: string, changes: LogEntry[]): Promise<void> {
    const name = shardOf(file);
    (await this.#shard(name)).set(file, changes);
    this.#dirty.add(name);
  }

  /** Writes the shards that `set` changed. */
  async save(): Promise<void> {
    await mkdir(this.#dir, { recursive: true });
    for (const name of [...this.#dirty].sort()) {
      const shard = this.#loaded.get(name) ?? new Map<string, LogEntry[]>();
      const stored: Record<string, Change[]> = {};
      for (const file of [...shard.keys()].sort()) {
        stored[file] = (shard.get(file) ?? []).map((c) => [c.commit, c.time, c.blob, c.status]);
      }
      await replace(join(this.#dir, `${name}.json`), JSON.stringify(stored));
    }
    this.#dirty.clear();
  }

  async #shard(name: string): Promise<Map<string, LogEntry[]>> {
    let shard = this.#loaded.get(name);
    if (shard !== undefined) return shard;
    shard = new Map();
    try {
      const stored = JSON.parse(await readFile(join(this.#dir, `${name}.json`), "utf8")) as Record<
        string,
        Change[]
      >;
      for (const [path, list] of Object.entries(stored)) {
        shard.set(
          path,
          list.map(([commit, time, blob, status]) => ({ commit, time, blob, status, path })),
        );
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    this.#loaded.set(name, shard);
    return shard;
  }
}

/** The file whose presence says the site's search index lags behind its history pages. */
const SEARCH_LAGGING = "search-lagging";

/**
 * Whether the search index may lag behind the history pages: a "--search keep" build left it
 * so, or a build stopped between writing pages and indexing them.
 */
export async function searchLagging(dir: string): Promise<boolean> {
  return stat(join(dir, SEARCH_LAGGING)).then(
    () => true,
    () => false,
  );
}

/** Records whether the search index lags behind the history pages. */
export async function setSearchLagging(dir: string, lagging: boolean): Promise<void> {
  if (lagging) {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, SEARCH_LAGGING), "");
  } else {
    await rm(join(dir, SEARCH_LAGGING), { force: true });
  }
}

/** Empties the cache: a full build starts it again. */
export async function clearCache(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** Writes the state (its outlets' articles first), then the head that names it (after ChangeShards.save). */
export async function writeCacheState(
  dir: string,
  head: CacheHead,
  state: SerializedState,
): Promise<void> {
  await mkdir(join(dir, ARTICLES), { recursive: true });
  for (const [outlet, bytes] of state.outlets) await replace(articlesFile(dir, outlet), bytes);
  await replace(join(dir, STATE), state.bytes);
  await writeCacheHead(dir, head);
  for (const outlet of state.removed) await rm(articlesFile(dir, outlet), { force: true });
}

function articlesFile(dir: string, outlet: string): string {
  return join(dir, ARTICLES, `${outlet}.tsv`);
}

/** Writes only the head (the history moved on without touching the archive). */
export async function writeCacheHead(dir: string, head: CacheHead): Promise<void> {
  await replace(join(dir, HEAD), `${JSON.stringify(head, null, 2)}\n`);
}

/** 256 shards: a one-version rebuild rewrites a few kilobytes, not every article's changes. */
function shardOf(file: string): string {
  return createHash("sha1").update(file).digest("hex").slice(0, 2);
}

async function replace(path: string, text: string | Buffer): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, text);
  await rename(temporary, path);
}

function digestOf(text: string | Buffer): string {
  return createHash("sha1").update(text).digest("base64url");
}
