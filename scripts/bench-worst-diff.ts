// `npm run bench:diff`: the worst cases the diff budget exists for, timed. An article of 50,000
// short paragraphs and a version with every paragraph rewritten (edited, or replaced by unrelated
// text), and one 200,000-word paragraph rewritten word by word: each is diffed in-process (time
// and budget spent), then the edited one is built into a site with `buildSite` (time, pages).
// Tests assert on the work counted, never on time; the times are here.
//
//   npm run bench:diff -- [--paragraphs N (default 50000)]

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { DiffBudget } from "../src/diff/diff-budget.ts";
import { diffVersions } from "../src/diff/diff-versions.ts";
import { buildSite } from "../src/render/build-site.ts";
import type { Article, ArticleHistory } from "../src/types.ts";
import { memorySource } from "../test/support/memory-source.ts";

const { values } = parseArgs({ options: { paragraphs: { type: "string", default: "50000" } } });
const count = Number(values.paragraphs);
const article = (paragraphs: string[]): Article => ({
  title: "Harbour dues",
  byline: null,
  published: null,
  paragraphs,
});
const sailing = (i: number) => `Paragraph ${i} says the ferry sails at ${i} past nine.`;
const leaving = (i: number) => `Paragraph ${i} says the ferry leaves at ${i} past nine.`;
const council = (i: number) => `Item ${i}: council members voted on harbour dues of ${i * 7}.`;
const words = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => `kept${i} ${tag}${i}`).join(" ");

const cases: [string, string[], string[]][] = [
  [
    `${count} paragraphs, each edited`,
    Array.from({ length: count }, (_, i) => sailing(i)),
    Array.from({ length: count }, (_, i) => leaving(i)),
  ],
  [
    `${count} paragraphs, each replaced`,
    Array.from({ length: count }, (_, i) => sailing(i)),
    Array.from({ length: count }, (_, i) => council(i)),
  ],
  [
    "one paragraph of 200,000 words, every other word changed",
    [words(100_000, "old")],
    [words(100_000, "new")],
  ],
];

const rows: string[][] = [["case", "seconds", "budget spent"]];
for (const [name, before, after] of cases) {
  const budget = new DiffBudget();
  const started = performance.now();
  diffVersions(article(before), article(after), budget);
  rows.push([
    name,
    ((performance.now() - started) / 1000).toFixed(2),
    budget.spent.toLocaleString("en-US"),
  ]);
}

const [, before, after] = cases[0] as [string, string[], string[]];
const url = "https://harbor.example/news/dues";
const history: ArticleHistory = {
  outlet: "harbor",
  file: "archive/harbor/news/dues.md",
  slug: "news/dues",
  url,
  gone: null,
  versions: [before, after].map((paragraphs, i) => ({
    ...article(paragraphs),
    number: i + 1,
    commit: String(i + 1).repeat(40),
    time: `2026-03-0${i + 1}T08:00:00Z`,
    url,
  })),
};
const outDir = await mkdtemp(join(tmpdir(), "stet-bench-diff-"));
try {
  const started = performance.now();
  const built = await buildSite({
    source: memorySource([history]),
    previous: null,
    outlets: [{ id: "harbor", name: "The Harbor Courier" }],
    site: { title: "bench", baseUrl: "https://bench.example/" },
    outDir,
    checkDays: 30,
  });
  rows.push([
    `stet build of the first case (${built.siteFiles} files)`,
    ((performance.now() - started) / 1000).toFixed(2),
    "",
  ]);
} finally {
  await rm(outDir, { recursive: true, force: true });
}

const widths = rows[0]?.map((_, c) => Math.max(...rows.map((row) => (row[c] ?? "").length))) ?? [];
for (const row of rows) {
  process.stdout.write(`${row.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join("  ")}\n`);
}
