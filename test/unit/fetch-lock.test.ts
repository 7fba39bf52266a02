// The fetch lock in temporary repositories: one run at a time, and a crashed run's lock is no
// obstacle to the next.

import { spawn } from "node:child_process";
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FetchError } from "../../src/errors.ts";
import { acquireFetchLock, STALE_LOCK_MS } from "../../src/fetch/fetch-lock.ts";
import { manualClock } from "../support/manual-clock.ts";

let repo: string;
beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), "stet-lock-"));
});
afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
});

const lockfile = () => join(repo, ".stet", "fetch.lock");

// Every test runs at this fixed instant, whatever day the suite runs on.
const NOW = "2026-01-15T12:00:00.000Z";
const clock = manualClock(NOW);
const acquire = (log?: (line: string) => void) => acquireFetchLock(repo, { clock, log });

async function writeLock(info: Record<string, unknown>): Promise<void> {
  await mkdir(join(repo, ".stet"), { recursive: true });
  await writeFile(lockfile(), JSON.stringify(info), "utf8");
}

// The pid of a process that has exited: no process on this host has it now (barring reuse).
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  const pid = child.pid;
  await new Promise((resolve) => child.on("exit", resolve));
  if (pid === undefined) throw new Error("could not start node");
  return pid;
}

describe("acquireFetchLock", () => {
  it("writes this process's pid, host and start time into .stet/fetch.lock", async () => {
    const release = await acquire();
    const info = JSON.parse(await readFile(lockfile(), "utf8"));
    expect(info).toMatchObject({ pid: process.pid, hostname: hostname(), startedAt: NOW });
    await release();
  });

  it("refuses a second fetch on the same repo, naming the running one and what to do", async () => {
    const release = await acquire();
    const info = JSON.parse(await readFile(lockfile(), "utf8"));
    const second = acquire();
    await expect(second).rejects.toBeInstanceOf(FetchError);
    await expect(second).rejects.toThrow(
      `another stet fetch is running on ${repo} (pid ${process.pid} since ${info.startedAt}); wait for it, or delete ${lockfile()} if it is stale`,
    );
    await release();
  });

  it("lets the next fetch in once the first released the lock", async () => {
    const release = await acquire();
    await release();
    expect(await readdir(join(repo, ".stet"))).toEqual([]);
    const again = await acquire();
    await again();
  });

  it("takes over a lock whose process is no longer running, with a note", async () => {
    const pid = await deadPid();
    await writeLock({ pid, hostname: hostname(), startedAt: "2026-01-15T09:00:00.000Z" });
    const notes: string[] = [];
    const release = await acquire((line) => notes.push(line));
    expect(JSON.parse(await readFile(lockfile(), "utf8")).pid).toBe(process.pid);
    expect(notes).toEqual([
      `taking over the stale fetch lock ${lockfile()}: its process ${pid} is no longer running`,
    ]);
    await release();
  });

  it("takes over a lock older than six hours even from another host", async () => {
    const startedAt = new Date(Date.parse(NOW) - STALE_LOCK_MS - 1).toISOString();
    await writeLock({ pid: 1, hostname: "elsewhere.invalid", startedAt });
    const notes: string[] = [];
    const release = await acquire((line) => notes.push(line));
    expect(notes).toEqual([
      `taking over the stale fetch lock ${lockfile()}: it was taken at ${startedAt}, more than 6 hours ago`,
    ]);
    await release();
  });

  it("respects a lock from another host until it is six hours old", async () => {
    const startedAt = new Date(Date.parse(NOW) - STALE_LOCK_MS).toISOString();
    await writeLock({ pid: 4242, hostname: "elsewhere.invalid", startedAt });
    await expect(acquire()).rejects.toThrow(
      `another stet fetch is running on ${repo} (pid 4242 on elsewhere.invalid since ${startedAt})`,
    );
  });

  it("takes over a lock file that is not a lock at all", async () => {
    await writeLock({});
    await writeFile(lockfile(), "garbage", "utf8");
    const notes: string[] = [];
    const release = await acquire((line) => notes.push(line));
    expect(notes).toEqual([`taking over the stale fetch lock ${lockfile()}: it is unreadable`]);
    await release();
  });

  it("lets exactly one of several simultaneous fetches in", async () => {
    const attempts = await Promise.allSettled(Array.from({ length: 5 }, () => acquire()));
    const won = attempts.filter((a) => a.status === "fulfilled");
    expect(won).toHaveLength(1);
    for (const a of won) await a.value();
  });

  it("does not remove a lock that another run took over after this one's release was due", async () => {
    const release = await acquire();
    await writeLock({ pid: process.pid, hostname: hostname(), startedAt: "x", token: "other" });
    await release();
    expect(JSON.parse(await readFile(lockfile(), "utf8")).token).toBe("other");
  });
});
