// Each rule of what is and is not a version, over several passes with fixed clocks: a real git
// repository, a programmable outlet on 127.0.0.1, and commits counted exactly.

import { rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseArticleFile } from "../../src/archive/article-file.ts";
import { takedownKey } from "../../src/archive/takedowns.ts";
import { parseConfig } from "../../src/config/load-config.ts";
import { runFetch } from "../../src/fetch/run-fetch.ts";
import { GitRepository } from "../../src/git/repository.ts";
import { readHistory } from "../../src/history/read-history.ts";
import type { OutletReport } from "../../src/types.ts";
import { type ManualClock, manualClock } from "../support/manual-clock.ts";
import {
  articlePage,
  rssFeed,
  type ScenarioServer,
  startScenarioServer,
} from "../support/scenario-server.ts";
import { git, makeTempRepo, removeTempDir } from "../support/temp-repo.ts";

const T0 = Date.parse("2026-11-20T08:00:00Z");
const MINUTE = 60_000;
const at = (minutes: number) => new Date(T0 + minutes * MINUTE);

const PARAGRAPHS = [
  "The Millbrook town council voted on Tuesday to close the old swimming baths on Quarry Lane after an engineer found cracks in the main pool's floor.",
  "Councillor Ines Aldana said the repairs would cost more than the town spends on all of its parks in a year, and that the money was not there.",
  "About two hundred people signed a letter asking the council to keep the baths open through the summer while a charity tries to raise funds.",
  "The baths opened in 1931 and were last refurbished in 1988, when a wave machine was added that has not worked since the early 2000s.",
  "Swimming lessons for the town's primary schools will move to the leisure centre in Harwick, a forty-minute bus ride away, from January.",
  "The council will meet again next month to decide what to do with the building, which is listed and cannot be demolished.",
];

let server: ScenarioServer;
// The time budget, request timeouts and backoff run on this virtual clock, never the wall clock.
let clock: ManualClock;
let repo: string;
let log: string[];
let configText: string;

function page(overrides: Partial<Parameters<typeof articlePage>[0]> = {}): string {
  return articlePage({
    headline: "Millbrook to close its old swimming baths",
    byline: "Dora Penhallow",
    paragraphs: PARAGRAPHS,
    canonical: `${server.origin}/news/baths`,
    published: "2026-11-20T07:30:00Z",
    jsonLd: true,
    ...overrides,
  });
}

function useConfig(extra = "", outletExtra = ""): void {
  configText = `fetch: { perHostDelayMs: 0, timeoutMs: 400, retries: 1, retryDelayMs: 10, maxBytes: 200000${extra} }
git: { authorName: stet, authorEmail: stet@localhost }
outlets:
  - id: gazette
    name: The Scenario Gazette
    feeds: ["${server.origin}/feed.xml"]
    allowPrivateAddresses: true
${outletExtra}`;
}

async function pass(now: Date, options: { maxMinutes?: number } = {}): Promise<OutletReport> {
  const { reports } = await runFetch({
    config: parseConfig(configText, "test.yaml"),
    repo,
    now,
    log: (line) => log.push(line),
    clock,
    ...options,
  });
  const report = reports[0];
  if (!report) throw new Error("no report");
  return report;
}

async function commits(): Promise<number> {
  return Number((await git(repo, "rev-list", "--count", "--all")).trim() || 0);
}

function feed(...paths: string[]): void {
  server.route("/feed.xml", {
    headers: { "content-type": "application/rss+xml" },
    body: rssFeed(server.origin, paths),
  });
}

function requested(path: string): number {
  return server.requests.filter((hit) => hit.path === path).length;
}

beforeEach(async () => {
  clock = manualClock(T0);
  server = await startScenarioServer({ clock });
  repo = await makeTempRepo();
  log = [];
  useConfig();
  feed("/news/baths");
});

afterEach(async () => {
  await server.close();
  await removeTempDir(repo);
});

