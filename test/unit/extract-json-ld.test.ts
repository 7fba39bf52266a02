import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { readJsonLd } from "../../src/extract/json-ld.ts";

const page = (...scripts: string[]) =>
  parseHTML(
    `<html><head>${scripts.map((s) => `<script type="application/ld+json">${s}</script>`).join("")}</head><body></body></html>`,
  ).document;

describe("readJsonLd", () => {
  it("reads headline, authors, date and body of a NewsArticle", () => {
    const doc = page(
      JSON.stringify({
        "@type": "NewsArticle",
        headline: "Bridge closes",
        author: [{ "@type": "Person", name: "A. Berg" }, { name: "C. Diaz" }, "E. Fox"],
        datePublished: "2026-01-02T03:04:05Z",
        articleBody: "Para one.\nPara two.",
      }),
    );
    expect(readJsonLd(doc, "https://x.example/a")).toEqual({
      title: "Bridge closes",
      byline: "A. Berg, C. Diaz, E. Fox",
      published: "2026-01-02T03:04:05Z",
      body: "Para one.\nPara two.",
    });
  });

  it("finds the article inside an @graph and prefers the one whose URL is the page", () => {
    const doc = page(
      JSON.stringify({
        "@graph": [
          { "@type": "WebSite", name: "Site" },
          { "@type": "Article", headline: "Other story", url: "https://x.example/other" },
          {
            "@type": ["Article", "NewsArticle"],
            headline: "This story",
            url: "https://x.example/this/",
          },
        ],
      }),
    );
    expect(readJsonLd(doc, "https://x.example/this")?.title).toBe("This story");
  });

  it("decodes HTML entities in strings once and keeps markup-like text", () => {
    const doc = page('{"@type":"Article","headline":"O&#8217;Brien &amp;amp; <b>co</b>"}');
    expect(readJsonLd(doc, "https://x.example/")?.title).toBe("O’Brien &amp; <b>co</b>");
  });

  it("tolerates raw newlines inside strings", () => {
    const doc = page('{"@type":"Article","headline":"Line\none"}');
    expect(readJsonLd(doc, "https://x.example/")?.title).toBe("Line one");
  });

  it("ignores author URLs and returns null when there is no article", () => {
    expect(
      readJsonLd(page('{"@type":"Article","author":"https://x.example/me"}'), "")?.byline,
    ).toBeNull();
    expect(readJsonLd(page('{"@type":"Organization","name":"Site"}', "not json"), "")).toBeNull();
  });
});
