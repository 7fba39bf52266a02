// Builds a small site from hand-made histories (invented articles) and inspects it: the URL
// layout, word-level diffs, escaping of hostile page text, an article gone at the source, an A/B
// headline flip-flop, per-outlet schedules, HTML and Atom validity, identical bytes on rebuild,
// and, in chromium, accessibility and visible change marks.

import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { HtmlValidate } from "html-validate";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/render/build-site.ts";
import { type RunningSite, serveSite } from "../../src/serve/serve-site.ts";
import type { ArticleHistory, Version } from "../../src/types.ts";
import { launchBrowser } from "../support/browser.ts";

const PREFIX = "/stet-demo/";
const BASE_URL = `https://example.github.io${PREFIX}`;
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
  const dir = `${h.outlet}/${h.slug}`;
  return [
    `${dir}/index.html`,
    `${dir}/feed.atom`,
    ...h.versions.map((v) => `${dir}/v${v.number}/index.html`),
    ...h.versions.slice(1).map((v) => `${dir}/diff/${v.number - 1}..${v.number}/index.html`),
  ];
}

const EXPECTED_FILES = [
  "index.html",
  "assets/style.css",
  "feeds/all.atom",
  "feeds/headlines.atom",
  "feeds/harbor.atom",
  "feeds/gazette.atom",
  "feeds/ridge.atom",
  "harbor/index.html",
  "gazette/index.html",
  "gazette/page/2/index.html",
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

let tmp: string;
let site: string;
let rebuilt: string;
let result: { pages: number; feeds: number };
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
    site: { title: "stet test", baseUrl: BASE_URL },
    checkDays: 30,
    outletCheckDays: { gazette: 7 },
  };
  result = await buildSite({
    ...options,
    histories: HISTORIES,
    outDir: site,
    log: (l) => logLines.push(l),
  });
  // Same histories in another order, rendered in many small Eleventy runs.
  await buildSite({
    ...options,
    histories: [...HISTORIES].reverse(),
    outDir: rebuilt,
    pagesPerRun: 7,
  });
});

afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe("buildSite", () => {
  it("writes exactly the pages and feeds of the site's URL layout", async () => {
    expect(await listFiles(site)).toEqual(EXPECTED_FILES);
    expect(result).toEqual({ pages: htmlFiles().length, feeds: feedFiles().length });
    expect(logLines.at(-2)).toBe(`rendered ${htmlFiles().length} pages`);
    expect(logLines.at(-1)).toBe(`wrote ${feedFiles().length} feeds`);
  });

  it("gives byte-identical output for the same histories, whatever their order and batching", async () => {
    expect(await listFiles(rebuilt)).toEqual(EXPECTED_FILES);
    for (const file of EXPECTED_FILES) {
      expect(await readFile(join(rebuilt, file)), file).toEqual(await readFile(join(site, file)));
    }
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
    expect($(".entries li").length).toBe(4);
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
    expect(textsOf(home, ".headline-change").slice(0, 2)).toEqual([
      `Was ${ROAD_B}Now ${ROAD_A} Headline reverted to version 1`,
      `Was ${ROAD_A}Now ${ROAD_B}`,
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
        histories: HISTORIES,
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
    for (const file of htmlFiles()) {
      const html = await read(file);
      expect(html, file).not.toMatch(/<script|<img|javascript:alert\(1\)"/i);
      const $ = cheerio.load(html);
      expect($("script, img, iframe, object").length, file).toBe(0);
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
    const existing = new Set(EXPECTED_FILES);
    for (const file of htmlFiles()) {
      const $ = await load(file);
      $("a[href], link[href]").each((_, element) => {
        const href = $(element).attr("href") ?? "";
        if (/^https?:/.test(href)) return;
        if (href.startsWith("#")) {
          expect($(`[id="${href.slice(1)}"]`).length, `${file} → ${href}`).toBe(1);
          return;
        }
        expect(href, file).toMatch(new RegExp(`^${PREFIX}`));
        const path = decodeURIComponent(href.slice(PREFIX.length).split("#")[0] ?? "");
        const target = path === "" || path.endsWith("/") ? `${path}index.html` : path;
        expect(existing.has(target), `${file} → ${href}`).toBe(true);
      });
    }
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
    const ridge = cheerio.load(await read("feeds/ridge.atom"), { xml: true });
    expect(ridge("feed > updated").text()).toBe("2026-03-06T08:00:00.000Z");
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

describe("the diff page in a browser", () => {
  let server: RunningSite;
  let browser: Browser;
  const axePath = createRequire(import.meta.url).resolve("axe-core");

  beforeAll(async () => {
    server = await serveSite(site, 0, PREFIX);
    browser = await launchBrowser();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function seriousViolations(page: import("playwright-core").Page): Promise<string[]> {
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      // @ts-expect-error axe is injected into the page above
      const results = await window.axe.run(document);
      return results.violations as { id: string; impact: string; nodes: unknown[] }[];
    });
    return violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.nodes.length})`);
  }

  it("has no serious accessibility problems and shows deletions and insertions", async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}harbor/2026/03/bridge-vote/diff/1..2/`);
    expect(await seriousViolations(page)).toEqual([]);

    const del = page.locator(".diff .both del").first();
    const ins = page.locator(".diff .both ins").first();
    await expect.poll(() => del.isVisible()).toBe(true);
    expect(await ins.isVisible()).toBe(true);
    expect(await del.evaluate((e) => getComputedStyle(e).textDecorationLine)).toContain(
      "line-through",
    );
    // Inserted text is boxed, not underlined like a link.
    expect(await ins.evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe("none");
    expect(await ins.evaluate((e) => getComputedStyle(e).borderTopStyle)).toBe("solid");
    expect(await page.locator(".diff .edited .old").isVisible()).toBe(false);

    await page.getByLabel("Side by side").check();
    expect(await page.locator(".diff .edited .old del").isVisible()).toBe(true);
    expect(await page.locator(".diff .edited .new ins").isVisible()).toBe(true);
    expect(await page.locator(".diff .both").first().isVisible()).toBe(false);
    const oldBox = await page.locator(".diff .edited .old").boundingBox();
    const newBox = await page.locator(".diff .edited .new").boundingBox();
    expect(oldBox && newBox && oldBox.x < newBox.x && oldBox.y === newBox.y).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  it("has no serious accessibility problems on the other kinds of page", async () => {
    const page = await browser.newPage();
    for (const path of [
      "",
      "gazette/page/2/",
      "harbor/",
      "harbor/2026/03/bridge-vote/",
      "harbor/2026/03/ferry-closure/",
      "harbor/2026/03/coastal-road/diff/2..3/",
      "gazette/opinion/fees/v2/",
    ]) {
      await page.goto(`${server.url}${path}`);
      expect(await seriousViolations(page), path).toEqual([]);
    }
    await page.close();
  });
});
