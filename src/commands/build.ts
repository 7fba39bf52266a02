// `stet build`: reads the archive's git history and renders the static site into --out.

import { readFile } from "node:fs/promises";
import { resolve } from "node:path";
import { loadConfig } from "../config/load-config.ts";
import { UsageError } from "../errors.ts";
import { statusPath } from "../fetch/fetch-status.ts";
import { checkCutoffMs } from "../fetch/schedule.ts";
import { GitRepository } from "../git/repository.ts";
import { readHistory } from "../history/read-history.ts";
import { buildSite } from "../render/build-site.ts";
import { prepareOutputFolder, writeSiteMarker } from "../render/output-folder.ts";
import { parseFetchStatus } from "../render/parse-fetch-status.ts";

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
}

export async function buildCommand(options: BuildCommandOptions): Promise<number> {
  const config = await loadConfig(options.config);
  const git = await GitRepository.open(options.repo);
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
  const log = (line: string) => process.stdout.write(`${line}\n`);
  const started = Date.now();
  const history = await readHistory(git);
  const versions = history.articles.reduce((sum, a) => sum + a.versions.length, 0);
  log(`read ${history.articles.length} articles, ${versions} versions from ${options.repo}`);
  for (const problem of history.problems) {
    log(`skipped ${problem.file} at commit ${problem.commit.slice(0, 10)}: ${problem.message}`);
  }
  const outDir = resolve(options.out);
  await prepareOutputFolder(outDir);
  const site = {
    title: config.site.title,
    baseUrl: baseUrl.endsWith("/") ? baseUrl : `${baseUrl}/`,
    repository,
  };
  const status = await readStatus(options.status ?? statusPath(options.repo), log);
  const result = await buildSite({
    histories: history.articles,
    outlets: config.outlets.map((o) => ({ id: o.id, name: o.name })),
    site,
    outDir,
    checkDays: checkCutoffMs(config.fetch.schedule) / DAY,
    outletCheckDays: Object.fromEntries(
      config.outlets.map((o) => [o.id, checkCutoffMs(o.schedule ?? config.fetch.schedule) / DAY]),
    ),
    status,
    log,
  });
  await writeSiteMarker(outDir, site.baseUrl);
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  log(`built ${result.pages} pages and ${result.feeds} feeds into ${outDir} in ${seconds} s`);
  if (history.problems.length > 0) {
    log(
      `${history.problems.length} archive versions could not be read and were left out (listed above)`,
    );
  }
  return 0;
}

/** The fetch's status for the status page: none when the file is absent, said when unreadable. */
async function readStatus(
  file: string,
  log: (line: string) => void,
): Promise<ReturnType<typeof parseFetchStatus> | null> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    const problem = `it could not be read (${(error as Error).message})`;
    log(`status page: ${file}: ${problem}`);
    return { problem };
  }
  const parsed = parseFetchStatus(text);
  if ("problem" in parsed) log(`status page: ${file} is not a fetch status: ${parsed.problem}`);
  return parsed;
}
