// Writes the site's files below the output folder and removes the ones a build no longer makes.
// A file whose bytes are already there is not written again, so a rebuild touches only what
// changed, and a sync to a web host or object storage uploads only that.

import { mkdir, readFile, rm, rmdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

/** What a build did to the files of the site folder. */
export interface WriteCounts {
  /** Files created or changed. */
  written: number;
  /** Files whose bytes were already there (not touched). */
  unchanged: number;
  /** Files removed. */
  deleted: number;
}

export class SiteWriter {
  readonly counts: WriteCounts = { written: 0, unchanged: 0, deleted: 0 };
  readonly #outDir: string;
  readonly #fresh: boolean;
  readonly #madeDirs = new Set<string>();

  /**
   * With `fresh`, the folder is known to be empty: nothing is compared or removed before
   * writing.
   */
  constructor(outDir: string, options: { fresh: boolean }) {
    this.#outDir = outDir;
    this.#fresh = options.fresh;
  }

  /**
   * Writes `file` (relative to the site folder) unless it already holds exactly `content`;
   * returns whether it wrote.
   */
  async write(file: string, content: string | Uint8Array): Promise<boolean> {
    const path = join(this.#outDir, file);
    const bytes = typeof content === "string" ? Buffer.from(content) : content;
    if (!this.#fresh) {
      const existing = await readFile(path).catch(() => null);
      if (existing?.equals(bytes)) {
        this.counts.unchanged++;
        return false;
      }
    }
    const dir = dirname(path);
    if (!this.#madeDirs.has(dir)) {
      await mkdir(dir, { recursive: true });
      this.#madeDirs.add(dir);
    }
    await writeFile(path, bytes);
    this.counts.written++;
    return true;
  }

  /**
   * Removes `file` if it exists, then every folder it leaves empty, up to the site folder;
   * returns whether the file was there.
   */
  async remove(file: string): Promise<boolean> {
    const path = join(this.#outDir, file);
    try {
      await rm(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
      throw error;
    }
    this.counts.deleted++;
    for (let dir = dirname(path); dir.length > this.#outDir.length; dir = dirname(dir)) {
      try {
        await rmdir(dir);
        this.#madeDirs.delete(dir);
      } catch {
        // Not empty (or already gone): the folders above it stay too.
        break;
      }
    }
    return true;
  }
}
