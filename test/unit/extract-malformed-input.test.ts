import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.ts";
import type { ExtractedArticle } from "../../src/types.ts";

const url = "https://x.example/a";
const none = { title: "none", byline: "none", published: "none", paragraphs: "none" };

describe("extract() on malformed input", () => {
  it("returns an empty article for an empty page", () => {
    expect(withoutSignals(extract("", url))).toEqual({
      title: null,
      byline: null,
      published: null,
      paragraphs: [],
      methods: none,
    });
  });

  it("reads a fragment without <html> as a page", () => {
    expect(extract("<p>Only a paragraph.</p>", url).paragraphs).toEqual(["Only a paragraph."]);
  });

  it("ignores JSON-LD with values of the wrong types", () => {
    const html =
      '<script type="application/ld+json">{"@type":"NewsArticle","headline":null,"author":[null,{"name":5}],"datePublished":12345}</script>';
    expect(withoutSignals(extract(html, url))).toEqual({
      title: null,
      byline: null,
      published: null,
      paragraphs: [],
      methods: none,
    });
  });

  it("falls back to the plain body for pathologically deep nesting instead of hanging", () => {
    const html = `<html><body>${"<div>".repeat(3000)}<p>Deep text.</p></body></html>`;
    const article = extract(html, url);
    expect(article.paragraphs).toEqual(["Deep text."]);
    expect(article.methods.paragraphs).toBe("html");
  });
});

function withoutSignals(extracted: ExtractedArticle): Omit<ExtractedArticle, "page"> {
  const { page: _, ...article } = extracted;
  return article;
}
