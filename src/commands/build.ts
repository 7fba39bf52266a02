// `stet build`: renders the site into --out from the archive's git history, incrementally when
// the build cache in `<repo>/.stet/build-cache/` describes that folder: only the commits since the
// cached one are read, and only what they change is rendered and written. The fetch's status file
// is an input too: when only it changed, only the status page is rendered again. When nothing is
// new the build loads neither the config parser nor the renderer.

import { createHash } from "node:crypto";
import { appendFile, readFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  CACHE_FORMAT,
  type CachedState,
  ChangeShards,
  clearCache,
  readCacheHead,
  readCacheState,
  searchLagging,
  serializeCacheState,
  setSearchLagging,
  writeCacheHead,
  writeCacheState,
} from "../build-cache/build-cache.ts";
import { type CacheHead, cacheVerdict } from "../build-cache/cache-verdict.ts";
import {
  asSiteSettings,
  type BuildInputs,
  codeAndTemplates,
  type SiteSettings,
} from "../build-cache/inputs-digest.ts";
import { BuildError, UsageError } from "../errors.ts";
import { statusPath } from "../fetch/fetch-status.ts";
import { GitRepository } from "../git/repository.ts";
import type { LogEntry } from "../history/parse-git-log.ts";
import {
  ARTICLE_FILE,
  isAncestorOfHead,
  readArchiveLog,
  type StrayFile,
  strayMessage,
} from "../history/read-archive-log.ts";
import type { BuildSiteResult, SearchMode, SiteState } from "../render/build-site.ts";
import { prepareOutputFolder, readSiteBuild, writeSiteMarker } from "../render/output-folder.ts";
import { preloadRenderer, TEMPLATES_DIR } from "../render/page-renderer.ts";
import { buildSearchIndex, hasSearchIndex, removeSearchIndex } from "../render/search-index.ts";
import { SiteWriter, type WriteCounts } from "../render/site-writer.ts";
import type { ArticleRef, FetchStatus, StetConfig } from "../types.ts";

const DAY = 86_400_000;

export interface BuildCommandOptions {
  config: string;
  repo: string;
  out: string;
  baseUrl?: string;
  /** The archive's repository on its forge (https), overriding site.repository. */
  repository?: string;
  /** The fetch's status file; default <repo>/.stet/status.json. */
  status?: string;
  /** What to do with the search index (default "update"); see `BuildSiteOptions.search`. */
  search?: SearchMode;
  /** Where the templates are (tests build with changed copies); default: stet's templates/. */
  templatesDir?: string;
  /** Where progress lines go; default: standard output. */
  log?: (line: string) => void;
  /** Called when the build is found to build everything, before it starts (see cli.ts). */
  beforeFullBuild?: () => void;
}

/** What a build did, as the last log line and the job summary report it. */
interface BuildSummary {
  mode: "full" | "incremental" | "nothing new";
  seconds: number;
  articles: number;
  result: BuildSiteResult | null;
  /** Files written by a build with nothing new (the search index); none when it wrote none. */
  files?: WriteCounts;
}

