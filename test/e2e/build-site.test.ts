// Builds a small site from hand-made histories (invented articles) with real Eleventy and
// inspects it: the URL layout, word-level diffs, first-versus-latest and compare pages, the JSON
// API, commit links, preview metadata, escaping of hostile page text, an article gone at the
// source, an A/B headline flip-flop, per-outlet schedules, the status, headline, search and 404
// pages, HTML and Atom validity, and identical bytes on rebuild. The demo site is checked in a
// real browser by site-browser.test.ts.

import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { HtmlValidate } from "html-validate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuildSiteResult, buildSite } from "../../src/render/build-site.ts";
import type { ArticleHistory, FetchStatus, Version } from "../../src/types.ts";
import { expectSameFile } from "../support/expect-same-file.ts";
import { manualClock } from "../support/manual-clock.ts";
import { memorySource } from "../support/memory-source.ts";

const PREFIX = "/stet-demo/";
const BASE_URL = `https://example.github.io${PREFIX}`;
const REPOSITORY = "https://github.com/stet-news/harbor-archive";
const ATOM_SCHEMA = new URL("../support/atom.rnc", import.meta.url).pathname;
const OUTLETS = [
  { id: "harbor", name: "The Harbor Courier" },
  { id: "gazette", name: "Valley Gazette" },
  { id: "ridge", name: "Ridge Daily" },
];

const bridgeV1 = [
  "The town council delayed a vote on the new harbour bridge on Monday evening.",
  "Councillors said they needed more time to read the engineers' report.",
  "The bridge would link the old quay with the ferry terminal.",
  "Residents packed the hall for the three-hour meeting.",
  "Several speakers asked about the cost of the project.",
  "The mayor promised a public hearing before the summer.",
  "A decision is now expected next month.",
  "Opponents have collected four hundred signatures.",
  "Supporters say the bridge would cut travel times in half.",
  "The ferry company declined to comment.",
  "The harbour master said traffic had doubled in ten years.",
  "The council meets again on the first Monday of April.",
];
const ADDED = "Engineers estimated the cost at twelve million crowns.";
const bridgeV2 = bridgeV1.map((p) => p.replace("old quay", "north quay"));
bridgeV2.splice(5, 0, ADDED);
const REMOVED = bridgeV1[3] as string;
const bridgeV3 = bridgeV2.filter((p) => p !== REMOVED);

const HOSTILE_TITLE = "<script>alert(1)</script> Parking fees rise";
const HOSTILE_BYLINE = "<img src=x onerror=alert(1)>";

function version(
  number: number,
  time: string,
  url: string,
  title: string | null,
  byline: string | null,
  paragraphs: string[],
): Version {
  return {
    number,
    commit: `${number}`.repeat(40),
    time,
    url,
    title,
    byline,
    published: null,
    paragraphs,
  };
}

function history(outlet: string, slug: string, url: string, versions: Version[]): ArticleHistory {
  return { outlet, slug, url, file: `archive/${outlet}/${slug}.md`, versions, gone: null };
}

