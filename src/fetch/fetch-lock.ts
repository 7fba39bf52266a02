// Keeps two `stet fetch` runs off one repository: the first creates `.stet/fetch.lock` saying who
// it is, later ones refuse to start while that process lives. A lock left by a crashed run (its
// process gone, or older than any run can last) is taken over.

import { randomUUID } from "node:crypto";
import { link, mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { hostname } from "node:os";
import { join } from "node:path";
import { FetchError } from "../errors.ts";
import { systemClock } from "../system-clock.ts";
import type { Clock } from "../types.ts";

/** A lock older than this is stale whoever holds it: no fetch run lasts that long. */
export const STALE_LOCK_MS = 6 * 3_600_000;

interface LockInfo {
  pid: number;
  hostname: string;
  startedAt: string;
  /** Tells this run's lock from a later one that took over, so release never removes another's. */
  token: string;
}

export interface FetchLockOptions {
  /** Where the note about a taken-over stale lock goes; default stderr. */
  log?: (line: string) => void;
  /** Gives the lock's start time and judges staleness; default the system clock. */
  clock?: Clock;
  /**
   * Called when the lock of a run that died (or can no longer be running) is taken over: what it
   * was writing may be half done, and git may have lock files of its own left behind.
   */
  onTakeover?: (why: string) => void;
}

/**
 * Takes the fetch lock on `repo`, or throws a FetchError naming the run that holds it.
 * Resolves to a function that releases the lock.
 */
export async function acquireFetchLock(
  repo: string,
  options: FetchLockOptions = {},
): Promise<() => Promise<void>> {
  const log = options.log ?? ((line: string) => process.stderr.write(`${line}\n`));
  const clock = options.clock ?? systemClock;
  const dir = join(repo, ".stet");
  const lockfile = join(dir, "fetch.lock");
  try {
    await mkdir(dir, { recursive: true });
  } catch (error) {
    throw new FetchError(
      `cannot create ${dir} for the fetch lock; check that ${repo} is writable`,
      {
        cause: error,
      },
    );
  }
  const mine: LockInfo = {
    pid: process.pid,
    hostname: hostname(),
    startedAt: new Date(clock.now()).toISOString(),
    token: randomUUID(),
  };
  // A few rounds: another run may take over the same stale lock at the same moment.
  for (let round = 0; round < 5; round++) {
    if (await create(lockfile, mine)) return () => release(lockfile, mine.token);
    const held = await readLock(lockfile);
    if (held === "missing") continue;
    const stale = held === "unreadable" ? "it is unreadable" : whyStale(held, clock.now());
    if (stale === null && held !== "unreadable") {
      const where = held.hostname === mine.hostname ? "" : ` on ${held.hostname}`;
      throw new FetchError(
        `another stet fetch is running on ${repo} (pid ${held.pid}${where} since ${held.startedAt}); wait for it, or delete ${lockfile} if it is stale`,
      );
    }
    if (await setAside(lockfile, held)) {
      log(`taking over the stale fetch lock ${lockfile}: ${stale}`);
      options.onTakeover?.(stale ?? "it is unreadable");
    }
  }
  throw new FetchError(
    `could not take the fetch lock ${lockfile}: other runs keep taking it; try again, or delete it if no stet fetch is running`,
  );
}

// Creates the lock file with its full content in one step (a hard link of a finished temporary
// file), so no other run ever reads a half-written lock. False when the lock exists.
async function create(lockfile: string, info: LockInfo): Promise<boolean> {
  const temporary = `${lockfile}.${info.token}.tmp`;
  try {
    await writeFile(temporary, `${JSON.stringify(info, null, 2)}\n`, "utf8");
    await link(temporary, lockfile);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw new FetchError(`cannot create the fetch lock ${lockfile}; check that it is writable`, {
      cause: error,
    });
  } finally {
    await unlink(temporary).catch(() => undefined);
  }
}

async function readLock(lockfile: string): Promise<LockInfo | "missing" | "unreadable"> {
  let text: string;
  try {
    text = await readFile(lockfile, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "missing";
    throw new FetchError(`cannot read the fetch lock ${lockfile}; check its permissions`, {
      cause: error,
    });
  }
  try {
    const data = JSON.parse(text) as Partial<LockInfo>;
    if (typeof data.pid !== "number" || typeof data.hostname !== "string") return "unreadable";
    return {
      pid: data.pid,
      hostname: data.hostname,
      startedAt: typeof data.startedAt === "string" ? data.startedAt : "an unknown time",
      token: typeof data.token === "string" ? data.token : "",
    };
  } catch {
    return "unreadable";
  }
}

// Why a lock no longer guards a live run, or null when it does (or may: another host's process
// cannot be checked from here).
function whyStale(held: LockInfo, now: number): string | null {
  const started = Date.parse(held.startedAt);
  if (!Number.isNaN(started) && now - started > STALE_LOCK_MS) {
    return `it was taken at ${held.startedAt}, more than 6 hours ago`;
  }
  if (held.hostname === hostname() && !isAlive(held.pid)) {
    return `its process ${held.pid} is no longer running`;
  }
  return null;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

// Moves a stale lock out of the way. If another run replaced it in the meantime, puts that run's
// lock back (or leaves it be) and reports false; the caller then looks again.
async function setAside(lockfile: string, stale: LockInfo | "unreadable"): Promise<boolean> {
  const aside = `${lockfile}.stale-${randomUUID()}`;
  try {
    await rename(lockfile, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw new FetchError(`cannot remove the stale fetch lock ${lockfile}; delete it by hand`, {
      cause: error,
    });
  }
  const moved = await readLock(aside);
  const same =
    stale === "unreadable"
      ? moved === "unreadable"
      : typeof moved === "object" && moved.token === stale.token && moved.pid === stale.pid;
  if (!same) await link(aside, lockfile).catch(() => undefined);
  await unlink(aside).catch(() => undefined);
  return same;
}

async function release(lockfile: string, token: string): Promise<void> {
  const held = await readLock(lockfile).catch(() => "unreadable" as const);
  if (typeof held === "object" && held.token === token) {
    await unlink(lockfile).catch(() => undefined);
  }
}
