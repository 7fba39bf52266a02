// A fixture built once per test run and shared by the test files (separate processes) that need
// it: the first file to ask creates it in a folder named for the run, the others wait for it.
// No polling: waiting files watch the folder for the file that says the fixture is ready.

import { watch } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

const PREFIX = "stet-shared-";

/**
 * The fixture `name` of run `runId`: made by `make` (which gets an empty folder to fill and
 * returns a JSON-serialisable description) in the first process that asks, read back in the others.
 */
export async function sharedFixture<T>(
  runId: string,
  name: string,
  make: (dir: string) => Promise<T>,
): Promise<{ dir: string; value: T }> {
  const dir = join(tmpdir(), `${PREFIX}${runId}`, name);
  const ready = join(dir, "fixture.json");
  const failed = join(dir, "fixture-failed.txt");
  await mkdir(join(dir, ".."), { recursive: true });
  try {
    await mkdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    await waitForEither(dir, ["fixture.json", "fixture-failed.txt"]);
    const names = await readdir(dir);
    if (names.includes("fixture-failed.txt")) {
      throw new Error(`shared fixture ${name} failed: ${await readFile(failed, "utf8")}`);
    }
    return { dir, value: JSON.parse(await readFile(ready, "utf8")) as T };
  }
  try {
    const value = await make(dir);
    await writeFile(`${ready}.tmp`, JSON.stringify(value));
    await rename(`${ready}.tmp`, ready);
    return { dir, value };
  } catch (error) {
    await writeFile(
      failed,
      error instanceof Error ? (error.stack ?? error.message) : String(error),
    );
    throw error;
  }
}

/** Removes every shared fixture of run `runId`. */
export async function removeSharedFixtures(runId: string): Promise<void> {
  await rm(join(tmpdir(), `${PREFIX}${runId}`), { recursive: true, force: true });
}

// Resolves once one of `names` exists in `dir` (created by another process).
function waitForEither(dir: string, names: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const watcher = watch(dir);
    const check = async () => {
      const present = await readdir(dir).catch(() => [] as string[]);
      if (names.some((name) => present.includes(name))) {
        watcher.close();
        resolve();
      }
    };
    watcher.on("change", () => void check());
    watcher.on("error", (error) => {
      watcher.close();
      reject(error);
    });
    // The file may have appeared before the watcher started.
    void check();
  });
}