describe("what is a version", () => {
  it("commits nothing when only the page furniture changed", async () => {
    server.route("/news/baths", {
      body: page({
        furniture: `<aside class="ad">Advertisement: boats for sale</aside><section class="related"><h2>Related</h2><ul><li><a href="/a">Pier repairs</a></li></ul></section>`,
      }),
    });
    await pass(at(0));
    server.route("/news/baths", {
      body: page({
        furniture: `<aside class="ad">Advertisement: kayak lessons, book now</aside><section class="related"><h2>Related</h2><ul><li><a href="/b">Harbour dredging</a></li><li><a href="/a">Pier repairs</a></li></ul></section><p class="updated">Updated 7 minutes ago</p>`,
      }),
    });
    const second = await pass(at(20));
    expect(second.unchanged).toBe(1);
    expect(await commits()).toBe(1);
  });

  it("commits one version for a real edit, and one for a headline-only edit", async () => {
    server.route("/news/baths", { body: page() });
    await pass(at(0));
    const edited = [...PARAGRAPHS];
    edited[3] = (edited[3] ?? "").replace("1988", "1989");
    server.route("/news/baths", { body: page({ paragraphs: edited }) });
    expect((await pass(at(20))).newVersions).toBe(1);
    server.route("/news/baths", {
      body: page({ paragraphs: edited, headline: "Millbrook votes to shut 1931 swimming baths" }),
    });
    expect((await pass(at(40))).newVersions).toBe(1);
    expect(await commits()).toBe(3);
    const diff = await git(repo, "show", "--format=", "-U0", "HEAD");
    expect(diff.split("\n").filter((line) => /^[-+][^-+]/.test(line))).toEqual([
      "-title: Millbrook to close its old swimming baths",
      "+title: Millbrook votes to shut 1931 swimming baths",
    ]);
  });

  it("does not count curly-versus-straight quotes as a version", async () => {
    server.route("/news/baths", { body: page({ headline: `Millbrook to close its "old" baths` }) });
    await pass(at(0));
    server.route("/news/baths", {
      body: page({ headline: "Millbrook to close its \u201cold\u201d baths" }),
    });
    expect((await pass(at(20))).unchanged).toBe(1);
    expect(await commits()).toBe(1);
  });

  it("drops paragraphs matching the outlet's ignore patterns", async () => {
    useConfig("", `    ignore: ["^Read more: "]\n`);
    server.route("/news/baths", {
      body: page({ paragraphs: [...PARAGRAPHS, "Read more: the history of the baths"] }),
    });
    await pass(at(0));
    server.route("/news/baths", {
      body: page({ paragraphs: [...PARAGRAPHS, "Read more: where to swim this winter"] }),
    });
    expect((await pass(at(20))).unchanged).toBe(1);
    const archived = parseArticleFile(
      await git(repo, "show", "HEAD:archive/gazette/news/baths.md"),
    );
    expect(archived.paragraphs).toEqual(PARAGRAPHS);
  });

  it("treats two feed links to one canonical article as one article", async () => {
    feed("/news/baths?ref=homepage", "/amp/news/baths");
    server.route("/news/baths", { body: page() });
    server.route("/amp/news/baths", { body: page() });
    const report = await pass(at(0));
    expect(report.newArticles).toBe(1);
    expect(report.unchanged).toBe(1);
    expect(await commits()).toBe(1);
    expect((await git(repo, "ls-files")).trim()).toBe("archive/gazette/news/baths.md");
  });

  it("does not archive again an article taken down, even through another link to it", async () => {
    const canonical = `${server.origin}/news/baths`;
    await writeFile(join(repo, "takedowns.txt"), `${takedownKey(canonical)}  2026-11-19\n`);
    feed("/amp/news/baths");
    server.route("/amp/news/baths", { body: page() });
    const report = await pass(at(0));
    expect(report.newArticles).toBe(0);
    expect(log).toContain(`gazette: not archived: ${canonical} was taken down (stet takedown)`);
    expect(await commits()).toBe(0);
  });

  it("gives a second article whose URL maps to a path already taken a path of its own", async () => {
    // Same path on another host of the outlet: one readable path, so the second is hashed.
    const other = server.origin.replace("127.0.0.1", "localhost");
    server.route("/feed.xml", {
      headers: { "content-type": "application/rss+xml" },
      body: rssFeed(server.origin, ["/news/baths", `${other}/news/baths`]),
    });
    server.route("/news/baths", (hit) => ({
      body: page({
        canonical: `http://${hit.headers.host}/news/baths`,
        headline: `Baths at ${hit.headers.host}`,
      }),
    }));
    const report = await pass(at(0));
    expect(report.newArticles).toBe(2);
    const files = (await git(repo, "ls-files")).trim().split("\n");
    expect(files).toHaveLength(2);
    expect(files).toContain("archive/gazette/news/baths.md");
    expect(files.find((f) => f !== "archive/gazette/news/baths.md")).toMatch(
      /^archive\/gazette\/news\/baths--[0-9a-f]+\.md$/,
    );
  });

  it("records an A/B headline flip-flop and labels the return as a revert", async () => {
    const headlines = ["Baths to close", "Millbrook shuts its baths", "Baths to close"];
    for (const [index, headline] of headlines.entries()) {
      server.route("/news/baths", { body: page({ headline }) });
      await pass(at(index * 20));
    }
    expect(await commits()).toBe(3);
    const history = await readHistory(await GitRepository.open(repo));
    expect(history.articles[0]?.versions.map((v) => [v.title, v.revertsTo])).toEqual([
      ["Baths to close", undefined],
      ["Millbrook shuts its baths", undefined],
      ["Baths to close", 1],
    ]);
  });
});

