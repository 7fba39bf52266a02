import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffVersions } from "../../src/diff/diff-versions.ts";
import { articlePages } from "../../src/render/article-pages.ts";
import { compactRecords, expandRecords } from "../../src/render/article-records.ts";
import { SiteUrls } from "../../src/render/site-urls.ts";
import type { ArticleHistory, Version } from "../../src/types.ts";

const urls = new SiteUrls("https://example.github.io/repo/");
const TITLES = ["Ferry service resumes", "Ferry sails again", "", null, "<b>Ferry</b> & co"];

function history(titles: (string | null)[], gone: ArticleHistory["gone"]): ArticleHistory {
  const versions = titles.map(
    (title, i): Version => ({
      number: i + 1,
      commit: `c${i}`,
      time: new Date(Date.UTC(2026, 3, 1, 6 + 3 * i)).toISOString(),
      url: "https://harbor.example/news/ferry",
      title,
      byline: null,
      published: null,
      paragraphs: [`The ferry sails again, for the ${i + 1}th time.`, "Tickets are free."],
      ...(i >= 2 && title === titles[i - 2] && title !== titles[i - 1] ? { revertsTo: i - 1 } : {}),
    }),
  );
  return {
    outlet: "harbor",
    file: "archive/harbor/news/ferry.md",
    slug: "news/ferry",
    url: "https://harbor.example/news/ferry",
    versions,
    gone,
  };
}

function recordsOf(h: ArticleHistory) {
  const diffs = h.versions
    .slice(1)
    .map((after, i) => diffVersions(h.versions[i] as Version, after));
  const built = articlePages({
    history: h,
    outletName: "The Harbor Courier",
    diffs,
    firstToLatest:
      h.versions.length > 2
        ? diffVersions(h.versions[0] as Version, h.versions.at(-1) as Version)
        : null,
    urls,
    checkDays: 30,
    repository: null,
  });
  return { summary: built.summary, changes: built.changes, gone: built.gone };
}

/** The records without the feeds' diff HTML, which the compact form leaves out. */
const withoutDiffHtml = (records: ReturnType<typeof recordsOf>) => ({
  ...records,
  changes: records.changes.map((c) => ({ ...c, diffHtml: null })),
});

const expand = (records: ReturnType<typeof recordsOf>) =>
  expandRecords(compactRecords(records), {
    outlet: "harbor",
    slug: "news/ferry",
    outletName: "The Harbor Courier",
    urls,
  });

describe("compactRecords and expandRecords", () => {
  it("give back exactly the records articlePages made but their diff HTML, for any headlines and gone mark", () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...TITLES), { minLength: 1, maxLength: 8 }),
        fc.option(fc.constantFrom(404, 410), { nil: null }),
        (titles, status) => {
          const gone = status === null ? null : { since: "2026-04-05T08:00:00Z", status };
          const records = recordsOf(history(titles, gone));
          expect(expand(records)).toEqual(withoutDiffHtml(records));
        },
      ),
    );
  });

  it("leave out what can be derived (links, outlet name, unchanged headlines) and the diff HTML", () => {
    const records = recordsOf(history(["Ferry service resumes", "Ferry service resumes"], null));
    expect(records.changes[1]?.diffHtml).toContain("<ins>");
    expect(compactRecords(records)).toEqual({
      c: [
        ["2026-04-01T06:00:00.000Z", "Ferry service resumes", 0, 0, 0, 0, 0],
        ["2026-04-01T09:00:00.000Z", 0, 0, 0, 1, 1, [["edited", "1 paragraph edited"]]],
      ],
      g: null,
    });
  });
});
