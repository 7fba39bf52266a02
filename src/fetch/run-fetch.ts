// One fetch pass over the configured outlets: discover, fetch what is due, extract, normalize,
// compare with the archive and commit each new version. One outlet failing never stops the others.

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { simpleGit } from "simple-git";
import { type ArchivedArticle, parseArticleFile } from "../archive/article-file.ts";
import { COMMIT_ENVIRONMENT, commitVersion } from "../archive/commit-version.ts";
import { urlToArchivePath } from "../archive/url-to-archive-path.ts";
import { decodeHtml } from "../extract/decode-html.ts";
import { extract } from "../extract/extract.ts";
import { readBlobs } from "../history/read-blobs.ts";
import { normalizeArticle } from "../normalize/normalize-article.ts";
import type { Article, Outlet, StetConfig } from "../types.ts";
import { discoverArticles } from "./discover-articles.ts";
import { findCanonical } from "./find-canonical.ts";
import { judgePage } from "./judge-page.ts";
import { PoliteClient } from "./polite-client.ts";

const run = promisify(execFile);
const HTML_TYPES = /text\/html|application\/xhtml\+xml/i;

export interface FetchOptions {
  config: StetConfig;
  repo: string;
  now: Date;
  outlet?: string;
  dryRun?: boolean;
  log: (line: string) => void;
}

/** What one outlet's pass came to; the CLI prints it as the summary. */
export interface OutletReport {
  outlet: string;
  checked: number;
  newArticles: number;
  newVersions: number;
  unchanged: number;
  held: { url: string; reason: string }[];
  gone: string[];
  failed: { url: string; reason: string }[];
  skipped: string[];
}

/** What the archive already knows about one article. */
interface KnownArticle {
  file: string;
  article: Article;
  versions: number;
  lastChange: number;
}

interface Archive {
  byUrl: Map<string, KnownArticle>;
  byFile: Map<string, string | Error>;
}

export async function runFetch(options: FetchOptions): Promise<OutletReport[]> {
  const { config, repo } = options;
  const client = new PoliteClient(config.fetch);
  const git = simpleGit({
    baseDir: repo,
    config: ["commit.gpgsign=false"],
    allowEnvironment: [...COMMIT_ENVIRONMENT],
  });
  // Commits share one index: they run one at a time, in the order pages were judged.
  let commitQueue: Promise<unknown> = Promise.resolve();
  const serial = <T>(task: () => Promise<T>): Promise<T> => {
    const next = commitQueue.then(task);
    commitQueue = next.catch(() => undefined);
    return next;
  };
  const outlets = config.outlets.filter((o) => !options.outlet || o.id === options.outlet);
  return Promise.all(outlets.map((outlet) => fetchOutlet(outlet, options, client, git, serial)));
}

