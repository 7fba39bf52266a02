// An incremental build must give exactly the bytes of a full build. Each test starts from the same
// small repository, built once, and moves it on one step (new versions and articles, a takedown,
// a config change, a template change, a rewritten history); `stet build` then updates the site
// folder from the build cache, a full build into a fresh folder (from a clone, with its own cache)
// gives the reference, and the two folders must hold the same files with the same bytes. The build also says what it did, and
// touches no file when nothing is new.

import { execFile } from "node:child_process";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { promisify } from "node:util";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { serializeArticleFile } from "../../src/archive/article-file.ts";
import { buildCommand } from "../../src/commands/build.ts";
import { TEMPLATES_DIR } from "../../src/render/page-renderer.ts";
import type { Article } from "../../src/types.ts";
import { expectSameFile } from "../support/expect-same-file.ts";

const run = promisify(execFile);

let tmp: string;
let repo: string;
let templates: string;
let site: string;
let clock: number;

async function git(dir: string, ...args: string[]): Promise<string> {
  const time = new Date(clock).toISOString();
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "stet",
    GIT_AUTHOR_EMAIL: "stet@localhost",
    GIT_COMMITTER_NAME: "stet",
    GIT_COMMITTER_EMAIL: "stet@localhost",
    GIT_AUTHOR_DATE: time,
    GIT_COMMITTER_DATE: time,
  };
  const { stdout } = await run("git", args, { cwd: dir, env });
  return stdout;
}

function config(title: string): string {
  return `site: { title: ${JSON.stringify(title)}, baseUrl: "https://watch.example/stet/" }
outlets:
  - { id: harbor, name: The Harbor Courier, feeds: ["https://harbor.example/feed.xml"] }
  - { id: ridge, name: Ridge Daily, feeds: ["https://ridge.example/feed.xml"] }
`;
}

function article(title: string, paragraphs: string[]): Article {
  return { title, byline: "By Ines Vale", published: null, paragraphs };
}

/** Commits new text for each file, one commit per file, an hour apart. */
async function commitVersions(files: Record<string, Article>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    clock += 3_600_000;
    const slug = path.replace(/^archive\/[^/]+\//, "").replace(/\.md$/, "");
    const outlet = path.split("/")[1] ?? "";
    const file = join(repo, path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(
      file,
      serializeArticleFile({ url: `https://${outlet}.example/${slug}`, ...text }),
    );
    await git(repo, "add", path);
    await git(repo, "commit", "-qm", `${outlet}: ${text.title}`);
  }
}

interface Build {
  lines: string[];
  /** Files of the site folder whose modification time changed. */
  touched: string[];
  /** Files of the site folder the build deleted. */
  deleted: string[];
}

async function fingerprints(dir: string): Promise<Map<string, number>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const result = new Map<string, number>();
  for (const e of entries) {
    if (!e.isFile()) continue;
    const path = join(e.parentPath, e.name);
    result.set(path.slice(dir.length + 1), (await stat(path)).mtimeMs);
  }
  return result;
}

/** Builds `repo` into `out` in-process, with the test's copy of the templates. */
async function build(
  from: string,
  out: string,
  search?: "update" | "keep" | "off",
): Promise<Build> {
  const before = await fingerprints(out).catch(() => new Map<string, number>());
  const lines: string[] = [];
  let fullBuilds = 0;
  const code = await buildCommand({
    config: join(from, "stet.config.yaml"),
    repo: from,
    out,
    templatesDir: templates,
    search,
    log: (line) => lines.push(line),
    beforeFullBuild: () => fullBuilds++,
  });
  expect(code).toBe(0);
  // The CLI holds the heap's growth down in full builds only, through this call.
  expect(fullBuilds).toBe(
    lines.some((line) => line.includes(": building everything into ")) ? 1 : 0,
  );
  const after = await fingerprints(out);
  const touched = [...after].filter(([file, mtime]) => before.get(file) !== mtime).map(([f]) => f);
  const deleted = [...before.keys()].filter((file) => !after.has(file));
  return { lines, touched: touched.sort(), deleted: deleted.sort() };
}

