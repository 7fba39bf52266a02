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
  const first = history.versions[0] as Version;
  const last = history.versions.at(-1) as Version;
  return articlePages({
    history,
    outletName: "The Harbor Courier",
    diffs,
    firstToLatest: history.versions.length > 2 ? diffVersions(first, last) : null,
    urls,
    checkDays,
    repository: "https://github.com/stet-news/archive",
  });
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
      // First against latest: the same headline, so nothing reverted there.
      null,
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

  it("makes one version page per version, one diff page per consecutive pair and one from first to latest", () => {
    const pages = pagesFor(ferry);
    expect(pages.versions.map((v) => v.outputPath)).toEqual([
      "harbor/news/ferry/v1/index.html",
      "harbor/news/ferry/v2/index.html",
      "harbor/news/ferry/v3/index.html",
    ]);
    expect(pages.diffs.map((d) => [d.outputPath, d.consecutive])).toEqual([
      ["harbor/news/ferry/diff/1..2/index.html", true],
      ["harbor/news/ferry/diff/2..3/index.html", true],
      ["harbor/news/ferry/diff/1..latest/index.html", false],
    ]);
    const [first, second] = pages.diffs;
    expect(first?.earlier).toBeNull();
    expect(first?.later).toEqual({
      href: "/repo/harbor/news/ferry/diff/2..3/",
      text: "Later change: version 2 → 3",
    });
    expect(second?.earlier?.href).toBe("/repo/harbor/news/ferry/diff/1..2/");
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
      ["Headline changed", "1 paragraph edited", "1 paragraph removed"],
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

  it("links the first-versus-latest page from the history, each consecutive diff and the records", () => {
    const pages = pagesFor(ferry);
    const link = {
      href: "/repo/harbor/news/ferry/diff/1..latest/",
      text: "First version → latest",
    };
    expect(pages.history.firstToLatest).toEqual(link);
    expect(pages.diffs.map((d) => d.firstToLatest)).toEqual([link, link, null]);
    expect(pages.changes.map((c) => c.firstToLatestHref)).toEqual([
      link.href,
      link.href,
      link.href,
    ]);
    const two = { ...ferry, versions: ferry.versions.slice(0, 2) };
    expect(pagesFor(two).history.firstToLatest).toBeNull();
    expect(pagesFor(two).diffs).toHaveLength(1);
  });

  it("names each version's commit and links it and the archived file on the forge", () => {
    const pages = pagesFor({ ...ferry, file: "archive/harbor/news/ferry tale.md" });
    const commit = {
      commit: "c0ffee2",
      short: "c0ffee2",
      file: "archive/harbor/news/ferry tale.md",
      commitHref: "https://github.com/stet-news/archive/commit/c0ffee2",
      fileHref:
        "https://github.com/stet-news/archive/blob/c0ffee2/archive/harbor/news/ferry%20tale.md",
    };
    expect(pages.versions[1]?.commit).toEqual(commit);
    expect(pages.diffs[0]?.to.commit).toEqual(commit);
    expect(pages.diffs[0]?.from.commit.short).toBe("c0ffee1");
    const unknown = articlePages({
      history: ferry,
      outletName: "The Harbor Courier",
      diffs: [],
      firstToLatest: null,
      urls,
      checkDays: 30,
      repository: null,
    });
    expect(unknown.versions[0]?.commit).toMatchObject({ commitHref: null, fileHref: null });
  });

  it("says on an old version that newer ones exist, and labels the pager earlier and later", () => {
    const [v1, v2, v3] = pagesFor(ferry).versions;
    expect(v1?.newer).toEqual({
      history: { href: "/repo/harbor/news/ferry/", text: "all versions" },
      compare: "/repo/harbor/news/ferry/diff/?from=1",
    });
    expect([v1?.latest, v2?.latest, v3?.latest]).toEqual([false, false, true]);
    expect(v3?.newer).toBeNull();
    expect([v2?.earlier, v2?.later]).toEqual([
      { href: "/repo/harbor/news/ferry/v1/", text: "Version 1" },
      { href: "/repo/harbor/news/ferry/v3/", text: "Version 3" },
    ]);
  });

  it("leaves every version and diff page before the latest two as it was when a version is added, a new headline included", () => {
    const before = pagesFor({ ...ferry, versions: ferry.versions.slice(0, 2) });
    const after = pagesFor(ferry);
    // Version 3 changes the headline: pages up to version 1 and the diff 1..2 stay byte for byte.
    expect(after.versions[0]).toEqual(before.versions[0]);
    expect(after.diffs[0]?.firstToLatest).toEqual(after.history.firstToLatest);
    const { firstToLatest: _added, later: _later, ...diffRest } = after.diffs[0] ?? {};
    const { firstToLatest: _none, later: _noLater, ...diffBefore } = before.diffs[0] ?? {};
    expect(diffRest).toEqual(diffBefore);
    // Version 2 gains the notice and its later link, but not version 3's headline or a count.
    expect(JSON.stringify(after.versions[1])).not.toMatch(/after storm|of 3/);
    const fourth = version(4, "2026-04-04T09:00:00Z", "Ferry back in service", ["More text."]);
    const longer = pagesFor({ ...ferry, versions: [...ferry.versions, fourth] });
    expect(longer.versions.slice(0, 2)).toEqual(after.versions.slice(0, 2));
    expect(longer.diffs.slice(0, 1)).toEqual(after.diffs.slice(0, 1));
    expect(longer.diffs.at(-1)?.outputPath).toBe(after.diffs.at(-1)?.outputPath);
  });

  it("makes a compare page that lists the comparisons already rendered", () => {
    const { compare } = pagesFor(ferry);
    expect(compare?.outputPath).toBe("harbor/news/ferry/diff/index.html");
    expect(compare?.api).toBe("/repo/api/harbor/news/ferry.json");
    expect(compare?.form).toEqual({
      action: "/repo/harbor/news/ferry/diff/",
      versions: [
        { number: 1, text: "Version 1 (1 Apr 2026, 06:00 UTC)" },
        { number: 2, text: "Version 2 (1 Apr 2026, 10:20 UTC)" },
        { number: 3, text: "Version 3 (3 Apr 2026, 09:00 UTC)" },
      ],
      from: 1,
      to: 3,
    });
    expect(compare?.ready.map((l) => l.text)).toEqual([
      "First version → latest",
      "Version 1 → 2",
      "Version 2 → 3",
    ]);
    expect(compare?.scripts).toEqual(["/repo/assets/compare.js"]);
    const single = { ...ferry, versions: ferry.versions.slice(0, 1) };
    expect(pagesFor(single).compare).toBeNull();
  });

  it("writes every version's exact text and metadata to the article's API file", () => {
    const { api } = pagesFor(ferry);
    expect(api.file).toBe("api/harbor/news/ferry.json");
    const data = JSON.parse(api.json);
    expect(data).toMatchObject({
      outlet: { id: "harbor", name: "The Harbor Courier" },
      url: "https://harbor.example/news/ferry",
      file: "archive/harbor/news/ferry.md",
      page: "https://example.github.io/repo/harbor/news/ferry/",
      gone: null,
    });
    expect(data.versions[1]).toEqual({
      number: 2,
      time: "2026-04-01T10:20:00Z",
      commit: "c0ffee2",
      commitUrl: "https://github.com/stet-news/archive/commit/c0ffee2",
      fileUrl: "https://github.com/stet-news/archive/blob/c0ffee2/archive/harbor/news/ferry.md",
      url: "https://harbor.example/news/ferry",
      title: "Ferry service resumes",
      byline: "By Ada Quill",
      published: "2026-04-01",
      paragraphs: ["The ferry sails again today.", "Tickets are free."],
      revertsTo: null,
      labels: ["1 paragraph edited"],
      page: "https://example.github.io/repo/harbor/news/ferry/v2/",
      diff: "https://example.github.io/repo/harbor/news/ferry/diff/1..2/",
    });
  });

  it("gives history, version and diff pages a preview title and description, and plain titles", () => {
    const pages = pagesFor(ferry);
    expect(pages.history.title).toBe("Ferry service resumes after storm — changed twice");
    expect(pages.history.share).toEqual({
      title: "Ferry service resumes after storm — changed twice",
      description:
        "The Harbor Courier, first seen 1 Apr 2026, 06:00 UTC. 3 versions; latest change 3 Apr 2026, 09:00 UTC: Headline changed, 1 paragraph removed.",
      url: "https://example.github.io/repo/harbor/news/ferry/",
    });
    expect(pages.versions[0]?.title).toBe("Ferry service resumes — version 1");
    expect(pages.diffs[0]?.title).toBe("Ferry service resumes — what changed in version 2");
    expect(pages.diffs[1]?.share?.description).toBe(
      "Version 2 → 3 of this article at The Harbor Courier, about 2 days later: Headline changed, 1 paragraph removed.",
    );
    expect(pages.diffs[2]?.title).toBe("Ferry service resumes after storm — version 1 → 3");
  });

  it("keeps bidi overrides and control characters out of titles and previews", () => {
    const spoof = "Mayor \u202Eseigologa\u202C resigns\u0007\nnow";
    const pages = pagesFor({
      ...ferry,
      versions: ferry.versions.map((v) => ({ ...v, title: spoof })),
    });
    for (const text of [
      pages.history.title,
      pages.history.share?.title,
      pages.history.feed.text,
      pages.versions[0]?.title,
      pages.diffs[0]?.title,
    ]) {
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
      expect(text).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u0000-\u001F]/);
    }
    expect(pages.history.title).toBe("Mayor seigologa resigns now — changed twice");
    // The page itself shows the headline as archived, minus what HTML cannot carry.
    expect(pages.history.headline).toBe("Mayor \u202Eseigologa\u202C resigns\nnow");
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

describe("articlePages at the worst case", () => {
  it("carries at most 50,000 characters of the latest text on the history page, and links the rest", () => {
    const paragraphs = Array.from(
      { length: 50_000 },
      (_, i) => `Paragraph ${i} of a very long page.`,
    );
    const huge: ArticleHistory = {
      ...ferry,
      versions: [version(1, "2026-04-01T06:00:00Z", "Long", paragraphs)],
    };
    const { latest } = pagesFor(huge).history;
    const characters = latest.paragraphs.reduce((sum, p) => sum + p.length, 0);
    expect(characters).toBeLessThanOrEqual(50_001);
    expect(latest.paragraphs.at(-1)).toMatch(/…$/);
    expect(latest.rest).toEqual({
      href: "/repo/harbor/news/ferry/v1/",
      text: "Read the rest in version 1",
    });
    expect(pagesFor(ferry).history.latest.rest).toBeNull();
  });
});
