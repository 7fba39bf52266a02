// The scenario server and its page builders: scenario tests trust them to serve exactly what they
// were told and to record every request.

import { load } from "cheerio";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  articlePage,
  rssFeed,
  type ScenarioServer,
  startScenarioServer,
} from "../support/scenario-server.ts";

let server: ScenarioServer;
beforeEach(async () => {
  server = await startScenarioServer();
});
afterEach(async () => {
  await server.close();
});

describe("startScenarioServer", () => {
  it("serves routed responses, allows everything in robots.txt and 404s the rest", async () => {
    let count = 0;
    server.route("/news/tide", () => ({ status: 200 + count++, body: "<p>Tide</p>" }));
    server.route("/feed.xml", {
      headers: { "content-type": "application/rss+xml" },
      body: "<rss/>",
    });
    const first = await fetch(`${server.origin}/news/tide?ref=home`, {
      headers: { "x-probe": "1" },
    });
    const second = await fetch(`${server.origin}/news/tide`);
    const feed = await fetch(`${server.origin}/feed.xml`);
    const robots = await fetch(`${server.origin}/robots.txt`);
    const missing = await fetch(`${server.origin}/news/none`);
    expect([first.status, second.status, feed.status, missing.status]).toEqual([
      200, 201, 200, 404,
    ]);
    expect(await first.text()).toBe("<p>Tide</p>");
    expect(feed.headers.get("content-type")).toBe("application/rss+xml");
    expect(await robots.text()).toBe("User-agent: *\nAllow: /\n");
    expect(server.requests.map((hit) => [hit.path, hit.query])).toEqual([
      ["/news/tide", "?ref=home"],
      ["/news/tide", ""],
      ["/feed.xml", ""],
      ["/robots.txt", ""],
      ["/news/none", ""],
    ]);
    expect(server.requests[0]?.headers["x-probe"]).toBe("1");
    server.clearRequests();
    expect(server.requests).toEqual([]);
  });

  it("redirects, answers later, hangs and streams huge bodies as told", async () => {
    server.route("/old", { redirect: "/new" });
    let answer = (_: { body: string }) => {};
    server.route("/later", () => new Promise((resolve) => (answer = resolve)));
    server.route("/never", { hang: true });
    server.route("/huge", { hugeBytes: 300_000 });
    const moved = await fetch(`${server.origin}/old`, { redirect: "manual" });
    expect(moved.status).toBe(301);
    expect(moved.headers.get("location")).toBe("/new");
    const later = fetch(`${server.origin}/later`);
    while (!server.requests.some((hit) => hit.path === "/later")) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    answer({ body: "late" });
    expect(await (await later).text()).toBe("late");
    const gaveUp = new AbortController();
    const never = fetch(`${server.origin}/never`, { signal: gaveUp.signal });
    while (!server.requests.some((hit) => hit.path === "/never")) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    gaveUp.abort();
    await expect(never).rejects.toThrow();
    const huge = await fetch(`${server.origin}/huge`);
    expect(huge.headers.get("content-length")).toBeNull();
    expect((await huge.arrayBuffer()).byteLength).toBe(300_000);
  });
});

describe("articlePage", () => {
  it("builds a news page with escaped text, canonical link and JSON-LD", () => {
    const html = articlePage({
      headline: 'Council votes "yes" on <ferry> fares & more',
      byline: "Ines O'Hara",
      paragraphs: ["Fares rise by 5% <script>alert(1)</script>.", "The vote was 7–2."],
      canonical: "https://gazette.example/news/ferry-fares",
      published: "2026-11-20T08:00:00Z",
      jsonLd: true,
      isAccessibleForFree: false,
      furniture: '<aside class="ad">Advert</aside>',
    });
    const $ = load(html);
    expect($("article h1").text()).toBe('Council votes "yes" on <ferry> fares & more');
    expect($("article .author").text()).toBe("Ines O'Hara");
    expect(
      $("article .article-body p")
        .map((_, p) => $(p).text())
        .get(),
    ).toEqual(["Fares rise by 5% <script>alert(1)</script>.", "The vote was 7–2."]);
    expect($("script").length).toBe(1);
    expect($('link[rel="canonical"]').attr("href")).toBe(
      "https://gazette.example/news/ferry-fares",
    );
    expect($("aside.ad").text()).toBe("Advert");
    expect(JSON.parse($('script[type="application/ld+json"]').text())).toEqual({
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: 'Council votes "yes" on <ferry> fares & more',
      url: "https://gazette.example/news/ferry-fares",
      author: { "@type": "Person", name: "Ines O'Hara" },
      datePublished: "2026-11-20T08:00:00Z",
      isAccessibleForFree: false,
    });
  });
});

describe("rssFeed", () => {
  it("lists each link as an item with absolute URLs", () => {
    const xml = rssFeed("http://127.0.0.1:9999", [
      "/news/a?x=1&y=2",
      "http://127.0.0.1:9999/news/b",
    ]);
    const $ = load(xml, { xml: true });
    expect($("rss").attr("version")).toBe("2.0");
    expect(
      $("item link")
        .map((_, l) => $(l).text())
        .get(),
    ).toEqual(["http://127.0.0.1:9999/news/a?x=1&y=2", "http://127.0.0.1:9999/news/b"]);
  });
});
