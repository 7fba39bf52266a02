// What the scheduler remembers between runs: when each article was last checked, its HTTP
// validators (with a hash of the archived text they were seen with), failure counts, and a
// suspect version held for confirmation. It lives in <repo>/.stet/state.json (kept by the Actions
// cache, never committed); losing it, or restoring one from another history, is harmless: every
// article is then simply due, a held cut is held once more, and validators that do not match the
// archived text are not used.

import { createHash } from "node:crypto";
import { mkdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { FetchError } from "../errors.ts";
import { faultPoint } from "../fault-point.ts";
import type { Article } from "../types.ts";

/** What the state remembers about one article, keyed by its canonical URL. */
export interface ArticleState {
  /** ISO time of the last check that got an answer from the source. */
  lastCheck?: string;
  etag?: string;
  lastModified?: string;
  /**
   * `textHash` of the archived text the validators above were seen with: a 304 means "unchanged"
   * only while the archive still holds that text.
   */
  textHash?: string;
  /** Failed checks in a row. */
  failures?: number;
  /** A drastically shortened text seen once; committed if the next check shows it again. */
  held?: { hash: string; since: string; reason: string };
  /** Checks in a row held as suspect for the same reason, since when: reported when it persists. */
  heldStreak?: { reason: string; since: string; checks: number };
}

export interface FetchState {
  articles: Record<string, ArticleState>;
  /** Feed URLs whose page named another canonical URL: feed URL → canonical URL. */
  aliases: Record<string, string>;
}

/** A short, stable hash of an article's text, to tell whether the archive holds that text. */
export function textHash(article: Article): string {
  const { title, byline, published, paragraphs } = article;
  return createHash("sha256")
    .update(JSON.stringify([title, byline, published, paragraphs]))
    .digest("hex")
    .slice(0, 16);
}

export function statePath(repo: string): string {
  return join(repo, ".stet", "state.json");
}

/** Reads the state; a missing or unreadable file gives an empty state and a warning. */
export async function loadState(repo: string, warn: (line: string) => void): Promise<FetchState> {
  const path = statePath(repo);
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch {
    return { articles: {}, aliases: {} };
  }
  try {
    const parsed = JSON.parse(text) as Partial<FetchState>;
    const record = (value: unknown) =>
      typeof value === "object" && value !== null && !Array.isArray(value) ? value : {};
    return {
      articles: record(parsed.articles) as FetchState["articles"],
      aliases: record(parsed.aliases) as FetchState["aliases"],
    };
  } catch {
    warn(`fetch state ${path} is unreadable; starting afresh (every article is due)`);
    return { articles: {}, aliases: {} };
  }
}

/**
 * Forgets articles not checked for `keepMs` (they are past their last schedule tier, or gone
 * from the archive), and aliases that point at a forgotten article, so the file stays small.
 */
export function pruneState(state: FetchState, now: number, keepMs: number): void {
  for (const [url, article] of Object.entries(state.articles)) {
    const last = article.lastCheck === undefined ? Number.NaN : Date.parse(article.lastCheck);
    if (!(now - last <= keepMs)) delete state.articles[url];
  }
  for (const [from, to] of Object.entries(state.aliases)) {
    if (!(to in state.articles)) delete state.aliases[from];
  }
}

/** Writes the state atomically (a crash never leaves half a file), keys sorted for stable diffs. */
export async function saveState(repo: string, state: FetchState): Promise<void> {
  const sorted = (record: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
  const text = `${JSON.stringify({ articles: sorted(state.articles), aliases: sorted(state.aliases) }, null, 1)}\n`;
  await writeAtomically(statePath(repo), text, "fetch state");
}

/**
 * Writes `text` to `path` through a temporary file and a rename, so readers see the old file or
 * the new one, never half of one. A failure (disk full, read-only) removes the temporary file and
 * throws a FetchError naming the file and what to do.
 */
export async function writeAtomically(path: string, text: string, what: string): Promise<void> {
  const temporary = `${path}.tmp`;
  try {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(temporary, text);
    faultPoint("mid-state-save");
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => undefined);
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "ENOSPC"
        ? "the disk is full"
        : code === "EROFS" || code === "EACCES" || code === "EPERM"
          ? "it is not writable"
          : (error as Error).message;
    throw new FetchError(
      `could not save the ${what} to ${path}: ${why}; the previous file is unchanged. Free space or fix permissions, then run again`,
      { cause: error },
    );
  }
}
