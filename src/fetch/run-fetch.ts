// One fetch pass over the configured outlets: discover, plan what is due, fetch it politely,
// extract, normalize, judge against the archive and commit each new version. One outlet failing
// never stops the others; what the pass could not reach in its time budget is reached next run.

import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { promisify } from "node:util";
import { simpleGit } from "simple-git";
import { type ArchivedArticle, parseArticleFile } from "../archive/article-file.ts";
import { siteOf } from "../archive/canonical-url.ts";
import {
  COMMIT_ENVIRONMENT,
  type CommitDetails,
  commitVersion,
} from "../archive/commit-version.ts";
import { urlToArchivePath } from "../archive/url-to-archive-path.ts";
import { ConfigError } from "../errors.ts";
import { decodeHtml } from "../extract/decode-html.ts";
import { extract } from "../extract/extract.ts";
import { readBlobs } from "../history/read-blobs.ts";
import { normalizeArticle } from "../normalize/normalize-article.ts";
import type { Article, GoneMark, Outlet, StetConfig } from "../types.ts";
import { detectTeaser } from "./detect-teaser.ts";
import { discoverArticles } from "./discover-articles.ts";
import { acquireFetchLock } from "./fetch-lock.ts";
import {
  type ArticleState,
  type FetchState,
  loadState,
  pruneState,
  saveState,
} from "./fetch-state.ts";
import { findCanonical } from "./find-canonical.ts";
import { judgePage } from "./judge-page.ts";
import { PoliteClient } from "./polite-client.ts";
import { checkCutoffMs, planChecks } from "./schedule.ts";

const run = promisify(execFile);
const HTML_TYPES = /text\/html|application\/xhtml\+xml/i;
// Where a site sends readers it will not show the article to.
const AWAY_PATH =
  /^\/?$|\/(login|log-in|signin|sign-in|subscribe|subscription|register|consent|paywall|account|auth)(\/|$|\?|\.)/i;

export interface FetchOptions {
  config: StetConfig;
  repo: string;
  /** The fetch time: every commit is dated at it, and the schedule is computed from it. */
  now: Date;
  outlet?: string;
  dryRun?: boolean;
  /** Stop starting new checks after this many (wall-clock) minutes. */
  maxMinutes?: number;
  log: (line: string) => void;
  /** Called as an outlet's checks complete: how many of the due ones are done. */
  onProgress?: (outlet: string, done: number, due: number) => void;
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
  back: string[];
  failed: { url: string; reason: string }[];
  skipped: string[];
  /** Known articles not due yet, past the last schedule tier, or not reached in the time budget. */
  notDue: number;
  retired: number;
  notReached: number;
}

/** What the archive (as of HEAD) knows about one article. */
interface KnownArticle {
  file: string;
  article: Article;
  gone: GoneMark | null;
  versions: number;
  lastChange: number;
}

interface Archive {
  byUrl: Map<string, KnownArticle>;
  byFile: Map<string, string | Error>;
}

type Serial = <T>(task: () => Promise<T>) => Promise<T>;

export async function runFetch(options: FetchOptions): Promise<OutletReport[]> {
  const { config, repo } = options;
  const release = await acquireFetchLock(repo, { log: options.log });
  try {
    const state = await loadState(repo, options.log);
    const client = new PoliteClient(config.fetch);
    const git = simpleGit({
      baseDir: repo,
      config: ["commit.gpgsign=false"],
      allowEnvironment: [...COMMIT_ENVIRONMENT],
    });
    // Commits share one index: they run one at a time, in the order pages were judged.
    let queue: Promise<unknown> = Promise.resolve();
    const serial: Serial = (task) => {
      const next = queue.then(task);
      queue = next.catch(() => undefined);
      return next;
    };
    const deadline =
      options.maxMinutes === undefined
        ? Number.POSITIVE_INFINITY
        : Date.now() + options.maxMinutes * 60_000;
    const outlets = config.outlets.filter((o) => !options.outlet || o.id === options.outlet);
    const reports = await Promise.all(
      outlets.map((outlet) =>
        fetchOutlet(outlet, { ...options, state, client, git, serial, deadline }),
      ),
    );
    // A dry run commits nothing, so it must not remember checks either: they would hide the
    // changes it saw from the next real run.
    if (!options.dryRun) {
      // Nothing is checked after the longest schedule's last tier; a week's slack on top.
      const longest = Math.max(
        ...[config.fetch.schedule, ...config.outlets.map((o) => o.schedule ?? [])].map(
          checkCutoffMs,
        ),
      );
      pruneState(state, options.now.getTime(), longest + 7 * 86_400_000);
      await saveState(repo, state);
    }
    return reports;
  } finally {
    await release();
  }
}

