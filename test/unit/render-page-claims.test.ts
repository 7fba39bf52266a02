// PageClaims keeps claims by article folder and compares files only between articles whose
// folders (or API files) nest. Checked here against the plain rule it must equal: every file and
// folder of every claimed article in two sets, each new article's compared with all of them.

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { SiteUrls } from "../../src/render/site-urls.ts";
import { PageClaims } from "../../src/render/usable-histories.ts";

/** The rule by its definition: an article is refused when a file of it is a claimed file or
 * folder, or a folder of it is a claimed file. */
class PlainClaims {
  readonly #urls = new SiteUrls("https://stet.invalid/");
  readonly #files = new Set<string>();
  readonly #dirs = new Set<string>();

  claim(outlet: string, slug: string, versionCount: number): string | null {
    const files = this.#urls.articleFiles(outlet, slug, versionCount);
    const dirs = new Set<string>();
    for (const file of files) {
      for (let i = file.lastIndexOf("/"); i > 0; i = file.lastIndexOf("/", i - 1)) {
        dirs.add(file.slice(0, i));
      }
    }
    const clash =
      files.find((file) => this.#files.has(file) || this.#dirs.has(file)) ??
      [...dirs].find((dir) => this.#files.has(dir));
    if (clash !== undefined) return `its page ${clash} would replace another article's page`;
    for (const file of files) this.#files.add(file);
    for (const dir of dirs) this.#dirs.add(dir);
    return null;
  }

  has(file: string): boolean {
    return this.#files.has(file);
  }
}

// Names that are, or look like, the names an article's own pages use.
const SEGMENTS = ["a", "b", "v1", "v2", "v3", "diff", "1..2", "2..3", "1..latest", "feed.atom"];
const segment = fc.constantFrom(...SEGMENTS, "index.html", "a.json", "b.json", "v1.json");
const article = fc.record({
  outlet: fc.constantFrom("harbor", "ridge"),
  slug: fc.array(segment, { minLength: 1, maxLength: 4 }).map((s) => s.join("/")),
  versionCount: fc.integer({ min: 1, max: 4 }),
});

describe("PageClaims", () => {
  it("refuses exactly the articles the plain rule refuses, with the same page named", () => {
    fc.assert(
      fc.property(fc.array(article, { maxLength: 12 }), fc.array(segment), (articles, probe) => {
        const fast = new PageClaims();
        const plain = new PlainClaims();
        const urls = new SiteUrls("https://stet.invalid/");
        const paths = new Set<string>([`harbor/${probe.join("/")}`, "api/harbor/a.json"]);
        for (const a of articles) {
          expect(fast.claim(a.outlet, a.slug, a.versionCount)).toBe(
            plain.claim(a.outlet, a.slug, a.versionCount),
          );
          for (const file of urls.articleFiles(a.outlet, a.slug, a.versionCount + 1)) {
            paths.add(file);
          }
        }
        for (const path of paths) expect(fast.has(path), path).toBe(plain.has(path));
      }),
      { numRuns: 500 },
    );
  });

  it("claims articles whose folders do not nest without comparing their files", () => {
    const claims = new PageClaims();
    expect(claims.claim("harbor", "news/a", 3)).toBeNull();
    expect(claims.claim("harbor", "news/b", 2)).toBeNull();
    expect(claims.claim("harbor", "news/a/v2", 1)).toBe(
      "its page harbor/news/a/v2/index.html would replace another article's page",
    );
    expect(claims.claim("harbor", "news/a.json/x", 1)).toBe(
      "its page api/harbor/news/a.json would replace another article's page",
    );
    expect(claims.has("harbor/news/a/diff/1..latest/index.html")).toBe(true);
    expect(claims.has("harbor/news/b/diff/1..latest/index.html")).toBe(false);
    expect(claims.has("api/harbor/news/b.json")).toBe(true);
  });
});
