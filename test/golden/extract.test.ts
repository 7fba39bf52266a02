// Golden tests of the extractor: each folder in test/golden/extract/ holds an invented article page
// shaped like a real outlet's (source.html, raw bytes) and the article stet must extract from it.

import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { decodeHtml } from "../../src/extract/decode-html.ts";
import { extract } from "../../src/extract/extract.ts";

const dir = join(import.meta.dirname, "extract");
const pages = readdirSync(dir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe("extract() on fixture pages", () => {
  it("has fixture pages to check", () => {
    expect(pages.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of pages) {
    it(`extracts ${name} as in expected.json`, () => {
      const html = decodeHtml(readFileSync(join(dir, name, "source.html")));
      const expected = JSON.parse(readFileSync(join(dir, name, "expected.json"), "utf8"));
      // The page signals (canonical link, wall text) are the teaser tests' business.
      const { page: _, ...article } = extract(html, `https://news.example/${name}`);
      expect(article).toEqual(expected);
    });
  }
});
