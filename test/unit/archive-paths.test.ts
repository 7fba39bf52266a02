// URL → archive path under hostile URLs, as property tests: the path stays inside
// archive/<outlet>/, checks out on Linux, macOS (case-insensitive) and Windows, and no two
// articles ever share a file, or need one path as a file and as a folder.

import { posix } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalUrl } from "../../src/archive/canonical-url.ts";
import { chooseArchivePath, TakenPaths } from "../../src/archive/choose-archive-path.ts";
import { urlToArchivePath } from "../../src/archive/url-to-archive-path.ts";

const RUNS = { numRuns: 1000 };
// Windows refuses these as file or folder names, with any extension and in any case.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\..*)?$/i;

const hostileSegment = fc.oneof(
  fc.constantFrom(
    ".",
    "..",
    "%2e",
    "%2E%2e",
    "con",
    "CON",
    "aux.html",
    "nul",
    "Com1",
    "lpt9.txt",
    "con.",
    "index",
    "v1",
    "diff",
    "feed.atom",
    "page",
    "b.md",
    "B.MD",
    "x.",
    "x%20",
    "a\\b",
    "%5C",
    "%2F",
    "%00",
    "%20",
    "é",
    "E%CC%81",
    "É",
    "ß",
    "ﬁ",
    "😀",
    "%E2%80%AE",
    "vote--fd8f1e59f7",
    "vote-fd8f1e59f7",
  ),
  fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,11}$/),
  fc.stringMatching(/^[A-Za-z0-9._~-]{1,12}$/),
  fc.string({ unit: "grapheme", minLength: 1, maxLength: 8 }),
  fc.string({ unit: fc.constantFrom("a", "B", "-", "."), minLength: 70, maxLength: 300 }),
  fc
    .uint8Array({ minLength: 1, maxLength: 6 })
    .map((bytes) => [...bytes].map((b) => `%${b.toString(16).padStart(2, "0")}`).join("")),
);

const hostileUrl = fc
  .tuple(
    // One origin, in any case: the same path on another origin is chooseArchivePath's to settle.
    fc.constantFrom(
      "https://harbor.example/",
      "https://Harbor.Example/",
      "HTTPS://HARBOR.EXAMPLE:443/",
    ),
    fc.array(hostileSegment, { minLength: 0, maxLength: 8 }),
    fc.boolean(),
    fc.constantFrom("", "?id=7", "?a=1&b=2", "?utm_source=x"),
  )
  .map(
    ([origin, segments, slash, query]) =>
      `${origin}${segments.join("/")}${slash ? "/" : ""}${query}`,
  )
  .map((raw) => canonicalUrl(raw))
  .filter((url): url is string => url !== null && new URL(url).host === "harbor.example");

function expectPortable(path: string): void {
  expect(path.startsWith("archive/harbor/")).toBe(true);
  expect(posix.normalize(path)).toBe(path);
  expect(path.endsWith(".md")).toBe(true);
  expect(path.length).toBeLessThan(220);
  const segments = path.split("/");
  for (const [index, segment] of segments.entries()) {
    expect(segment, path).toMatch(/^[a-z0-9][a-z0-9._-]*$/);
    expect(segment, path).not.toMatch(WINDOWS_DEVICE);
    expect(segment, path).not.toMatch(/[. ]$/);
    expect(Buffer.byteLength(segment), path).toBeLessThanOrEqual(255);
    if (index < segments.length - 1) expect(segment.endsWith(".md"), path).toBe(false);
  }
}