/**
 * A full build of the same history and config into a fresh folder, from a clone of the repo; the
 * build cache it leaves must be the one the repo's last build left.
 */
async function reference(name: string): Promise<string> {
  const clone = join(tmp, `${name}-repo`);
  await run("git", ["clone", "-q", repo, clone]);
  await cp(join(repo, "stet.config.yaml"), join(clone, "stet.config.yaml"));
  const out = join(tmp, `${name}-site`);
  const { lines } = await build(clone, out);
  expect(lines[0]).toBe(`no build cache: building everything into ${out}`);
  await expectSameBytes(join(repo, CACHE), join(clone, CACHE));
  return out;
}

const CACHE = ".stet/build-cache";

async function expectSameBytes(actual: string, expected: string): Promise<void> {
  const files = [...(await fingerprints(expected)).keys()].sort();
  expect([...(await fingerprints(actual)).keys()].sort()).toEqual(files);
  for (const file of files) {
    await expectSameFile(join(actual, file), join(expected, file));
  }
}

const ferry = (n: number) =>
  article("Ferry timetable changes", [
    "The island ferry sails an hour later from Monday.",
    `The operator said the change would last ${n} weeks.`,
  ]);

// The starting point (repository, its build cache, the site built from it, the templates) is made
// and built once; each test works on its own copy, as if made afresh: a full build per test only
// to get back to where every test starts took a fifth of this file's time.
let base: string;
let baseClock: number;

/** Points the tests' paths at the starting point's copy in `dir`. */
function useFolder(dir: string): void {
  tmp = dir;
  repo = join(dir, "repo");
  site = join(dir, "site");
  templates = join(dir, "templates");
}

beforeAll(async () => {
  clock = Date.UTC(2026, 2, 2, 6, 0, 0);
  base = await mkdtemp(join(tmpdir(), "stet-incremental-base-"));
  useFolder(base);
  await cp(TEMPLATES_DIR, templates, { recursive: true });
  await mkdir(repo);
  await git(repo, "init", "-q", "-b", "main");
  await writeFile(join(repo, "stet.config.yaml"), config("Watching the coast"));
  await commitVersions({
    "archive/harbor/news/ferry.md": ferry(2),
    "archive/harbor/news/bridge.md": article("Council delays bridge vote", [
      "The council delayed a vote on the new bridge.",
    ]),
    "archive/ridge/local/school.md": article("School roof to be repaired", [
      "The roof of the village school will be repaired in the summer.",
    ]),
  });
  await commitVersions({ "archive/harbor/news/ferry.md": ferry(3) });
  const first = await build(repo, site);
  expect(first.lines[0]).toBe(`no build cache: building everything into ${site}`);
  baseClock = clock;
});

beforeEach(async () => {
  const dir = await mkdtemp(join(tmpdir(), "stet-incremental-"));
  await cp(base, dir, { recursive: true, preserveTimestamps: true });
  useFolder(dir);
  clock = baseClock;
});

afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
});

afterAll(async () => {
  if (base) await rm(base, { recursive: true, force: true });
});