const BRIDGE_URL = "https://harbor.example/2026/03/bridge-vote";
const CLOSURE_URL = "https://harbor.example/2026/03/ferry-closure";
const CLOSURE_GONE_SINCE = "2026-03-06T08:00:00Z";
const ROAD_URL = "https://harbor.example/2026/03/coastal-road";
const ROAD_A = "Storm closes coastal road";
const ROAD_B = "Coastal road shut as storm hits";
const ROAD_TEXT = ["The coastal road was closed on Thursday morning as waves crossed it."];
const TIDE_URL = "https://harbor.example/2026/03/tide-table.html";
const TIDE_MOVED = "Boat owners should check their moorings before the weekend.";
const TIDE_V1 = [
  TIDE_MOVED,
  "The highest tides of the year are expected on Friday and Saturday.",
  "The harbour office will publish hourly readings on its noticeboard.",
  "Low-lying car parks on the quay may flood at high water.",
];
const TIDE_V2 = [
  ...TIDE_V1.slice(1),
  TIDE_MOVED.replace("before the weekend", "before Friday evening"),
];
const STATUS: FetchStatus = {
  updated: "2026-03-06T09:00:00Z",
  outlets: [
    {
      id: "harbor",
      lastRun: "2026-03-06T09:00:00Z",
      lastSuccess: "2026-03-06T09:00:00Z",
      failingRuns: 0,
      watched: 5,
      checked: 4,
      newArticles: 0,
      newVersions: 1,
      notReached: 0,
      held: [
        {
          url: "https://harbor.example/2026/03/paywalled",
          reason: "paywall teaser",
          since: "2026-03-05T21:00:00Z",
          checks: 2,
        },
      ],
      failed: [{ url: "javascript:alert(1)", reason: "HTTP 503 <b>Service</b>" }],
    },
  ],
};
const HISTORIES: ArticleHistory[] = [
  history("harbor", "2026/03/bridge-vote", BRIDGE_URL, [
    version(
      1,
      "2026-03-02T07:00:00Z",
      BRIDGE_URL,
      "Council delays vote on harbour bridge",
      "By Mara Lind",
      bridgeV1,
    ),
    version(
      2,
      "2026-03-02T11:10:00Z",
      BRIDGE_URL,
      "Council postpones vote on harbour bridge",
      "By Mara Lind",
      bridgeV2,
    ),
    version(
      3,
      "2026-03-04T09:00:00Z",
      BRIDGE_URL,
      "Council postpones vote on harbour bridge",
      "By Mara Lind",
      bridgeV3,
    ),
  ]),
  history("harbor", "2026/03/lighthouse", "https://harbor.example/2026/03/lighthouse", [
    version(
      1,
      "2026-03-03T08:30:00Z",
      "https://harbor.example/2026/03/lighthouse",
      "Lighthouse reopens to visitors",
      null,
      ["The lighthouse on Gull Point reopened on Tuesday after repairs."],
    ),
  ]),
  {
    ...history("harbor", "2026/03/ferry-closure", CLOSURE_URL, [
      version(1, "2026-03-04T10:00:00Z", CLOSURE_URL, "Ferry to the islands paused", null, [
        "The island ferry will not sail this week.",
      ]),
      version(2, "2026-03-04T15:00:00Z", CLOSURE_URL, "Ferry to the islands paused", null, [
        "The island ferry will not sail this week or next.",
      ]),
    ]),
    gone: { since: CLOSURE_GONE_SINCE, status: 404 },
  },
  // An A/B headline test: headline A, then B, then A again.
  history("harbor", "2026/03/coastal-road", ROAD_URL, [
    version(1, "2026-03-05T06:00:00Z", ROAD_URL, ROAD_A, null, ROAD_TEXT),
    version(2, "2026-03-05T07:00:00Z", ROAD_URL, ROAD_B, null, ROAD_TEXT),
    { ...version(3, "2026-03-05T08:00:00Z", ROAD_URL, ROAD_A, null, ROAD_TEXT), revertsTo: 1 },
  ]),
  history("gazette", "opinion/fees", "javascript:alert(1)", [
    version(1, "2026-03-05T10:00:00Z", "javascript:alert(1)", HOSTILE_TITLE, HOSTILE_BYLINE, [
      "Fees rise <script>alert(1)</script> today.",
      `${HOSTILE_BYLINE} and <a href="javascript:alert(1)">a link</a>.`,
    ]),
    version(2, "2026-03-05T12:00:00Z", "javascript:alert(1)", HOSTILE_TITLE, HOSTILE_BYLINE, [
      "Fees rise <script>alert(2)</script> tomorrow.",
      `${HOSTILE_BYLINE} and <a href="javascript:alert(1)">a link</a>.`,
    ]),
  ]),
  // A URL with a page extension; the second version moves a paragraph and edits it.
  history("harbor", "2026/03/tide-table.html", TIDE_URL, [
    version(1, "2026-03-05T09:00:00Z", TIDE_URL, "Spring tides expected", null, TIDE_V1),
    version(2, "2026-03-05T13:00:00Z", TIDE_URL, "Spring tides expected", null, TIDE_V2),
  ]),
  // Enough short briefs for a second page of the outlet's listing.
  ...Array.from({ length: 52 }, (_, i) => {
    const n = String(i + 1).padStart(2, "0");
    const url = `https://gazette.example/brief/${n}`;
    return history("gazette", `brief/${n}`, url, [
      version(
        1,
        `2026-03-01T${String(i % 24).padStart(2, "0")}:15:00Z`,
        url,
        `Brief number ${n}`,
        null,
        [`A short invented item, number ${n}.`],
      ),
    ]);
  }),
];

function articleFiles(h: ArticleHistory): string[] {
  // Published without the page extension its URL had.
  const slug = h.slug.replace(/\.html$/, "");
  const dir = `${h.outlet}/${slug}`;
  const count = h.versions.length;
  return [
    `${dir}/index.html`,
    `${dir}/feed.atom`,
    `api/${h.outlet}/${slug}.json`,
    ...h.versions.map((v) => `${dir}/v${v.number}/index.html`),
    ...h.versions.slice(1).map((v) => `${dir}/diff/${v.number - 1}..${v.number}/index.html`),
    ...(count > 1 ? [`${dir}/diff/index.html`] : []),
    ...(count > 2 ? [`${dir}/diff/1..latest/index.html`] : []),
  ];
}

const EXPECTED_FILES = [
  "index.html",
  "404.html",
  "headlines/index.html",
  "search/index.html",
  "status/index.html",
  "assets/style.css",
  "assets/favicon.svg",
  "assets/compare.js",
  "assets/diff-view.js",
  "assets/search.js",
  "api/index.json",
  "api/harbor.json",
  "api/gazette.json",
  "api/ridge.json",
  "feeds/all.atom",
  "feeds/headlines.atom",
  "feeds/harbor.atom",
  "feeds/gazette.atom",
  "feeds/ridge.atom",
  "harbor/index.html",
  "gazette/index.html",
  "harbor/page/2026-03-02/index.html",
  "harbor/page/2026-03-03/index.html",
  "harbor/page/2026-03-04/index.html",
  "harbor/page/2026-03-05/index.html",
  "gazette/page/2026-03-01/index.html",
  "gazette/page/2026-03-05/index.html",
  "api/harbor/page/2026-03-02.json",
  "api/harbor/page/2026-03-03.json",
  "api/harbor/page/2026-03-04.json",
  "api/harbor/page/2026-03-05.json",
  "api/gazette/page/2026-03-01.json",
  "api/gazette/page/2026-03-05.json",
  "ridge/index.html",
  ...HISTORIES.flatMap(articleFiles),
].sort();

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(root.length + 1))
    .sort();
}

