// The record on its own branch, run the way the fetch workflow runs it: a bare origin in a temp
// folder, a fresh clone per run, the workflow's checkout script, then `stet fetch` and
// `stet push` against the invented outlet. main holds code and config only, so a fork starts
// with an empty record and syncs upstream's main without conflicts.

import { execFile } from "node:child_process";
import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FixtureOutlet,
  passTimes,
  startFixtureOutlet,
  writeOutletConfig,
} from "../support/fixture-outlet.ts";
import { runStet } from "../support/run-stet.ts";
import { git, removeTempDir } from "../support/temp-repo.ts";

const CHECKOUT_ARCHIVE = fileURLToPath(
  new URL("../../.github/scripts/checkout-archive.sh", import.meta.url),
);
const WHO = ["-c", "user.name=maintainer", "-c", "user.email=maintainer@example.org"];
const times = passTimes();

let root: string;
let outlet: FixtureOutlet;
let runs = 0;

// One run of the fetch workflow: a fresh clone of main, the archive branch beside it in data/,
// then fetch and push. Returns the clone and what the steps printed.
async function workflowRun(origin: string, now: string): Promise<{ clone: string; log: string }> {
  const clone = join(root, `run-${++runs}`);
  await git(root, "clone", "-q", origin, clone);
  const checkout = await new Promise<string>((resolve, reject) =>
    execFile("sh", [CHECKOUT_ARCHIVE, "archive", "data"], { cwd: clone }, (error, stdout) =>
      error ? reject(error) : resolve(stdout),
    ),
  );
  const data = join(clone, "data");
  const config = join(clone, "stet.config.yaml");
  const fetched = await runStet(["fetch", "--repo", data, "--config", config, "--now", now]);
  const pushed = await runStet(["push", "--repo", data, "--branch", "archive"]);
  if (fetched.code !== 0 || pushed.code !== 0) {
    throw new Error(`workflow run failed:\n${fetched.stderr}\n${pushed.stderr}`);
  }
  return { clone, log: `${checkout}${fetched.stdout}${pushed.stdout}` };
}

async function branches(bare: string): Promise<Record<string, string>> {
  const refs = await git(
    bare,
    "for-each-ref",
    "--format=%(refname:short) %(objectname)",
    "refs/heads",
  );
  return Object.fromEntries(
    refs
      .trim()
      .split("\n")
      .map((line) => line.split(" ")),
  );
}

// An upstream whose main holds code and config and no record, in a folder of its own.
async function newUpstream(name: string): Promise<string> {
  const upstream = join(root, `${name}.git`);
  await git(root, "init", "-q", "--bare", "-b", "main", upstream);
  const seed = join(root, `${name}-seed`);
  await git(root, "clone", "-q", upstream, seed);
  await writeOutletConfig(join(seed, "stet.config.yaml"), outlet.origin);
  await writeFile(join(seed, "README.md"), "# a stet deployment\n");
  await git(seed, "add", ".");
  await git(seed, ...WHO, "commit", "-qm", "code and config");
  await git(seed, "push", "-q", "origin", "main");
  return upstream;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), "stet-archive-branch-"));
  // Each test sets the pass every run sees, so no test depends on another's.
  outlet = await startFixtureOutlet({ pass: 1 });
});

afterAll(async () => {
  await outlet?.close();
  await removeTempDir(root);
});

// Each test runs the workflow three or four times with the real CLI.
describe("the record on the archive branch", { timeout: 180_000 }, () => {
  it("starts an empty archive branch on the first run, continues it on the next, and never touches main", async () => {
    const upstream = await newUpstream("first-runs");
    const mainBefore = (await branches(upstream)).main;
    outlet.setPass(1);
    const first = await workflowRun(upstream, times[0] ?? "");
    expect(first.log).toContain("no branch archive on origin yet: data starts an empty archive");
    const afterFirst = await branches(upstream);
    expect(afterFirst.main).toBe(mainBefore);
    const files = (await git(upstream, "ls-tree", "-r", "--name-only", "archive"))
      .trim()
      .split("\n");
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) expect(file).toMatch(/^archive\/harbor\/.+\.md$/);
    // The archive branch is a history of its own, not a child of main.
    await expect(git(upstream, "merge-base", "main", "archive")).rejects.toThrow();

    outlet.setPass(2);
    const second = await workflowRun(upstream, times[1] ?? "");
    expect(second.log).toMatch(/archive branch archive at [0-9a-f]+ in data/);
    const afterSecond = await branches(upstream);
    expect(afterSecond.main).toBe(mainBefore);
    expect(afterSecond.archive).not.toBe(afterFirst.archive);
    await git(
      upstream,
      "merge-base",
      "--is-ancestor",
      afterFirst.archive ?? "",
      afterSecond.archive ?? "",
    );
  });

  it("lets a fork keep its own record and sync upstream's main without conflicts", async () => {
    const upstream = await newUpstream("upstream");
    outlet.setPass(1);
    await workflowRun(upstream, times[0] ?? "");
    // A fork copies main only (GitHub's default), then runs its own fetches.
    const fork = join(root, "fork.git");
    await git(root, "clone", "-q", "--bare", "--single-branch", "-b", "main", upstream, fork);
    expect(Object.keys(await branches(fork))).toEqual(["main"]);
    outlet.setPass(3);
    await workflowRun(fork, times[2] ?? "");
    expect(Object.keys(await branches(fork)).sort()).toEqual(["archive", "main"]);
    // Upstream moves on: new code on main, new versions on its archive branch.
    const work = join(root, "upstream-work");
    await git(root, "clone", "-q", upstream, work);
    await writeFile(join(work, "README.md"), "# a stet deployment\n\nNow with notes.\n");
    await git(work, ...WHO, "commit", "-qam", "upstream: notes");
    await git(work, "push", "-q", "origin", "main");
    outlet.setPass(4);
    await workflowRun(upstream, times[3] ?? "");
    // "Sync fork": main fast-forwards to upstream's; the fork's record is not involved.
    const forkWork = join(root, "fork-work");
    await git(root, "clone", "-q", fork, forkWork);
    await git(forkWork, "remote", "add", "upstream", upstream);
    await git(forkWork, "fetch", "-q", "upstream", "main");
    await git(forkWork, "merge", "--ff-only", "-q", "upstream/main");
    expect(await readFile(join(forkWork, "README.md"), "utf8")).toContain("Now with notes.");
    await git(forkWork, "push", "-q", "origin", "main");
    const shas = async (bare: string) =>
      new Set((await git(bare, "log", "--format=%H", "archive")).trim().split("\n"));
    const [mine, theirs] = [await shas(fork), await shas(upstream)];
    expect([...mine].filter((sha) => theirs.has(sha))).toEqual([]);
  });
});
