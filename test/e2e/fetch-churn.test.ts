// Issue 8 end to end: furniture that changes at every check, inside the article, makes no version;
// a real short edit still does once confirmed; a comment form never makes a free post a wall.
// The real fetch, a real git repository, a programmable outlet on 127.0.0.1, fixed clocks.

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config/load-config.ts";
import { runFetch } from "../../src/fetch/run-fetch.ts";
import { GitRepository } from "../../src/git/repository.ts";
import { readHistory } from "../../src/history/read-history.ts";
import type { OutletReport } from "../../src/types.ts";
import { type ManualClock, manualClock } from "../support/manual-clock.ts";
import {
  articlePage,
  rssFeed,
  type ScenarioServer,
  startScenarioServer,
} from "../support/scenario-server.ts";
import { git, makeTempRepo, removeTempDir } from "../support/temp-repo.ts";

const T0 = Date.parse("2026-11-20T08:00:00Z");
const HOUR = 3_600_000;

const SHORT = [
  "The harbour master closed the north slipway on Monday after a survey found a crack in its concrete apron.",
  "Boat owners were told to use the ferry ramp until repairs are done, which the council expects by the end of the month.",
];
const LONGER = [
  ...SHORT,
  "The slipway was rebuilt in 1998 and has been inspected every two years since, most recently in the spring, when nothing was found.",
  "Fishermen who use the slipway daily said they had noticed the crack weeks ago and had told the harbour office about it at the time.",
  "The council said a contractor would start work next week and that the cost would be met from the harbour's maintenance budget.",
];

let server: ScenarioServer;
let clock: ManualClock;
let repo: string;
let checks = 0;

const config = () =>
  parseConfig(
    `fetch: { perHostDelayMs: 0, timeoutMs: 2000, retries: 0 }
git: { authorName: stet, authorEmail: stet@localhost }
outlets:
  - id: gazette
    name: The Scenario Gazette
    feeds: ["${server.origin}/feed.xml"]
    allowPrivateAddresses: true
`,
    "test.yaml",
  );

// One fetch pass, an hour after the last one (every known article is due hourly at this age).
async function check(): Promise<OutletReport> {
  const { reports } = await runFetch({
    config: config(),
    repo,
    now: new Date(T0 + checks++ * HOUR),
    log: () => {},
    clock,
  });
  const report = reports[0];
  if (!report) throw new Error("no report");
  return report;
}

function serve(body: string): void {
  server.route("/news/slipway", { body });
}

function story(paragraphs: string[], furniture: string): string {
  // Furniture at the top of the article's body, where counters and stamps sit.
  return articlePage({
    headline: "North slipway closed after survey",
    byline: "Dora Penhallow",
    paragraphs,
    published: "2026-11-20T07:30:00Z",
    jsonLd: true,
  }).replace('<div class="article-body">', `<div class="article-body">\n${furniture}`);
}

async function versions(): Promise<string[][]> {
  const { articles } = await readHistory(await GitRepository.open(repo));
  return articles[0]?.versions.map((v) => v.paragraphs) ?? [];
}

beforeEach(async () => {
  clock = manualClock(T0);
  server = await startScenarioServer({ clock });
  repo = await makeTempRepo();
  checks = 0;
  server.route("/feed.xml", {
    headers: { "content-type": "application/rss+xml" },
    body: rssFeed(server.origin, ["/news/slipway"]),
  });
});

afterEach(async () => {
  await server.close();
  await removeTempDir(repo);
});

describe("furniture that changes at every check", () => {
  it("makes no version of a short article whose share counter and clock stamp tick", async () => {
    for (let n = 0; n < 6; n++) {
      serve(
        story(
          SHORT,
          `<div class="share-count"><span>${1204 + n * 97}</span> shares</div><div>Updated ${9 + n}:${String((n * 13) % 60).padStart(2, "0")} GMT</div>`,
        ),
      );
      const report = await check();
      expect(report.held).toEqual([]);
    }
    expect(await versions()).toEqual([SHORT]);
  });

  it("makes no version of a line extraction keeps, once the next check shows it ticking", async () => {
    const weather = (n: number) => `<div>Port Ellery ${9 + n}°C · light rain</div>`;
    const outcomes: string[] = [];
    for (let n = 0; n < 5; n++) {
      serve(story(LONGER, weather(n)));
      const report = await check();
      outcomes.push(
        report.held.map((h) => h.code).join() || `${report.newArticles + report.newVersions}`,
      );
    }
    // Archived with the first page, held once as figures-only, then known as volatile.
    expect(outcomes).toEqual(["1", "figures-only", "0", "0", "0"]);
    expect(await versions()).toHaveLength(1);
  });

  it("confirms a real cut although the volatile line beside it changed between sightings", async () => {
    const weather = (n: number) => `<div>Port Ellery ${9 + n}°C · light rain</div>`;
    serve(story(LONGER, weather(0)));
    await check();
    serve(story(SHORT, weather(1)));
    expect((await check()).held.map((h) => h.code)).toEqual(["shrank"]);
    serve(story(SHORT, weather(2)));
    expect((await check()).newVersions).toBe(1);
    expect(await versions()).toHaveLength(2);
  });
});

describe("a real short edit", () => {
  it("is committed once the next check shows the new figure again", async () => {
    const toll = (n: number) => [...LONGER, `The death toll rose to ${n}.`];
    serve(story(toll(12), ""));
    await check();
    serve(story(toll(13), ""));
    expect((await check()).held.map((h) => h.code)).toEqual(["figures-only"]);
    expect(await versions()).toHaveLength(1);
    expect((await check()).newVersions).toBe(1);
    expect((await versions()).at(-1)?.at(-1)).toBe("The death toll rose to 13.");
  });
});

describe("comment forms", () => {
  it("never make a short free post a login wall", async () => {
    serve(
      story(SHORT, "").replace(
        "</article>",
        `</article><div id="comments" class="comments-area"><h3 id="reply-title">Leave a Reply</h3><p class="must-log-in">You must be <a href="/wp-login.php">logged in</a> to post a comment.</p><form id="commentform"><div class="g-recaptcha" data-sitekey="invented"></div></form></div>`,
      ),
    );
    const report = await check();
    expect(report.held).toEqual([]);
    expect(report.newArticles).toBe(1);
    expect(Number((await git(repo, "rev-list", "--count", "HEAD")).trim())).toBe(1);
  });
});