interface OutletContext extends FetchOptions {
  state: FetchState;
  client: PoliteClient;
  git: ReturnType<typeof simpleGit>;
  serial: Serial;
  deadline: number;
}

async function fetchOutlet(outlet: Outlet, context: OutletContext): Promise<OutletReport> {
  const { config, repo, now, log, state, client, serial } = context;
  const report: OutletReport = {
    outlet: outlet.id,
    checked: 0,
    newArticles: 0,
    newVersions: 0,
    unchanged: 0,
    held: [],
    gone: [],
    back: [],
    failed: [],
    skipped: [],
    notDue: 0,
    retired: 0,
    notReached: 0,
  };
  const say = (line: string) => log(`${outlet.id}: ${line}`);
  // A selector that is not valid CSS would fail every article alike: say so once, skip the outlet.
  try {
    extract("<!doctype html><title>x</title>", "https://example.org/", outlet.selectors);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    report.failed.push({ url: outlet.id, reason: error.message });
    say(error.message);
    return report;
  }
  const archive = await readArchive(repo, outlet.id);
  const discovery = await discoverArticles(outlet, client, { deadline: context.deadline });
  for (const problem of discovery.problems) {
    report.failed.push({ url: problem.split(": ")[0] ?? problem, reason: problem });
    say(problem);
  }
  const discovered = discovery.urls.map((url) => state.aliases[url] ?? url);
  const fromFeeds = new Set(discovered);
  const plan = planChecks(
    [...archive.byUrl].map(([url, known]) => {
      const lastCheck = state.articles[url]?.lastCheck;
      return {
        url,
        lastChange: known.lastChange,
        ...(lastCheck ? { lastCheck: Date.parse(lastCheck) } : {}),
      };
    }),
    discovered,
    outlet.schedule ?? config.fetch.schedule,
    now.getTime(),
  );
  report.notDue = plan.notDue;
  report.retired = plan.retired;

  const check = async (url: string) => {
    const remembered: ArticleState = state.articles[url] ?? {};
    const known = archive.byUrl.get(url);
    const page = await client.get(
      url,
      HTML_TYPES,
      known && !remembered.held
        ? { etag: remembered.etag, lastModified: remembered.lastModified }
        : undefined,
      { allowPrivateAddresses: outlet.allowPrivateAddresses },
    );
    if (page.kind === "disallowed") {
      report.skipped.push(url);
      say(`skipped ${url}: disallowed by robots.txt`);
      return;
    }
    report.checked++;
    // A completed check: a held cut survives only when `extra` holds it again.
    const checked = (extra: ArticleState = {}) => {
      const { held: _, ...rest } = remembered;
      state.articles[url] = { ...rest, ...extra, lastCheck: now.toISOString(), failures: 0 };
    };
    if (page.kind === "failed") {
      state.articles[url] = { ...remembered, failures: (remembered.failures ?? 0) + 1 };
      report.failed.push({ url, reason: page.reason });
      say(`failed ${url}: ${page.reason}`);
      return;
    }
    if (page.kind === "not-modified") {
      report.unchanged++;
      checked({ etag: remembered.etag, lastModified: remembered.lastModified });
      return;
    }
    if (page.kind === "gone") {
      if (!known) {
        report.failed.push({ url, reason: `HTTP ${page.status} (never archived)` });
        say(`failed ${url}: HTTP ${page.status} (never archived)`);
        return;
      }
      report.gone.push(url);
      if (!known.gone) {
        const goneMark = { since: now.toISOString(), status: page.status };
        await serial(() =>
          record(
            context,
            archive,
            outlet,
            known.file,
            known,
            { ...known.article, url, gone: goneMark },
            "gone",
          ),
        );
        say(`gone at the source: ${url} (HTTP ${page.status}); archived text kept`);
      }
      checked();
      return;
    }
    const html = decodeHtml(page.body, page.contentType);
    const canonical = findCanonical(html, page.url);
    if (canonical !== url && fromFeeds.has(url)) state.aliases[url] = canonical;
    if (isRedirectAway(url, page.url, known ? url : undefined)) {
      hold(report, say, url, `redirected away from the article to ${page.url}`);
      checked();
      return;
    }
    const extracted = normalizeArticle(extract(html, canonical, outlet.selectors));
    const article = {
      ...extracted,
      paragraphs: extracted.paragraphs.filter((p) => !outlet.ignore.some((r) => r.test(p))),
    };
    const teaser = detectTeaser(html, article);
    if (teaser) {
      hold(report, say, url, teaser);
      checked();
      return;
    }
    const validators = {
      etag: page.etag ?? undefined,
      lastModified: page.lastModified ?? undefined,
    };
    await serial(async () => {
      const entry = archive.byUrl.get(canonical);
      const file = entry?.file ?? freePath(archive, canonical, outlet.id);
      if (file instanceof Error) {
        report.failed.push({ url, reason: file.message });
        say(`failed ${url}: ${file.message}`);
        return;
      }
      const verdict = judgePage(entry?.article ?? null, article, {
        typography: config.fetch.typography,
      });
      if (verdict.kind === "unchanged") {
        report.unchanged++;
        if (entry?.gone) {
          await record(
            context,
            archive,
            outlet,
            file,
            entry,
            { url: canonical, ...entry.article },
            "back",
          );
          report.back.push(url);
          say(`back at the source: ${url}`);
        }
        checked(validators);
        return;
      }
      let confirmed = false;
      if (verdict.kind === "suspect") {
        const hash = hashArticle(article);
        if (!verdict.confirmable || remembered.held?.hash !== hash) {
          const reason = verdict.confirmable
            ? `${verdict.reason}; held until the next check confirms it`
            : verdict.reason;
          hold(report, say, url, reason);
          checked(
            verdict.confirmable
              ? { held: { hash, since: now.toISOString(), reason: verdict.reason } }
              : {},
          );
          return;
        }
        confirmed = true;
      }
      const archived: ArchivedArticle = { url: canonical, ...article };
      const version = await record(
        context,
        archive,
        outlet,
        file,
        entry ?? null,
        archived,
        "version",
      );
      if (verdict.kind === "new-article") report.newArticles++;
      else report.newVersions++;
      if (entry?.gone) report.back.push(url);
      const what =
        verdict.kind === "new-article"
          ? "new article"
          : `version ${version}${confirmed ? " (confirmed cut)" : ""}`;
      say(`${what}: ${article.title ?? canonical} (${file})`);
      checked(validators);
    });
  };

  // Workers take the due articles in plan order (new first, then most overdue), so the time budget
  // cuts off the least urgent ones; the client still spaces requests to each host.
  const queue = [...plan.due];
  let done = 0;
  context.onProgress?.(outlet.id, done, plan.due.length);
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      if (Date.now() > context.deadline) {
        report.notReached++;
        continue;
      }
      await check(url).catch((error: unknown) => {
        // A bug or a git failure on one article is reported; the other articles go on.
        const reason =
          error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
        report.failed.push({ url, reason });
        say(`failed ${url}: ${reason}`);
      });
      context.onProgress?.(outlet.id, ++done, plan.due.length);
    }
  };
  await Promise.all(Array.from({ length: config.fetch.concurrency }, worker));
  return report;
}

