import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.ts";

const html = `<html><head><title>Generic title</title><meta property="og:title" content="Meta title"></head><body>
<h1 class="hed">Selector title</h1><span class="who">Kim Park</span><span class="when" datetime="2026-02-01T12:00:00Z">1 Feb</span>
<div class="story"><p>First paragraph of the story.</p><div class="promo">Buy the print edition</div><p>Second paragraph.</p></div>
<div class="story-more"><p>Third paragraph.</p></div></body></html>`;

describe("extract() with outlet selectors", () => {
  it("takes every configured field from its selector and says so", () => {
    const article = extract(html, "https://x.example/a", {
      title: "h1.hed",
      byline: ".who",
      published: ".when",
      body: ".story p, .story-more p",
      remove: [".promo"],
    });
    const { page: _, ...fields } = article;
    expect(fields).toEqual({
      title: "Selector title",
      byline: "Kim Park",
      published: "2026-02-01T12:00:00Z",
      paragraphs: ["First paragraph of the story.", "Second paragraph.", "Third paragraph."],
      methods: {
        title: "selectors",
        byline: "selectors",
        published: "selectors",
        paragraphs: "selectors",
      },
    });
  });

  it("removes matches of `remove` from a body selected as a container", () => {
    const article = extract(html, "https://x.example/a", { body: ".story", remove: [".promo"] });
    expect(article.paragraphs).toEqual(["First paragraph of the story.", "Second paragraph."]);
    expect(article.methods.title).toBe("meta");
  });

  it("names the key and the selector when a selector is not valid CSS", () => {
    expect(() => extract(html, "https://x.example/a", { body: "div[" })).toThrow(
      expect.objectContaining({
        name: "ConfigError",
        message: expect.stringContaining('selectors.body: "div["'),
      }),
    );
  });

  it("yields no paragraphs when the body selector matches nothing", () => {
    expect(extract(html, "https://x.example/a", { body: ".missing" }).paragraphs).toEqual([]);
  });
});