describe("suspect pages never become versions", () => {
  it("records nothing for a 503 and keeps the archived text", async () => {
    server.route("/news/baths", { body: page() });
    await pass(at(0));
    server.route("/news/baths", { status: 503, body: "<p>Service unavailable</p>" });
    const report = await pass(at(20));
    expect(report.failed).toEqual([
      { url: `${server.origin}/news/baths`, reason: "HTTP 503 after 2 attempts" },
    ]);
    expect(requested("/news/baths")).toBe(3);
    expect(await commits()).toBe(1);
    expect(
      parseArticleFile(await git(repo, "show", "HEAD:archive/gazette/news/baths.md")).paragraphs,
    ).toEqual(PARAGRAPHS);
  });

  it("holds a paywall teaser served with status 200", async () => {
    server.route("/news/baths", { body: page() });
    await pass(at(0));
    server.route("/news/baths", {
      body: page({
        paragraphs: [
          PARAGRAPHS[0] ?? "",
          "Subscribe to continue reading. Already a subscriber? Sign in.",
        ],
        isAccessibleForFree: false,
      }),
    });
    const report = await pass(at(20));
    expect(report.held).toHaveLength(1);
    expect(report.held[0]?.reason).toMatch(/paywall/i);
    const again = await pass(at(40));
    expect(again.held).toHaveLength(1);
    expect(await commits()).toBe(1);
  });

  it("holds a redirect away from the article to the home page", async () => {
    server.route("/news/baths", { body: page() });
    await pass(at(0));
    server.route("/news/baths", { redirect: "/" });
    server.route("/", {
      body: articlePage({ headline: "The Scenario Gazette", paragraphs: ["Today's news."] }),
    });
    const report = await pass(at(20));
    expect(report.held[0]?.reason).toMatch(/^redirected away from the article/);
    expect(await commits()).toBe(1);
  });

  it("commits a drastic cut only when the next check confirms it", async () => {
    server.route("/news/baths", { body: page() });
    await pass(at(0));
    const cut = PARAGRAPHS.slice(0, 2);
    server.route("/news/baths", { body: page({ paragraphs: cut }) });
    const first = await pass(at(20));
    expect(first.held[0]?.reason).toMatch(/shrank .* held until the next check confirms it/);
    expect(await commits()).toBe(1);
    const second = await pass(at(40));
    expect(second.newVersions).toBe(1);
    expect(await commits()).toBe(2);
    expect(log.some((line) => /version 2 \(confirmed cut\)/.test(line))).toBe(true);
  });

  it("drops a held cut when the full text comes back", async () => {
    server.route("/news/baths", { body: page() });
    await pass(at(0));
    server.route("/news/baths", { body: page({ paragraphs: PARAGRAPHS.slice(0, 1) }) });
    await pass(at(20));
    server.route("/news/baths", { body: page() });
    expect((await pass(at(40))).unchanged).toBe(1);
    server.route("/news/baths", { body: page({ paragraphs: PARAGRAPHS.slice(0, 1) }) });
    expect((await pass(at(60))).held).toHaveLength(1);
    expect(await commits()).toBe(1);
  });

  it("marks a 404 as gone, keeps the text, and records the return", async () => {
    server.route("/news/baths", { body: page() });
    await pass(at(0));
    server.route("/news/baths", { status: 404, body: "gone" });
    expect((await pass(at(20))).gone).toEqual([`${server.origin}/news/baths`]);
    expect((await pass(at(40))).gone).toHaveLength(1);
    expect(await commits()).toBe(2);
    const gone = parseArticleFile(await git(repo, "show", "HEAD:archive/gazette/news/baths.md"));
    expect(gone.gone).toEqual({ since: at(20).toISOString(), status: 404 });
    expect(gone.paragraphs).toEqual(PARAGRAPHS);
    server.route("/news/baths", { body: page() });
    expect((await pass(at(60))).back).toHaveLength(1);
    expect(await commits()).toBe(3);
    expect(
      parseArticleFile(await git(repo, "show", "HEAD:archive/gazette/news/baths.md")).gone,
    ).toBeUndefined();
    expect((await git(repo, "log", "--format=%s")).trim().split("\n")).toEqual([
      "gazette: back at the source: Millbrook to close its old swimming baths",
      "gazette: gone at the source (HTTP 404): Millbrook to close its old swimming baths",
      "gazette: Millbrook to close its old swimming baths",
    ]);
    const history = await readHistory(await GitRepository.open(repo));
    expect(history.articles[0]?.versions).toHaveLength(1);
    expect(history.articles[0]?.gone).toBeNull();
  });
});

