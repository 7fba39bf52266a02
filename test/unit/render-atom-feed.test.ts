import { describe, expect, it } from "vitest";
import { atomFeed } from "../../src/render/atom-feed.ts";
import type { ChangeRecord, GoneRecord } from "../../src/render/page-types.ts";

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
    revertsTo: null,
    wordsAdded: 3,
    wordsRemoved: 1,
    labels:
      number > 1 && headline !== "Ferry service resumes"
        ? [{ kind: "headline", text: "Headline changed" }]
        : [],
    diffHtml:
      number === 1
        ? null
        : `<p><strong>Edited paragraph:</strong> The ferry sails<ins> today</ins>.</p>`,
    href: page.replace("https://example.github.io", ""),
    url: page,
    articleHref: "/repo/harbor/news/ferry/",
    articleUrl: "https://example.github.io/repo/harbor/news/ferry/",
    firstToLatestHref: null,
  };
}

function gone(time: string, headline = "Ferry service resumes"): GoneRecord {
  return {
    outlet: "harbor",
    outletName: "The Harbor Courier",
    slug: "news/ferry",
    time,
    status: 404,
    headline,
    id: `https://example.github.io/repo/harbor/news/ferry/#gone-${time}`,
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
  gone: [],
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

  it("reports an article gone at the source as an entry linking its history, among the versions by time", () => {
    const xml = atomFeed({
      ...spec,
      entries: [change(1, "2026-04-01T06:00:00Z"), change(2, "2026-04-01T10:20:00Z")],
      gone: [gone("2026-04-01T08:00:00.000Z")],
    });
    const ids = [...xml.matchAll(/<id>([^<]+)<\/id>/g)].map((m) => m[1]);
    expect(ids).toEqual([
      spec.url,
      "https://example.github.io/repo/harbor/news/ferry/diff/1..2/",
      "https://example.github.io/repo/harbor/news/ferry/#gone-2026-04-01T08:00:00.000Z",
      "https://example.github.io/repo/harbor/news/ferry/v1/",
    ]);
    const entry = xml.split("<entry>")[2] ?? "";
    expect(entry).toContain(
      '<title type="html"><![CDATA[Gone at the source: Ferry service resumes]]></title>',
    );
    expect(entry).toContain('<link href="https://example.github.io/repo/harbor/news/ferry/"/>');
    expect(entry).toContain("<updated>2026-04-01T08:00:00.000Z</updated>");
    expect(entry).toContain(
      '<p><a href="https://example.github.io/repo/harbor/news/ferry/">Ferry service resumes</a> at The Harbor Courier is gone at the source since 1 Apr 2026, 08:00 UTC (HTTP 404); the archived versions remain.</p>',
    );
  });

  it("dates the feed by a disappearance newer than every version, and lists it first even at a version's time", () => {
    const newest = atomFeed({
      ...spec,
      entries: [change(1, "2026-04-01T06:00:00Z")],
      gone: [gone("2026-04-02T09:00:00.000Z")],
    });
    expect(newest).toContain("<updated>2026-04-02T09:00:00.000Z</updated>\n    <author>");
    const tie = atomFeed({
      ...spec,
      entries: [change(1, "2026-04-01T06:00:00.000Z")],
      gone: [gone("2026-04-01T06:00:00.000Z")],
    });
    const ids = [...tie.matchAll(/<entry>\s*<title[^>]*>[^\n]*\n\s*<id>([^<]+)<\/id>/g)].map(
      (m) => m[1],
    );
    expect(ids).toEqual([
      "https://example.github.io/repo/harbor/news/ferry/#gone-2026-04-01T06:00:00.000Z",
      "https://example.github.io/repo/harbor/news/ferry/v1/",
    ]);
  });

  it("names the outlet in a gone entry's title in feeds that span outlets", () => {
    const xml = atomFeed({
      ...spec,
      withOutlet: true,
      entries: [],
      gone: [gone("2026-04-01T08:00:00.000Z")],
    });
    expect(xml).toContain(
      "<![CDATA[The Harbor Courier · Gone at the source: Ferry service resumes]]>",
    );
  });

  it("titles a change by its labels, a headline flipping back as reverted", () => {
    const reverted: ChangeRecord = {
      ...change(3, "2026-04-01T12:00:00Z", "Ferry service resumes"),
      previousHeadline: "Ferries sail again",
      headlineChanged: true,
      revertsTo: 1,
      labels: [
        { kind: "reverted", text: "Headline reverted to version 1" },
        { kind: "edited", text: "1 paragraph edited" },
      ],
    };
    const xml = atomFeed({ ...spec, entries: [reverted] });
    expect(xml).toContain(
      "<![CDATA[Headline reverted to version 1, 1 paragraph edited: Ferry service resumes]]>",
    );
  });

  it("carries the change itself in each change entry, and marks a new article as such", () => {
    const xml = atomFeed({
      ...spec,
      entries: [change(1, "2026-04-01T06:00:00Z"), change(2, "2026-04-01T10:20:00Z")],
    });
    const [, changed, created] = xml.split("<entry>");
    expect(changed).toContain(
      '<content type="html"><![CDATA[<p>Version 2 of <a href="https://example.github.io/repo/harbor/news/ferry/">Ferry service resumes</a> at The Harbor Courier, fetched 1 Apr 2026, 10:20 UTC: 3 words added, 1 word removed.</p>\n<p><strong>Edited paragraph:</strong> The ferry sails<ins> today</ins>.</p>]]></content>',
    );
    expect(changed).toContain('<category label="Change" term="change"/>');
    expect(created).toContain("<![CDATA[New article: Ferry service resumes]]>");
    expect(created).toContain('<category label="New article" term="new-article"/>');
    expect(created).toContain(
      '<![CDATA[<p>New article: first seen at The Harbor Courier on 1 Apr 2026, 06:00 UTC: <a href="https://example.github.io/repo/harbor/news/ferry/">Ferry service resumes</a></p>]]>',
    );
  });
});
