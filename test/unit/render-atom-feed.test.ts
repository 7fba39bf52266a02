import { describe, expect, it } from "vitest";
import type { ChangeRecord } from "../../src/render/article-pages.ts";
import { atomFeed } from "../../src/render/atom-feed.ts";

function change(number: number, time: string, headline = "Ferry service resumes"): ChangeRecord {
  const page = `https://example.github.io/repo/harbor/news/ferry/${number === 1 ? "v1" : `diff/${number - 1}..${number}`}/`;
  return {
    outlet: "harbor",
    outletName: "The Harbor Courier",
    slug: "news/ferry",
    number,
    time,
    headline,
    previousHeadline: number === 1 ? null : "Ferry service resumes",
    headlineChanged: number > 1 && headline !== "Ferry service resumes",
    wordsAdded: 3,
    wordsRemoved: 1,
    href: page.replace("https://example.github.io", ""),
    url: page,
    articleHref: "/repo/harbor/news/ferry/",
    articleUrl: "https://example.github.io/repo/harbor/news/ferry/",
  };
}

const spec = {
  url: "https://example.github.io/repo/harbor/news/ferry/feed.atom",
  pageUrl: "https://example.github.io/repo/harbor/news/ferry/",
  title: "stet: changes to “Ferry service resumes”",
  author: "stet",
  withOutlet: false,
  emptyUpdated: "1970-01-01T00:00:00.000Z",
};

describe("atomFeed", () => {
  it("dates the feed by its newest entry and lists entries newest first", () => {
    const xml = atomFeed({
      ...spec,
      entries: [change(1, "2026-04-01T06:00:00Z"), change(2, "2026-04-01T10:20:00Z")],
    });
    expect(xml).toContain("<updated>2026-04-01T10:20:00.000Z</updated>\n    <author>");
    const ids = [...xml.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(ids).toEqual([
      spec.url,
      "https://example.github.io/repo/harbor/news/ferry/diff/1..2/",
      "https://example.github.io/repo/harbor/news/ferry/v1/",
    ]);
  });

  it("gives the same bytes for the same entries in any order", () => {
    const entries = [change(1, "2026-04-01T06:00:00Z"), change(2, "2026-04-01T10:20:00Z")];
    expect(atomFeed({ ...spec, entries })).toBe(atomFeed({ ...spec, entries: entries.reverse() }));
  });

  it("uses the given time, not the clock, for a feed without entries", () => {
    const xml = atomFeed({ ...spec, entries: [], emptyUpdated: "2026-04-03T09:00:00Z" });
    expect(xml).toContain("<updated>2026-04-03T09:00:00.000Z</updated>");
    expect(xml).not.toContain("<entry>");
  });

  it("keeps only the newest 100 entries", () => {
    const entries = Array.from({ length: 130 }, (_, i) =>
      change(i + 1, new Date(Date.UTC(2026, 3, 1, 0, i)).toISOString()),
    );
    const xml = atomFeed({ ...spec, entries });
    expect(xml.match(/<entry>/g)).toHaveLength(100);
    expect(xml).toContain("/diff/129..130/");
    expect(xml).not.toContain("/diff/29..30/");
  });

  it("escapes page text in html-typed titles and content so it stays text", () => {
    const xml = atomFeed({
      ...spec,
      entries: [
        change(
          2,
          "2026-04-01T10:20:00Z",
          `<script>alert(1)</script> & <img src=x onerror=alert(1)>`,
        ),
      ],
    });
    expect(xml).not.toMatch(/<script|<img/);
    expect(xml).toContain(
      "Headline changed: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;img src=x onerror=alert(1)&gt;",
    );
  });
});
