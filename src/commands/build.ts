// `stet build`: renders the site into --out from the archive's git history, incrementally when
// the build cache in `<repo>/.stet/build-cache/` describes that folder: only the commits since the
// cached one are read, and only what they change is rendered and written.

import { appendFile } from "node:fs/promises";
import { resolve } from "node:path";
import {
  CACHE_FORMAT,
  readCacheBody,
  readCacheHead,
  serializeCacheBody,
  writeCache,
  writeCacheHead,
} from "../build-cache/build-cache.ts";
import { type CacheHead, cacheVerdict } from "../build-cache/cache-verdict.ts";
import { buildInputs } from "../build-cache/inputs-digest.ts";
import { loadConfig } from "../config/load-config.ts";
import { UsageError } from "../errors.ts";
import { checkCutoffMs } from "../fetch/schedule.ts";
import type { LogEntry } from "../history/parse-git-log.ts";
import { headCommit, isAncestorOfHead, readArchiveLog } from "../history/read-archive-log.ts";
import { groupByFile, historySource } from "../history/read-history.ts";
import { type BuildSiteResult, buildSite, type SiteState } from "../render/build-site.ts";
import { prepareOutputFolder, readSiteBuild, writeSiteMarker } from "../render/output-folder.ts";
import { TEMPLATES_DIR } from "../render/page-renderer.ts";
import { assertGitRepo } from "./assert-git-repo.ts";

const DAY = 86_400_000;

export interface BuildCommandOptions {
  config: string;
  repo: string;
  out: string;
  baseUrl?: string;
  /** Where the templates are (tests build with changed copies); default: stet's templates/. */
  templatesDir?: string;
  /** Where progress lines go; default: standard output. */
  log?: (line: string) => void;
}

/** What a build did, as the last log line and the job summary report it. */
export interface BuildSummary {
  mode: "full" | "incremental" | "nothing new";
  seconds: number;
  articles: number;
  result: BuildSiteResult | null;
}

export async function buildCommand(options: BuildCommandOptions): Promise<number> {
  const config = await loadConfig(options.config);
  await assertGitRepo(options.repo);
  const baseUrl = options.baseUrl ?? config.site.baseUrl;
  if (!/^https?:\/\//.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new UsageError(`--base-url ${baseUrl}: not an absolute http(s) URL`);
  }
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
  const started = performance.now();
  const outDir = resolve(options.out);
  const cacheDir = resolve(options.repo, ".stet", "build-cache");
  const site = {
    title: config.site.title,
    baseUrl: baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`,
  };
  const outlets = config.outlets.map((o) => ({ id: o.id, name: o.name }));
  const checkDays = checkCutoffMs(config.fetch.schedule) / DAY;
  const outletCheckDays = Object.fromEntries(
    config.outlets.map((o) => [o.id, checkCutoffMs(o.schedule ?? config.fetch.schedule) / DAY]),
  );
  const inputs = await buildInputs(templatesDir, { site, outlets, checkDays, outletCheckDays });
  const commit = (await headCommit(options.repo)) ?? "";
  const head = await readCacheHead(cacheDir);
  let verdict = await cacheVerdict({
    head,
    format: CACHE_FORMAT,
    inputs,
    commit,
    siteBuild: await readSiteBuild(outDir),
    descends: () => isAncestorOfHead(options.repo, head?.commit ?? ""),
  });
  const finish = async (summary: Omit<BuildSummary, "seconds">) =>
    report({ ...summary, seconds: (performance.now() - started) / 1000 }, outDir, log);

  let changes = new Map<string, LogEntry[]>();
  let previous: SiteState | null = null;
  if (verdict.kind === "same" && head !== null) {
    log(`nothing new since commit ${head.commit.slice(0, 10)}: ${outDir} is up to date`);
    return finish({ mode: "nothing new", articles: 0, result: null });
  }
  if (verdict.kind === "since" && head !== null) {
    const newer = await readArchiveLog(options.repo, verdict.since);
    if (newer.length === 0) {
      await writeCacheHead(cacheDir, { ...head, commit });
      log(`no archive change since commit ${head.commit.slice(0, 10)}: ${outDir} is up to date`);
      return finish({ mode: "nothing new", articles: 0, result: null });
    }
    const body = await readCacheBody(cacheDir, head);
    if (body === null) {
      verdict = { kind: "full", reason: "the build cache's body is missing or damaged" };
    } else {
      changes = body.changes;
      for (const entry of newer) {
        const list = changes.get(entry.path);
        if (list === undefined) changes.set(entry.path, [entry]);
        else list.push(entry);
      }
      previous = body.state;
      log(
        `${newer.length} archive changes since commit ${verdict.since.slice(0, 10)}: updating ${outDir}`,
      );
    }
  }
  if (verdict.kind === "full") {
    log(`${verdict.reason}: building everything into ${outDir}`);
    await prepareOutputFolder(outDir);
    await writeSiteMarker(outDir, site.baseUrl, null);
    changes = groupByFile(await readArchiveLog(options.repo));
  }
  const source = historySource(options.repo, changes);
  log(`history: ${source.articles.length.toLocaleString("en-US")} articles`);
  const result = await buildSite({
    source,
    outlets,
    site,
    outDir,
    previous,
    checkDays,
    outletCheckDays,
    log,
    templatesDir,
  });
  const body = serializeCacheBody({ changes, state: result.state });
  const cacheHead: CacheHead = { format: CACHE_FORMAT, inputs, commit, body: body.digest };
  await writeCache(cacheDir, cacheHead, body.text);
  await writeSiteMarker(outDir, site.baseUrl, body.digest);
  return finish({
    mode: previous === null ? "full" : "incremental",
    articles: source.articles.length,
    result,
  });
}

/** Logs the summary line and, in GitHub Actions, adds the figures to the job summary. */
async function report(
  summary: BuildSummary,
  outDir: string,
  log: (line: string) => void,
): Promise<number> {
  const { result } = summary;
  const seconds = summary.seconds.toFixed(1);
  const files = result?.files ?? { written: 0, unchanged: 0, deleted: 0 };
  const total = result === null ? "" : `, ${n(result.siteFiles)} in the site`;
  log(
    `built ${outDir} (${summary.mode}) in ${seconds} s: ${n(files.written)} files written, ${n(files.deleted)} deleted${total}`,
  );
  const jobSummary = process.env.GITHUB_STEP_SUMMARY;
  if (jobSummary) {
    const rows = [
      ["build", summary.mode],
      ["time", `${seconds} s`],
      ["articles", n(summary.articles)],
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
