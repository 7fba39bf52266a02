import { describe, expect, it } from "vitest";
import { BuildError } from "../../src/errors.ts";
import { SiteUrls } from "../../src/render/site-urls.ts";

const urls = new SiteUrls("https://example.github.io/repo/");
const article = { outlet: "harbor", slug: "news/2026/vote" };

describe("SiteUrls", () => {
  it("puts every page below the base URL's path prefix", () => {
    expect(urls.href({ kind: "home" })).toBe("/repo/");
    expect(urls.href({ kind: "outlet", outlet: "harbor" })).toBe("/repo/harbor/");
    expect(urls.href({ kind: "day", outlet: "harbor", day: "2026-01-05", part: 1 })).toBe(
      "/repo/harbor/page/2026-01-05/",
    );
    expect(urls.href({ kind: "day", outlet: "harbor", day: "2026-01-05", part: 3 })).toBe(
      "/repo/harbor/page/2026-01-05/3/",
    );
    expect(urls.href({ kind: "article", ...article })).toBe("/repo/harbor/news/2026/vote/");
    expect(urls.href({ kind: "version", ...article, number: 2 })).toBe(
      "/repo/harbor/news/2026/vote/v2/",
    );
    expect(urls.href({ kind: "diff", ...article, from: 1, to: 2 })).toBe(
      "/repo/harbor/news/2026/vote/diff/1..2/",
    );
    expect(urls.href({ kind: "article-feed", ...article })).toBe(
      "/repo/harbor/news/2026/vote/feed.atom",
    );
    expect(urls.href({ kind: "feed", name: "all" })).toBe("/repo/feeds/all.atom");
    expect(urls.href({ kind: "stylesheet" })).toBe("/repo/assets/style.css");
  });

  it("places the compare page, the API files and the site's own pages", () => {
    expect(urls.href({ kind: "compare", ...article })).toBe("/repo/harbor/news/2026/vote/diff/");
    expect(urls.file({ kind: "api-article", ...article })).toBe("api/harbor/news/2026/vote.json");
    expect(urls.href({ kind: "api-article", outlet: "harbor", slug: "vote" })).toBe(
      "/repo/api/harbor/vote.json",
    );
    expect(urls.file({ kind: "api-index" })).toBe("api/index.json");
    expect(urls.file({ kind: "api-outlet", outlet: "harbor" })).toBe("api/harbor.json");
    expect(urls.file({ kind: "api-day", outlet: "harbor", day: "2026-03-02" })).toBe(
      "api/harbor/page/2026-03-02.json",
    );
    expect(urls.href({ kind: "headlines" })).toBe("/repo/headlines/");
    expect(urls.href({ kind: "search" })).toBe("/repo/search/");
    expect(urls.file({ kind: "status" })).toBe("status/index.html");
    expect(urls.file({ kind: "not-found" })).toBe("404.html");
    expect(urls.href({ kind: "asset", name: "compare.js" })).toBe("/repo/assets/compare.js");
  });

  it("serves directory pages from index.html files without the prefix", () => {
    expect(urls.file({ kind: "home" })).toBe("index.html");
    expect(urls.file({ kind: "day", outlet: "harbor", day: "2026-01-05", part: 2 })).toBe(
      "harbor/page/2026-01-05/2/index.html",
    );
    expect(urls.file({ kind: "diff", ...article, from: 2, to: 3 })).toBe(
      "harbor/news/2026/vote/diff/2..3/index.html",
    );
    expect(urls.file({ kind: "feed", name: "headlines" })).toBe("feeds/headlines.atom");
  });

  it("gives absolute URLs for feeds", () => {
    expect(urls.absolute({ kind: "version", ...article, number: 1 })).toBe(
      "https://example.github.io/repo/harbor/news/2026/vote/v1/",
    );
  });

  it("works for a site at the root of its host", () => {
    const root = new SiteUrls("http://127.0.0.1:8080/");
    expect(root.href({ kind: "article", ...article })).toBe("/harbor/news/2026/vote/");
  });

  it("percent-encodes slug segments in links but not in file names", () => {
    const odd = { kind: "article", outlet: "harbor", slug: "news/a b?c#d" } as const;
    expect(urls.href(odd)).toBe("/repo/harbor/news/a%20b%3Fc%23d/");
    expect(urls.file(odd)).toBe("harbor/news/a b?c#d/index.html");
  });

  it("names the outlet whose own listing a file is: its page, its day pages, its API list", () => {
    expect(urls.outletListingOf("harbor/index.html")).toBe("harbor");
    expect(urls.outletListingOf("harbor/page/2026-03-02/index.html")).toBe("harbor");
    expect(urls.outletListingOf("harbor/page/2026-03-02/2/index.html")).toBe("harbor");
    expect(urls.outletListingOf("api/harbor.json")).toBe("harbor");
    expect(urls.outletListingOf("api/harbor/page/2026-03-02.json")).toBe("harbor");
    for (const other of [
      "index.html",
      "api/harbor/page/about.json",
      "harbor/news/vote/index.html",
      "api/harbor/news/vote.json",
      "api/index.json",
      "feeds/harbor.atom",
      "headlines/index.html",
    ]) {
      expect(urls.outletListingOf(other), other).toBeNull();
    }
  });

  it("rejects a base URL that is relative, not http(s) or missing its final slash", () => {
    expect(() => new SiteUrls("/repo/")).toThrow(BuildError);
    expect(() => new SiteUrls("ftp://example.org/repo/")).toThrow(BuildError);
    expect(() => new SiteUrls("https://example.github.io/repo")).toThrow(/ending with "\/"/);
  });

  it("lists an article's files: history page, feed, API file, a page per version and per diff, compare and first-to-latest pages", () => {
    expect(urls.articleFiles("harbor", "news/vote", 3)).toEqual([
      "harbor/news/vote/index.html",
      "harbor/news/vote/feed.atom",
      "api/harbor/news/vote.json",
      "harbor/news/vote/v1/index.html",
      "harbor/news/vote/v2/index.html",
      "harbor/news/vote/diff/1..2/index.html",
      "harbor/news/vote/v3/index.html",
      "harbor/news/vote/diff/2..3/index.html",
      "harbor/news/vote/diff/index.html",
      "harbor/news/vote/diff/1..latest/index.html",
    ]);
    // One version: no compare page; two: no first-to-latest page (it would be the 1..2 diff).
    expect(urls.articleFiles("harbor", "a", 1)).toEqual([
      "harbor/a/index.html",
      "harbor/a/feed.atom",
      "api/harbor/a.json",
      "harbor/a/v1/index.html",
    ]);
    const two = urls.articleFiles("harbor", "a", 2);
    expect(two.filter((f) => f.includes("/diff/1..")).length).toBe(1);
    expect(two).toContain("harbor/a/diff/index.html");
    for (const n of [1, 2, 3, 7, 60]) {
      expect(urls.articleFileCount(n)).toBe(urls.articleFiles("harbor", "a", n).length);
    }
  });
});
