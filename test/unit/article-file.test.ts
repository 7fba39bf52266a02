import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ArticleFileError,
  parseArticleFile,
  serializeArticleFile,
} from "../../src/archive/article-file.ts";
import { normalizeText } from "../../src/normalize/normalize-article.ts";

describe("archive file format", () => {
  it("writes front matter then one paragraph per line, blank lines between", () => {
    const text = serializeArticleFile({
      url: "https://harbor.example/news/vote",
      title: "Council votes 5–2 to rebuild the harbor wall",
      byline: "By Mara Lindqvist",
      published: "2026-11-20T08:00:00.000Z",
      paragraphs: ["First paragraph.", "Second: with a colon."],
    });
    expect(text).toBe(
      [
        "---",
        "url: https://harbor.example/news/vote",
        "title: Council votes 5–2 to rebuild the harbor wall",
        "byline: By Mara Lindqvist",
        "published: 2026-11-20T08:00:00.000Z",
        "---",
        "",
        "First paragraph.",
        "",
        "Second: with a colon.",
        "",
      ].join("\n"),
    );
  });

  it("keeps markup-like text literally", () => {
    const article = {
      url: "https://harbor.example/a",
      title: 'Why "<script>" tags broke the site',
      byline: null,
      published: null,
      paragraphs: ["<img src=x onerror=alert(1)>", "javascript:alert(1)", "---"],
    };
    expect(parseArticleFile(serializeArticleFile(article))).toEqual(article);
  });

  it("round-trips any normalized article", () => {
    const text = fc.string({ unit: "grapheme", maxLength: 40 }).map(normalizeText);
    fc.assert(
      fc.property(
        fc.record({
          title: fc.option(text.filter((t) => t !== "")),
          byline: fc.option(text.filter((t) => t !== "")),
          published: fc.option(fc.constant("2026-11-20T08:00:00.000Z")),
          paragraphs: fc.array(
            text.filter((t) => t !== ""),
            { maxLength: 6 },
          ),
        }),
        (fields) => {
          const article = { url: "https://harbor.example/a", ...fields };
          expect(parseArticleFile(serializeArticleFile(article))).toEqual(article);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("names what is wrong with a corrupted file", () => {
    expect(() => parseArticleFile("no front matter")).toThrow(ArticleFileError);
    expect(() => parseArticleFile("---\nurl: [unclosed\n---\nbody\n")).toThrow(/not valid YAML/);
    expect(() => parseArticleFile("---\ntitle: x\n---\nbody\n")).toThrow(/no url/);
    expect(() => parseArticleFile("---\nurl: https://a.example/\n")).toThrow(/not closed/);
  });
});
