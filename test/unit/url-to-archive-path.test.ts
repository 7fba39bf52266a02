import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalUrl } from "../../src/archive/canonical-url.ts";
import { urlToArchivePath } from "../../src/archive/url-to-archive-path.ts";

describe("urlToArchivePath", () => {
  it("keeps a tame URL path readable", () => {
    expect(urlToArchivePath("https://harbor.example/news/2026/11/council-vote", "harbor")).toBe(
      "archive/harbor/news/2026/11/council-vote.md",
    );
  });

  it("maps a trailing slash to index.md", () => {
    expect(urlToArchivePath("https://harbor.example/news/vote/", "harbor")).toBe(
      "archive/harbor/news/vote/index.md",
    );
    expect(urlToArchivePath("https://harbor.example/", "harbor")).toBe("archive/harbor/index.md");
  });

  it("adds a hash when sanitizing loses information", () => {
    expect(urlToArchivePath("https://harbor.example/News/Vote", "harbor")).toBe(
      "archive/harbor/news/vote--fd8f1e59f7.md",
    );
    expect(urlToArchivePath("https://harbor.example/story?id=7", "harbor")).toMatch(
      /^archive\/harbor\/story--[0-9a-f]{10}\.md$/,
    );
  });

  it("hashes names the site uses below an article page", () => {
    for (const tail of ["v2", "diff", "feed.atom", "index", "page"]) {
      expect(urlToArchivePath(`https://harbor.example/story/${tail}`, "harbor")).toMatch(
        new RegExp(`^archive/harbor/story/${tail.replace(".", "\\.")}--[0-9a-f]{10}\\.md$`),
      );
    }
  });

  it("never lets dot segments climb out of the archive", () => {
    // Encoded slashes keep ".." inside one segment; the URL parser resolves the plain ones.
    expect(urlToArchivePath("https://harbor.example/a%2F..%2F..%2Fetc/passwd", "harbor")).toMatch(
      /^archive\/harbor\/a-\.\.-\.\.-etc\/passwd--[0-9a-f]{10}\.md$/,
    );
    expect(urlToArchivePath("https://harbor.example/..%2F..%2F", "harbor")).toMatch(
      /^archive\/harbor\/index--[0-9a-f]{10}\.md$/,
    );
  });

  it("caps very long paths", () => {
    const path = urlToArchivePath(
      `https://harbor.example/${"a".repeat(500)}/${"b".repeat(500)}`,
      "h",
    );
    expect(path.length).toBeLessThan(220);
  });

  it("is safe and injective for arbitrary URLs", () => {
    const seen = new Map<string, string>();
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), (raw) => {
        const url = canonicalUrl(raw);
        if (!url) return;
        const path = urlToArchivePath(url, "harbor");
        expect(path).toMatch(
          /^archive\/harbor\/([a-z0-9][a-z0-9._-]*\/)*[a-z0-9][a-z0-9._-]*\.md$/,
        );
        expect(path.split("/")).not.toContain("..");
        expect(path.length).toBeLessThan(220);
        // Two different URLs never share a path (same path on another host is the fetcher's job).
        const key = `${new URL(url).pathname}${new URL(url).search}`;
        const other = seen.get(path);
        if (other !== undefined) expect(other).toBe(key);
        seen.set(path, key);
      }),
      { numRuns: 500 },
    );
  });
});

describe("canonicalUrl", () => {
  it("drops tracking parameters, fragments, default ports and host case", () => {
    expect(
      canonicalUrl("HTTPS://Harbor.Example:443/news/vote?utm_source=x&id=3&fbclid=y#comments"),
    ).toBe("https://harbor.example/news/vote?id=3");
  });

  it("refuses anything that is not http(s)", () => {
    expect(canonicalUrl("javascript:alert(1)")).toBeNull();
    expect(canonicalUrl("ftp://harbor.example/x")).toBeNull();
    expect(canonicalUrl("not a url")).toBeNull();
  });

  it("resolves relative links against a base", () => {
    expect(canonicalUrl("/news/vote", "https://harbor.example/feed.xml")).toBe(
      "https://harbor.example/news/vote",
    );
  });
});
