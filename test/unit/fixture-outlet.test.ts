// The fixture outlet itself: e2e tests and the demo trust it to serve the plan in
// test/fixtures/outlet/ faithfully, so its feeds, errors and request log are checked here.

import { mkdtemp, readFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { load } from "cheerio";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { expectedVersionCount } from "../fixtures/outlet/outlet.ts";
import {
  type FixtureOutlet,
  PASSES,
  passTimes,
  startFixtureOutlet,
  writeOutletConfig,
} from "../support/fixture-outlet.ts";

const FERRY = "/news/2026/11/council-ferry-fares";
const WALL = "/news/2026/11/storm-harbor-wall";
const ROOF = "/news/2026/11/school-roof-classrooms";
const SCRIPT = "/news/2026/11/council-website-script-tags";
const LANTERN = "/news/2026/11/lantern-festival-returns";
const ROTA = "/private/newsroom-rota";

let outlet: FixtureOutlet;
beforeAll(async () => {
  outlet = await startFixtureOutlet();
});
afterAll(async () => {
  await outlet.close();
});

async function get(path: string): Promise<{ status: number; type: string; body: string }> {
  const response = await fetch(`${outlet.origin}${path}`);
  return {
    status: response.status,
    type: response.headers.get("content-type") ?? "",
    body: await response.text(),
  };
}

function linkPaths(xml: string, pattern: RegExp): string[] {
  return [...xml.matchAll(pattern)].map(
    (m) => new URL((m[1] ?? "").replaceAll("&amp;", "&")).pathname,
  );
}

describe("fixture outlet", () => {
  it("lists in its feeds only the stories published at the current pass", async () => {
    const rss = (pass: number) => {
      outlet.setPass(pass);
      return get("/feed.xml").then((r) => linkPaths(r.body, /<link>([^<]+)<\/link>\s*<guid/g));
    };
    expect(await rss(1)).toEqual([FERRY, WALL, ROOF, LANTERN, ROTA]);
    expect(await rss(2)).toEqual([SCRIPT, FERRY, WALL, ROOF, LANTERN, ROTA]);
    expect(await rss(5)).toEqual([SCRIPT, FERRY, WALL, ROOF, ROTA]);

    outlet.setPass(5);
    const atom = await get("/atom.xml");
    expect(atom.type).toBe("application/atom+xml; charset=utf-8");
    expect(linkPaths(atom.body, /href="([^"]+)"\/>\s*<published>/g)).toEqual([
      SCRIPT,
      FERRY,
      WALL,
      ROOF,
      ROTA,
    ]);
  });

  it("puts tracking parameters on RSS links and a clean canonical link in the page", async () => {
    outlet.setPass(1);
    const rss = await get("/feed.xml");
    expect(rss.body).toContain(`${outlet.origin}${FERRY}?utm_source=rss&amp;utm_medium=feed`);
    const page = await get(`${FERRY}?utm_source=rss&utm_medium=feed`);
    expect(load(page.body)('link[rel="canonical"]').attr("href")).toBe(`${outlet.origin}${FERRY}`);
  });

  it("shows a share counter and a clock-time stamp inside the article body, new every pass", async () => {
    const furniture = async (pass: number) => {
      outlet.setPass(pass);
      const $ = load((await get(WALL)).body);
      return [$(".story-body > .share-count").text(), $(".story-body > div").eq(1).text()];
    };
    const [first, second] = [await furniture(1), await furniture(2)];
    expect(first[0]).toMatch(/^[\d,]+ shares$/);
    expect(first[1]).toMatch(/^Updated \d{1,2}:\d\d a\.m\. ET$/);
    expect(second[0]).not.toBe(first[0]);
    expect(second[1]).not.toBe(first[1]);
  });

  it("answers 503 for the harbor wall story in pass 4 only", async () => {
    outlet.setPass(4);
    expect((await get(WALL)).status).toBe(503);
    outlet.setPass(5);
    expect((await get(WALL)).status).toBe(200);
  });

  it("serves a one-paragraph paywall teaser with status 200 for the ferry story in pass 4", async () => {
    outlet.setPass(4);
    const page = await get(FERRY);
    expect(page.status).toBe(200);
    const $ = load(page.body);
    expect($(".story-body > p")).toHaveLength(1);
    expect($(".paywall")).toHaveLength(1);
  });

  it("answers 404 for stories not yet published and for unknown paths", async () => {
    outlet.setPass(1);
    expect((await get(SCRIPT)).status).toBe(404);
    expect((await get("/news/2026/11/no-such-story")).status).toBe(404);
    outlet.setPass(2);
    expect((await get(SCRIPT)).status).toBe(200);
  });

  it("serves robots.txt that disallows /private/ and nothing else", async () => {
    const robots = await get("/robots.txt");
    expect(robots.status).toBe(200);
    expect(robots.body).toMatch(/^User-agent: \*$/m);
    expect(robots.body.match(/^Disallow: .*$/gm)).toEqual(["Disallow: /private/"]);
  });

  it("shows the markup-like headline as literal text, escaped in the page source", async () => {
    outlet.setPass(2);
    const page = await get(SCRIPT);
    expect(page.type).toBe("text/html; charset=utf-8");
    expect(page.body).toContain('<meta charset="utf-8">');
    expect(page.body).toContain("Why “&lt;script&gt;” tags broke the council website</h1>");
    expect(page.body).not.toContain("<script>alert");
    const $ = load(page.body);
    expect($("h1").text()).toBe("Why “<script>” tags broke the council website");
    const jsonLd = JSON.parse($('script[type="application/ld+json"]').text());
    expect(jsonLd.headline).toBe("Why “<script>” tags broke the council website");
    expect($(".story-body p").eq(1).text()).toContain("<script>alert('hi')</script>");
  });

  it("changes only page furniture when a story's text does not change", async () => {
    const bodyAt = async (pass: number) => {
      outlet.setPass(pass);
      const $ = load((await get(ROOF)).body);
      return {
        page: $.html(),
        paragraphs: $(".story-body > p")
          .map((_, p) => $(p).text())
          .get(),
      };
    };
    const [one, two] = [await bodyAt(1), await bodyAt(2)];
    expect(two.paragraphs).toEqual(one.paragraphs);
    expect(two.page).not.toBe(one.page);
  });

  it("records the requested paths in order, without query strings", async () => {
    const own = await startFixtureOutlet({ pass: 3 });
    try {
      await fetch(`${own.origin}/robots.txt`);
      await fetch(`${own.origin}${FERRY}?utm_source=rss`, {
        headers: { "user-agent": "stet-test" },
      });
      await fetch(`${own.origin}/nowhere`);
      expect(own.requests).toEqual(["/robots.txt", FERRY, "/nowhere"]);
      expect(own.hits[1]).toMatchObject({
        path: FERRY,
        query: "?utm_source=rss",
        userAgent: "stet-test",
        status: 200,
        pass: 3,
      });
      expect(own.hits[2]?.status).toBe(404);
    } finally {
      await own.close();
    }
  });

  it("refuses a pass outside 1..PASSES", () => {
    expect(() => outlet.setPass(0)).toThrow(/pass must be an integer from 1 to 6/);
    expect(() => outlet.setPass(PASSES + 1)).toThrow(/pass must be/);
  });
});

describe("fixture plan", () => {
  it("gives each pass a time three hours after the one before", () => {
    expect(passTimes("2026-11-03T13:00:00Z")).toEqual([
      "2026-11-03T13:00:00Z",
      "2026-11-03T16:00:00Z",
      "2026-11-03T19:00:00Z",
      "2026-11-03T22:00:00Z",
      "2026-11-04T01:00:00Z",
      "2026-11-04T04:00:00Z",
    ]);
  });

  it("expects 18 versions from the five public stories", () => {
    expect(expectedVersionCount()).toBe(18);
  });

  it("writes a config that watches the outlet's RSS feed, opted in to 127.0.0.1", async () => {
    const file = join(await mkdtemp(join(tmpdir(), "stet-outlet-config-")), "stet.config.yaml");
    await writeOutletConfig(file, "http://127.0.0.1:4567");
    const config = parse(await readFile(file, "utf8"));
    expect(config.outlets).toEqual([
      {
        id: "harbor",
        name: "The Harbor Courier",
        feeds: ["http://127.0.0.1:4567/feed.xml"],
        allowPrivateAddresses: true,
      },
    ]);
    expect(config.fetch.perHostDelayMs).toBe(0);
  });
});
