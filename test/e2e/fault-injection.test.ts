// Killing `stet fetch` at every point where it writes or commits (SIGKILL, as `kill -9` or a
// cancelled job would), then running it again: the repository must hold no half-written text,
// the next run must carry on and record exactly the versions the outlet served, and failures of
// the disk or of git must end the run non-zero with a clear message and nothing half-done.

import { mkdir, readFile, symlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseArticleFile } from "../../src/archive/article-file.ts";
import { parseConfig } from "../../src/config/load-config.ts";
import { FAULT_POINTS } from "../../src/fault-point.ts";
import { runFetch } from "../../src/fetch/run-fetch.ts";
import { manualClock } from "../support/manual-clock.ts";
import { runStet } from "../support/run-stet.ts";
import {
  articlePage,
  rssFeed,
  type ScenarioServer,
  startScenarioServer,
} from "../support/scenario-server.ts";
import { git, makeTempRepo, removeTempDir } from "../support/temp-repo.ts";

const PARAGRAPHS = [
  "The ferry between Port Ellery and Gannet Island will run twice a day through the winter.",
  "The operator said bookings had grown by a third since the new pier opened in the spring.",
  "Islanders had asked for a later evening crossing so that pupils can stay for school clubs.",
];
const FIRST = "2026-11-20T08:00:00Z";
const SECOND = "2026-11-20T09:00:00Z";

let server: ScenarioServer;
let repo: string;
let config: string;

beforeEach(async () => {
  server = await startScenarioServer();
  repo = await makeTempRepo();
  config = join(repo, "..", `${repo.split("/").pop()}.yaml`);
  await writeFile(
    config,
    `fetch: { perHostDelayMs: 0, retries: 0 }
git: { authorName: stet, authorEmail: stet@localhost }
outlets:
  - id: gazette
    name: The Scenario Gazette
    feeds: ["${server.origin}/feed.xml"]
    allowPrivateAddresses: true
`,
  );
  server.route("/feed.xml", {
    headers: { "content-type": "application/rss+xml" },
    body: rssFeed(server.origin, ["/news/ferry", "/news/pier"]),
  });
  for (const path of ["/news/ferry", "/news/pier"]) {
    server.route(path, {
      body: articlePage({
        headline: `Winter timetable: ${path}`,
        paragraphs: PARAGRAPHS,
        canonical: `${server.origin}${path}`,
      }),
    });
  }
});

afterEach(async () => {
  await server.close();
  await removeTempDir(repo);
  await removeTempDir(config);
});

// A second run in this process, on a virtual clock.
async function fetchAgain() {
  const lines: string[] = [];
  const run = await runFetch({
    config: parseConfig(await readFile(config, "utf8"), config),
    repo,
    now: new Date(SECOND),
    clock: manualClock(SECOND),
    log: (line) => lines.push(line),
  });
  return { report: run.reports[0], lines };
}

async function committedTexts(): Promise<string[]> {
  const log = await git(repo, "log", "--format=%H", "--all", "--", "archive/");
  const texts: string[] = [];
  for (const sha of log.trim().split("\n").filter(Boolean)) {
    const files = (await git(repo, "show", "--name-only", "--format=", sha)).trim().split("\n");
    for (const file of files) texts.push(await git(repo, "show", `${sha}:${file}`));
  }
  return texts;
}

describe("stet fetch killed at any point", () => {
  for (const point of FAULT_POINTS) {
    it(`leaves a repository the next run carries on from, when killed at ${point}`, async () => {
      const killed = await runStet(
        ["fetch", "--repo", repo, "--config", config, "--now", FIRST],
        undefined,
        { STET_TEST_KILL_AT: point },
      );
      expect(killed.code, killed.stderr).not.toBe(0);
      // Whatever was committed is whole: every archived text parses and is the article served.
      for (const text of await committedTexts()) {
        expect(parseArticleFile(text).paragraphs).toEqual(PARAGRAPHS);
      }
      const { report, lines } = await fetchAgain();
      expect(report?.failed).toEqual([]);
      expect(report?.commitsFailed).toBe(0);
      expect(lines.join("\n")).toContain("taking over the stale fetch lock");
      // Exactly one version per article, whether the killed run committed it or this one did.
      const files = (await git(repo, "log", "--format=", "--name-only")).trim().split("\n");
      expect(files.sort()).toEqual([
        "archive/gazette/news/ferry.md",
        "archive/gazette/news/pier.md",
      ]);
      expect((await git(repo, "status", "--porcelain", "--", "archive/")).trim()).toBe("");
    });
  }

  it("removes git's lock file left by a killed run before committing", async () => {
    // A run died in the middle of `git commit`: its fetch lock and git's index.lock remain.
    await mkdir(join(repo, ".stet"), { recursive: true });
    await writeFile(
      join(repo, ".stet", "fetch.lock"),
      JSON.stringify({ pid: 2 ** 22 + 7, hostname: (await import("node:os")).hostname() }),
    );
    await writeFile(join(repo, ".git", "index.lock"), "");
    const { report, lines } = await fetchAgain();
    expect(lines).toContain(
      `removed git lock files left by the run that died: ${join(repo, ".git", "index.lock")}`,
    );
    expect(report?.newArticles).toBe(2);
  });
});

describe("stet fetch when writing fails", () => {
  it("exits non-zero when commits fail, naming the file, and commits nothing half-done", async () => {
    // A lock git did not leave behind a dead run: commits fail, and the run must say so.
    await writeFile(join(repo, ".git", "index.lock"), "");
    const run = await runStet(["fetch", "--repo", repo, "--config", config, "--now", FIRST]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /failed \S+\/news\/ferry: could not commit archive\/gazette\/news\/ferry\.md: git add failed .*index\.lock/,
    );
    expect(run.stderr).toBe(
      "stet: 2 commits failed, so their versions were not recorded; see the lines above\n",
    );
    await expect(git(repo, "rev-parse", "HEAD")).rejects.toThrow();
    expect(
      (await git(repo, "status", "--porcelain", "--untracked-files=all", "--", "archive/")).trim(),
    ).toBe("");
  });

  it("exits non-zero with a clear message when the disk is full as the state is saved", async () => {
    // Writes to /dev/full fail with ENOSPC: the state's temporary file points there.
    await mkdir(join(repo, ".stet"), { recursive: true });
    await symlink("/dev/full", join(repo, ".stet", "state.json.tmp"));
    const run = await runStet(["fetch", "--repo", repo, "--config", config, "--now", FIRST]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `stet: could not save the fetch state to ${join(repo, ".stet", "state.json")}: the disk is full; the previous file is unchanged. Free space or fix permissions, then run again\n`,
    );
    // The versions are committed; the next run, with space again, finds nothing new.
    expect(Number((await git(repo, "rev-list", "--count", "HEAD")).trim())).toBe(2);
    const { report } = await fetchAgain();
    expect(report?.newArticles).toBe(0);
  });
});