// Commits one version or event (unless a dry run) and updates what the archive knows.
async function record(
  context: OutletContext,
  archive: Archive,
  outlet: Outlet,
  file: string,
  known: KnownArticle | null,
  archived: ArchivedArticle,
  kind: NonNullable<CommitDetails["kind"]>,
): Promise<number> {
  const { config, now } = context;
  const version = kind === "version" ? (known?.versions ?? 0) + 1 : (known?.versions ?? 1);
  if (!context.dryRun) {
    await commitVersion(context.git, context.repo, file, archived, {
      outlet: outlet.id,
      kind,
      version,
      time: now.toISOString(),
      authorName: config.git.authorName,
      authorEmail: config.git.authorEmail,
    });
  }
  const { url, gone, ...article } = archived;
  // Only a new text resets the schedule's clock; gone and back are events on the same text.
  const lastChange = kind === "version" ? now.getTime() : (known?.lastChange ?? now.getTime());
  archive.byUrl.set(url, { file, article, gone: gone ?? null, versions: version, lastChange });
  archive.byFile.set(file, url);
  return version;
}

function hold(
  report: OutletReport,
  say: (line: string) => void,
  url: string,
  reason: string,
): void {
  report.held.push({ url, reason });
  say(`held ${url}: ${reason}`);
}

