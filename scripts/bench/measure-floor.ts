// The floor a full build is compared with, measured in the same run: reading the archive from git
// (one `git log`, every version's text through one `git cat-file --batch`) plus writing every file
// of the built site with plain sequential writes (the bytes read back into memory first, untimed).
// No site generator can do less than that.

import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { GitRepository } from "../../src/git/repository.ts";
import { readArchiveLog } from "../../src/history/read-archive-log.ts";

export interface FloorMeasurement {
  /** git log plus git cat-file of every version. */
  gitSeconds: number;
  /** Writing every file of the site, folders included. */
  writeSeconds: number;
  seconds: number;
  files: number;
}

/** Files written per timed batch (their bytes are read, untimed, before each batch). */
const BATCH = 2_000;

export async function measureFloor(repo: string, site: string): Promise<FloorMeasurement> {
  let started = performance.now();
  const git = await GitRepository.open(repo);
  const { changes } = await readArchiveLog(git);
  await git.readBlobs(changes.filter((e) => e.status !== "D").map((e) => e.blob));
  const gitSeconds = (performance.now() - started) / 1000;

  const files = (await readdir(site, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(site.length + 1));
  const target = await mkdtemp(join(tmpdir(), "stet-bench-floor-"));
  let writeSeconds = 0;
  try {
    const made = new Set<string>();
    for (let i = 0; i < files.length; i += BATCH) {
      const batch = files.slice(i, i + BATCH);
      const bytes = await Promise.all(batch.map((f) => readFile(join(site, f))));
      started = performance.now();
      for (const [j, file] of batch.entries()) {
        const path = join(target, file);
        const dir = dirname(path);
        if (!made.has(dir)) {
          await mkdir(dir, { recursive: true });
          made.add(dir);
        }
        await writeFile(path, bytes[j] as Buffer);
      }
      writeSeconds += (performance.now() - started) / 1000;
    }
  } finally {
    await rm(target, { recursive: true, force: true });
  }
  return { gitSeconds, writeSeconds, seconds: gitSeconds + writeSeconds, files: files.length };
}
