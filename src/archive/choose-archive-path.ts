// Picks the archive file for an article URL the archive does not hold yet, never one another
// article already has: compared case-insensitively (a macOS or Windows checkout would merge
// them), and never a file where another path needs a folder or the other way round.

import { HASH_SEPARATOR, hashOf, urlToArchivePath } from "./url-to-archive-path.ts";

/** The archive paths in use, indexed case-insensitively with the folders they imply. */
export class TakenPaths {
  private readonly files = new Set<string>();
  private readonly folders = new Set<string>();

  constructor(paths: Iterable<string> = []) {
    for (const path of paths) this.add(path);
  }

  /** Records a path as taken (after its first commit). */
  add(path: string): void {
    const key = path.toLowerCase();
    this.files.add(key);
    for (let slash = key.indexOf("/"); slash !== -1; slash = key.indexOf("/", slash + 1)) {
      this.folders.add(key.slice(0, slash));
    }
  }

  /** Whether writing `path` would reuse, shadow or be shadowed by a taken path. */
  conflicts(path: string): boolean {
    const key = path.toLowerCase();
    if (this.files.has(key) || this.folders.has(key)) return true;
    for (let slash = key.indexOf("/"); slash !== -1; slash = key.indexOf("/", slash + 1)) {
      if (this.files.has(key.slice(0, slash))) return true;
    }
    return false;
  }
}

/**
 * The path for `url` (canonical) in `archive/<outletId>/`: the readable one when free, else the
 * hashed one, else the hashed one with a counter, so the answer is never a taken path.
 */
export function chooseArchivePath(url: string, outletId: string, taken: TakenPaths): string {
  const plain = urlToArchivePath(url, outletId);
  if (!taken.conflicts(plain)) return plain;
  const hashed = urlToArchivePath(url, outletId, true);
  if (!taken.conflicts(hashed)) return hashed;
  // Only a hash collision or a hand-made file can get here; a counter in the hash input settles it.
  const stem = hashed.slice(0, hashed.lastIndexOf(HASH_SEPARATOR));
  for (let n = 1; ; n++) {
    const next = `${stem}${HASH_SEPARATOR}${hashOf(`${url}#${n}`)}.md`;
    if (!taken.conflicts(next)) return next;
  }
}
