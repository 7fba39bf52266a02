import { describe, expect, it } from "vitest";
import { diffVersions } from "../../src/diff/diff-versions.ts";
import { articlePages } from "../../src/render/article-pages.ts";
import { SiteUrls } from "../../src/render/site-urls.ts";
import type { ArticleHistory, Version } from "../../src/types.ts";

const urls = new SiteUrls("https://example.github.io/repo/");

function version(
  number: number,
  time: string,
  title: string | null,
  paragraphs: string[],
): Version {
  return {
    number,
    commit: `c0ffee${number}`,
    time,
    url: "https://harbor.example/news/ferry",
    title,
    byline: "By Ada Quill",
    published: "2026-04-01",
    paragraphs,
  };
}

function pagesFor(history: ArticleHistory, checkDays = 30) {
  const diffs = history.versions
    .slice(1)
    .map((after, i) => diffVersions(history.versions[i] as Version, after));
  return articlePages({ history, outletName: "The Harbor Courier", diffs, urls, checkDays });
}

const ferry: ArticleHistory = {
  outlet: "harbor",
  file: "archive/harbor/news/ferry.md",
  slug: "news/ferry",
  url: "https://harbor.example/news/ferry",
  versions: [
    version(1, "2026-04-01T06:00:00Z", "Ferry service resumes", [
      "The ferry sails again.",
      "Tickets are free.",
    ]),
    version(2, "2026-04-01T10:20:00Z", "Ferry service resumes", [
      "The ferry sails again today.",
      "Tickets are free.",
    ]),
    version(3, "2026-04-03T09:00:00Z", "Ferry service resumes after storm", [
      "The ferry sails again today.",
    ]),
  ],
  gone: null,
};