describe("discovery", () => {
  it("finds articles in a news sitemap and an explicit URL list, filtered by articleUrl", async () => {
    useConfig(
      "",
      `    sitemaps: ["${server.origin}/news-sitemap.xml"]\n    urls: ["${server.origin}/news/listed"]\n    articleUrl: "/news/"\n`,
    );
    feed();
    server.route("/news-sitemap.xml", {
      headers: { "content-type": "application/xml" },
      body: `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>${server.origin}/news/baths</loc><news:news><news:title>Baths</news:title></news:news></url>
<url><loc>${server.origin}/about/contact</loc></url>
</urlset>`,
    });
    server.route("/news/baths", { body: page() });
    server.route("/news/listed", {
      body: page({ canonical: `${server.origin}/news/listed`, headline: "Listed by hand" }),
    });
    const report = await pass(at(0));
    expect(report.newArticles).toBe(2);
    expect(requested("/about/contact")).toBe(0);
    expect((await git(repo, "ls-files")).trim().split("\n")).toEqual([
      "archive/gazette/news/baths.md",
      "archive/gazette/news/listed.md",
    ]);
  });

  it("reports a feed that returns garbage and goes on with the others", async () => {
    useConfig("", `    sitemaps: ["${server.origin}/news-sitemap.xml"]\n`);
    server.route("/feed.xml", {
      headers: { "content-type": "application/rss+xml" },
      body: "<html>not a feed</html>",
    });
    server.route("/news-sitemap.xml", {
      headers: { "content-type": "application/xml" },
      body: `<urlset><url><loc>${server.origin}/news/baths</loc></url></urlset>`,
    });
    server.route("/news/baths", { body: page() });
    const report = await pass(at(0));
    expect(report.failed).toEqual([
      {
        url: `feed ${server.origin}/feed.xml`,
        reason: "not a valid RSS or Atom feed: its root element is <html>",
      },
    ]);
    expect(report.newArticles).toBe(1);
  });
});