export async function buildCommand(options: BuildCommandOptions): Promise<number> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
  const started = performance.now();
  const outDir = resolve(options.out);
  const cacheDir = resolve(options.repo, ".stet", "build-cache");
  const finish = (summary: Omit<BuildSummary, "seconds">) =>
    report({ ...summary, seconds: (performance.now() - started) / 1000 }, outDir, log);

  // git's HEAD, the files and the code's digest do not depend on each other: asked for at once.
  const git = GitRepository.open(options.repo);
  const tip = git.then((repository) => repository.head());
  tip.catch(() => {});
  const statusFile = options.status ?? statusPath(options.repo);
  const [configText, statusText, head, code] = await Promise.all([
    readFile(options.config).catch(() => null),
    readFile(statusFile).catch((error: NodeJS.ErrnoException) =>
      error.code === "ENOENT" ? null : error,
    ),
    readCacheHead(cacheDir),
    codeAndTemplates(templatesDir),
  ]);
  // The config file's bytes stand for its settings while they do not change, so a build with
  // nothing new need not parse it.
  const configDigest = createHash("sha1")
    .update(configText ?? "")
    .update(`\0${options.baseUrl ?? ""}\0${options.repository ?? ""}`)
    .digest("base64url");
  // The status file's bytes, likewise: parsed only when they changed since the cached build.
  const statusDigest =
    statusText === null
      ? "none"
      : statusText instanceof Error
        ? `unreadable: ${statusText.message}`
        : createHash("sha1").update(statusText).digest("base64url");
  const search = options.search ?? "update";
  // A build with the cached build's config takes the settings that build kept, and loads no
  // config parser (a fifth of a second of start-up).
  const sameConfigHead = configText !== null && head?.inputs.config === configDigest ? head : null;
  const kept = sameConfigHead === null ? null : asSiteSettings(sameConfigHead.settings);
  let loaded: Settings | undefined =
    sameConfigHead === null || kept === null
      ? undefined
      : { ...kept, digest: sameConfigHead.inputs.settings };
  const settings = async () => {
    loaded ??= await settingsOf(options);
    return loaded;
  };
  const inputs: BuildInputs = {
    ...code,
    config: configDigest,
    status: statusDigest,
    settings: sameConfigHead?.inputs.settings ?? (await settings()).digest,
  };
  const repository = await git;
  const commit = (await tip) ?? "";
  // The commits since the cached one, read while git says whether HEAD descends from it.
  const since =
    head !== null && head.commit !== commit && /^[0-9a-f]{40,64}$/.test(head.commit)
      ? readArchiveLog(repository, head.commit, commit)
      : null;
  since?.catch(() => {});
  let verdict = await cacheVerdict({
    head,
    format: CACHE_FORMAT,
    inputs,
    commit,
    siteBuild: await readSiteBuild(outDir),
    descends: () => isAncestorOfHead(repository, head?.commit ?? ""),
  });
  const statusChanged = head !== null && head.inputs.status !== statusDigest;
  /**
   * A build with nothing to render: still builds a search index that is missing, or (with
   * --search update) one that an earlier --search keep build left behind its pages.
   */
  const upToDate = async (line: string, strays: readonly StrayFile[] = []) => {
    log(line);
    for (const stray of strays) log(strayMessage(stray));
    let files: WriteCounts | undefined;
    const lagging = await searchLagging(cacheDir);
    const missing = !(await hasSearchIndex(outDir));
    if (search === "off" && lagging && !missing) {
      const writer = new SiteWriter(outDir, { fresh: false });
      await removeSearchIndex(outDir, writer);
      await setSearchLagging(cacheDir, false);
      files = writer.counts;
      log("search index: removed, it no longer matched the pages (--search off)");
    }
    if (search !== "off" && head !== null && (missing || (lagging && search === "update"))) {
      const cached = await readCacheState(cacheDir, head);
      if (cached === null || !(await cached.loadAll())) {
        log(
          "search index: not built, the build cache's state is missing; the next full build builds it",
        );
      } else {
        const { indexedPages } = await import("../render/build-site.ts");
        const writer = new SiteWriter(outDir, { fresh: false });
        const pages = indexedPages(Object.values(cached.state.articles));
        const indexed = await buildSearchIndex(outDir, pages, writer);
        await setSearchLagging(cacheDir, false);
        files = writer.counts;
        log(
          `search index ${missing ? "was missing" : "was behind the pages"}: ${indexed.pages.toLocaleString("en-US")} pages indexed`,
        );
      }
    }
    return finish({ mode: "nothing new", articles: 0, result: null, files });
  };
  if (verdict.kind === "same" && head !== null) {
    if (!statusChanged) {
      return upToDate(
        `nothing new since commit ${head.commit.slice(0, 10)}: ${outDir} is up to date`,
      );
    }
    verdict = { kind: "since", since: head.commit };
  }

  const shards = new ChangeShards(cacheDir);
  let cached: CachedState | null = null;
  let previous: SiteState | null = null;
  let articles: ArticleRef[] = [];
  let changesOf: (files: readonly string[]) => Promise<Map<string, LogEntry[]>> = async () =>
    new Map();
  if (verdict.kind === "since" && head !== null) {
    const read =
      verdict.since === commit
        ? null
        : await (verdict.since === head.commit && since !== null
            ? since
            : readArchiveLog(repository, verdict.since, commit));
    const newer = read?.changes ?? [];
    const strays = read?.strays ?? [];
    if (newer.length === 0 && !statusChanged) {
      await writeCacheHead(cacheDir, { ...head, inputs, commit });
      return upToDate(
        `no archive change since commit ${head.commit.slice(0, 10)}: ${outDir} is up to date`,
        strays,
      );
    }
    // Something will be rendered: load Eleventy while git and the cache are read.
    preloadRenderer();
    cached = await readCacheState(cacheDir, head);
    // The articles of the outlets the new commits touch: the others stay as they were.
    const touched = new Set<string>();
    for (const { path } of newer) {
      const outlet = ARTICLE_FILE.exec(path)?.[1];
      if (outlet !== undefined) touched.add(outlet);
    }
    if (cached === null || !(await cached.load(touched))) {
      verdict = { kind: "full", reason: "the build cache's state is missing or damaged" };
      cached = null;
    } else {
      previous = cached.state;
      log(
        newer.length === 0
          ? `the fetch status changed since the cached build: updating ${outDir}`
          : `${newer.length} archive changes since commit ${verdict.since.slice(0, 10)}: updating ${outDir}`,
      );
      for (const stray of strays) log(strayMessage(stray));
      ({ articles, changesOf } = await continueHistory(previous, newer, shards));
    }
  }
  if (verdict.kind === "full") {
    log(`${verdict.reason}: building everything into ${outDir}`);
    options.beforeFullBuild?.();
    preloadRenderer();
    await prepareOutputFolder(outDir);
    await writeSiteMarker(outDir, (await settings()).site.baseUrl, null);
    await clearCache(cacheDir);
    previous = null;
    cached = null;
    const { groupByFile, articleRef } = await import("../history/read-history.ts");
    const { changes, strays } = await readArchiveLog(repository, undefined, commit);
    for (const stray of strays) log(strayMessage(stray));
    const byFile = groupByFile(changes);
    articles = [];
    for (const [file, changes] of byFile) {
      const ref = articleRef(file, changes);
      if (ref !== null) articles.push(ref);
      await shards.set(file, changes);
    }
    changesOf = async () => byFile;
  }

  const { historySource } = await import("../history/read-history.ts");
  const { buildSite, carriedOutlets } = await import("../render/build-site.ts");
  const { site, outlets, checkDays, outletCheckDays } = await settings();
  // The articles of the outlets the new commits do not touch are not read: they are as they were.
  let articleCount = articles.length;
  for (const outlet of carriedOutlets(previous, articles)) {
    const own = previous?.outlets[outlet];
    articleCount += (own?.totals.articles ?? 0) + (own?.skipped ?? 0);
  }
  log(`history: ${articleCount.toLocaleString("en-US")} articles`);
  // Until the pages written below are indexed, the index may lag behind them: a build that
  // fails or is killed after writing them leaves the next build no changed page to notice.
  const lagging = previous !== null && (await searchLagging(cacheDir));
  if (previous !== null) await setSearchLagging(cacheDir, true);
  const result = await buildSite({
    source: historySource(repository, articles, changesOf),
    outlets,
    site,
    outDir,
    previous,
    checkDays,
    outletCheckDays,
    status: await fetchStatus(statusFile, statusText, log),
    search,
    searchLagging: lagging,
    log,
    templatesDir,
    readOutlet: async (outlet) => {
      const articles = await cached?.articlesOf(outlet);
      if (articles === null || articles === undefined) {
        await clearCache(cacheDir);
        throw new BuildError(
          `The build cache's articles of outlet ${outlet} are missing or damaged; the cache is removed, so the next build builds everything.`,
        );
      }
      return articles;
    },
  });
  const state = serializeCacheState(result.state, cached);
  await shards.save();
  const { digest: _, ...used } = await settings();
  const cacheHead: CacheHead = {
    format: CACHE_FORMAT,
    inputs,
    commit,
    body: state.digest,
    settings: used,
  };
  await writeCacheState(cacheDir, cacheHead, state);
  await setSearchLagging(cacheDir, result.searchLagging);
  await writeSiteMarker(outDir, site.baseUrl, state.digest);
  return finish({
    mode: previous === null ? "full" : "incremental",
    articles: articleCount,
    result,
  });
}