describe("articlePages", () => {
  it("states the schedule as a fixed day: last change plus the outlet's check period", () => {
    const { history: article } = pagesFor(ferry, 30);
    expect(article.firstSeen.text).toBe("1 Apr 2026, 06:00 UTC");
    expect(article.lastChanged.text).toBe("3 Apr 2026, 09:00 UTC");
    expect(article.checkedUntil).toEqual({ iso: "2026-05-03T09:00:00.000Z", text: "3 May 2026" });
    expect(pagesFor(ferry, 7).history.checkedUntil).toEqual({
      iso: "2026-04-10T09:00:00.000Z",
      text: "10 Apr 2026",
    });
  });

  it("says nothing is gone while the source still serves the article", () => {
    const pages = pagesFor(ferry);
    expect(pages.history.gone).toBeNull();
    expect(pages.gone).toBeNull();
    expect(pages.summary.gone).toBeNull();
  });

  it("reports an article gone at the source on its page, in its summary and as a feed record", () => {
    const mark = { since: "2026-04-05T12:30:00Z", status: 410 };
    const pages = pagesFor({ ...ferry, gone: mark });
    expect(pages.history.gone).toEqual({
      since: { iso: "2026-04-05T12:30:00Z", text: "5 Apr 2026, 12:30 UTC" },
      status: 410,
    });
    expect(pages.summary.gone).toEqual(mark);
    expect(pages.gone).toEqual({
      outlet: "harbor",
      outletName: "The Harbor Courier",
      slug: "news/ferry",
      time: "2026-04-05T12:30:00Z",
      status: 410,
      headline: "Ferry service resumes after storm",
      id: "https://example.github.io/repo/harbor/news/ferry/#gone-2026-04-05T12:30:00.000Z",
      articleHref: "/repo/harbor/news/ferry/",
      articleUrl: "https://example.github.io/repo/harbor/news/ferry/",
    });
    // Checking goes on while gone (the article may come back), so the schedule stays the same.
    expect(pages.history.checkedUntil).toEqual(pagesFor(ferry).history.checkedUntil);
    expect(pages.versions).toHaveLength(3);
  });

  it("labels a headline that flips back to an earlier version's on every page that shows it", () => {
    const flip: ArticleHistory = {
      ...ferry,
      versions: [
        version(1, "2026-04-01T06:00:00Z", "Ferry service resumes", ["Text."]),
        version(2, "2026-04-01T07:00:00Z", "Ferries sail again", ["Text."]),
        { ...version(3, "2026-04-01T08:00:00Z", "Ferry service resumes", ["Text."]), revertsTo: 1 },
      ],
    };
    const pages = pagesFor(flip);
    expect(pages.history.versions.map((v) => [v.headlineChanged, v.revertsTo])).toEqual([
      [false, null],
      [true, null],
      [true, { href: "/repo/harbor/news/ferry/v1/", text: "version 1" }],
    ]);
    expect(pages.diffs.map((d) => d.headlineRevertsTo)).toEqual([
      null,
      { href: "/repo/harbor/news/ferry/v1/", text: "version 1" },
    ]);
    expect(pages.changes.map((c) => [c.number, c.headlineChanged, c.revertsTo])).toEqual([
      [1, false, null],
      [2, true, null],
      [3, true, 1],
    ]);
  });

  it("does not label a version reverted when its headline shows no change", () => {
    const same: ArticleHistory = {
      ...ferry,
      versions: [
        version(1, "2026-04-01T06:00:00Z", "Ferry service resumes", ["Text."]),
        { ...version(2, "2026-04-01T07:00:00Z", "Ferry service resumes", ["More."]), revertsTo: 1 },
      ],
    };
    const pages = pagesFor(same);
    expect(pages.history.versions[1]?.revertsTo).toBeNull();
    expect(pages.diffs[0]?.headlineRevertsTo).toBeNull();
    expect(pages.changes[1]?.revertsTo).toBeNull();
  });

  it("lists every version with its time since the previous one and a link to its diff", () => {
    const { history: article } = pagesFor(ferry);
    expect(
      article.versions.map((v) => [v.number, v.interval, v.headlineChanged, v.diff?.href ?? null]),
    ).toEqual([
      [1, null, false, null],
      [2, "about 4 hours later", false, "/repo/harbor/news/ferry/diff/1..2/"],
      [3, "about 2 days later", true, "/repo/harbor/news/ferry/diff/2..3/"],
    ]);
  });

  it("makes one version page per version and one diff page per consecutive pair", () => {
    const pages = pagesFor(ferry);
    expect(pages.versions.map((v) => v.outputPath)).toEqual([
      "harbor/news/ferry/v1/index.html",
      "harbor/news/ferry/v2/index.html",
      "harbor/news/ferry/v3/index.html",
    ]);
    expect(pages.diffs.map((d) => d.outputPath)).toEqual([
      "harbor/news/ferry/diff/1..2/index.html",
      "harbor/news/ferry/diff/2..3/index.html",
    ]);
    const [first, second] = pages.diffs;
    expect(first?.previousDiff).toBeNull();
    expect(first?.nextDiff?.href).toBe("/repo/harbor/news/ferry/diff/2..3/");
    expect(second?.previousDiff?.href).toBe("/repo/harbor/news/ferry/diff/1..2/");
    expect(second?.headlineChanged).toBe(true);
    expect(second?.paragraphs).toEqual({ added: 0, removed: 1, edited: 0, moved: 0 });
  });

  it("records each version as a change: the first links to its version, later ones to the diff", () => {
    const { changes } = pagesFor(ferry);
    expect(changes.map((c) => [c.number, c.url, c.headlineChanged, c.previousHeadline])).toEqual([
      [1, "https://example.github.io/repo/harbor/news/ferry/v1/", false, null],
      [
        2,
        "https://example.github.io/repo/harbor/news/ferry/diff/1..2/",
        false,
        "Ferry service resumes",
      ],
      [
        3,
        "https://example.github.io/repo/harbor/news/ferry/diff/2..3/",
        true,
        "Ferry service resumes",
      ],
    ]);
    expect(changes[1]?.wordsAdded).toBe(1);
  });

  it("says in words what each version changed, the same on every page and record", () => {
    const pages = pagesFor(ferry);
    const texts = (labels: { text: string }[]) => labels.map((l) => l.text);
    expect(pages.history.versions.map((v) => texts(v.labels))).toEqual([
      [],
      ["1 paragraph edited"],
      ["Headline changed", "1 paragraph removed"],
    ]);
    expect(pages.diffs.map((d) => texts(d.labels))).toEqual([
      ["1 paragraph edited"],
      ["Headline changed", "1 paragraph removed"],
    ]);
    expect(pages.changes.map((c) => texts(c.labels))).toEqual([
      [],
      ["1 paragraph edited"],
      ["Headline changed", "1 paragraph removed"],
    ]);
    expect(pages.changes[0]?.diffHtml).toBeNull();
    expect(pages.changes[2]?.diffHtml).toBe(
      [
        "<p><strong>Headline:</strong> Ferry service resumes<ins> after storm</ins></p>",
        "<p><strong>Removed paragraph:</strong> <del>Tickets are free.</del></p>",
        '<p><a href="https://example.github.io/repo/harbor/news/ferry/diff/2..3/">see the whole diff</a>.</p>',
      ].join("\n"),
    );
  });

  it("links the original only when it is an http(s) URL", () => {
    const sneaky = { ...ferry, url: "javascript:alert(1)" };
    expect(pagesFor(sneaky).history.original).toEqual({ text: "javascript:alert(1)", href: null });
    expect(pagesFor(ferry).history.original.href).toBe("https://harbor.example/news/ferry");
  });

  it("names a version without a headline instead of showing nothing", () => {
    const untitled = { ...ferry, versions: [version(1, "2026-04-01T06:00:00Z", null, ["Text."])] };
    expect(pagesFor(untitled).history.headline).toBe("(no headline)");
  });
});
