import { describe, expect, it } from "vitest";
import { extract } from "../../src/extract/extract.ts";

const url = "https://x.example/a";
const page = (head: string, body = "") =>
  `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;
const ld = (data: object) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe("extract() metadata layers", () => {
  it("prefers JSON-LD over meta tags over page markup, and says which it used", () => {
    const article = extract(
      page(
        `${ld({ "@type": "NewsArticle", headline: "From JSON-LD" })}<meta property="og:title" content="From meta"><meta name="author" content="Meta Author">`,
        '<a rel="author" href="/x">Markup Author</a><time datetime="2026-01-02">2 Jan</time>',
      ),
      url,
    );
    expect([article.title, article.byline, article.published]).toEqual([
      "From JSON-LD",
      "Meta Author",
      "2026-01-02",
    ]);
    expect([article.methods.title, article.methods.byline, article.methods.published]).toEqual([
      "json-ld",
      "meta",
      "html",
    ]);
  });

  it("skips a placeholder publication date for the next source", () => {
    const article = extract(
      page(
        '<meta property="article:published_time" content="0001-01-01T00:00:00Z">',
        '<time datetime="2026-03-04T05:06:07Z">4 March</time>',
      ),
      url,
    );
    expect([article.published, article.methods.published]).toEqual([
      "2026-03-04T05:06:07Z",
      "html",
    ]);
  });

  it("keeps an unparseable date as the page states it", () => {
    const article = extract(page('<meta name="date" content="01:38 PM IST Nov 20">'), url);
    expect(article.published).toBe("01:38 PM IST Nov 20");
  });

  it("takes the byline from the next source when one is only a date", () => {
    const article = extract(
      page(
        '<meta name="author" content="Sunday, Feb 1, 2015">',
        '<a rel="author" href="/x">Dana Kowalski</a>',
      ),
      url,
    );
    expect(article.byline).toBe("Dana Kowalski");
  });

  it("strips the site name from a meta title", () => {
    const article = extract(
      page(
        '<meta property="og:title" content="Bridge closes | The Courier"><meta property="og:site_name" content="The Courier">',
      ),
      url,
    );
    expect(article.title).toBe("Bridge closes");
  });
});
