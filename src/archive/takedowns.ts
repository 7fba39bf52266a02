// The list of articles taken down with `stet takedown`, so that the fetch never archives them
// again: `takedowns.txt` at the repository's top, one SHA-256 of a canonical URL per line. Only
// the hash is kept, so the list does not itself republish the address; the reason is in the
// commit that added the line.

import { createHash } from "node:crypto";
import { lstat, readFile } from "node:fs/promises";
import { join } from "node:path";
import { ArchiveError } from "../errors.ts";

/** Where the list lives, relative to the repository. */
export const TAKEDOWNS_FILE = "takedowns.txt";

const HEADER = `# Articles taken down with \`stet takedown\`: stet fetch never archives these URLs again.
# One line each: the SHA-256 of the canonical URL, then the date. The reason is in the commit.
`;

/** The key a canonical URL is listed under. */
export function takedownKey(canonicalUrl: string): string {
  return createHash("sha256").update(canonicalUrl).digest("hex");
}

/** The keys listed in a takedowns.txt text; comments and blank lines are skipped. */
export function parseTakedowns(text: string): Set<string> {
  const keys = new Set<string>();
  for (const line of text.split("\n")) {
    const key = line.trim().split(/\s+/)[0] ?? "";
    if (/^[0-9a-f]{64}$/.test(key)) keys.add(key);
  }
  return keys;
}

/** `text` (the current list, or null when there is none) with `canonicalUrl` added. */
export function addTakedown(text: string | null, canonicalUrl: string, date: string): string {
  const key = takedownKey(canonicalUrl);
  const current = text ?? HEADER;
  if (parseTakedowns(current).has(key)) return current;
  return `${current}${current.endsWith("\n") || current === "" ? "" : "\n"}${key}  ${date.slice(0, 10)}\n`;
}

/** The list in `repo`'s working tree (empty when there is none). */
export async function readTakedowns(repo: string): Promise<Set<string>> {
  const text = await readTakedownsText(repo);
  return text === null ? new Set() : parseTakedowns(text);
}

/** The list's text, or null when the file does not exist; a symlink in its place is refused. */
export async function readTakedownsText(repo: string): Promise<string | null> {
  const path = join(repo, TAKEDOWNS_FILE);
  const stat = await lstat(path).catch(() => null);
  if (stat === null) return null;
  if (!stat.isFile()) {
    throw new ArchiveError(`${TAKEDOWNS_FILE} in ${repo} is not a plain file; restore it from git`);
  }
  return readFile(path, "utf8");
}