/** What the site takes from the config, and a digest of it. */
type Settings = SiteSettings & { digest: string };

/** What the site takes from the config (and --base-url), and a digest of it. */
async function settingsOf(options: BuildCommandOptions): Promise<Settings> {
  const { loadConfig } = await import("../config/load-config.ts");
  const { checkCutoffMs } = await import("../fetch/schedule.ts");
  const config: StetConfig = await loadConfig(options.config);
  const baseUrl = options.baseUrl ?? config.site.baseUrl;
  if (!/^https?:\/\//.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new UsageError(`--base-url ${baseUrl}: not an absolute http(s) URL`);
  }
  const repository = options.repository ?? config.site.repository ?? null;
  if (repository !== null && (!/^https:\/\//.test(repository) || !URL.canParse(repository))) {
    throw new UsageError(
      `--repository ${repository}: not an https URL such as https://github.com/owner/repo`,
    );
  }
  const site = {
    title: config.site.title,
    baseUrl: baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`,
    repository,
  };
  const outlets = config.outlets.map((o) => ({ id: o.id, name: o.name }));
  const checkDays = checkCutoffMs(config.fetch.schedule) / DAY;
  const outletCheckDays = Object.fromEntries(
    config.outlets.map((o) => [o.id, checkCutoffMs(o.schedule ?? config.fetch.schedule) / DAY]),
  );
  const digest = createHash("sha1")
    .update(JSON.stringify({ site, outlets, checkDays, outletCheckDays }))
    .digest("base64url");
  return { site, outlets, checkDays, outletCheckDays, digest };
}

/**
 * The articles after `newer` changes on top of the cached ones, and where each file's every
 * change comes from: the cached shards plus the new changes (which are recorded in the shards).
 */
async function continueHistory(previous: SiteState, newer: LogEntry[], shards: ChangeShards) {
  const { articleRef } = await import("../history/read-history.ts");
  const touched = [...new Set(newer.map((e) => e.path))];
  const newCommits = new Set(newer.map((e) => e.commit));
  const updated = new Map<string, LogEntry[]>();
  for (const [file, cached] of await shards.load(touched)) {
    // A build that stopped after saving shards may have recorded some of these commits already.
    const changes = cached.filter((c) => !newCommits.has(c.commit));
    for (const entry of newer) if (entry.path === file) changes.push(entry);
    updated.set(file, changes);
    await shards.set(file, changes);
  }
  const articles: ArticleRef[] = [];
  for (const [file, state] of Object.entries(previous.articles)) {
    if (updated.has(file)) continue;
    // The archive's slug, from the path: the state holds the site's, which may be shorter.
    const slug = ARTICLE_FILE.exec(file)?.[2] ?? state.slug;
    articles.push({ file, outlet: state.outlet, slug, key: state.key });
  }
  for (const [file, changes] of updated) {
    const ref = articleRef(file, changes);
    if (ref !== null) articles.push(ref);
  }
  const changesOf = async (files: readonly string[]) => {
    const result = await shards.load(files.filter((f) => !updated.has(f)));
    for (const file of files) {
      const changes = updated.get(file);
      if (changes !== undefined) result.set(file, changes);
    }
    return result;
  };
  return { articles, changesOf };
}

/**
 * The fetch's status for the status page, from the file's bytes read before: none when the file
 * is absent; said (and logged) when it is unreadable or not a fetch status.
 */
async function fetchStatus(
  file: string,
  bytes: Buffer | Error | null,
  log: (line: string) => void,
): Promise<{ status: FetchStatus } | { problem: string } | null> {
  if (bytes === null) return null;
  if (bytes instanceof Error) {
    const problem = `it could not be read (${bytes.message})`;
    log(`status page: ${file}: ${problem}`);
    return { problem };
  }
  const { parseFetchStatus } = await import("../render/parse-fetch-status.ts");
  const parsed = parseFetchStatus(bytes.toString("utf8"));
  if ("problem" in parsed) log(`status page: ${file} is not a fetch status: ${parsed.problem}`);
  return parsed;
}

/** Logs the summary line and, in GitHub Actions, adds the figures to the job summary. */
async function report(
  summary: BuildSummary,
  outDir: string,
  log: (line: string) => void,
): Promise<number> {
  const { result } = summary;
  const seconds = summary.seconds.toFixed(1);
  const files = result?.files ?? summary.files ?? { written: 0, unchanged: 0, deleted: 0 };
  const total = result === null ? "" : `, ${n(result.siteFiles)} in the site`;
  log(
    `built ${outDir} (${summary.mode}) in ${seconds} s: ${n(files.written)} files written, ${n(files.deleted)} deleted${total}`,
  );
  const jobSummary = process.env.GITHUB_STEP_SUMMARY;
  if (jobSummary) {
    const rows = [
      ["build", summary.mode],
      ["time", `${seconds} s`],
      ["articles", result === null ? "unchanged" : n(summary.articles)],
      [
        "articles rendered / unchanged / left out / removed",
        result === null
          ? "–"
          : `${n(result.articles.rendered)} / ${n(result.articles.unchanged)} / ${n(result.articles.skipped)} / ${n(result.articles.removed)}`,
      ],
      [
        "listings, feeds, assets rendered",
        result === null ? "–" : `${n(result.aggregates.rendered)} of ${n(result.aggregates.total)}`,
      ],
      [
        "search index",
        result === null
          ? "–"
          : result.search
            ? `${n(result.search.pages)} pages in ${result.search.seconds.toFixed(1)} s`
            : "unchanged or not built",
      ],
      ["files written / deleted", `${n(files.written)} / ${n(files.deleted)}`],
      ["files in the site", result === null ? "unchanged" : n(result.siteFiles)],
    ];
    const table = rows.map(([what, value]) => `| ${what} | ${value} |`).join("\n");
    await appendFile(jobSummary, `### stet build\n\n| | |\n|---|---|\n${table}\n\n`);
  }
  return 0;
}

function n(value: number): string {
  return value.toLocaleString("en-US");
}
