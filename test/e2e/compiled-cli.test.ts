// The bin that users and workflows run is the compiled one: `npm run build` (run by `npm ci` as
// `prepare`) turns src/ into dist/, the bin starts without compiling anything, heavy packages load
// only for the commands that need them, and templates and assets are still found from dist/.

import { execFile, spawn } from "node:child_process";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { serializeArticleFile } from "../../src/archive/article-file.ts";
import { git, makeTempRepo, removeTempDir } from "../support/temp-repo.ts";

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const BIN = join(ROOT, "bin", "stet.js");
const LOG_LOADS = join(ROOT, "test", "support", "log-package-loads.mjs");
/** Packages that take hundreds of milliseconds to load; only some commands need each. */
const HEAVY = ["@11ty/eleventy", "@mozilla/readability", "linkedom", "cheerio", "simple-git"];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the compiled bin with the package-load logger; `packages` are the ones it loaded. */
function runBin(args: string[]): Promise<Run & { packages: string[] }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", LOG_LOADS, BIN, ...args], { cwd: ROOT });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => {
      const packages = new Set<string>();
      for (const [, name] of stderr.matchAll(/^loaded .*?\/node_modules\/((?:@[^/]+\/)?[^/]+)/gm)) {
        packages.add(name as string);
      }
      const rest = stderr.replace(/^loaded .*\n/gm, "");
      resolve({ code: code ?? 1, stdout, stderr: rest, packages: [...packages].sort() });
    });
  });
}

async function filesBelow(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

beforeAll(async () => {
  // The same command `npm ci` runs as `prepare`: a stale or missing dist/ is rebuilt here.
  await run("npm", ["run", "build", "--silent"], { cwd: ROOT });
}, 180_000);

describe("the compiled stet bin", () => {
  it("is built from every source file, and only from them", async () => {
    const sources = (await filesBelow(join(ROOT, "src")))
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".d.ts"))
      .map((f) => f.replace(/\.ts$/, ".js"));
    expect(await filesBelow(join(ROOT, "dist"))).toEqual(sources);
  });

  it("prints its version without loading any package", async () => {
    const pkg = JSON.parse(await readFile(join(ROOT, "package.json"), "utf8"));
    const result = await runBin(["--version"]);
    expect(result).toMatchObject({ code: 0, stdout: `stet ${pkg.version}\n`, stderr: "" });
    expect(result.packages).toEqual([]);
  });

  it("builds a site from the templates and assets of the checkout, and loads little when nothing is new", async () => {
    const repo = await makeTempRepo();
    try {
      await writeFile(
        join(repo, "stet.config.yaml"),
        'site: { title: "Compiled", baseUrl: "https://example.org/" }\noutlets:\n  - { id: harbor, name: Harbor, feeds: ["https://harbor.example/feed.xml"] }\n',
      );
      await run("mkdir", ["-p", join(repo, "archive", "harbor", "news")]);
      /** Commits a version of the ferry article (and the config, the first time). */
      const commitFerry = async (title: string, paragraph: string) => {
        await writeFile(
          join(repo, "archive", "harbor", "news", "ferry.md"),
          serializeArticleFile({
            url: "https://harbor.example/news/ferry",
            title,
            byline: null,
            published: null,
            paragraphs: [paragraph],
          }),
        );
        await git(repo, "add", ".");
        await git(
          repo,
          "-c",
          "user.name=t",
          "-c",
          "user.email=t@example.org",
          "commit",
          "-qm",
          title,
        );
      };
      await commitFerry(
        "Ferry timetable changes",
        "The island ferry sails an hour later from Monday.",
      );
      const out = join(repo, "site");
      const result = await runBin(["build", "--repo", repo, "--out", out]);
      expect(result.stderr).toBe("");
      expect(result.code).toBe(0);
      const files = await filesBelow(out);
      expect(files).toContain("assets/style.css");
      expect(files).toContain("harbor/news/ferry/v1/index.html");
      expect(await readFile(join(out, "harbor/news/ferry/index.html"), "utf8")).toContain(
        "Ferry timetable changes",
      );
      expect(result.packages).toContain("@11ty/eleventy");
      for (const name of HEAVY.filter((p) => p !== "@11ty/eleventy" && p !== "simple-git")) {
        expect(result.packages).not.toContain(name);
      }
      // Nothing new: only git is asked; the config parser and the templates are not loaded.
      const again = await runBin(["build", "--repo", repo, "--out", out]);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/^nothing new since commit/);
      expect(again.packages).toContain("simple-git");
      for (const name of ["yaml", "zod", "@11ty/eleventy", "feed", "diff"]) {
        expect(again.packages).not.toContain(name);
      }
      // A new version with the same config: the settings the cache kept stand in for it, and
      // neither the config schema (zod) nor its patterns (re2js) are loaded.
      await commitFerry(
        "Ferry timetable changes again",
        "The island ferry sails two hours later from Monday.",
      );
      const third = await runBin(["build", "--repo", repo, "--out", out]);
      expect(third.code).toBe(0);
      expect(third.stdout).toMatch(/^1 archive changes since commit/);
      expect(await readFile(join(out, "harbor/news/ferry/v2/index.html"), "utf8")).toContain(
        "Ferry timetable changes again",
      );
      expect(third.packages).toContain("@11ty/eleventy");
      for (const name of ["zod", "re2js"]) expect(third.packages).not.toContain(name);
    } finally {
      await removeTempDir(repo);
    }
  });

  it("extracts without loading the site generator", async () => {
    const page = join(await makeTempRepo("stet-compiled-extract-"), "page.html");
    await writeFile(
      page,
      "<html><head><title>Ferry</title></head><body><article><h1>Ferry</h1><p>The island ferry sails an hour later from Monday, the operator said.</p></article></body></html>",
    );
    const result = await runBin(["extract", page, "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).title).toBe("Ferry");
    expect(result.packages).toContain("linkedom");
    expect(result.packages).not.toContain("@11ty/eleventy");
    await removeTempDir(join(page, ".."));
  });
});
