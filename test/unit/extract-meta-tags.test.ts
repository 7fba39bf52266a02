import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { readMetaTags } from "../../src/extract/meta-tags.ts";

const doc = (head: string, body = "") =>
  parseHTML(`<html><head>${head}</head><body>${body}</body></html>`).document;

describe("readMetaTags", () => {
  it("reads Open Graph title, author and published time", () => {
    expect(
      readMetaTags(
        doc(
          '<meta property="og:title" content="Headline &amp; more"><meta name="author" content="Priya Raman"><meta property="article:published_time" content="2026-05-21T10:00:00-04:00"><meta property="og:site_name" content="Daily">',
        ),
      ),
    ).toEqual({
      title: "Headline & more",
      byline: "Priya Raman",
      published: "2026-05-21T10:00:00-04:00",
      siteName: "Daily",
    });
  });

  it("skips an author given as a profile URL", () => {
    expect(
      readMetaTags(
        doc(
          '<meta property="article:author" content="https://social.example/priya"><meta name="byl" content="By Priya Raman">',
        ),
      ).byline,
    ).toBe("By Priya Raman");
  });

  it("falls back to a <time datetime> in the article", () => {
    expect(
      readMetaTags(doc("", '<article><time datetime="2026-03-09">March 9</time></article>'))
        .published,
    ).toBe("2026-03-09");
  });

  it("returns nulls for a page without metadata", () => {
    expect(readMetaTags(doc("<title>x</title>"))).toEqual({
      title: null,
      byline: null,
      published: null,
      siteName: null,
    });
  });
});