// A redirect to a login, subscribe or consent page or the home page, or (for an article already
// archived) to another site. A new article may arrive through another site's redirector.
function isRedirectAway(requested: string, final: string, archivedUrl?: string): boolean {
  if (requested === final) return false;
  if (archivedUrl && siteOf(archivedUrl) !== siteOf(final)) return true;
  return AWAY_PATH.test(new URL(final).pathname) && !AWAY_PATH.test(new URL(requested).pathname);
}

function hashArticle(article: Article): string {
  return createHash("sha256").update(JSON.stringify(article)).digest("hex").slice(0, 16);
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
      const { url, gone, ...article } = parseArticleFile(texts[index] ?? "");
      const stat = stats.get(file) ?? { versions: 1, lastChange: 0 };
      byUrl.set(url, { file, article, gone: gone ?? null, ...stat });
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

// Version counts and last change times for an outlet's files, from one git log: a commit with a
// Version trailer is a version; gone/back events and hand edits without one do not reset the clock.
async function fileStats(repo: string, outletId: string) {
  const stats = new Map<string, { versions: number; lastChange: number }>();
  const { stdout } = await run(
    "git",
    [
      "log",
      "--format=%x01%aI%x02%(trailers:key=Version,valueonly,separator=%x2C)",
      "--name-only",
      "--no-renames",
      "--",
      `archive/${outletId}/`,
    ],
    { cwd: repo, maxBuffer: 1 << 30 },
  ).catch(() => ({ stdout: "" }));
  const seen = new Map<
    string,
    { versions: number; lastChange: number; lastCommit: number; commits: number }
  >();
  let time = 0;
  let version = 0;
  for (const line of stdout.split("\n")) {
    if (line.startsWith("\x01")) {
      const [date = "", trailer = ""] = line.slice(1).split("\x02");
      time = Date.parse(date);
      version = Number.parseInt(trailer, 10) || 0;
    } else if (line.endsWith(".md")) {
      // git log lists newest first: the first version commit seen is the last change.
      let stat = seen.get(line);
      if (!stat) {
        stat = { versions: 0, lastChange: 0, lastCommit: time, commits: 0 };
        seen.set(line, stat);
      }
      stat.commits++;
      if (version) {
        stat.versions = Math.max(stat.versions, version);
        if (!stat.lastChange) stat.lastChange = time;
      }
    }
  }
  // Files committed by hand, without trailers: every commit counts as a version.
  for (const [file, stat] of seen) {
    stats.set(file, {
      versions: stat.versions || stat.commits,
      lastChange: stat.lastChange || stat.lastCommit,
    });
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
