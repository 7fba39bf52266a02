// End to end: the real CLI against the invented outlet on 127.0.0.1 and a real git repository,
// pass by pass with a fixed clock. Commit counts come from the outlet's own plan.

import { readFile, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArticleFile } from "../../src/archive/article-file.ts";
import { ARTICLES, stateAt } from "../fixtures/outlet/outlet.ts";
import { churningFurniture, type PageInput } from "../fixtures/outlet/render-page.ts";
import {
  type FixtureOutlet,
  PASSES,
  passTimes,
  startFixtureOutlet,
  writeOutletConfig,
} from "../support/fixture-outlet.ts";
import { runStet, type StetRun } from "../support/run-stet.ts";
import { type Replay, sharedReplay } from "../support/shared-replay.ts";
import { git, makeTempRepo, removeTempDir } from "../support/temp-repo.ts";

const times = passTimes();

// A port nothing listens on: bind one, then let it go.
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("stet fetch over the fixture outlet's passes", () => {
  let replay: Replay;
  let repo: string;
  let runs: StetRun[];
  let commitsAfter: number[];

  beforeAll(async () => {
    replay = await sharedReplay();
    ({ repo, runs, commitsAfter } = replay);
  }, 120_000);

  it("exits 0 and prints a summary every pass", () => {
    for (const run of runs) {
      expect(run.stderr).toBe("");
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^total: \d+ checked, \d+ new articles, \d+ new versions/m);
    }
  });

  it("commits exactly one commit per planned version in each pass", async () => {
    for (let pass = 1; pass <= PASSES; pass++) {
      const planned = ARTICLES.filter((a) => {
        const state = stateAt(a, pass);
        return state.page === "article" && state.expect === "version";
      }).length;
      const before = pass === 1 ? 0 : (commitsAfter[pass - 2] ?? 0);
      expect(`pass ${pass}: ${(commitsAfter[pass - 1] ?? 0) - before}`).toBe(
        `pass ${pass}: ${planned}`,
      );
    }
  });

  it("archives the text each version showed: headline, byline and every paragraph", async () => {
    const log = await git(repo, "log", "--reverse", "--format=%x01%H %aI", "--name-only");
    const commits = log
      .split("\x01")
      .slice(1)
      .map((block) => block.split("\n").filter(Boolean));
    expect(commits.length).toBeGreaterThan(0);
    for (const [line, file, ...more] of commits) {
      expect(more).toEqual([]);
      const [sha, date] = (line ?? "").split(" ");
      const pass = times.findIndex((t) => Date.parse(t) === Date.parse(date ?? "")) + 1;
      const archived = parseArticleFile(await git(repo, "show", `${sha}:${file}`));
      const article = ARTICLES.find((a) => archived.url.endsWith(a.path));
      const state = article && stateAt(article, pass);
      if (state?.page !== "article")
        throw new Error(`${file} committed in pass ${pass} unexpectedly`);
      expect(archived.title).toBe(state.text.headline);
      // Several JSON-LD authors are joined with commas, whatever words the page puts between them.
      expect(archived.byline).toBe(state.text.byline.replace(" and ", ", "));
      expect(archived.paragraphs).toEqual(state.text.paragraphs);
    }
  });

  it("makes no version when only the share counter and the clock-time stamp changed", async () => {
    // Every pass in which an article page was served again with nothing new in the plan: its
    // counter and stamp, inside the article's body, show other values than the pass before.
    const quiet = ARTICLES.flatMap((article) =>
      Array.from({ length: PASSES - 1 }, (_, i) => i + 2).flatMap((pass) => {
        const state = stateAt(article, pass);
        const before = stateAt(article, pass - 1);
        return state.page === "article" && state.expect === "nothing" && before.page === "article"
          ? [{ article, pass }]
          : [];
      }),
    );
    expect(quiet.length).toBeGreaterThan(3);
    const log = await git(repo, "log", "--format=%aI %(trailers:key=Article-URL,valueonly)");
    const commits = log.split("\n").filter((line) => line.trim() !== "");
    for (const { article, pass } of quiet) {
      const shown = (n: number) => churningFurniture({ pass: n, article } as PageInput).join("");
      expect(shown(pass)).not.toBe(shown(pass - 1));
      const made = commits.filter((line) => {
        const [date, url] = line.split(" ");
        return (
          Date.parse(date ?? "") === Date.parse(times[pass - 1] ?? "") &&
          url?.endsWith(article.path)
        );
      });
      expect(`${article.id} pass ${pass}: ${made.length}`).toBe(`${article.id} pass ${pass}: 0`);
    }
  });

  it("dates every commit at the fetch time and writes the message format", async () => {
    const log = await git(repo, "log", "--format=%aI|%cI|%an|%B%x00");
    for (const entry of log.split("\0").filter((e) => e.trim() !== "")) {
      const [authorDate, committerDate, author, message] = entry.trim().split("|");
      expect(times.map((t) => Date.parse(t))).toContain(Date.parse(authorDate ?? ""));
      expect(committerDate).toBe(authorDate);
      expect(author).toBe("stet");
      expect(message).toMatch(
        /^harbor: .+\n\nArticle-URL: http:\/\/127\.0\.0\.1:\d+\/\S+\nVersion: \d+$/,
      );
    }
  });

  it("records nothing for an error page or a paywall teaser, and says why", () => {
    for (const [index, run] of runs.entries()) {
      for (const article of ARTICLES) {
        const state = stateAt(article, index + 1);
        if (state.page === "error") {
          expect(run.stdout).toContain(
            `failed ${replay.origin}${article.path}: HTTP ${state.status}`,
          );
        }
        if (state.page === "teaser")
          expect(run.stdout).toContain(`held ${replay.origin}${article.path}`);
      }
    }
  });

  it("never requests a page robots.txt disallows, and names itself", () => {
    expect(replay.hits.length).toBeGreaterThan(0);
    expect(replay.hits.filter((hit) => hit.path.startsWith("/private/"))).toEqual([]);
    for (const hit of replay.hits) expect(hit.userAgent).toMatch(/^stet/);
    expect(runs[0]?.stdout).toMatch(/skipped \S+\/private\/\S+: disallowed by robots\.txt/);
  });

  it("keeps every archived file when a page later fails", async () => {
    const files = (await git(repo, "ls-files", "archive")).trim().split("\n");
    const everArchived = (await git(repo, "log", "--format=", "--name-only"))
      .trim()
      .split("\n")
      .filter(Boolean);
    expect(new Set(files)).toEqual(new Set(everArchived));
  });
});