/** Everything but the search index, whose file names are Pagefind's business. */
async function siteFiles(root: string): Promise<string[]> {
  return (await listFiles(root)).filter((file) => !file.startsWith("pagefind/"));
}

let tmp: string;
let site: string;
let rebuilt: string;
let result: BuildSiteResult;
const logLines: string[] = [];
const read = (file: string) => readFile(join(site, file), "utf8");
const load = async (file: string) => cheerio.load(await read(file));
const loadXml = async (file: string) => cheerio.load(await read(file), { xml: true });
const textsOf = ($: cheerio.CheerioAPI, selector: string) =>
  $(selector)
    .map((_, e) => $(e).text())
    .get();
const factsOf = ($: cheerio.CheerioAPI) =>
  Object.fromEntries(
    $(".facts dt")
      .map((_, dt) => [[$(dt).text(), $(dt).next("dd").text()]])
      .get(),
  );
const htmlFiles = () => EXPECTED_FILES.filter((f) => f.endsWith(".html"));
const feedFiles = () => EXPECTED_FILES.filter((f) => f.endsWith(".atom"));

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "stet-build-site-"));
  site = join(tmp, "site");
  rebuilt = join(tmp, "rebuilt");
  const options = {
    outlets: OUTLETS,
    site: { title: "stet test", baseUrl: BASE_URL, repository: `${REPOSITORY}/` },
    checkDays: 30,
    outletCheckDays: { gazette: 7 },
    status: { status: STATUS },
    clock: manualClock(),
  };
  result = await buildSite({
    ...options,
    source: memorySource(HISTORIES),
    previous: null,
    outDir: site,
    log: (l) => logLines.push(l),
  });
  // Same histories in another order, read a few articles at a time.
  await buildSite({
    ...options,
    source: memorySource([...HISTORIES].reverse()),
    previous: null,
    outDir: rebuilt,
    articlesPerRead: 7,
  });
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("buildSite", () => {
  it("writes exactly the pages, feeds, API files and scripts of the site's URL layout", async () => {
    expect(await siteFiles(site)).toEqual(EXPECTED_FILES);
    const search = (await listFiles(site)).length - EXPECTED_FILES.length;
    expect(result.files).toEqual({
      written: EXPECTED_FILES.length + search,
      unchanged: 0,
      deleted: 0,
    });
    expect(result.siteFiles).toBe(EXPECTED_FILES.length);
    expect(result.articles).toEqual({
      rendered: HISTORIES.length,
      unchanged: 0,
      skipped: 0,
      removed: 0,
    });
    expect(result.search).toEqual({ pages: HISTORIES.length, files: search, seconds: 0 });
    const listings = EXPECTED_FILES.length - HISTORIES.flatMap(articleFiles).length;
    expect(logLines.slice(-3)).toEqual([
      `articles: ${HISTORIES.length} rendered, 0 unchanged, 0 left out, 0 removed`,
      `listings, feeds and assets: ${listings} of ${listings} rendered`,
      `search index: ${HISTORIES.length} pages indexed in 0.0 s, ${search} files`,
    ]);
  });

  it("gives byte-identical output for the same histories, whatever their order and batching", async () => {
    const files = await listFiles(site);
    expect(await listFiles(rebuilt)).toEqual(files);
    expect(files.filter((f) => f.startsWith("pagefind/")).length).toBeGreaterThan(5);
    for (const file of files) {
      await expectSameFile(join(rebuilt, file), join(site, file));
    }
  });

  it("indexes one page per article for search: its history page", async () => {
    const entry = JSON.parse(await read("pagefind/pagefind-entry.json"));
    expect(entry.languages.en.page_count).toBe(HISTORIES.length);
    const $ = await load("harbor/2026/03/bridge-vote/index.html");
    expect($("[data-pagefind-body]").length).toBe(1);
    // The latest text and every headline the article had are in the indexed part.
    const indexed = $("[data-pagefind-body]");
    expect(indexed.find("details.latest p").last().text()).toBe(bridgeV3.at(-1));
    expect(textsOf($, "[data-pagefind-body] .versions .headline")).toEqual([
      "Council delays vote on harbour bridge",
      "Council postpones vote on harbour bridge",
      "Council postpones vote on harbour bridge",
    ]);
    const version = await load("harbor/2026/03/bridge-vote/v2/index.html");
    expect(version("[data-pagefind-body]").length).toBe(0);
  });

  it("marks exactly the changed words and paragraphs of an edit with del and ins", async () => {
    const $ = await load("harbor/2026/03/bridge-vote/diff/1..2/index.html");
    const texts = (selector: string) =>
      $(selector)
        .map((_, e) => $(e).text())
        .get();
    expect(texts("section:has(#headline-heading) del")).toEqual(["delays"]);
    expect(texts("section:has(#headline-heading) ins")).toEqual(["postpones"]);
    // Inline view: the edited paragraph with both marks, the added one whole.
    expect(texts(".diff .both del")).toEqual(["old"]);
    expect(texts(".diff .both ins")).toEqual(["north"]);
    expect(texts(".diff .added ins")).toEqual([ADDED]);
    // Side by side: old words in the old column, new words in the new one.
    expect(texts(".diff .edited .old del")).toEqual(["old"]);
    expect(texts(".diff .edited .old ins")).toEqual([]);
    expect(texts(".diff .edited .new ins")).toEqual(["north"]);
    expect($(".diff del").length).toBe(2);
    expect($(".diff ins").length).toBe(3);
    expect($(".diff .both").text()).toBe(
      "Edited paragraph The bridge would link the oldnorth quay with the ferry terminal.",
    );
    expect($(".summary").text()).toMatch(
      /^10 words added, 2 words removed;\s+1 paragraph edited, 1 added, 0 removed\.$/,
    );
    // Long runs of unchanged paragraphs are folded, and open in place.
    expect(texts(".diff .skipped > summary")).toEqual(["5 unchanged paragraphs"]);
    expect(texts(".diff .skipped > p")).toEqual(bridgeV2.slice(8));
    expect($("main .meta").text()).toContain("about 4 hours later");
  });

  it("shows a removed paragraph as deleted and links the neighbouring diffs", async () => {
    const $ = await load("harbor/2026/03/bridge-vote/diff/2..3/index.html");
    expect(
      $(".diff .removed del")
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual([REMOVED]);
    expect($(".diff ins").length).toBe(0);
    expect($('a[rel="prev"]').attr("href")).toBe(`${PREFIX}harbor/2026/03/bridge-vote/diff/1..2/`);
    expect($('a[rel="next"]').length).toBe(0);
    expect($("section:has(#headline-heading) .field").first().text()).toBe(
      "Unchanged Council postpones vote on harbour bridge",
    );
  });

  it("shows the history header with fixed dates, the original link and each version", async () => {
    const $ = await load("harbor/2026/03/bridge-vote/index.html");
    expect(factsOf($)).toMatchObject({
      Outlet: "The Harbor Courier",
      "First seen": "2 Mar 2026, 07:00 UTC",
      "Last changed": "4 Mar 2026, 09:00 UTC",
      Schedule: "Checked for changes until 3 Apr 2026; not checked after that.",
      Original: BRIDGE_URL,
      Versions: "3 (2 changes since first seen)",
    });
    expect($(".facts a[href^='https://harbor.example']").attr("href")).toBe(BRIDGE_URL);
    expect(
      $(".versions > li .meta")
        .map((_, e) => $(e).text())
        .get(),
    ).toEqual([
      "2 Mar 2026, 07:00 UTC",
      "2 Mar 2026, 11:10 UTC, about 4 hours later",
      "4 Mar 2026, 09:00 UTC, about 2 days later",
    ]);
    expect(textsOf($, ".versions li:nth-child(3) .label")).toEqual(["1 paragraph removed"]);
    expect(textsOf($, ".versions li:nth-child(2) .label")).toEqual([
      "Headline changed",
      "1 paragraph edited",
      "1 paragraph added",
    ]);
    expect($(".facts time").last().attr("datetime")).toBe("2026-04-03T09:00:00.000Z");
    expect($(".notice").length).toBe(0);
  });

  it("states each outlet's own schedule as a fixed day", async () => {
    const $ = await load("gazette/opinion/fees/index.html");
    expect(factsOf($).Schedule).toBe(
      "Checked for changes until 12 Mar 2026; not checked after that.",
    );
  });

  it("says on its history page, near the header, that an article is gone at the source", async () => {
    const $ = await load("harbor/2026/03/ferry-closure/index.html");
    expect($("h1 + .notice").text()).toBe(
      "Gone at the source since 6 Mar 2026, 08:00 UTC (HTTP 404); the archived versions below remain.",
    );
    expect($(".notice time").attr("datetime")).toBe(CLOSURE_GONE_SINCE);
    // Checking goes on while gone, in case it comes back; the cutoff is the same as ever.
    expect(factsOf($)).toMatchObject({
      Schedule: "Checked for changes until 3 Apr 2026; not checked after that.",
      Versions: "2 (1 change since first seen)",
    });
    const v2 = await load("harbor/2026/03/ferry-closure/v2/index.html");
    expect(v2("article p").last().text()).toBe("The island ferry will not sail this week or next.");
  });

  it("marks the gone article, and only it, in its outlet's listing", async () => {
    const $ = await load("harbor/index.html");
    const gone = $(".entries li:has(.tag)");
    expect(gone.find("a").attr("href")).toBe(`${PREFIX}harbor/2026/03/ferry-closure/`);
    expect(gone.find(".meta").text()).toBe(
      "Gone at the source since 6 Mar 2026, 08:00 UTC (HTTP 404) · 2 versions · last changed 4 Mar 2026, 15:00 UTC · first seen 4 Mar 2026, 10:00 UTC",
    );
    expect($(".entries li").length).toBe(5);
    expect($(".entries .tag").length).toBe(1);
  });

  it("reports the disappearance in the article's, the outlet's and the all-changes feed, by time", async () => {
    const id = `${BASE_URL}harbor/2026/03/ferry-closure/#gone-2026-03-06T08:00:00.000Z`;
    const feed = await loadXml("harbor/2026/03/ferry-closure/feed.atom");
    expect(textsOf(feed, "entry > title")).toEqual([
      "Gone at the source: Ferry to the islands paused",
      "1 paragraph edited: Ferry to the islands paused",
      "New article: Ferry to the islands paused",
    ]);
    const entry = feed("entry").first();
    expect(entry.find("id").text()).toBe(id);
    expect(entry.find("link").attr("href")).toBe(`${BASE_URL}harbor/2026/03/ferry-closure/`);
    expect(entry.find("updated").text()).toBe("2026-03-06T08:00:00.000Z");
    expect(feed("feed > updated").text()).toBe("2026-03-06T08:00:00.000Z");
    for (const name of ["all", "harbor"]) {
      const site = await loadXml(`feeds/${name}.atom`);
      expect(site("entry > id").first().text(), name).toBe(id);
    }
    const all = await loadXml("feeds/all.atom");
    expect(all("entry > title").first().text()).toBe(
      "The Harbor Courier · Gone at the source: Ferry to the islands paused",
    );
    expect(await read("feeds/headlines.atom")).not.toContain("#gone-");
    expect(await read("feeds/gazette.atom")).not.toContain("#gone-");
  });

  it("labels an A/B headline flipping back as reverted on the history, diff and front page", async () => {
    const history = await load("harbor/2026/03/coastal-road/index.html");
    expect(textsOf(history, ".versions .label")).toEqual([
      "Headline changed",
      "Headline reverted to version 1",
    ]);
    expect(history(".versions .label a").attr("href")).toBe(
      `${PREFIX}harbor/2026/03/coastal-road/v1/`,
    );
    expect(textsOf(history, ".versions .headline")).toEqual([ROAD_A, ROAD_B, ROAD_A]);

    const flipBack = await load("harbor/2026/03/coastal-road/diff/2..3/index.html");
    expect(textsOf(flipBack, "section:has(#headline-heading) p")).toEqual([
      `Changed ${ROAD_B}${ROAD_A}`,
      "Reverted Headline reverted to version 1: it is the same as that version’s headline.",
    ]);
    expect(textsOf(flipBack, "section:has(#headline-heading) del")).toEqual([ROAD_B]);
    expect(textsOf(flipBack, "section:has(#headline-heading) ins")).toEqual([ROAD_A]);
    expect(flipBack(".revert a").attr("href")).toBe(`${PREFIX}harbor/2026/03/coastal-road/v1/`);
    const firstFlip = await load("harbor/2026/03/coastal-road/diff/1..2/index.html");
    expect(firstFlip(".revert").length).toBe(0);

    const home = await load("index.html");
    expect(textsOf(home, "#headlines + .entries .headline-change").slice(0, 2)).toEqual([
      `Was ${ROAD_B}Now ${ROAD_A}`,
      `Was ${ROAD_A}Now ${ROAD_B}`,
    ]);
    expect(textsOf(home, "#headlines + .entries > li:first-child .label")).toEqual([
      "Headline reverted to version 1",
    ]);
  });

  it("titles the flip back as reverted in the article's feed and the headline feed", async () => {
    const feed = await loadXml("harbor/2026/03/coastal-road/feed.atom");
    expect(textsOf(feed, "entry > title")).toEqual([
      `Headline reverted to version 1: ${ROAD_A}`,
      `Headline changed: ${ROAD_B}`,
      `New article: ${ROAD_A}`,
    ]);
    const headlines = await loadXml("feeds/headlines.atom");
    expect(textsOf(headlines, "entry > title")).toEqual([
      `The Harbor Courier · Headline reverted to version 1: ${ROAD_A}`,
      `The Harbor Courier · Headline changed: ${ROAD_B}`,
      "The Harbor Courier · Headline changed, 1 paragraph edited, 1 paragraph added: Council postpones vote on harbour bridge",
    ]);
  });

  it("refuses a negative check period for an outlet before writing anything", async () => {
    const outDir = join(tmp, "never-written");
    await expect(
      buildSite({
        source: memorySource(HISTORIES),
        previous: null,
        outlets: OUTLETS,
        site: { title: "stet test", baseUrl: BASE_URL },
        outDir,
        checkDays: 30,
        outletCheckDays: { harbor: -1 },
      }),
    ).rejects.toThrow(
      "outletCheckDays.harbor must be a number of days ≥ 0, got -1; check outlet harbor's schedule in the config.",
    );
    await expect(readdir(outDir)).rejects.toThrow(/ENOENT/);
  });

  it("shows hostile page text as text and never links a javascript: URL", async () => {
    const ourScripts = new RegExp(`^${PREFIX}(assets|pagefind)/[a-z-]+\\.js$`);
    for (const file of htmlFiles()) {
      const html = await read(file);
      expect(html, file).not.toMatch(/<script(?! src=")|<img|javascript:alert\(1\)"/i);
      const $ = cheerio.load(html);
      expect($("img, iframe, object, embed").length, file).toBe(0);
      $("script").each((_, element) => {
        expect($(element).attr("src") ?? "inline", file).toMatch(ourScripts);
        expect($(element).text(), file).toBe("");
      });
      $("*").each((_, element) => {
        for (const name of Object.keys($(element).attr() ?? {})) {
          expect(name, file).not.toMatch(/^on/i);
        }
      });
      $("[href], [src]").each((_, element) => {
        const url = ($(element).attr("href") ?? $(element).attr("src") ?? "").trim();
        expect(url, file).toMatch(/^(\/|https?:|#)/);
      });
    }
    const $ = await load("gazette/opinion/fees/index.html");
    expect($("h1").text()).toBe(HOSTILE_TITLE);
    expect($(".facts dt:contains('Original') + dd").text()).toContain("javascript:alert(1)");
    expect($(".facts dt:contains('Original') + dd a").length).toBe(0);
    const v1 = await load("gazette/opinion/fees/v1/index.html");
    expect(v1(".byline").text()).toBe(HOSTILE_BYLINE);
    expect(v1("article p").eq(-2).text()).toBe("Fees rise <script>alert(1)</script> today.");
    const diff = await load("gazette/opinion/fees/diff/1..2/index.html");
    const marks = (selector: string) =>
      diff(selector)
        .map((_, e) => diff(e).text())
        .get();
    expect(marks(".diff .both del")).toEqual(["1", "today"]);
    expect(marks(".diff .both ins")).toEqual(["2", "tomorrow"]);
    expect(diff(".diff .both").text()).toBe(
      "Edited paragraph Fees rise <script>alert(12)</script> todaytomorrow.",
    );
  });

  it("links only to pages that exist, below the base URL's path prefix", async () => {
    const existing = new Set(await listFiles(site));
    for (const file of htmlFiles()) {
      const $ = await load(file);
      $("a[href], link[href], script[src], form[action]").each((_, element) => {
        const href =
          $(element).attr("href") ?? $(element).attr("src") ?? $(element).attr("action") ?? "";
        if (/^https?:/.test(href)) return;
        if (href.startsWith("#")) {
          expect($(`[id="${href.slice(1)}"]`).length, `${file} → ${href}`).toBe(1);
          return;
        }
        expect(href, file).toMatch(new RegExp(`^${PREFIX}`));
        const path = decodeURIComponent(href.slice(PREFIX.length).split(/[?#]/)[0] ?? "");
        const target = path === "" || path.endsWith("/") ? `${path}index.html` : path;
        expect(existing.has(target), `${file} → ${href}`).toBe(true);
      });
    }
  });

  it("compares the first version with the latest, linked from the history, the diffs and the front page", async () => {
    const firstToLatest = `${PREFIX}harbor/2026/03/bridge-vote/diff/1..latest/`;
    const $ = await load("harbor/2026/03/bridge-vote/diff/1..latest/index.html");
    expect($("h1").text()).toBe("What changed from version 1 to version 3");
    expect(textsOf($, ".labels .label")).toEqual([
      "Headline changed",
      "1 paragraph edited",
      "1 paragraph added",
      "1 paragraph removed",
    ]);
    expect(textsOf($, ".diff .removed del")).toEqual([REMOVED]);
    expect(textsOf($, ".diff .added ins")).toEqual([ADDED]);
    const history = await load("harbor/2026/03/bridge-vote/index.html");
    expect(history(".first-to-latest a").attr("href")).toBe(firstToLatest);
    for (const pair of ["1..2", "2..3"]) {
      const diff = await load(`harbor/2026/03/bridge-vote/diff/${pair}/index.html`);
      expect(diff(".first-to-latest a").attr("href"), pair).toBe(firstToLatest);
    }
    const home = await load("index.html");
    // Both of the article's changes in the front page's list link it.
    expect(home(`#latest + .entries a[href="${firstToLatest}"]`).length).toBe(2);
    // Two versions: nothing to add to the one diff.
    expect((await load("harbor/2026/03/ferry-closure/index.html"))(".first-to-latest").length).toBe(
      0,
    );
  });

  it("offers a plain form to compare any two versions, landing on a page that works without a script", async () => {
    const history = await load("harbor/2026/03/bridge-vote/index.html");
    const form = history("form.compare-form");
    expect(form.attr("method")).toBe("get");
    expect(form.attr("action")).toBe(`${PREFIX}harbor/2026/03/bridge-vote/diff/`);
    expect(form.find("select[name=from] option[selected]").attr("value")).toBe("1");
    expect(form.find("select[name=to] option[selected]").attr("value")).toBe("3");
    const compare = await load("harbor/2026/03/bridge-vote/diff/index.html");
    expect(compare("#comparison").attr("data-api")).toBe(
      `${PREFIX}api/harbor/2026/03/bridge-vote.json`,
    );
    expect(compare("script").attr("src")).toBe(`${PREFIX}assets/compare.js`);
    expect(textsOf(compare, ".ready a")).toEqual([
      "First version → latest",
      "Version 1 → 2",
      "Version 2 → 3",
    ]);
  });

  it("publishes every version's exact text and metadata in the JSON API, hostile text included", async () => {
    const api = JSON.parse(await read("api/gazette/opinion/fees.json"));
    const fees = HISTORIES.find((h) => h.slug === "opinion/fees") as ArticleHistory;
    expect(api.url).toBe("javascript:alert(1)");
    expect(
      api.versions.map((v: Version) => [v.title, v.byline, v.paragraphs, v.commit, v.time]),
    ).toEqual(fees.versions.map((v) => [v.title, v.byline, v.paragraphs, v.commit, v.time]));
    expect(api.versions[1].commitUrl).toBe(`${REPOSITORY}/commit/${"2".repeat(40)}`);
    const index = JSON.parse(await read("api/index.json"));
    expect(index.outlets.map((o: { id: string; articles: number }) => [o.id, o.articles])).toEqual([
      ["harbor", 5],
      ["gazette", 53],
      ["ridge", 0],
    ]);
    // An outlet's file lists its days; each day's file, its articles first seen that day.
    const harbor = JSON.parse(await read("api/harbor.json"));
    expect(harbor.articles).toBe(5);
    const days = harbor.days as { day: string; articles: number; api: string }[];
    expect(days.map((d) => d.day)).toEqual([
      "2026-03-02",
      "2026-03-03",
      "2026-03-04",
      "2026-03-05",
    ]);
    expect(days.reduce((sum, d) => sum + d.articles, 0)).toBe(5);
    const listed: string[] = [];
    for (const { day, articles, api } of days) {
      expect(api).toBe(`${BASE_URL}api/harbor/page/${day}.json`);
      const file = JSON.parse(await read(`api/harbor/page/${day}.json`));
      expect(file.day).toBe(day);
      expect(file.articles).toHaveLength(articles);
      for (const a of file.articles) expect(a.firstSeen.slice(0, 10)).toBe(day);
      listed.push(...file.articles.map((a: { api: string }) => a.api));
    }
    expect(listed).toContain(`${BASE_URL}api/harbor/2026/03/tide-table.json`);
  });

  it("names each version's commit and links it and the archived file on the forge", async () => {
    const commit = "2".repeat(40);
    const v2 = await load("harbor/2026/03/bridge-vote/v2/index.html");
    expect(v2("header .meta").last().text()).toBe("Archived by commit 2222222 (archived file).");
    expect(v2("header .meta a").last().attr("href")).toBe(
      `${REPOSITORY}/blob/${commit}/archive/harbor/2026/03/bridge-vote.md`,
    );
    const diff = await load("harbor/2026/03/bridge-vote/diff/1..2/index.html");
    expect(
      diff("main > .meta code a")
        .map((_, a) => diff(a).attr("href"))
        .get(),
    ).toEqual([`${REPOSITORY}/commit/${"1".repeat(40)}`, `${REPOSITORY}/commit/${commit}`]);
    expect(diff("main > .meta.url a").attr("href")).toBe(BRIDGE_URL);
  });

  it("gives history, version and diff pages preview metadata and titles without the outlet", async () => {
    const history = await load("harbor/2026/03/bridge-vote/index.html");
    expect(history("title").text()).toBe(
      "Council postpones vote on harbour bridge — changed twice · stet test",
    );
    const meta = (name: string) =>
      history(`meta[property="${name}"], meta[name="${name}"]`).attr("content");
    expect(meta("og:title")).toBe("Council postpones vote on harbour bridge — changed twice");
    expect(meta("twitter:title")).toBe(meta("og:title"));
    expect(meta("og:description")).toBe(
      "The Harbor Courier, first seen 2 Mar 2026, 07:00 UTC. 3 versions; latest change 4 Mar 2026, 09:00 UTC: 1 paragraph removed.",
    );
    expect(meta("og:url")).toBe(`${BASE_URL}harbor/2026/03/bridge-vote/`);
    expect(meta("twitter:card")).toBe("summary");
    for (const page of ["v1/index.html", "diff/1..2/index.html"]) {
      const $ = await load(`harbor/2026/03/bridge-vote/${page}`);
      expect($('meta[property="og:url"]').attr("content"), page).toBe(
        `${BASE_URL}harbor/2026/03/bridge-vote/${page.replace("index.html", "")}`,
      );
      expect($("title").text(), page).not.toContain("The Harbor Courier");
    }
    expect((await load("index.html"))('meta[property="og:title"]').length).toBe(0);
  });

  it("shows a moved paragraph as moved, with its own edit, at a path without the .html", async () => {
    const $ = await load("harbor/2026/03/tide-table/diff/1..2/index.html");
    expect($("#moved-from-1 a").attr("href")).toBe("#moved-to-1");
    expect($("#moved-from-1 a").text()).toBe("Moved further down");
    expect($("#moved-to-1 .both a").text()).toBe("Moved here from further up");
    expect(textsOf($, "#moved-to-1 .both del")).toEqual(["the weekend"]);
    expect(textsOf($, "#moved-to-1 .both ins")).toEqual(["Friday evening"]);
    expect(textsOf($, ".labels .label")).toEqual(["1 paragraph moved"]);
    expect($(".summary").text()).toBe(
      "2 words added, 2 words removed; 0 paragraphs edited, 0 added, 0 removed, 1 moved.",
    );
  });

  it("builds the status page from the fetch's status, page text as text", async () => {
    const $ = await load("status/index.html");
    expect($(".lede time").attr("datetime")).toBe("2026-03-06T09:00:00Z");
    const harbor = $("section:has(#status-harbor)");
    expect(factsOf(cheerio.load(harbor.html() ?? ""))).toMatchObject({
      Archived: "5 articles, 11 versions",
      "Last success": "6 Mar 2026, 09:00 UTC",
      Watched: "5 articles on the check schedule",
      "Last run": "4 checked, 0 new articles, 1 new version",
    });
    expect(
      harbor
        .find("h3")
        .map((_, h) => $(h).text())
        .get(),
    ).toEqual(["Held as suspect", "Failed in the last run"]);
    expect(harbor.find("li").last().text()).toBe(
      "javascript:alert(1) (not a web address, so not linked) HTTP 503 <b>Service</b>",
    );
    expect($("section:has(#status-ridge) dd").last().text()).toBe(
      "No fetch run has reported on this outlet yet.",
    );
  });

  it("lists every headline change on its own page, and the week's most edited on the front", async () => {
    const headlines = await load("headlines/index.html");
    expect(textsOf(headlines, ".headline-change")).toEqual([
      `Was ${ROAD_B}Now ${ROAD_A}`,
      `Was ${ROAD_A}Now ${ROAD_B}`,
      "Was Council delays vote on harbour bridgeNow Council postpones vote on harbour bridge",
    ]);
    const home = await load("index.html");
    expect(
      home("#most-edited ~ .entries > li > a")
        .map((_, a) => home(a).text())
        .get(),
    ).toEqual([
      // Two changes each, newest first; then one change each, newest first.
      ROAD_A,
      "Council postpones vote on harbour bridge",
      "Spring tides expected",
      HOSTILE_TITLE,
      "Ferry to the islands paused",
    ]);
  });

  it("has a 404 page, a search page and a favicon", async () => {
    const notFound = await load("404.html");
    expect(notFound("h1").text()).toBe("Page not found");
    expect(notFound("main a").first().attr("href")).toBe(PREFIX);
    const search = await load("search/index.html");
    expect(search("#search").attr("data-bundle")).toBe(`${PREFIX}pagefind/`);
    expect(search("#search").attr("data-base")).toBe(PREFIX);
    expect(
      search("script")
        .map((_, e) => search(e).attr("src"))
        .get(),
    ).toEqual([`${PREFIX}pagefind/pagefind-ui.js`, `${PREFIX}assets/search.js`]);
    expect(search('link[rel="icon"]').attr("href")).toBe(`${PREFIX}assets/favicon.svg`);
  });

  it("writes pages that pass html-validate", async () => {
    const validator = new HtmlValidate({
      extends: ["html-validate:recommended"],
      // Titles carry headlines, which outlets write as long as they like.
      rules: { "long-title": "off" },
    });
    const problems: string[] = [];
    for (const file of htmlFiles()) {
      const report = await validator.validateString(await read(file), file);
      for (const r of report.results) {
        for (const m of r.messages)
          problems.push(`${file}:${m.line}:${m.column} ${m.ruleId} ${m.message}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it("writes feeds that validate against RFC 4287's RELAX NG schema", () => {
    const jing = spawnSync("jing", ["-c", ATOM_SCHEMA, ...feedFiles().map((f) => join(site, f))], {
      encoding: "utf8",
    });
    expect(jing.error).toBeUndefined();
    expect(jing.stdout).toBe("");
    expect(jing.status).toBe(0);
  });

  it("dates feeds by their newest change and escapes page text in them", async () => {
    const all = cheerio.load(await read("feeds/all.atom"), { xml: true });
    // The newest event is the ferry article's disappearance.
    expect(all("feed > updated").text()).toBe("2026-03-06T08:00:00.000Z");
    const gone = HISTORIES.filter((h) => h.gone !== null).length;
    expect(all("entry").length).toBe(HISTORIES.flatMap((h) => h.versions).length + gone);
    const headlines = cheerio.load(await read("feeds/headlines.atom"), { xml: true });
    expect(
      headlines("entry > id")
        .map((_, e) => headlines(e).text())
        .get(),
    ).toEqual([
      `${BASE_URL}harbor/2026/03/coastal-road/diff/2..3/`,
      `${BASE_URL}harbor/2026/03/coastal-road/diff/1..2/`,
      `${BASE_URL}harbor/2026/03/bridge-vote/diff/1..2/`,
    ]);
    // A feed with no entries is dated by the archive's oldest event, so later changes elsewhere
    // leave its bytes alone.
    const ridge = cheerio.load(await read("feeds/ridge.atom"), { xml: true });
    expect(ridge("feed > updated").text()).toBe("2026-03-01T00:15:00.000Z");
    expect(ridge("entry").length).toBe(0);

    const feed = cheerio.load(await read("gazette/opinion/fees/feed.atom"), { xml: true });
    const titles = feed("entry > title")
      .map((_, e) => feed(e).text())
      .get();
    expect(feed("entry > title").attr("type")).toBe("html");
    for (const title of titles) {
      // type="html": a reader decodes the title as HTML, which must give back the plain text.
      const decoded = cheerio.load(title);
      expect(decoded("script, img").length).toBe(0);
      expect(decoded.root().text()).toContain(HOSTILE_TITLE);
    }
    expect(feed("entry > content").text()).not.toMatch(/<script|<img/);
  });
});
