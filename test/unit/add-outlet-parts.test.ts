// The pure parts of `stet add-outlet`: where a page says its feeds are, what the outlet is called,
// and appending it to a config without losing a comment.

import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { appendOutlet, suggestOutletId } from "../../src/config/append-outlet.ts";
import { parseConfig } from "../../src/config/load-config.ts";
import { ConfigError } from "../../src/errors.ts";
import {
  declaredFeeds,
  isNewsSitemap,
  robotsSitemaps,
  siteName,
} from "../../src/fetch/find-feeds.ts";

describe("finding feeds", () => {
  it("takes the RSS and Atom feeds a page declares, resolved, once each, http(s) only", () => {
    const html = `<head>
<link rel="alternate" type="application/rss+xml" title="All" href="/feed.xml">
<link rel="alternate" type="application/atom+xml" href="https://gazette.example/atom.xml">
<link rel="alternate" type="application/rss+xml" href="/feed.xml">
<link rel="alternate" type="text/html" hreflang="fr" href="/fr/">
<link rel="alternate" type="application/rss+xml" href="javascript:alert(1)">
<link rel="stylesheet" href="/style.css"></head>`;
    expect(declaredFeeds(html, "https://gazette.example/")).toEqual([
      "https://gazette.example/feed.xml",
      "https://gazette.example/atom.xml",
    ]);
  });

  it("names the site from og:site_name, else the title's first part", () => {
    expect(siteName('<meta property="og:site_name" content="The Gazette"><title>x</title>')).toBe(
      "The Gazette",
    );
    expect(siteName("<title>The Harbor Courier — news from Port Ellery</title>")).toBe(
      "The Harbor Courier",
    );
    expect(siteName("<p>no title</p>")).toBeNull();
  });

  it("reads Sitemap: lines from robots.txt and tells news sitemaps apart", () => {
    expect(
      robotsSitemaps(
        "User-agent: *\nDisallow: /x\nSitemap: /news-sitemap.xml\nsitemap:https://g.example/all.xml\nSitemap: ftp://g.example/x\n",
        "https://g.example/robots.txt",
      ),
    ).toEqual(["https://g.example/news-sitemap.xml", "https://g.example/all.xml"]);
    expect(
      isNewsSitemap(
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">',
      ),
    ).toBe(true);
    expect(isNewsSitemap('<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')).toBe(
      false,
    );
  });
});

describe("suggestOutletId", () => {
  it("drops www and the top-level domain, and avoids ids in use or reserved", () => {
    expect(suggestOutletId("www.harbor-courier.example", [])).toBe("harbor-courier");
    expect(suggestOutletId("news.bbc.co.uk", [])).toBe("news-bbc-co");
    expect(suggestOutletId("gazette.example", ["gazette", "gazette-2"])).toBe("gazette-3");
    expect(suggestOutletId("feeds.example", [])).toBe("feeds-2");
    expect(suggestOutletId("127.0.0.1", [])).toBe("outlet");
  });
});

describe("appendOutlet", () => {
  it("appends a validated outlet and keeps every comment of stet's own config", async () => {
    const path = new URL("../../stet.config.yaml", import.meta.url).pathname;
    const text = await readFile(path, "utf8");
    const updated = appendOutlet(
      text,
      {
        id: "gazette",
        name: "The Gazette",
        feeds: ["https://gazette.example/feed.xml"],
        sitemaps: ["https://gazette.example/news-sitemap.xml"],
      },
      path,
    );
    const comments = (t: string) => t.split("\n").filter((line) => /^\s*#/.test(line));
    expect(comments(updated)).toEqual(comments(text));
    const outlets = parseConfig(updated, path).outlets;
    expect(outlets.map((o) => o.id)).toEqual([
      ...parseConfig(text, path).outlets.map((o) => o.id),
      "gazette",
    ]);
    expect(outlets.at(-1)).toMatchObject({
      name: "The Gazette",
      feeds: ["https://gazette.example/feed.xml"],
      sitemaps: ["https://gazette.example/news-sitemap.xml"],
    });
    // Every byte of the file stays, the outlet's lines added after the last outlet.
    const added = [
      "  - id: gazette",
      "    name: The Gazette",
      "    feeds: [https://gazette.example/feed.xml]",
      "    sitemaps: [https://gazette.example/news-sitemap.xml]",
    ];
    expect(updated.replace(`${added.join("\n")}\n`, "")).toBe(text);
  });

  it("refuses an entry the config would not load, naming line and key", () => {
    const text = "outlets:\n  - id: gazette\n    name: G\n    feeds: [https://g.example/f]\n";
    expect(() =>
      appendOutlet(
        text,
        { id: "gazette", name: "Again", feeds: ["https://g.example/g"], sitemaps: [] },
        "c.yaml",
      ),
    ).toThrow(ConfigError);
    expect(() =>
      appendOutlet(
        text,
        { id: "gazette", name: "Again", feeds: ["https://g.example/g"], sitemaps: [] },
        "c.yaml",
      ),
    ).toThrow(/^c\.yaml:5: outlets\.1\.id: duplicate outlet id "gazette"/);
  });
});