describe("per-outlet overrides", () => {
  it("uses the outlet's selectors, and reports a selector that is not CSS once, fetching nothing", async () => {
    useConfig("", `    selectors: { body: ".article-body p:first-child" }\n`);
    server.route("/news/baths", { body: page() });
    await pass(at(0));
    const archived = parseArticleFile(
      await git(repo, "show", "HEAD:archive/gazette/news/baths.md"),
    );
    expect(archived.paragraphs).toEqual([PARAGRAPHS[0]]);
    useConfig("", `    selectors: { body: "p[[" }\n`);
    server.clearRequests();
    const report = await pass(at(20));
    expect(report.failed).toHaveLength(1);
    expect(report.failed[0]?.reason).toMatch(/selectors\.body/);
    expect(server.requests).toEqual([]);
  });
});

describe("politeness and robustness", () => {
  it("never requests a URL robots.txt disallows", async () => {
    server.route("/robots.txt", {
      headers: { "content-type": "text/plain" },
      body: "User-agent: *\nDisallow: /news/\n",
    });
    server.route("/news/baths", { body: page() });
    const report = await pass(at(0));
    expect(report.skipped).toEqual([`${server.origin}/news/baths`]);
    expect(requested("/news/baths")).toBe(0);
    expect(await commits()).toBe(0);
  });

  it("gives up on a slow server after the timeout, and the other articles go on", async () => {
    feed("/news/slow", "/news/baths");
    server.route("/news/slow", () => {
      clock.advance(400);
      return { hang: true };
    });
    server.route("/news/baths", { body: page() });
    const report = await pass(at(0));
    expect(report.failed).toEqual([
      { url: `${server.origin}/news/slow`, reason: "timed out after 400 ms (2 attempts)" },
    ]);
    expect(report.newArticles).toBe(1);
  });

  it("stops reading a huge page at the size cap", async () => {
    server.route("/news/baths", { hugeBytes: 5_000_000 });
    const report = await pass(at(0));
    expect(report.failed[0]?.reason).toMatch(/larger than 200000 bytes/);
    expect(await commits()).toBe(0);
  });

  it("reports a redirect loop", async () => {
    server.route("/news/baths", { redirect: "/news/baths-2" });
    server.route("/news/baths-2", { redirect: "/news/baths" });
    const report = await pass(at(0));
    expect(report.failed[0]?.reason).toMatch(/redirect loop/);
    expect(await commits()).toBe(0);
  });

  it("asks with If-None-Match and takes a 304 as unchanged", async () => {
    server.route("/news/baths", (hit) =>
      hit.headers["if-none-match"] === '"v1"'
        ? { status: 304 }
        : { headers: { etag: '"v1"' }, body: page() },
    );
    await pass(at(0));
    const report = await pass(at(20));
    expect(report.unchanged).toBe(1);
    expect(
      server.requests
        .filter((hit) => hit.path === "/news/baths")
        .map((hit) => hit.headers["if-none-match"]),
    ).toEqual([undefined, '"v1"']);
  });

  it("fetches again without validators when a 304 answers for a version the archive lost", async () => {
    // The outlet serves an ETag per text and answers 304 when asked with the current one.
    let current = { etag: '"v1"', body: page() };
    server.route("/news/baths", (hit) =>
      hit.headers["if-none-match"] === current.etag
        ? { status: 304 }
        : { headers: { etag: current.etag }, body: current.body },
    );
    await pass(at(0));
    const edited = PARAGRAPHS.map((p, i) =>
      i === 2 ? p.replace("two hundred", "three hundred") : p,
    );
    current = { etag: '"v2"', body: page({ paragraphs: edited }) };
    expect((await pass(at(20))).newVersions).toBe(1);
    // The push of version 2 failed (or a fresh clone restored this state): the state remembers
    // ETag "v2", the repository only holds version 1.
    await git(repo, "reset", "-q", "--hard", "HEAD~1");
    const report = await pass(at(40));
    expect(report.newVersions).toBe(1);
    expect(await commits()).toBe(2);
    const archived = parseArticleFile(
      await git(repo, "show", "HEAD:archive/gazette/news/baths.md"),
    );
    expect(archived.paragraphs).toEqual(edited);
    expect(
      server.requests
        .filter((hit) => hit.path === "/news/baths")
        .map((hit) => hit.headers["if-none-match"]),
    ).toEqual([undefined, '"v1"', '"v2"', undefined]);
  });

  it("refuses a second fetch on the same repository while one runs", async () => {
    let answer = () => {};
    const held = new Promise<void>((resolve) => (answer = resolve));
    let asked = () => {};
    const arrived = new Promise<void>((resolve) => (asked = resolve));
    server.route("/news/baths", async () => {
      asked();
      await held;
      return { body: page() };
    });
    const first = pass(at(0));
    await arrived;
    await expect(pass(at(0))).rejects.toThrow(/another stet fetch is running/);
    answer();
    await first;
  });
});

