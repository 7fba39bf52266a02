// `stet build`: reads the archive's git history and renders the static site into --out.

import { resolve } from "node:path";
import { loadConfig } from "../config/load-config.ts";
import { UsageError } from "../errors.ts";
import { checkCutoffMs } from "../fetch/schedule.ts";
import { GitRepository } from "../git/repository.ts";
import { readHistory } from "../history/read-history.ts";
import { buildSite } from "../render/build-site.ts";
import { prepareOutputFolder, writeSiteMarker } from "../render/output-folder.ts";

const DAY = 86_400_000;

export interface BuildCommandOptions {
  config: string;
  repo: string;
  out: string;
  baseUrl?: string;
}

export async function buildCommand(options: BuildCommandOptions): Promise<number> {
  const config = await loadConfig(options.config);
  const git = await GitRepository.open(options.repo);
  const baseUrl = options.baseUrl ?? config.site.baseUrl;
  if (!/^https?:\/\//.test(baseUrl) || !URL.canParse(baseUrl)) {
    throw new UsageError(`--base-url ${baseUrl}: not an absolute http(s) URL`);
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
  };
  const result = await buildSite({
    histories: history.articles,
    outlets: config.outlets.map((o) => ({ id: o.id, name: o.name })),
    site,
    outDir,
    checkDays: checkCutoffMs(config.fetch.schedule) / DAY,
    outletCheckDays: Object.fromEntries(
      config.outlets.map((o) => [o.id, checkCutoffMs(o.schedule ?? config.fetch.schedule) / DAY]),
    ),
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
