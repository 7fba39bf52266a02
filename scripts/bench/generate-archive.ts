// Generates the benchmark's synthetic archive with git fast-import, deterministically from a
// seed, and caches it under the OS temp folder keyed by the number of versions, the seed and the
// format version, so later runs skip straight to measuring.

import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { serializeArticleFile } from "../../src/archive/article-file.ts";
import { commitMessage } from "../../src/archive/commit-version.ts";
import { urlToArchivePath } from "../../src/archive/url-to-archive-path.ts";
import type { Article } from "../../src/types.ts";
import { BENCH_OUTLETS, benchConfigYaml } from "./bench-outlets.ts";
import { FastImport } from "./fast-import.ts";
import { deriveSeed, SeededRandom } from "./seeded-random.ts";
import { editArticle, newArticle } from "./synthetic-text.ts";

/** Bump when the generated archive changes, so stale caches are not reused. */
export const ARCHIVE_FORMAT = 2;
export const BRANCH = "refs/heads/main";
/** First article's first-seen time: 2026-01-05T06:00:00Z. */
const START = Date.UTC(2026, 0, 5, 6, 0, 0) / 1000;
const ARTICLE_SPACING_S = 420;
const MAX_VERSIONS_PER_ARTICLE = 60;
const MARKER = "stet-bench.json";

const git = promisify(execFile);

export interface GeneratedArchive {
  repo: string;
  reused: boolean;
  versions: number;
  articles: number;
  /** Wall time of the generation (0 when reused). */
  seconds: number;
}

interface VersionEvent {
  time: number;
  article: number;
  version: number;
  blob: number;
  title: string;
  url: string;
  outlet: string;
  path: string;
}

/** The cached archive for `versions` and `seed`, generated first when missing or `fresh`. */
export async function generateArchive(options: {
  versions: number;
  seed: number;
  fresh: boolean;
  progress: (line: string) => void;
}): Promise<GeneratedArchive> {
  const { versions, seed, progress } = options;
  const repo = join(tmpdir(), "stet-bench", `archive-f${ARCHIVE_FORMAT}-n${versions}-s${seed}`);
  const marker = join(repo, ".git", MARKER);
  if (!options.fresh && existsSync(marker)) {
    const saved = JSON.parse(await readFile(marker, "utf8")) as { articles: number };
    return { repo, reused: true, versions, articles: saved.articles, seconds: 0 };
  }
  const started = performance.now();
  await rm(repo, { recursive: true, force: true });
  await mkdir(repo, { recursive: true });
  await git("git", ["init", "-q", "-b", "main", repo]);
  const articles = Math.max(1, Math.round(versions / 2.5));
  const counts = versionCounts(versions, articles, seed);
  progress(`generating ${versions} versions of ${articles} articles in ${repo}`);

  const importer = new FastImport(repo, BRANCH);
  const config = await importer.blob(benchConfigYaml());
  await importer.commit({
    time: START - 3600,
    message: "Watch three invented outlets\n",
    files: [["stet.config.yaml", config]],
  });
  const events: VersionEvent[] = [];
  for (let index = 0; index < articles; index++) {
    const random = new SeededRandom(deriveSeed(seed, index));
    const outlet = pickOutlet(random.next());
    const firstSeen = START + index * ARTICLE_SPACING_S + random.int(0, ARTICLE_SPACING_S - 1);
    const published = new Date(firstSeen * 1000 - random.int(0, 7200) * 1000);
    let article: Article = newArticle(random, published.toISOString().replace(".000Z", "Z"));
    const url = outlet.articleUrl(index, article.title ?? "", published);
    const path = urlToArchivePath(url, outlet.id);
    let time = firstSeen;
    let gap = 1200;
    for (let version = 1; version <= (counts[index] ?? 1); version++) {
      if (version > 1) {
        article = editArticle(random, article);
        // Re-checks thin out with age, so later versions come further apart.
        time += Math.round(gap * (0.5 + random.next()));
        gap = Math.min(gap * 1.8, 5 * 86_400);
      }
      const blob = await importer.blob(serializeArticleFile({ url, ...article }));
      const title = article.title ?? "";
      events.push({ time, article: index, version, blob, title, url, outlet: outlet.id, path });
    }
    if ((index + 1) % Math.max(1, Math.floor(articles / 10)) === 0) {
      progress(`  generated ${index + 1}/${articles} articles`);
    }
  }
  events.sort((a, b) => a.time - b.time || a.article - b.article || a.version - b.version);
  let last = START - 3600;
  for (const event of events) {
    // Commit dates strictly increase, as a single fetch job's would.
    const time = Math.max(event.time, last + 1);
    last = time;
    const { outlet, path } = event;
    const [subject, trailers] = commitMessage(
      { url: event.url, title: event.title, byline: null, published: null, paragraphs: [] },
      {
        outlet,
        version: event.version,
        time: "",
        authorName: "stet",
        authorEmail: "stet@localhost",
      },
    );
    await importer.commit({
      time,
      message: `${subject}\n\n${trailers}\n`,
      files: [[path, event.blob]],
    });
  }
  progress(`  wrote ${events.length} commits; waiting for git fast-import`);
  await importer.done();
  await writeFile(join(repo, "stet.config.yaml"), benchConfigYaml());
  await writeFile(
    marker,
    `${JSON.stringify({ versions, articles, seed, format: ARCHIVE_FORMAT })}\n`,
  );
  const seconds = (performance.now() - started) / 1000;
  return { repo, reused: false, versions, articles, seconds };
}

/**
 * Versions per article, summing to `total`: every article has one, and the rest go to articles
 * weighted by a heavy-tailed "liveliness", so most stories change once or twice and a few many
 * times, as breaking news does.
 */
function versionCounts(total: number, articles: number, seed: number): number[] {
  const random = new SeededRandom(deriveSeed(seed, -1));
  const counts = new Array<number>(articles).fill(1);
  const cumulative: number[] = [];
  let sum = 0;
  for (let i = 0; i < articles; i++) {
    sum += random.next() ** 3;
    cumulative.push(sum);
  }
  let extra = total - articles;
  const cap = Math.max(MAX_VERSIONS_PER_ARTICLE, 2 * Math.ceil(total / articles));
  while (extra > 0) {
    const target = random.next() * sum;
    let low = 0;
    let high = articles - 1;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((cumulative[mid] ?? 0) < target) low = mid + 1;
      else high = mid;
    }
    if ((counts[low] ?? 0) >= cap) continue;
    counts[low] = (counts[low] ?? 0) + 1;
    extra--;
  }
  return counts;
}

function pickOutlet(roll: number) {
  let acc = 0;
  for (const outlet of BENCH_OUTLETS) {
    acc += outlet.share;
    if (roll < acc) return outlet;
  }
  return BENCH_OUTLETS[BENCH_OUTLETS.length - 1] as (typeof BENCH_OUTLETS)[number];
}
