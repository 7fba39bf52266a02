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
      markupByline: null,
      markupPublished: null,
    });
  });

  it("skips an author given as a profile URL", () => {
    const head =
      '<meta property="article:author" content="https://social.example/priya"><meta name="byl" content="By Priya Raman">';
    expect(readMetaTags(doc(head)).byline).toBe("By Priya Raman");
  });

  it("reads a <time datetime> and a rel=author link from the markup", () => {
    const meta = readMetaTags(
      doc(
        "",
        '<article><a rel="author" href="/kim">Kim  Park</a><time datetime="2026-03-09">March 9</time></article>',
      ),
    );
    expect([meta.markupPublished, meta.markupByline]).toEqual(["2026-03-09", "Kim Park"]);
  });

  it("returns nulls for a page without metadata", () => {
    expect(readMetaTags(doc("<title>x</title>"))).toEqual({
      title: null,
      byline: null,
      published: null,
      siteName: null,
      markupByline: null,
      markupPublished: null,
    });
  });
});
