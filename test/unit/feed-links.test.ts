// Reading links out of feeds and sitemaps: every format stet accepts, the cap on items, and a
// clear problem for anything broken, never a quiet "0 links".

import { describe, expect, it } from "vitest";
import { feedLinks, MAX_ITEMS_PER_SOURCE } from "../../src/fetch/feed-links.ts";

const rss = (items: string) =>
  `<?xml version="1.0"?>\n<rss version="2.0"><channel><title>Gazette</title><link>https://gazette.example/</link>\n${items}\n</channel></rss>\n`;

describe("feedLinks", () => {
  it("reads RSS 2.0 item links in order, resolving relative ones against the channel link", () => {
    expect(
      feedLinks(
        rss(
          "<item><title>A</title><link>/news/a</link></item><item><link><![CDATA[https://gazette.example/news/b?x=1&y=2]]></link></item><item><link>https://gazette.example/news/c?x=1&amp;y=2</link></item>",
        ),
        "feed",
      ),
    ).toEqual({
      kind: "links",
      links: [
        "https://gazette.example/news/a",
        "https://gazette.example/news/b?x=1&y=2",
        "https://gazette.example/news/c?x=1&y=2",
      ],
      items: 3,
      problem: null,
    });
  });

  it("reads Atom entries' alternate links and RDF items", () => {
    const atom = `<feed xmlns="http://www.w3.org/2005/Atom"><link href="https://gazette.example/"/>
<entry><link rel="enclosure" href="/a.mp3"/><link href="/news/a"/></entry>
<entry><link rel="alternate" type="text/html" href="https://gazette.example/news/b"/></entry></feed>`;
    expect(feedLinks(atom, "feed")).toMatchObject({
      links: ["https://gazette.example/news/a", "https://gazette.example/news/b"],
      problem: null,
    });
    const rdf = `<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"><channel><link>https://gazette.example/</link></channel><item><link>https://gazette.example/news/c</link></item></rdf:RDF>`;
    expect(feedLinks(rdf, "feed")).toMatchObject({
      links: ["https://gazette.example/news/c"],
      problem: null,
    });
  });

  it("reads a sitemap's <loc>s", () => {
    const sitemap = `<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://gazette.example/news/a </loc><news:news><news:title>A</news:title></news:news></url></urlset>`;
    expect(feedLinks(sitemap, "sitemap")).toEqual({
      kind: "links",
      links: ["https://gazette.example/news/a"],
      items: 1,
      problem: null,
    });
  });

  it("reads the first 1,000 of a 100,000-item feed and says so", () => {
    const items = Array.from(
      { length: 100_000 },
      (_, i) => `<item><title>Story ${i}</title><link>/news/${i}</link></item>`,
    );
    const result = feedLinks(rss(items.join("")), "feed");
    expect(MAX_ITEMS_PER_SOURCE).toBe(1000);
    expect(result).toMatchObject({
      kind: "links",
      items: 100_000,
      problem: "100000 items; read the first 1000, the most stet reads from one feed",
    });
    if (result.kind !== "links") throw new Error("not links");
    expect(result.links).toHaveLength(1000);
    expect(result.links[0]).toBe("https://gazette.example/news/0");
    expect(result.links[999]).toBe("https://gazette.example/news/999");
  });

  it("reads a feed at the cap exactly without a problem", () => {
    const items = Array.from({ length: 1000 }, (_, i) => `<item><link>/n/${i}</link></item>`);
    expect(feedLinks(rss(items.join("")), "feed")).toMatchObject({ items: 1000, problem: null });
  });

  it("says a feed that is cut short is not well-formed, and drops the item it cut", () => {
    const cut = rss(
      "<item><link>https://gazette.example/news/a</link></item><item><link>https://gazette.example/news/b",
    ).slice(0, -30);
    expect(feedLinks(cut, "feed")).toEqual({
      kind: "links",
      links: ["https://gazette.example/news/a"],
      items: 2,
      problem:
        "not well-formed XML at line 3: it ends before <link> is closed (cut short?); 1 link read from it",
    });
  });

  it("says where a tag is not closed", () => {
    const broken = rss("<item><link>https://gazette.example/news/a</lnik></item>");
    expect(feedLinks(broken, "feed")).toMatchObject({
      links: [],
      problem:
        "not well-formed XML at line 3: <link> is not closed where it should be; 0 links read from it",
    });
  });

  it("says when a feed's items carry no links", () => {
    expect(
      feedLinks(rss("<item><title>A</title></item><item><title>B</title></item>"), "feed"),
    ).toMatchObject({
      links: [],
      problem: "2 items, none with a link",
    });
  });

  it("takes an empty feed as empty, without a problem", () => {
    expect(feedLinks(rss(""), "feed")).toEqual({
      kind: "links",
      links: [],
      items: 0,
      problem: null,
    });
  });

  it("refuses HTML, plain text and a sitemap index, naming what it got", () => {
    expect(feedLinks("<!doctype html><html><body>Hi</body></html>", "feed")).toEqual({
      kind: "invalid",
      reason: "not a valid RSS or Atom feed: its root element is <html>",
    });
    expect(feedLinks("User-agent: *\nDisallow:\n", "feed")).toEqual({
      kind: "invalid",
      reason: "not a valid RSS or Atom feed: no XML elements in it",
    });
    expect(
      feedLinks(
        "<sitemapindex><sitemap><loc>https://g.example/s.xml</loc></sitemap></sitemapindex>",
        "sitemap",
      ),
    ).toEqual({
      kind: "invalid",
      reason:
        "not a valid sitemap: its root element is <sitemapindex> (a sitemap index: list the sitemaps it names)",
    });
  });

  it("does not expand entities a feed declares (no billion laughs)", () => {
    const bomb = `<!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>${rss("<item><link>https://gazette.example/&c;</link></item>")}`;
    expect(feedLinks(bomb, "feed")).toMatchObject({ links: ["https://gazette.example/&c;"] });
  });
});