describe("stet build from its cache", () => {
  it("writes no file when nothing is new, even after a commit that does not touch archive/", async () => {
    const again = await build(repo, site);
    expect(again.lines[0]).toMatch(/^nothing new since commit [0-9a-f]{10}: /);
    expect(again.touched).toEqual([]);
    await writeFile(join(repo, "NOTES.txt"), "not part of the archive\n");
    await git(repo, "add", "NOTES.txt");
    await git(repo, "commit", "-qm", "notes");
    const moved = await build(repo, site);
    expect(moved.lines[0]).toMatch(/^no archive change since commit [0-9a-f]{10}: /);
    expect(moved.touched).toEqual([]);
    expect((await build(repo, site)).lines[0]).toMatch(/^nothing new since commit/);
  });

  it("names a hand-committed file that is not an article file, in the build after it and in a full one", async () => {
    for (const path of ["archive/Bad/x.md", "archive/harbor/notes.txt"]) {
      await mkdir(dirname(join(repo, path)), { recursive: true });
      await writeFile(join(repo, path), "---\ntitle: Not an article\n---\nText\n");
      await git(repo, "add", path);
    }
    await git(repo, "commit", "-qm", "hand-made files");
    const stray = (file: string) =>
      new RegExp(
        `^left out ${file.replace(".", "\\.")} \\(commit [0-9a-f]{10}\\): not an article file; `,
      );
    const next = await build(repo, site);
    expect(next.lines[0]).toMatch(/^no archive change since commit [0-9a-f]{10}: /);
    for (const file of ["archive/Bad/x.md", "archive/harbor/notes.txt"]) {
      expect(
        next.lines.some((line) => stray(file).test(line)),
        file,
      ).toBe(true);
    }
    expect(next.touched).toEqual([]);
    const clone = join(tmp, "strays-repo");
    await run("git", ["clone", "-q", repo, clone]);
    await cp(join(repo, "stet.config.yaml"), join(clone, "stet.config.yaml"));
    const out = join(tmp, "strays-site");
    const full = await build(clone, out);
    expect(full.lines[0]).toBe(`no build cache: building everything into ${out}`);
    expect(full.lines.filter((line) => line.startsWith("left out "))).toHaveLength(2);
    const files = await readdir(out, { recursive: true });
    expect(files.some((file) => /bad|notes/i.test(String(file)))).toBe(false);
  });

  it("adds its figures to the job summary when GitHub Actions names one", async () => {
    const summary = join(tmp, "step-summary.md");
    await writeFile(summary, "earlier step\n");
    process.env.GITHUB_STEP_SUMMARY = summary;
    try {
      await build(repo, site);
    } finally {
      delete process.env.GITHUB_STEP_SUMMARY;
    }
    const text = await readFile(summary, "utf8");
    expect(text).toMatch(/^earlier step\n### stet build\n\n\| \| \|\n\|---\|---\|\n/);
    expect(text).toContain("| build | nothing new |");
    expect(text).toContain("| files written / deleted | 0 / 0 |");
  });

  it("renders only what new versions and a new article change, and matches a full build", async () => {
    await commitVersions({
      "archive/harbor/news/ferry.md": ferry(4),
      "archive/ridge/local/market.md": article("Market moves to the square", [
        "The weekly market moves to the church square in May.",
      ]),
    });
    const { lines, touched, deleted } = await build(repo, site);
    expect(lines[0]).toMatch(/^2 archive changes since commit [0-9a-f]{10}: updating /);
    expect(lines).toContain("articles: 2 rendered, 2 unchanged, 0 left out, 0 removed");
    expect(lines.at(-1)).toMatch(/\(incremental\) in [\d.]+ s: \d+ files written, \d+ deleted/);
    // The ferry's new version and diff, the ones before them (which now link on), its history,
    // compare, feed and new first-vs-latest page; the new article's pages; their API files, the
    // listings, feeds and status counts they appear in, the search index's changed parts, and the
    // marker naming the new cache. Not the ferry's first version, nothing of the bridge or the
    // school, not the stylesheet or the scripts, and not harbor's API list of days (its days and
    // their counts are as they were; ridge's has one article more).
    expect(touched.filter((file) => !file.startsWith("pagefind/"))).toEqual([
      ".stet-site.json",
      "api/harbor/news/ferry.json",
      "api/harbor/page/2026-03-02.json",
      "api/index.json",
      "api/ridge.json",
      "api/ridge/local/market.json",
      "api/ridge/page/2026-03-02.json",
      "feeds/all.atom",
      "feeds/harbor.atom",
      "feeds/ridge.atom",
      "harbor/index.html",
      "harbor/news/ferry/diff/1..2/index.html",
      "harbor/news/ferry/diff/1..latest/index.html",
      "harbor/news/ferry/diff/2..3/index.html",
      "harbor/news/ferry/diff/index.html",
      "harbor/news/ferry/feed.atom",
      "harbor/news/ferry/index.html",
      "harbor/news/ferry/v2/index.html",
      "harbor/news/ferry/v3/index.html",
      "harbor/page/2026-03-02/index.html",
      "index.html",
      "ridge/index.html",
      "ridge/local/market/feed.atom",
      "ridge/local/market/index.html",
      "ridge/local/market/v1/index.html",
      "ridge/page/2026-03-02/index.html",
      "status/index.html",
    ]);
    // Pagefind names its index files by their content: the old ones go as the new ones come.
    expect(deleted.length).toBeGreaterThan(0);
    expect(deleted.every((file) => file.startsWith("pagefind/"))).toBe(true);
    await expectSameBytes(site, await reference("additions"));
  });

  it("reads only the outlets new commits touch, and logs the others' left-out articles as a full build does", async () => {
    // Its slug would take the place of one of ridge's day pages: left out, and said so by every build.
    await commitVersions({ "archive/ridge/page/2026-03-01.md": ferry(1) });
    await build(repo, site);
    // Ridge's articles are not read again, so damage to their cache file goes unnoticed.
    const ridge = join(repo, ".stet/build-cache/articles/ridge.tsv");
    await writeFile(ridge, "{}");
    await commitVersions({ "archive/harbor/news/ferry.md": ferry(4) });
    const { lines } = await build(repo, site, "off");
    const full = await build(repo, join(tmp, "full-site"), "off");
    expect(full.lines[0]).toMatch(/: building everything into /);
    const said = (all: string[]) =>
      all.filter((line) => /^(history|skipped|outlets) /.test(line.replace(":", " ")));
    expect(said(lines)).toEqual(said(full.lines));
    expect(lines).toContain("articles: 1 rendered, 2 unchanged, 1 left out, 0 removed");
    expect(full.lines).toContain("articles: 3 rendered, 0 unchanged, 1 left out, 0 removed");
    expect(
      lines.some((line) => line.startsWith("skipped archive/ridge/page/2026-03-01.md: ")),
    ).toBe(true);
  });

  it("fails and starts again when the search index needs an outlet whose cached articles are damaged", async () => {
    await commitVersions({ "archive/harbor/news/ferry.md": ferry(4) });
    await writeFile(join(repo, ".stet/build-cache/articles/ridge.tsv"), "{}");
    await expect(
      buildCommand({
        config: join(repo, "stet.config.yaml"),
        repo,
        out: site,
        templatesDir: templates,
        log: () => {},
      }),
    ).rejects.toThrow(/articles of outlet ridge are missing or damaged; the cache is removed/);
    const { lines } = await build(repo, site);
    expect(lines[0]).toMatch(/: building everything into /);
    await expectSameBytes(site, await reference("damaged"));
  });

  it("leaves the search index behind with --search keep, and catches it up with the next update", async () => {
    await commitVersions({ "archive/harbor/news/ferry.md": ferry(4) });
    await build(repo, site, "keep");
    await commitVersions({ "archive/harbor/news/ferry.md": ferry(5) });
    const kept = await build(repo, site, "keep");
    expect(kept.lines).toContain(
      "search index: kept as it was, behind the history pages until a build with --search update",
    );
    expect(kept.touched.filter((file) => file.startsWith("pagefind/"))).toEqual([]);
    // Version 4 rewrites the pages that show the latest state and the two newest of each kind;
    // the pages of versions 1 and 2 and the change between them stay as they were.
    expect(kept.touched.filter((file) => file.startsWith("harbor/news/ferry/"))).toEqual([
      "harbor/news/ferry/diff/1..latest/index.html",
      "harbor/news/ferry/diff/2..3/index.html",
      "harbor/news/ferry/diff/3..4/index.html",
      "harbor/news/ferry/diff/index.html",
      "harbor/news/ferry/feed.atom",
      "harbor/news/ferry/index.html",
      "harbor/news/ferry/v3/index.html",
      "harbor/news/ferry/v4/index.html",
    ]);
    // Nothing new, but the index lags: an update build indexes again, and only that.
    const caught = await build(repo, site, "update");
    expect(caught.lines[0]).toMatch(/^nothing new since commit /);
    expect(caught.lines).toContain("search index was behind the pages: 3 pages indexed");
    expect(caught.touched.length).toBeGreaterThan(0);
    expect(caught.touched.every((file) => file.startsWith("pagefind/"))).toBe(true);
    expect((await build(repo, site, "update")).touched).toEqual([]);
    await expectSameBytes(site, await reference("caught-up"));
  });

  it("indexes again after a takedown even with --search keep, so the article is not found", async () => {
    clock += 3_600_000;
    await git(repo, "rm", "-q", "archive/harbor/news/bridge.md");
    await git(repo, "commit", "-qm", "harbor: take down the bridge story");
    const kept = await build(repo, site, "keep");
    expect(kept.lines.some((line) => line.startsWith("search index: 2 pages indexed in "))).toBe(
      true,
    );
    expect((await build(repo, site, "update")).touched).toEqual([]);
    await expectSameBytes(site, await reference("taken-down-kept"));
  });

  it("removes an index that lags behind the pages when asked for none", async () => {
    await commitVersions({ "archive/harbor/news/ferry.md": ferry(4) });
    await build(repo, site, "keep");
    const off = await build(repo, site, "off");
    expect(off.lines).toContain(
      "search index: removed, it no longer matched the pages (--search off)",
    );
    expect(off.deleted.length).toBeGreaterThan(0);
    expect(off.deleted.every((file) => file.startsWith("pagefind/"))).toBe(true);
    const again = await build(repo, site, "keep");
    expect(again.lines).toContain("search index was missing: 3 pages indexed");
  });

  it("removes a taken-down article's pages and folders, and matches a full build", async () => {
    clock += 3_600_000;
    await git(repo, "rm", "-q", "archive/harbor/news/bridge.md");
    await git(repo, "commit", "-qm", "harbor: take down the bridge story");
    const { lines } = await build(repo, site);
    expect(lines).toContain("articles: 0 rendered, 2 unchanged, 0 left out, 1 removed");
    await expect(stat(join(site, "harbor/news/bridge"))).rejects.toThrow(/ENOENT/);
    for (const feed of ["feeds/all.atom", "feeds/harbor.atom", "harbor/index.html"]) {
      expect(await readFile(join(site, feed), "utf8")).not.toContain("bridge");
    }
    await expectSameBytes(site, await reference("takedown"));
  });

  it("starts again when the config's site settings change, and matches a full build", async () => {
    await writeFile(join(repo, "stet.config.yaml"), config("Watching the whole coast"));
    const { lines } = await build(repo, site);
    expect(lines[0]).toBe(
      `the site settings in the config changed since the cached build: building everything into ${site}`,
    );
    await expectSameBytes(site, await reference("config"));
  });

  it("starts again when a template changes, and matches a full build", async () => {
    const base = join(templates, "_includes", "base.njk");
    const text = await readFile(base, "utf8");
    await writeFile(base, text.replace("Skip to content", "Skip to the content"));
    const { lines } = await build(repo, site);
    expect(lines[0]).toBe(
      `the templates changed since the cached build: building everything into ${site}`,
    );
    expect(await readFile(join(site, "index.html"), "utf8")).toContain("Skip to the content");
    await expectSameBytes(site, await reference("template"));
  });

  it("starts again when the history was rewritten, and matches a full build", async () => {
    // Rewrite the last ferry commit: the cached commit is no longer in the history.
    await git(repo, "reset", "-q", "--hard", "HEAD~1");
    await commitVersions({ "archive/harbor/news/ferry.md": ferry(5) });
    const { lines } = await build(repo, site);
    expect(lines[0]).toMatch(
      /^the build cache is from another history \(commit [0-9a-f]{10} is not an ancestor of HEAD\): building everything/,
    );
    await expectSameBytes(site, await reference("rewritten"));
  });

  it("starts again for a site folder the cache does not describe", async () => {
    const other = join(tmp, "other-site");
    await build(repo, other);
    await commitVersions({
      "archive/ridge/local/school.md": article("School roof repaired", ["Done."]),
    });
    // The cache now follows the other folder, one commit ahead of this one.
    await build(repo, other);
    const { lines } = await build(repo, site);
    expect(lines[0]).toBe(
      `the site folder is not the one the build cache describes: building everything into ${site}`,
    );
    await expectSameBytes(site, other);
  });
});
