// What the scheduler remembers between runs: when each article was last checked, its HTTP
// validators, failure counts, and a suspect version held for confirmation. It lives in
// <repo>/.stet/state.json (kept by the Actions cache, never committed); losing it is harmless:
// every article is then simply due, and a held cut is held once more.

import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** What the state remembers about one article, keyed by its canonical URL. */
export interface ArticleState {
  /** ISO time of the last check that got an answer from the source. */
  lastCheck?: string;
  etag?: string;
  lastModified?: string;
  /** Failed checks in a row. */
  failures?: number;
  /** A drastically shortened text seen once; committed if the next check shows it again. */
  held?: { hash: string; since: string; reason: string };
}

export interface FetchState {
  articles: Record<string, ArticleState>;
  /** Feed URLs whose page named another canonical URL: feed URL → canonical URL. */
  aliases: Record<string, string>;
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
    return { articles: parsed.articles ?? {}, aliases: parsed.aliases ?? {} };
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
  const path = statePath(repo);
  await mkdir(dirname(path), { recursive: true });
  const sorted = (record: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
  const text = `${JSON.stringify({ articles: sorted(state.articles), aliases: sorted(state.aliases) }, null, 1)}\n`;
  await writeFile(`${path}.tmp`, text);
  await rename(`${path}.tmp`, path);
}