describe("the schedule", () => {
  it("checks known articles by the time since their last change, and stops after the last tier", async () => {
    server.route("/news/baths", { body: page() });
    const checksAt = async (minutes: number) => {
      server.clearRequests();
      await pass(at(minutes));
      return requested("/news/baths");
    };
    expect(await checksAt(0)).toBe(1); // new
    expect(await checksAt(10)).toBe(0); // under 3 h: every 15 min
    expect(await checksAt(16)).toBe(1);
    expect(await checksAt(20)).toBe(0);
    expect(await checksAt(4 * 60)).toBe(1); // 3 h – 1 day: hourly
    expect(await checksAt(4 * 60 + 30)).toBe(0);
    expect(await checksAt(3 * 24 * 60)).toBe(1); // 1–7 days: every 3 h
    expect(await checksAt(3 * 24 * 60 + 120)).toBe(0);
    expect(await checksAt(20 * 24 * 60)).toBe(1); // 7–30 days: every 3 days
    expect(await checksAt(31 * 24 * 60)).toBe(0); // then never
    // Losing the state is harmless: everything still in its tiers is simply due.
    await rm(join(repo, ".stet", "state.json"));
    expect(await checksAt(20 * 24 * 60 + 60)).toBe(1);
  });

  it("fetches the most overdue first and leaves what the time budget did not reach for the next run", async () => {
    feed("/news/a", "/news/b", "/news/c");
    // Each page takes 200 ms of the fetch's clock to answer (under the 400 ms timeout); the
    // budget, 300 ms, lets two checks start.
    for (const path of ["/news/a", "/news/b", "/news/c"]) {
      server.route(path, () => {
        clock.advance(200);
        return { body: page({ canonical: `${server.origin}${path}`, headline: `Story ${path}` }) };
      });
    }
    useConfig(", concurrency: 1");
    const first = await pass(at(0), { maxMinutes: 0.3 / 60 });
    expect(first.newArticles).toBe(2);
    expect(first.notReached).toBe(1);
    const second = await pass(at(1));
    expect(first.newArticles + second.newArticles).toBe(3);
    expect(await commits()).toBe(3);
  });
});