describe("stet fetch on an unchanged outlet", () => {
  it("commits nothing when run again", async () => {
    const outlet = await startFixtureOutlet({ pass: PASSES });
    const repo = await makeTempRepo();
    try {
      await writeOutletConfig(join(repo, "stet.config.yaml"), outlet.origin);
      const first = await runStet(["fetch", "--repo", repo, "--now", "2026-11-05T00:00:00Z"]);
      expect(first.code).toBe(0);
      const before = await git(repo, "rev-parse", "HEAD");
      const again = await runStet(["fetch", "--repo", repo, "--now", "2026-11-05T01:00:00Z"]);
      expect(again.code).toBe(0);
      expect(again.stdout).toMatch(/^total: \d+ checked, 0 new articles, 0 new versions/m);
      expect(await git(repo, "rev-parse", "HEAD")).toBe(before);
    } finally {
      await outlet.close();
      await removeTempDir(repo);
    }
  });
});

describe("stet fetch on bad input", () => {
  let outlet: FixtureOutlet;
  let repo: string;

  beforeAll(async () => {
    outlet = await startFixtureOutlet({ pass: 1 });
    repo = await makeTempRepo();
    // Every test here may read this config; the ones that change it write a file of their own.
    await writeOutletConfig(join(repo, "stet.config.yaml"), outlet.origin);
  });

  afterAll(async () => {
    await outlet?.close();
    await removeTempDir(repo);
  });

  it("reports an unreachable outlet and one serving garbage, and the others go on", async () => {
    const config = await readFile(join(repo, "stet.config.yaml"), "utf8");
    const closedPort = await freePort();
    const three = join(repo, "three-outlets.yaml");
    await writeFile(
      three,
      `${config}  - id: gone-dark\n    name: Gone Dark\n    feeds: ["http://127.0.0.1:${closedPort}/feed.xml"]\n    allowPrivateAddresses: true\n` +
        `  - id: garbage\n    name: Garbage\n    feeds: ["${outlet.origin}/robots.txt"]\n    allowPrivateAddresses: true\n`,
    );
    const run = await runStet([
      "fetch",
      "--repo",
      repo,
      "--config",
      three,
      "--now",
      times[0] ?? "",
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(
      new RegExp(
        `gone-dark: feed http://127\\.0\\.0\\.1:${closedPort}/feed\\.xml: robots\\.txt unreadable \\(network error: ECONNREFUSED \\(3 attempts\\)\\), so the site is not fetched`,
      ),
    );
    expect(run.stdout).toMatch(/garbage: feed \S+\/robots\.txt: not a valid RSS or Atom feed/);
    expect(run.stdout).toMatch(/^harbor: \d+ checked, [1-9]\d* new articles/m);
    expect(Number((await git(repo, "rev-list", "--count", "HEAD")).trim())).toBeGreaterThan(0);
  });

  it("exits non-zero when no outlet could be checked, and says so in the job summary", async () => {
    // A repository of its own: another test's run here would leave a status with a streak.
    const dark = await makeTempRepo();
    const closedPort = await freePort();
    const config = join(dark, "dark.yaml");
    await writeFile(
      config,
      `fetch: { retries: 0 }\noutlets:\n  - id: gone-dark\n    name: Gone Dark\n    feeds: ["http://127.0.0.1:${closedPort}/feed.xml"]\n    allowPrivateAddresses: true\n`,
    );
    const summary = join(dark, "step-summary.md");
    const run = await runStet(
      ["fetch", "--repo", dark, "--config", config, "--now", times[0] ?? "", "--dry-run"],
      undefined,
      { GITHUB_STEP_SUMMARY: summary },
    );
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "stet: nothing could be checked: every feed and article failed (see above)\n",
    );
    const markdown = await readFile(summary, "utf8");
    expect(markdown).toContain("| gone-dark | 0 | 0 | 0 | 0 | 1 | 0 | 1 |");
    expect(markdown).toContain("**Failed:** nothing could be checked");
    await removeTempDir(dark);
  });

  it("commits nothing with --dry-run", async () => {
    const dry = await makeTempRepo();
    await writeOutletConfig(join(dry, "stet.config.yaml"), outlet.origin);
    const run = await runStet(["fetch", "--repo", dry, "--now", times[0] ?? "", "--dry-run"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/new article/);
    await expect(git(dry, "rev-parse", "HEAD")).rejects.toThrow();
    await removeTempDir(dry);
  });

  it("exits non-zero naming file and line for a YAML error, without a stack trace", async () => {
    const file = join(repo, "broken.yaml");
    await writeFile(file, "outlets:\n  - id: [harbor\n");
    const run = await runStet(["fetch", "--repo", repo, "--config", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(new RegExp(`^stet: ${file}:\\d+: not valid YAML: .+\\n$`));
  });

  it("exits non-zero naming the key of a wrong type", async () => {
    const file = join(repo, "wrong-type.yaml");
    await writeFile(
      file,
      `fetch: { timeoutMs: soon }\noutlets:\n  - { id: a, name: A, urls: ["${outlet.origin}/x"] }\n`,
    );
    const run = await runStet(["fetch", "--repo", repo, "--config", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      `stet: ${file}:1: fetch.timeoutMs: must be a whole number, at least 100\n`,
    );
  });

  it("exits non-zero with one line, not a stack trace, for a YAML alias bomb", async () => {
    const file = join(repo, "bomb.yaml");
    const lines = ["a: &a [x, x, x, x, x, x, x, x, x]"];
    for (const name of "bcdefghi") {
      const previous = String.fromCharCode(name.charCodeAt(0) - 1);
      lines.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(", ")}]`);
    }
    await writeFile(file, `${lines.join("\n")}\n`);
    const run = await runStet(["fetch", "--repo", repo, "--config", file]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^stet: ${file}:2: not valid config: YAML aliases \\(\\*name\\) expand too far .*; write the values out\n$`,
      ),
    );
  });

  it("refuses a --repo that is not a git repository", async () => {
    const run = await runStet([
      "fetch",
      "--repo",
      "/nonexistent-stet-repo",
      "--config",
      join(repo, "stet.config.yaml"),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe(
      "stet: /nonexistent-stet-repo is not a git repository; create one with: git init /nonexistent-stet-repo\n",
    );
  });

  it("rejects an unknown option with a usage error", async () => {
    const run = await runStet(["fetch", "--colour"]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^stet: Unknown option '--colour'.*see stet --help\n$/);
  });

  it("refuses a --now git cannot record, before fetching or committing anything", async () => {
    for (const now of ["2150-01-01T00:00:00Z", "1960-06-01T00:00:00Z"]) {
      const run = await runStet(["fetch", "--now", now]);
      expect(run.code, now).toBe(2);
      expect(run.stderr).toBe(
        `stet: --now ${now}: git can only record dates from 1970-01-01 to 2099-12-31; choose a time in that range\n`,
      );
    }
  });
});
