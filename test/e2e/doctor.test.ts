// `stet doctor` against real temp repositories and the invented outlet on 127.0.0.1: a healthy
// setup exits 0 and says what it checked; a broken one exits 1 naming each thing to fix.

import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type FixtureOutlet,
  startFixtureOutlet,
  writeOutletConfig,
} from "../support/fixture-outlet.ts";
import { runStet } from "../support/run-stet.ts";
import { git, makeTempRepo, removeTempDir } from "../support/temp-repo.ts";

const WORKFLOWS = new URL("../../.github/workflows/", import.meta.url).pathname;

describe("stet doctor", () => {
  let outlet: FixtureOutlet;
  const repos: string[] = [];

  beforeAll(async () => {
    outlet = await startFixtureOutlet({ pass: 3 });
  });
  afterAll(async () => {
    await outlet.close();
    for (const repo of repos) await removeTempDir(repo);
  });

  async function repoWithCommit(): Promise<string> {
    const repo = await makeTempRepo();
    repos.push(repo);
    await writeFile(join(repo, "README.md"), "An archive.\n");
    await git(repo, "add", "README.md");
    await git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "start");
    return repo;
  }

  it("exits 0 for a working setup and says what it checked", async () => {
    const repo = await repoWithCommit();
    await git(repo, "checkout", "-q", "-b", "archive");
    const bare = await makeTempRepo("stet-doctor-origin-");
    repos.push(bare);
    await git(repo, "remote", "add", "origin", bare);
    await cp(WORKFLOWS, join(repo, ".github/workflows"), { recursive: true });
    await writeOutletConfig(join(repo, "stet.config.yaml"), outlet.origin);
    const run = await runStet(["doctor", "--repo", repo]);
    expect(run.stderr).toBe("");
    expect(run.stdout).not.toMatch(/^FIX/m);
    expect(run.stdout).toMatch(/^ok {4}config: .*stet\.config\.yaml: 1 outlets \(harbor\)$/m);
    expect(run.stdout).toMatch(/^ok {4}repository: .*: branch archive, 0 archived articles$/m);
    expect(run.stdout).toContain("ok    archive: the record's branch archive is checked out here");
    expect(run.stdout).toContain(`ok    remote: origin is ${bare}`);
    expect(run.stdout).toContain(
      "ok    workflow fetch.yml: may push (permissions: contents: write)",
    );
    expect(run.stdout).toMatch(/^ok {4}outlet harbor: feeds and sitemaps list [1-9]\d* articles$/m);
    expect(run.stdout).toMatch(
      /^ok {4}outlet harbor: latest article http:\/\/127\.0\.0\.1:\d+\/\S+: ".+", [1-9]\d* paragraphs, \d+ words$/m,
    );
    expect(run.stdout).toMatch(/^stet doctor: 0 to fix, \d+ to look at$/m);
    expect(run.code).toBe(0);
  });

  it("exits 1 and names each thing to fix", async () => {
    const repo = await repoWithCommit();
    await git(repo, "checkout", "-q", "--detach");
    await writeFile(join(repo, ".git", "index.lock"), "");
    await mkdir(join(repo, ".github/workflows"), { recursive: true });
    const fetchYml = (await readFile(join(WORKFLOWS, "fetch.yml"), "utf8")).replace(
      /^permissions:\n {2}contents: write\n/m,
      "",
    );
    await writeFile(join(repo, ".github/workflows/fetch.yml"), fetchYml);
    await writeOutletConfig(join(repo, "stet.config.yaml"), outlet.origin);
    const config = await readFile(join(repo, "stet.config.yaml"), "utf8");
    await writeFile(
      join(repo, "stet.config.yaml"),
      `${config}    selectors: { body: ".no-such-body p" }\n` +
        `  - id: quiet\n    name: Quiet\n    feeds: ["${outlet.origin}/no-such-feed.xml"]\n    allowPrivateAddresses: true\n` +
        `  - id: private\n    name: Private\n    feeds: ["${outlet.origin}/feed.xml"]\n`,
    );
    const run = await runStet(["doctor", "--repo", repo]);
    expect(run.code).toBe(1);
    const fixes = run.stdout.split("\n").filter((line) => line.startsWith("FIX"));
    expect(fixes).toEqual([
      expect.stringMatching(/^FIX {3}repository: HEAD is detached in .*; check out a branch first/),
      "FIX   workflow fetch.yml: cannot push its commits: add `permissions: contents: write`",
      "FIX   workflow pages.yml: is missing: copy it from stet's repository",
      expect.stringMatching(
        /^FIX {3}outlet harbor: latest article \S+: ".+", 0 paragraphs: extraction fails here; add selectors/,
      ),
      `FIX   outlet quiet: feed ${outlet.origin}/no-such-feed.xml: HTTP 404`,
      "FIX   outlet quiet: no article found: check feeds, sitemaps, urls and the articleUrl pattern",
      expect.stringMatching(
        /^FIX {3}outlet private: feed \S+: refused: 127\.0\.0\.1 is a loopback address; an outlet served from such an address needs allowPrivateAddresses: true$/,
      ),
      "FIX   outlet private: no article found: check feeds, sitemaps, urls and the articleUrl pattern",
    ]);
    expect(run.stdout).toMatch(/^stet doctor: 8 to fix, \d+ to look at$/m);
  });

  it("says where the record lives when the checkout is on another branch", async () => {
    const repo = await repoWithCommit();
    await cp(WORKFLOWS, join(repo, ".github/workflows"), { recursive: true });
    await writeOutletConfig(join(repo, "stet.config.yaml"), outlet.origin);
    const run = await runStet(["doctor", "--repo", repo]);
    expect(run.stdout).toContain(
      "warn  archive: there is no archive branch yet: the fetch workflow's first run creates it",
    );
    await git(repo, "branch", "archive");
    const again = await runStet(["doctor", "--repo", repo]);
    expect(again.stdout).toMatch(
      /^warn {2}archive: the record lives on the branch archive, and .* has main checked out: .*--repo data$/m,
    );
  });

  it("reports git lock files left by a killed run", async () => {
    const repo = await repoWithCommit();
    await writeFile(join(repo, ".git", "index.lock"), "");
    await writeOutletConfig(join(repo, "stet.config.yaml"), outlet.origin);
    const run = await runStet(["doctor", "--repo", repo]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(
      /^FIX {3}repository: git lock files are left \(.*index\.lock\): every commit fails while they are there/m,
    );
  });

  it("reports a config it cannot read and goes on with the rest", async () => {
    const repo = await repoWithCommit();
    await writeFile(join(repo, "stet.config.yaml"), "outlets: [\n");
    const run = await runStet(["doctor", "--repo", repo]);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^FIX {3}config: .*stet\.config\.yaml:\d+: not valid YAML/m);
    expect(run.stdout).toMatch(/^ok {4}repository: /m);
  });
});
