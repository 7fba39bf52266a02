// The worst article the fetch can archive, built for real: 50,000 short paragraphs, then a version
// with every one of them rewritten. The diff budget (src/diff/diff-budget.ts) keeps this to
// seconds; the test has no clock of its own: it only has to finish within vitest's timeout, and
// `npm run bench:diff` prints how long it takes.

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import { afterAll, describe, expect, it } from "vitest";
import { buildSite } from "../../src/render/build-site.ts";
import type { ArticleHistory, Version } from "../../src/types.ts";
import { manualClock } from "../support/manual-clock.ts";
import { memorySource } from "../support/memory-source.ts";

const PARAGRAPHS = 50_000;
const URL_ = "https://harbor.example/news/dues";
const version = (number: number, paragraphs: string[]): Version => ({
  number,
  commit: `${number}`.repeat(40),
  time: `2026-03-0${number}T08:00:00Z`,
  url: URL_,
  title: "Harbour dues rise",
  byline: null,
  published: null,
  paragraphs,
});
const HUGE: ArticleHistory = {
  outlet: "harbor",
  file: "archive/harbor/news/dues.md",
  slug: "news/dues",
  url: URL_,
  gone: null,
  versions: [
    version(
      1,
      Array.from({ length: PARAGRAPHS }, (_, i) => `Paragraph ${i} says the ferry sails at ${i}.`),
    ),
    version(
      2,
      Array.from({ length: PARAGRAPHS }, (_, i) => `Paragraph ${i} says the ferry leaves at ${i}.`),
    ),
  ],
};

let outDir: string | undefined;

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

describe("a 50,000-paragraph article rewritten end to end", () => {
  it("builds, with every paragraph shown as edited", async () => {
    outDir = await mkdtemp(join(tmpdir(), "stet-huge-article-"));
    const built = await buildSite({
      source: memorySource([HUGE]),
      previous: null,
      outlets: [{ id: "harbor", name: "The Harbor Courier" }],
      site: { title: "stet test", baseUrl: "https://example.github.io/repo/" },
      outDir,
      checkDays: 30,
      clock: manualClock(),
    });
    expect(built.articles.rendered).toBe(1);
    expect(built.siteFiles).toBeGreaterThan(5);
    // A page this size is checked by counting, not by parsing.
    const diff = await readFile(join(outDir, "harbor/news/dues/diff/1..2/index.html"), "utf8");
    expect(diff).toContain('<li class="label label-edited">50,000 paragraphs edited</li>');
    expect(diff.match(/<div class="row edited">/g)).toHaveLength(PARAGRAPHS);
    const history = cheerio.load(
      await readFile(join(outDir, "harbor/news/dues/index.html"), "utf8"),
    );
    expect(history("details.latest a").text()).toBe("Read the rest in version 2");
    const api = JSON.parse(await readFile(join(outDir, "api/harbor/news/dues.json"), "utf8"));
    expect(api.versions[1].paragraphs).toHaveLength(PARAGRAPHS);
    const feed = await readFile(join(outDir, "harbor/news/dues/feed.atom"), "utf8");
    expect(feed).toContain("49,988 more changed paragraphs");
  });
});