describe("urlToArchivePath on hostile URLs", () => {
  it("stays inside archive/<outlet>/ with names every OS can check out", () => {
    fc.assert(
      fc.property(hostileUrl, (url) => expectPortable(urlToArchivePath(url, "harbor"))),
      RUNS,
    );
  });

  it("never gives two canonical URLs of one host the same path, case-insensitively, nor a file where another needs a folder", () => {
    fc.assert(
      fc.property(fc.uniqueArray(hostileUrl, { minLength: 2, maxLength: 12 }), (urls) => {
        const paths = urls.map((url) => urlToArchivePath(url, "harbor").toLowerCase());
        expect(new Set(paths).size).toBe(urls.length);
        for (const a of paths) {
          for (const b of paths) expect(b.startsWith(`${a}/`), `${a} / ${b}`).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it("keeps /a/b and /a/b.md/c apart: a folder never ends in .md", () => {
    const file = urlToArchivePath("https://harbor.example/a/b", "harbor");
    const deeper = urlToArchivePath("https://harbor.example/a/b.md/c", "harbor");
    expect(file).toBe("archive/harbor/a/b.md");
    expect(deeper).toMatch(/^archive\/harbor\/a\/b_md\/c--[0-9a-f]{10}\.md$/);
  });

  it("renames Windows device names, with or without an extension, as file or folder", () => {
    expect(urlToArchivePath("https://harbor.example/con", "harbor")).toMatch(
      /^archive\/harbor\/con_--[0-9a-f]{10}\.md$/,
    );
    expect(urlToArchivePath("https://harbor.example/nul/story", "harbor")).toMatch(
      /^archive\/harbor\/nul_\/story--[0-9a-f]{10}\.md$/,
    );
    expect(urlToArchivePath("https://harbor.example/news/aux.html", "harbor")).toMatch(
      /^archive\/harbor\/news\/aux_\.html--[0-9a-f]{10}\.md$/,
    );
  });

  it("does not let a slug that ends in another URL's hash take that URL's file", () => {
    const hashed = urlToArchivePath("https://harbor.example/News/Vote", "harbor");
    expect(hashed).toBe("archive/harbor/news/vote--fd8f1e59f7.md");
    for (const crafted of ["news/vote--fd8f1e59f7", "news/vote-fd8f1e59f7"]) {
      expect(urlToArchivePath(`https://harbor.example/${crafted}`, "harbor")).not.toBe(hashed);
    }
  });
});

describe("chooseArchivePath", () => {
  it("takes the readable path when it is free", () => {
    expect(chooseArchivePath("https://harbor.example/news/vote", "harbor", new TakenPaths())).toBe(
      "archive/harbor/news/vote.md",
    );
  });

  it("hashes a path another host's article already holds, whatever its case", () => {
    const taken = new TakenPaths(["archive/harbor/News/Vote.md"]);
    expect(chooseArchivePath("https://m.harbor.example/news/vote", "harbor", taken)).toMatch(
      /^archive\/harbor\/news\/vote--[0-9a-f]{10}\.md$/,
    );
  });

  it("goes on past a hashed path that is taken too", () => {
    const url = "https://m.harbor.example/news/vote";
    const hashed = urlToArchivePath(url, "harbor", true);
    const taken = new TakenPaths(["archive/harbor/news/vote.md", hashed]);
    const chosen = chooseArchivePath(url, "harbor", taken);
    expect(chosen).toMatch(/^archive\/harbor\/news\/vote--[0-9a-f]{10}\.md$/);
    expect(chosen).not.toBe(hashed);
  });

  it("never writes a file where a taken path needs a folder, or below a taken file", () => {
    const taken = new TakenPaths(["archive/harbor/a/b.md/c.md", "archive/harbor/x.md"]);
    expect(taken.conflicts("archive/harbor/a/b.md")).toBe(true);
    expect(taken.conflicts("archive/harbor/x.md/y.md")).toBe(true);
    expect(taken.conflicts("archive/harbor/a/b.md/d.md")).toBe(false);
  });

  it("never returns a taken path, for any archive and any order of arrivals", () => {
    const hosts = fc.constantFrom(
      "https://harbor.example/",
      "http://harbor.example/",
      "https://m.harbor.example/",
      "https://harbor.example:8443/",
    );
    const arrival = fc
      .tuple(hosts, fc.array(hostileSegment, { maxLength: 5 }), fc.boolean())
      .map(([host, segments, slash]) =>
        canonicalUrl(`${host}${segments.join("/")}${slash ? "/" : ""}`),
      )
      .filter((url): url is string => url !== null);
    // Files committed by hand, in any case, some of them exactly where a URL will want to go.
    const handMade = fc.array(
      fc.oneof(
        arrival.map((url) => urlToArchivePath(url, "harbor").toUpperCase()),
        arrival.map((url) => urlToArchivePath(url, "harbor", true)),
        hostileSegment.map((s) => `archive/harbor/${s}.md`),
      ),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(handMade, fc.uniqueArray(arrival, { maxLength: 12 }), (existing, urls) => {
        const taken = new TakenPaths(existing);
        const held = existing.map((p) => p.toLowerCase());
        for (const url of urls) {
          const path = chooseArchivePath(url, "harbor", taken);
          const key = path.toLowerCase();
          for (const other of held) {
            expect(key, url).not.toBe(other);
            expect(
              key.startsWith(`${other}/`) || other.startsWith(`${key}/`),
              `${key} ${other}`,
            ).toBe(false);
          }
          taken.add(path);
          held.push(key);
        }
      }),
      RUNS,
    );
  });
});
