import { describe, expect, it } from "vitest";
import { parseFetchStatus } from "../../src/render/parse-fetch-status.ts";
import { SiteUrls } from "../../src/render/site-urls.ts";
import { statusPage } from "../../src/render/status-page.ts";
import type { FetchStatus } from "../../src/types.ts";

const urls = new SiteUrls("https://example.github.io/repo/");
const outlets = [{ id: "harbor", name: "The Harbor Courier" }];
const STATUS: FetchStatus = {
  updated: "2026-04-02T10:00:00Z",
  outlets: [
    {
      id: "harbor",
      lastRun: "2026-04-02T10:00:00Z",
      lastSuccess: null,
      failingRuns: 3,
      watched: 0,
      checked: 0,
      newArticles: 0,
      newVersions: 0,
      notReached: 0,
      held: Array.from({ length: 60 }, (_, i) => ({
        url: `https://harbor.example/news/${i}`,
        reason: "paywall teaser",
        since: "2026-04-01T10:00:00Z",
        checks: 1,
      })),
      failed: [{ url: "https://harbor.example/feed.xml", reason: "HTTP 500" }],
    },
  ],
};

describe("parseFetchStatus", () => {
  it("reads a status the fetch wrote", () => {
    expect(parseFetchStatus(JSON.stringify(STATUS))).toEqual({ status: STATUS });
  });

  it("says in one line what is wrong with a file that is not a status", () => {
    expect(parseFetchStatus("{")).toMatchObject({ problem: expect.stringMatching(/^not JSON/) });
    expect(parseFetchStatus(JSON.stringify({ ...STATUS, updated: "soon" }))).toEqual({
      problem: "updated: not a time",
    });
    expect(parseFetchStatus(JSON.stringify({ outlets: [] }))).toMatchObject({
      problem: expect.stringMatching(/^updated: /),
    });
  });
});

describe("statusPage", () => {
  it("says there is no status yet when the fetch has not written one", () => {
    const page = statusPage({ status: null, outlets, summaries: [], urls });
    expect(page.updated).toBeNull();
    expect(page.problem).toBeNull();
    expect(page.outlets).toEqual([
      {
        id: "harbor",
        name: "The Harbor Courier",
        href: "/repo/harbor/",
        articles: 0,
        versions: 0,
        fetch: null,
      },
    ]);
  });

  it("names the problem when the status file could not be read", () => {
    const page = statusPage({ status: { problem: "not JSON" }, outlets, summaries: [], urls });
    expect([page.updated, page.problem]).toEqual([null, "not JSON"]);
  });

  it("lists at most 50 held pages and counts the rest", () => {
    const page = statusPage({ status: { status: STATUS }, outlets, summaries: [], urls });
    const fetch = page.outlets[0]?.fetch;
    expect(fetch?.held).toHaveLength(50);
    expect(fetch?.heldMore).toBe(10);
    expect(fetch?.lastSuccess).toBeNull();
    expect(fetch?.failed).toEqual([
      {
        url: { text: "https://harbor.example/feed.xml", href: "https://harbor.example/feed.xml" },
        reason: "HTTP 500",
      },
    ]);
  });
});
