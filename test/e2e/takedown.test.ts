// `stet takedown` on a copy of the replayed archive: the article leaves HEAD in one commit that
// records the reason, the real build leaves it out of every file it writes, and a later fetch
// does not archive it again.

import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseArticleFile } from "../../src/archive/article-file.ts";
import { takedownCommand } from "../../src/commands/takedown.ts";
import { parseConfig } from "../../src/config/load-config.ts";
import { runFetch } from "../../src/fetch/run-fetch.ts";
import { manualClock } from "../support/manual-clock.ts";
import { runStet, type StetRun } from "../support/run-stet.ts";
import { articlePage, rssFeed, startScenarioServer } from "../support/scenario-server.ts";
import { cloneReplay, type Replay, sharedReplay } from "../support/shared-replay.ts";
import { git, makeTempRepo, removeTempDir } from "../support/temp-repo.ts";

const FILE = "archive/harbor/news/2026/11/school-roof-classrooms.md";

async function filesUnder(dir: string): Promise<string[]> {
  return (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
}

describe("stet takedown", () => {
  let replay: Replay;
  let clone: string;
  let url: string;
  let headline: string;
  let sentence: string;
  let takedown: StetRun;

  beforeAll(async () => {
    replay = await sharedReplay();
    clone = await cloneReplay(replay);
    await git(clone, "config", "user.name", "Night Editor");
    await git(clone, "config", "user.email", "editor@example.org");
    const article = parseArticleFile(await git(clone, "show", `HEAD:${FILE}`));
    url = article.url;
    headline = article.title ?? "";
    sentence = article.paragraphs[0]?.slice(0, 40) ?? "";
    // Made once here, so each test reads the same result in whatever order the tests run.
    takedown = await runStet([
      "takedown",
      `${url}?utm_source=newsletter#top`,
      "--reason",
      "Court order 2026-114\n\u001b[2J (privacy)",
      "--repo",
      clone,
    ]);
  }, 180_000);

  afterAll(async () => {
    await removeTempDir(join(clone, ".."));
  });

  it("refuses without a reason, or with something that is not a URL", async () => {
    const noReason = await runStet(["takedown", url, "--repo", clone]);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toMatch(/^stet: stet takedown needs --reason TEXT/);
    const notUrl = await runStet(["takedown", "school roof", "--reason", "x", "--repo", clone]);
    expect(notUrl.code).toBe(2);
    expect(notUrl.stderr).toMatch(/neither an http\(s\) URL nor an archive path/);
  });

  it("names a URL the archive does not hold and commits nothing", async () => {
    const before = await git(clone, "rev-parse", "HEAD");
    const run = await runStet([
      "takedown",
      `${replay.origin}/news/never-published`,
      "--reason",
      "x",
      "--repo",
      clone,
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^stet: no archived article has the URL .*never-published/);
    expect(await git(clone, "rev-parse", "HEAD")).toBe(before);
  });

  it("removes the article in one commit that records the reason, and lists its URL's hash", async () => {
    const run = takedown;
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`took down ${url}: removed ${FILE}`);
    const message = await git(clone, "log", "-1", "--format=%B", "HEAD");
    expect(message).toBe(
      `harbor: taken down: ${headline}\n\nArticle-URL: ${url}\nTakedown-Reason: Court order 2026-114 [2J (privacy)\n\n`,
    );
    expect(await git(clone, "log", "-1", "--format=%an <%ae>")).toBe(
      "Night Editor <editor@example.org>\n",
    );
    expect(
      (await git(clone, "show", "--format=", "--name-status", "HEAD")).trim().split("\n"),
    ).toEqual([`D\t${FILE}`, "A\ttakedowns.txt"]);
    const key = createHash("sha256").update(url).digest("hex");
    expect(await readFile(join(clone, "takedowns.txt"), "utf8")).toMatch(
      new RegExp(`^${key}  \\d{4}-\\d{2}-\\d{2}$`, "m"),
    );
    expect(await readFile(join(clone, "takedowns.txt"), "utf8")).not.toContain(url);
    // Nothing left uncommitted (a build in another test of this file may have made .stet/).
    expect(await git(clone, "status", "--porcelain", "--", ".", ":!.stet")).toBe("");
  });

  it("leaves it out of every page, feed and API file the build writes", async () => {
    const out = await mkdtemp(join(tmpdir(), "stet-takedown-site-"));
    const build = await runStet([
      "build",
      "--repo",
      clone,
      "--config",
      replay.config,
      "--out",
      out,
      "--base-url",
      "https://watch.example/stet/",
    ]);
    expect(build.code).toBe(0);
    const files = await filesUnder(out);
    expect(files.some((file) => file.endsWith("index.html"))).toBe(true);
    for (const file of files) {
      expect(file).not.toContain("school-roof-classrooms");
      const text = await readFile(file, "utf8");
      for (const trace of [url, headline, sentence, "school-roof-classrooms"]) {
        expect(text.includes(trace), `${file} mentions ${trace}`).toBe(false);
      }
    }
    await removeTempDir(out);
  });
});

describe("a fetch after a takedown", () => {
  it("does not archive the article again while the feed still lists it", async () => {
    const server = await startScenarioServer();
    const repo = await makeTempRepo();
    try {
      await git(repo, "config", "user.name", "Night Editor");
      await git(repo, "config", "user.email", "editor@example.org");
      const paragraphs = [
        "The harbour board agreed on Monday to rebuild the north slipway before the spring regatta, at a cost it did not disclose.",
        "Boat owners had complained for two winters that the slipway's lower section flooded at every high tide and cracked their hulls.",
        "Work is due to start in February and to take six weeks, during which launches will move to the ferry ramp at low tide.",
      ];
      server.route("/feed.xml", {
        headers: { "content-type": "application/rss+xml" },
        body: rssFeed(server.origin, ["/news/slipway"]),
      });
      server.route("/news/slipway", {
        body: articlePage({
          headline: "Harbour board to rebuild north slipway",
          paragraphs,
          canonical: `${server.origin}/news/slipway`,
        }),
      });
      const config = parseConfig(
        `fetch: { perHostDelayMs: 0, retries: 0 }\noutlets:\n  - id: gazette\n    name: Gazette\n    feeds: ["${server.origin}/feed.xml"]\n    allowPrivateAddresses: true\n`,
        "test.yaml",
      );
      const clock = manualClock("2026-11-20T08:00:00Z");
      const fetchAt = (iso: string) =>
        runFetch({ config, repo, now: new Date(iso), clock, log: () => undefined });
      await fetchAt("2026-11-20T08:00:00Z");
      expect((await git(repo, "ls-files", "archive")).trim()).toBe(
        "archive/gazette/news/slipway.md",
      );
      const lines: string[] = [];
      expect(
        await takedownCommand({
          repo,
          target: `${server.origin}/news/slipway`,
          reason: "Named a minor",
          clock,
          out: (line) => lines.push(line),
        }),
      ).toBe(0);
      const head = await git(repo, "rev-parse", "HEAD");
      const { reports } = await fetchAt("2026-11-20T12:00:00Z");
      expect(reports[0]?.newArticles).toBe(0);
      expect(await git(repo, "rev-parse", "HEAD")).toBe(head);
      expect((await git(repo, "ls-files", "archive")).trim()).toBe("");
    } finally {
      await server.close();
      await removeTempDir(repo);
    }
  });
});
