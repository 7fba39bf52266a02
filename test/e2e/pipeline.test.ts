// End to end through both commands: `stet fetch` over the invented outlet's passes, then
// `stet build` on the resulting repository, and the site and feeds inspected as a reader gets them.

import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import * as cheerio from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectSameFile } from "../support/expect-same-file.ts";
import { writeOutletConfig } from "../support/fixture-outlet.ts";
import { runStet, type StetRun } from "../support/run-stet.ts";
import { cloneReplay, type Replay, sharedReplay } from "../support/shared-replay.ts";
import { git, makeTempRepo, removeTempDir } from "../support/temp-repo.ts";

const run = promisify(execFile);
const ATOM_SCHEMA = new URL("../support/atom.rnc", import.meta.url).pathname;

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
}

async function commitAs(repo: string, message: string, date: string): Promise<void> {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "editor",
    GIT_AUTHOR_EMAIL: "editor@example.org",
    GIT_COMMITTER_NAME: "editor",
    GIT_COMMITTER_EMAIL: "editor@example.org",
    GIT_AUTHOR_DATE: date,
    GIT_COMMITTER_DATE: date,
  };
  await run("git", ["commit", "-qam", message], { cwd: repo, env });
}

describe("fetch, then build, then read the site", () => {
  let replay: Replay;
  let repo: string;
  let out: string;
  let build: StetRun;

  beforeAll(async () => {
    replay = await sharedReplay();
    repo = replay.repo;
    out = await mkdtemp(join(tmpdir(), "stet-pipeline-site-"));
    build = await buildInto(repo, out);
  }, 180_000);

  afterAll(async () => {
    await removeTempDir(out);
  });

  // Builds the site of `from` into `into`, with the replay's config.
  function buildInto(from: string, into: string): Promise<StetRun> {
    return runStet([
      "build",
      "--repo",
      from,
      "--config",
      replay.config,
      "--out",
      into,
      "--base-url",
      "https://watch.example/stet/",
    ]);
  }

  it("builds a page for every article, version and consecutive pair", async () => {
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);
    const log = await git(repo, "log", "--format=", "--name-only");
    const versionsOf = new Map<string, number>();
    for (const file of log.split("\n").filter(Boolean))
      versionsOf.set(file, (versionsOf.get(file) ?? 0) + 1);
    expect(versionsOf.size).toBe(5);
    for (const [file, versions] of versionsOf) {
      const slug = file.replace(/^archive\//, "").replace(/\.md$/, "");
      const pages = [`${slug}/index.html`, `${slug}/feed.atom`];
      for (let n = 1; n <= versions; n++) pages.push(`${slug}/v${n}/index.html`);
      for (let n = 2; n <= versions; n++) pages.push(`${slug}/diff/${n - 1}..${n}/index.html`);
      for (const page of pages)
        await expect(readFile(join(out, page), "utf8")).resolves.toBeTruthy();
    }
    for (const page of [
      "index.html",
      "harbor/index.html",
      "feeds/all.atom",
      "feeds/harbor.atom",
      "feeds/headlines.atom",
    ]) {
      await expect(readFile(join(out, page), "utf8")).resolves.toBeTruthy();
    }
  });

  it("marks a one-word fix as that one word", async () => {
    const html = await readFile(
      join(out, "harbor/news/2026/11/storm-harbor-wall/diff/1..2/index.html"),
      "utf8",
    );
    const $ = cheerio.load(html);
    const texts = (selector: string) =>
      $(selector)
        .map((_, el) => $(el).text())
        .get();
    // The inline view, then the side-by-side columns, which carry the same words once more.
    expect(texts("main .both del")).toEqual(["spring"]);
    expect(texts("main .both ins")).toEqual(["summer"]);
    expect(texts("main .old del")).toEqual(["spring"]);
    expect(texts("main .new ins")).toEqual(["summer"]);
    expect(texts("main del")).toHaveLength(2);
  });

  it("shows the headline change of the ferry story word by word", async () => {
    const html = await readFile(
      join(out, "harbor/news/2026/11/council-ferry-fares/diff/2..3/index.html"),
      "utf8",
    );
    const $ = cheerio.load(html);
    const headline = $("#headline-heading").next();
    expect(headline.find("del").text()).toBe(
      "Council approves ferry fare increase after late-night",
    );
    expect(headline.find("ins").text()).toBe(
      "Ferry fares to rise 12 percent in January after split council",
    );
    expect(headline.text()).toMatch(/ vote$/);
  });

  it("shows markup-like text from pages as text, never as markup", async () => {
    for (const file of await filesUnder(out)) {
      if (!/\.(html|atom|json)$/.test(file)) continue;
      const content = await readFile(file, "utf8");
      expect(content, file).not.toMatch(/<script>alert|<img src=x onerror|href="javascript:/i);
      if (file.endsWith(".html")) {
        const $ = cheerio.load(content);
        expect($("script:not([src])").length, file).toBe(0);
        expect($("[onerror], [onload], [onclick]").length, file).toBe(0);
      }
    }
    const history = await readFile(
      join(out, "harbor/news/2026/11/council-website-script-tags/index.html"),
      "utf8",
    );
    expect(cheerio.load(history)("h1").text()).toContain(
      "Why “<script>” tags broke the council website",
    );
  });

  it("writes feeds that validate against RFC 4287's schema", async () => {
    const feeds = (await filesUnder(out)).filter((file) => file.endsWith(".atom"));
    expect(feeds.length).toBe(8);
    await run("jing", ["-c", ATOM_SCHEMA, ...feeds]);
  });

  it("builds the same bytes from the same history", async () => {
    const again = await mkdtemp(join(tmpdir(), "stet-pipeline-again-"));
    try {
      expect((await buildInto(repo, again)).code).toBe(0);
      const first = await filesUnder(out);
      expect((await filesUnder(again)).map((f) => f.slice(again.length))).toEqual(
        first.map((f) => f.slice(out.length)),
      );
      for (const file of first) {
        const twin = join(again, file.slice(out.length));
        await expectSameFile(twin, file);
      }
    } finally {
      await removeTempDir(again);
    }
  });

  it("names an archive file corrupted by hand, skips that version and builds the rest", async () => {
    const clone = await cloneReplay(replay);
    const file = "archive/harbor/news/2026/11/lantern-festival-returns.md";
    await writeFile(join(clone, file), "this is not\nan archive file\n");
    await commitAs(clone, "harbor: hand edit gone wrong", "2026-11-04T05:00:00Z");
    const sha = (await git(clone, "rev-parse", "HEAD")).trim();
    const corrupted = join(clone, "site-corrupted");
    const result = await buildInto(clone, corrupted);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      `skipped ${file} at commit ${sha.slice(0, 10)}: does not start with front matter (---)`,
    );
    // The article keeps its two readable versions; everything else is built as before.
    const slug = "harbor/news/2026/11/lantern-festival-returns";
    await expect(readFile(join(corrupted, slug, "v2/index.html"), "utf8")).resolves.toBeTruthy();
    await expect(readFile(join(corrupted, slug, "v3/index.html"), "utf8")).rejects.toThrow();
    await expect(
      readFile(
        join(corrupted, "harbor/news/2026/11/storm-harbor-wall/diff/3..4/index.html"),
        "utf8",
      ),
    ).resolves.toBeTruthy();
    await removeTempDir(join(clone, ".."));
  });

  it("leaves a deleted article out of every page and feed, even in a folder built before", async () => {
    const clone = await cloneReplay(replay);
    const takenDown = join(clone, "site-taken-down");
    expect((await buildInto(clone, takenDown)).code).toBe(0);
    await run("git", ["rm", "-q", "archive/harbor/news/2026/11/school-roof-classrooms.md"], {
      cwd: clone,
    });
    await commitAs(clone, "harbor: take down school roof story", "2026-11-04T06:00:00Z");
    // Built into the folder of the first build: the old pages must go, not linger.
    expect((await buildInto(clone, takenDown)).code).toBe(0);
    for (const file of await filesUnder(takenDown)) {
      expect(file).not.toContain("school-roof-classrooms");
      expect(await readFile(file, "utf8"), file).not.toContain("Port Ellery Elementary");
    }
    await removeTempDir(join(clone, ".."));
  });
});

describe("stet build's output folder", () => {
  it("refuses to empty a folder it did not build", async () => {
    const repo = await makeTempRepo();
    const out = join(repo, "precious");
    await writeOutletConfig(join(repo, "stet.config.yaml"), "http://127.0.0.1:9999");
    await run("mkdir", ["-p", out]);
    await writeFile(join(out, "notes.txt"), "mine\n");
    const result = await runStet(["build", "--repo", repo, "--out", out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      `stet: ${out} is not empty and was not built by stet; choose an empty or new folder with --out\n`,
    );
    expect(await readFile(join(out, "notes.txt"), "utf8")).toBe("mine\n");
    await removeTempDir(repo);
  });
});
