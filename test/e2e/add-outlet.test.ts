// `stet add-outlet` against outlets on 127.0.0.1: the invented outlet (no declared feed, found at
// a usual path) and a scenario site that declares its feeds and lists a news sitemap in robots.txt.

import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load-config.ts";
import { type FixtureOutlet, startFixtureOutlet } from "../support/fixture-outlet.ts";
import { runStet } from "../support/run-stet.ts";
import {
  articlePage,
  rssFeed,
  type ScenarioServer,
  startScenarioServer,
} from "../support/scenario-server.ts";
import { makeTempRepo, removeTempDir } from "../support/temp-repo.ts";

const CONFIG = `# Watched outlets; keep this comment.
site: { title: "Watched" }
fetch: { perHostDelayMs: 0, retries: 0 }   # quick, for tests
outlets:
  - id: ridge
    name: Ridge Daily
    urls: ["https://ridge.example/news/a"]
  # More outlets below.
`;

let repo: string;
let config: string;
beforeEach(async () => {
  repo = await makeTempRepo();
  config = join(repo, "stet.config.yaml");
  await writeFile(config, CONFIG);
});
afterEach(async () => {
  await removeTempDir(repo);
});

describe("stet add-outlet on the invented outlet", () => {
  let outlet: FixtureOutlet;
  beforeAll(async () => {
    outlet = await startFixtureOutlet({ pass: 3 });
  });
  afterAll(async () => {
    await outlet.close();
  });

  it("finds the feed at a usual path, previews the latest article and appends the outlet", async () => {
    const run = await runStet([
      "add-outlet",
      `${outlet.origin}/`,
      "--repo",
      repo,
      "--id",
      "harbor",
      "--allow-private-addresses",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`feed ${outlet.origin}/feed.xml: `);
    expect(run.stdout).toMatch(/^ {2}headline: {3}\S.+$/m);
    expect(run.stdout).toMatch(/^ {2}paragraphs: [1-9]\d*$/m);
    expect(run.stdout).toContain(`added outlet harbor (The Harbor Courier) to ${config}`);
    const text = await readFile(config, "utf8");
    expect(text).toBe(
      CONFIG.replace(
        "  # More outlets below.\n",
        `  - id: harbor\n    name: The Harbor Courier\n    feeds: [${outlet.origin}/feed.xml]\n    allowPrivateAddresses: true\n  # More outlets below.\n`,
      ),
    );
    expect(parseConfig(text, config).outlets.map((o) => o.id)).toEqual(["ridge", "harbor"]);
  });

  it("refuses the outlet's private address unless told it is one, and leaves the config alone", async () => {
    const run = await runStet(["add-outlet", `${outlet.origin}/`, "--repo", repo]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^stet: cannot read the home page .*: refused: 127\.0\.0\.1 is a loopback address/,
    );
    expect(await readFile(config, "utf8")).toBe(CONFIG);
  });
});

describe("stet add-outlet on a site that declares its feeds", () => {
  let server: ScenarioServer;
  beforeEach(async () => {
    server = await startScenarioServer();
  });
  afterEach(async () => {
    await server.close();
  });

  function serveSite(): void {
    server.route("/", {
      body: `<!doctype html><html><head><title>Front page | Valley Gazette</title>
<meta property="og:site_name" content="Valley Gazette">
<link rel="alternate" type="application/rss+xml" title="Top stories" href="/rss/top.xml">
<link rel="alternate" type="application/atom+xml" title="Local" href="/atom/local.xml">
</head><body><h1>Valley Gazette</h1></body></html>`,
    });
    const rss = { "content-type": "application/rss+xml" };
    server.route("/rss/top.xml", { headers: rss, body: rssFeed(server.origin, ["/news/bridge"]) });
    server.route("/atom/local.xml", {
      headers: { "content-type": "application/atom+xml" },
      body: `<feed xmlns="http://www.w3.org/2005/Atom"><entry><link href="${server.origin}/news/bridge"/></entry></feed>`,
    });
    server.route("/robots.txt", {
      headers: { "content-type": "text/plain" },
      body: `User-agent: *\nAllow: /\nSitemap: ${server.origin}/news-sitemap.xml\nSitemap: ${server.origin}/all-pages.xml\n`,
    });
    server.route("/news-sitemap.xml", {
      headers: { "content-type": "application/xml" },
      body: `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"><url><loc>${server.origin}/news/bridge</loc></url></urlset>`,
    });
    server.route("/all-pages.xml", {
      headers: { "content-type": "application/xml" },
      body: `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>${server.origin}/about</loc></url></urlset>`,
    });
    server.route("/news/bridge", {
      body: articlePage({
        headline: "Footbridge over the Tamm to reopen after repairs",
        byline: "Ada Quill",
        paragraphs: [
          "The footbridge over the river Tamm will reopen on Saturday after six weeks of repairs to its deck and railings, the county said.",
          "Engineers replaced forty of the bridge's oak planks and repainted the iron railings, which had rusted through in two places.",
          "Cyclists will have to dismount while crossing, as before, and the bridge will close again for a day in spring for a final inspection.",
        ],
        canonical: `${server.origin}/news/bridge`,
      }),
    });
  }

  it("takes every declared feed and the news sitemap, names it, and prints it on a dry run", async () => {
    serveSite();
    const run = await runStet([
      "add-outlet",
      server.origin,
      "--repo",
      repo,
      "--allow-private-addresses",
      "--dry-run",
    ]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("  headline:   Footbridge over the Tamm to reopen after repairs");
    expect(run.stdout).toContain("  byline:     Ada Quill");
    expect(run.stdout).toContain(`news sitemap ${server.origin}/news-sitemap.xml: 1 articles`);
    expect(run.stdout).not.toContain("all-pages.xml");
    expect(run.stdout).toContain(
      [
        "- id: outlet",
        "    name: Valley Gazette",
        `    feeds: [${server.origin}/rss/top.xml, ${server.origin}/atom/local.xml]`,
        `    sitemaps: [${server.origin}/news-sitemap.xml]`,
        "    allowPrivateAddresses: true",
      ].join("\n"),
    );
    expect(await readFile(config, "utf8")).toBe(CONFIG);
  });

  it("says where it looked when it finds no feed, and changes nothing", async () => {
    server.route("/", { body: "<!doctype html><title>Plain</title><p>No feeds here.</p>" });
    const run = await runStet([
      "add-outlet",
      server.origin,
      "--repo",
      repo,
      "--allow-private-addresses",
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      /^stet: found no feed or news sitemap for .*\(looked at its <link rel="alternate">, \/feed, \/feed\.xml, .*robots\.txt\)/,
    );
    expect(await readFile(config, "utf8")).toBe(CONFIG);
  });
});