async function fetchOutlet(
  outlet: Outlet,
  options: FetchOptions,
  client: PoliteClient,
  git: ReturnType<typeof simpleGit>,
  serial: <T>(task: () => Promise<T>) => Promise<T>,
): Promise<OutletReport> {
  const { config, repo, now, log } = options;
  const report: OutletReport = {
    outlet: outlet.id,
    checked: 0,
    newArticles: 0,
    newVersions: 0,
    unchanged: 0,
    held: [],
    gone: [],
    failed: [],
    skipped: [],
  };
  const archive = await readArchive(repo, outlet.id);
  const discovery = await discoverArticles(outlet, client);
  for (const problem of discovery.problems) {
    report.failed.push({ url: problem.split(": ")[0] ?? problem, reason: problem });
    log(`${outlet.id}: ${problem}`);
  }
  const cutoff = now.getTime() - config.fetch.maxAgeDays * 86_400_000;
  const due = new Set(discovery.urls);
  for (const [url, known] of archive.byUrl) if (known.lastChange >= cutoff) due.add(url);

  const check = async (url: string) => {
    const page = await client.get(url, HTML_TYPES);
    if (page.kind === "disallowed") {
      report.skipped.push(url);
      log(`${outlet.id}: skipped ${url}: disallowed by robots.txt`);
      return;
    }
    report.checked++;
    if (page.kind === "gone") {
      report.gone.push(url);
      log(`${outlet.id}: gone ${url}: HTTP ${page.status} (archived text kept)`);
      return;
    }
    if (page.kind === "failed") {
      report.failed.push({ url, reason: page.reason });
      log(`${outlet.id}: failed ${url}: ${page.reason}`);
      return;
    }
    const html = decodeHtml(page.body, page.contentType);
    const canonical = findCanonical(html, page.url);
    if (new URL(page.url).pathname === "/" && new URL(url).pathname !== "/") {
      report.held.push({ url, reason: "redirected to the home page" });
      log(`${outlet.id}: held ${url}: redirected to the home page`);
      return;
    }
    const article = normalizeArticle(extract(html, canonical, outlet.selectors));
    await serial(async () => {
      const entry = archive.byUrl.get(canonical);
      const file = entry?.file ?? freePath(archive, canonical, outlet.id);
      if (file instanceof Error) {
        report.failed.push({ url, reason: file.message });
        log(`${outlet.id}: failed ${url}: ${file.message}`);
        return;
      }
      const verdict = judgePage(entry?.article ?? null, article);
      if (verdict.kind === "unchanged") {
        report.unchanged++;
        return;
      }
      if (verdict.kind === "suspect") {
        report.held.push({ url, reason: verdict.reason });
        log(`${outlet.id}: held ${url}: ${verdict.reason}`);
        return;
      }
      const version = (entry?.versions ?? 0) + 1;
      const archived: ArchivedArticle = { url: canonical, ...article };
      if (!options.dryRun) {
        await commitVersion(git, repo, file, archived, {
          outlet: outlet.id,
          version,
          time: now.toISOString(),
          authorName: config.git.authorName,
          authorEmail: config.git.authorEmail,
        });
      }
      archive.byUrl.set(canonical, { file, article, versions: version, lastChange: now.getTime() });
      archive.byFile.set(file, canonical);
      if (verdict.kind === "new-article") report.newArticles++;
      else report.newVersions++;
      const what = verdict.kind === "new-article" ? "new article" : `version ${version}`;
      log(`${outlet.id}: ${what}: ${article.title ?? canonical} (${file})`);
    });
  };
  await Promise.all(
    [...due].map((url) =>
      check(url).catch((error: unknown) => {
        // A bug or a git failure on one article is reported; the other articles go on.
        const reason =
          error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
        report.failed.push({ url, reason });
        log(`${outlet.id}: failed ${url}: ${reason}`);
      }),
    ),
  );
  return report;
}

// What the last commit holds for the outlet: article by URL, and each file's URL (or why it is
// unreadable). Read from HEAD, not the working tree, so a half-written file never counts.
async function readArchive(repo: string, outletId: string): Promise<Archive> {
  const byUrl = new Map<string, KnownArticle>();
  const byFile = new Map<string, string | Error>();
  const { stdout } = await run(
    "git",
    ["ls-tree", "-r", "-z", "--name-only", "HEAD", "--", `archive/${outletId}/`],
    { cwd: repo, maxBuffer: 1 << 30 },
  ).catch(() => ({ stdout: "" }));
  const files = stdout.split("\0").filter((file) => file.endsWith(".md"));
  const texts = await readBlobs(
    repo,
    files.map((file) => `HEAD:${file}`),
  );
  const stats = await fileStats(repo, outletId);
  for (const [index, file] of files.entries()) {
    try {
      const { url, ...article } = parseArticleFile(texts[index] ?? "");
      const stat = stats.get(file) ?? { versions: 1, lastChange: 0 };
      byUrl.set(url, { file, article, ...stat });
      byFile.set(file, url);
    } catch (error) {
      byFile.set(
        file,
        new Error(
          `archive file ${file} is unreadable (${(error as Error).message}); fix or delete it`,
        ),
      );
    }
  }
  return { byUrl, byFile };
}

// Version counts and last change times for an outlet's files, from one git log.
async function fileStats(repo: string, outletId: string) {
  const stats = new Map<string, { versions: number; lastChange: number }>();
  const { stdout } = await run(
    "git",
    ["log", "--format=%x01%aI", "--name-only", "--no-renames", "--", `archive/${outletId}/`],
    { cwd: repo, maxBuffer: 1 << 30 },
  ).catch(() => ({ stdout: "" }));
  let time = 0;
  for (const line of stdout.split("\n")) {
    if (line.startsWith("\x01")) time = Date.parse(line.slice(1));
    else if (line.endsWith(".md")) {
      const stat = stats.get(line);
      if (stat) stat.versions++;
      else stats.set(line, { versions: 1, lastChange: time });
    }
  }
  return stats;
}

// The readable path, unless another URL already lives there: then the hashed one.
function freePath(archive: Archive, url: string, outletId: string): string | Error {
  const plain = urlToArchivePath(url, outletId);
  const holder = archive.byFile.get(plain);
  if (holder instanceof Error) return holder;
  if (holder === undefined || holder === url) return plain;
  return urlToArchivePath(url, outletId, true);
}
