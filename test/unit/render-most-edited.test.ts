import { describe, expect, it } from "vitest";
import { mostEdited } from "../../src/render/most-edited.ts";
import type { ChangeRecord } from "../../src/render/page-types.ts";
import { SiteUrls } from "../../src/render/site-urls.ts";

const urls = new SiteUrls("https://example.github.io/repo/");

function change(slug: string, number: number, time: string): ChangeRecord {
  return {
    outlet: "harbor",
    outletName: "The Harbor Courier",
    slug,
    number,
    time,
    headline: `${slug} v${number}`,
    previousHeadline: null,
    headlineChanged: false,
    revertsTo: null,
    wordsAdded: 0,
    wordsRemoved: 0,
    labels: [],
    diffHtml: null,
    href: `/repo/harbor/${slug}/`,
    url: `https://example.github.io/repo/harbor/${slug}/`,
    articleHref: `/repo/harbor/${slug}/`,
    articleUrl: `https://example.github.io/repo/harbor/${slug}/`,
    firstToLatestHref: null,
  };
}

describe("mostEdited", () => {
  it("counts new versions in the week up to the newest change in the archive, not the clock", () => {
    const result = mostEdited(
      [
        change("old", 1, "2019-12-30T00:00:00Z"),
        change("old", 2, "2019-12-31T00:00:00Z"),
        change("old", 3, "2020-01-07T23:00:00Z"),
        change("busy", 1, "2020-01-05T00:00:00Z"),
        change("busy", 2, "2020-01-06T00:00:00Z"),
        change("busy", 3, "2020-01-08T00:00:00Z"),
        change("new", 1, "2020-01-08T12:00:00Z"),
      ],
      urls,
    );
    expect(result.since?.iso).toBe("2020-01-01T12:00:00.000Z");
    expect(result.until?.iso).toBe("2020-01-08T12:00:00.000Z");
    // "old" v2 is eight and a half days before the newest record: only its v3 counts.
    expect(result.items.map((i) => [i.headline, i.changes])).toEqual([
      ["busy v3", 2],
      ["old v3", 1],
    ]);
  });

  it("shows nothing for an archive without changes", () => {
    expect(mostEdited([], urls)).toEqual({ since: null, until: null, items: [] });
    expect(mostEdited([change("a", 1, "2020-01-01T00:00:00Z")], urls).items).toEqual([]);
  });

  it("lists at most ten, ties by the latest change then by path", () => {
    const changes = Array.from({ length: 12 }, (_, i) =>
      change(`s${String(i).padStart(2, "0")}`, 2, "2020-01-08T00:00:00Z"),
    );
    const items = mostEdited(changes, urls).items;
    expect(items.map((i) => i.headline)).toEqual(
      Array.from({ length: 10 }, (_, i) => `s${String(i).padStart(2, "0")} v2`),
    );
  });
});
