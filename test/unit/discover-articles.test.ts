// Discovery against a scenario server: links from feeds and sitemaps, problems reported per source,
// and the run's deadline stopping discovery between sources (on a manual clock).

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { discoverArticles } from "../../src/fetch/discover-articles.ts";
import { PoliteClient } from "../../src/fetch/polite-client.ts";
import type { Outlet } from "../../src/types.ts";
import { manualClock } from "../support/manual-clock.ts";
import { rssFeed, type ScenarioServer, startScenarioServer } from "../support/scenario-server.ts";

let server: ScenarioServer;
beforeEach(async () => {
  server = await startScenarioServer();
});
afterEach(async () => {
  await server.close();
});

const client = () =>
  new PoliteClient({
    userAgent: "stet-test",
    perHostDelayMs: 0,
    concurrency: 2,
    timeoutMs: 5000,
    maxBytes: 20_000_000,
    retries: 0,
  });

function outlet(feeds: string[], extra: Partial<Outlet> = {}): Outlet {
  return {
    id: "gazette",
    name: "The Scenario Gazette",
    feeds: feeds.map((path) => `${server.origin}${path}`),
    sitemaps: [],
    urls: [],
    ignore: [],
    allowPrivateAddresses: true,
    ...extra,
  };
}

const RSS = { "content-type": "application/rss+xml" };

describe("discoverArticles", () => {
  it("gives a 100,000-item feed's first 1,000 links and reports the cap as a problem", async () => {
    const paths = Array.from({ length: 100_000 }, (_, i) => `/news/${i}`);
    server.route("/feed.xml", { headers: RSS, body: rssFeed(server.origin, paths) });
    const found = await discoverArticles(outlet(["/feed.xml"]), client());
    expect(found.urls).toHaveLength(1000);
    expect(found.urls[999]).toBe(`${server.origin}/news/999`);
    expect(found.problems).toEqual([
      `feed ${server.origin}/feed.xml: 100000 items; read the first 1000, the most stet reads from one feed`,
    ]);
  });

  it("reports a malformed feed instead of giving 0 links silently", async () => {
    server.route("/feed.xml", {
      headers: RSS,
      body: rssFeed(server.origin, ["/news/a", "/news/b"]).slice(0, -60),
    });
    const found = await discoverArticles(outlet(["/feed.xml"]), client());
    expect(found.urls).toEqual([`${server.origin}/news/a`]);
    expect(found.problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^feed ${server.origin}/feed\\.xml: not well-formed XML at line \\d+: .*; 1 link read from it$`,
        ),
      ),
    ]);
  });

  it("requests no further feed once the deadline has passed, and says which were left", async () => {
    const clock = manualClock("2026-11-20T08:00:00Z");
    const deadline = clock.now() + 60_000;
    for (const name of ["a", "b", "c"]) {
      server.route(`/${name}.xml`, () => {
        // Reading a feed takes two minutes of the run's clock.
        clock.advance(120_000);
        return { headers: RSS, body: rssFeed(server.origin, [`/news/${name}`]) };
      });
    }
    const found = await discoverArticles(outlet(["/a.xml", "/b.xml", "/c.xml"]), client(), {
      deadline,
      clock,
    });
    expect(found.urls).toEqual([`${server.origin}/news/a`]);
    expect(found.problems).toEqual([
      `feed ${server.origin}/b.xml: not read, the run's time budget was spent (nor 1 more: ${server.origin}/c.xml)`,
    ]);
    expect(server.requests.map((hit) => hit.path)).not.toContain("/b.xml");
  });

  it("filters by articleUrl and keeps the explicit URL list", async () => {
    server.route("/feed.xml", {
      headers: RSS,
      body: rssFeed(server.origin, ["/news/a", "/video/b", "/news/c"]),
    });
    const found = await discoverArticles(
      outlet(["/feed.xml"], {
        urls: [`${server.origin}/news/listed`],
        articleUrl: /\/news\//,
      }),
      client(),
    );
    expect(found.urls).toEqual([
      `${server.origin}/news/a`,
      `${server.origin}/news/c`,
      `${server.origin}/news/listed`,
    ]);
    expect(found.problems).toEqual([]);
  });

  it("refuses a feed on 127.0.0.1 unless the outlet opts in", async () => {
    server.route("/feed.xml", { headers: RSS, body: rssFeed(server.origin, ["/news/a"]) });
    const found = await discoverArticles(
      outlet(["/feed.xml"], { allowPrivateAddresses: false }),
      client(),
    );
    expect(found.urls).toEqual([]);
    expect(found.problems).toEqual([
      `feed ${server.origin}/feed.xml: refused: 127.0.0.1 is a loopback address; an outlet served from such an address needs allowPrivateAddresses: true`,
    ]);
    expect(server.requests).toEqual([]);
  });
});
