// `stet doctor`: checks what a deployment needs (config, repository, remote, the workflow files,
// and for each outlet its feeds and the extraction of its latest article) and prints what to fix.
// Exits 1 when something must be fixed, so it can gate a setup script.

import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { loadConfig } from "../config/load-config.ts";
import { archiveBranchOf, checkWorkflows, type Finding } from "../doctor/check-workflows.ts";
import { StetError } from "../errors.ts";
import { discoverArticles } from "../fetch/discover-articles.ts";
import { observePage } from "../fetch/observe-page.ts";
import { PoliteClient } from "../fetch/polite-client.ts";
import { GitRepository } from "../git/repository.ts";
import { printableLine } from "../printable-line.ts";
import type { Outlet, StetConfig } from "../types.ts";

export interface DoctorOptions {
  config: string;
  repo: string;
  out?: (line: string) => void;
}

const HTML_TYPES = /text\/html|application\/xhtml\+xml/i;
const LABEL = { ok: "ok  ", warn: "warn", fix: "FIX " } as const;

export async function doctorCommand(options: DoctorOptions): Promise<number> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const findings: Finding[] = [];
  const report = (finding: Finding) => {
    findings.push(finding);
    out(`${LABEL[finding.level]}  ${finding.area}: ${finding.text}`);
  };
  const config = await checkConfig(options.config, report);
  const git = await checkRepository(options.repo, report);
  // The workflows live with the code and the config (main), the record maybe on a branch of its own.
  const code = dirname(options.config);
  const fetchYml = await workflowFile(code, "fetch.yml");
  const archiveBranch = archiveBranchOf(fetchYml);
  if (git) await checkRemote(git, archiveBranch, report);
  for (const finding of checkWorkflows(fetchYml, await workflowFile(code, "pages.yml"))) {
    report(finding);
  }
  report({
    level: "warn",
    area: "github",
    text: "cannot be seen from here: that Actions are enabled (forks start with them off; GitHub turns schedules off after 60 days without activity), Settings → Actions → Workflow permissions is 'Read and write', and Pages' source is 'GitHub Actions'",
  });
  if (config) {
    const client = new PoliteClient(config.fetch);
    for (const outlet of config.outlets) await checkOutlet(outlet, client, report);
  }
  const fix = findings.filter((f) => f.level === "fix").length;
  const warn = findings.filter((f) => f.level === "warn").length;
  out(`stet doctor: ${fix} to fix, ${warn} to look at`);
  return fix > 0 ? 1 : 0;
}

async function checkConfig(
  path: string,
  report: (finding: Finding) => void,
): Promise<StetConfig | null> {
  try {
    const config = await loadConfig(path);
    const ids = config.outlets.map((o) => o.id).join(", ");
    report({
      level: "ok",
      area: "config",
      text: `${path}: ${config.outlets.length} outlets (${ids})`,
    });
    if (/github\.com\/stet-news\/stet/.test(config.fetch.userAgent)) {
      report({
        level: "warn",
        area: "config",
        text: "fetch.userAgent still names stet's own repository: name your fork, so newsrooms know who fetches",
      });
    }
    return config;
  } catch (error) {
    if (!(error instanceof StetError)) throw error;
    report({ level: "fix", area: "config", text: error.message });
    return null;
  }
}

async function checkRepository(
  repo: string,
  report: (finding: Finding) => void,
): Promise<GitRepository | null> {
  let git: GitRepository;
  try {
    git = await GitRepository.open(repo, { forWriting: true });
  } catch (error) {
    if (!(error instanceof StetError)) throw error;
    report({ level: "fix", area: "repository", text: error.message });
    return null;
  }
  const branch = (await git.currentBranch()) ?? "";
  const files =
    (await git.tryRun(["ls-tree", "-r", "--name-only", "HEAD", "--", "archive/"])) ?? "";
  const count = files.split("\n").filter((f) => f.endsWith(".md")).length;
  report({
    level: "ok",
    area: "repository",
    text: `${git.dir}: branch ${branch}, ${count} archived articles`,
  });
  const locks = await git.lockFiles();
  if (locks.length > 0) {
    report({
      level: "fix",
      area: "repository",
      text: `git lock files are left (${locks.join(", ")}): every commit fails while they are there; if no git or stet process is running, delete them`,
    });
  }
  const dirty = (await git.tryRun(["status", "--porcelain", "--", "archive/"])) ?? "";
  if (dirty.trim() !== "") {
    report({
      level: "warn",
      area: "repository",
      text: `archive/ has changes no commit holds (${dirty.trim().split("\n").length} files): commit or restore them (git status archive/)`,
    });
  }
  return git;
}

async function checkRemote(
  git: GitRepository,
  archiveBranch: string | null,
  report: (finding: Finding) => void,
): Promise<void> {
  const origin = (await git.tryRun(["remote", "get-url", "origin"]))?.trim();
  if (!origin) {
    report({
      level: "warn",
      area: "remote",
      text: "no remote named origin: the fetch workflow pushes its commits there (git remote add origin <url>)",
    });
  } else {
    report({ level: "ok", area: "remote", text: `origin is ${origin}` });
  }
  if (archiveBranch === null) return;
  // The fetch workflow keeps the record on a branch of its own; this is where it is read from.
  const branch = await git.currentBranch();
  if (branch === archiveBranch) {
    report({
      level: "ok",
      area: "archive",
      text: `the record's branch ${archiveBranch} is checked out here`,
    });
    return;
  }
  const known =
    (await git.tryRun(["rev-parse", "-q", "--verify", `refs/remotes/origin/${archiveBranch}`])) ??
    (await git.tryRun(["rev-parse", "-q", "--verify", `refs/heads/${archiveBranch}`]));
  report({
    level: "warn",
    area: "archive",
    text: known
      ? `the record lives on the branch ${archiveBranch}, and ${git.dir} has ${branch} checked out: check the record out beside it (sh .github/scripts/checkout-archive.sh ${archiveBranch} data) and pass --repo data`
      : `there is no ${archiveBranch} branch yet: the fetch workflow's first run creates it`,
  });
}

async function workflowFile(code: string, name: string) {
  const text = await readFile(join(code, ".github", "workflows", name), "utf8").catch(() => null);
  return { name, text };
}

// Each feed and sitemap read, then the first article they list fetched and extracted as the fetch
// would: a feed that fails or an article with no text is something to fix.
async function checkOutlet(
  outlet: Outlet,
  client: PoliteClient,
  report: (finding: Finding) => void,
): Promise<void> {
  const area = `outlet ${outlet.id}`;
  const found = await discoverArticles(outlet, client);
  for (const problem of found.problems) {
    // A feed longer than stet reads is worth knowing about; the rest stop articles coming in.
    const level = /items; read the first/.test(problem) ? "warn" : "fix";
    report({ level, area, text: printableLine(problem) });
  }
  const sources = outlet.feeds.length + outlet.sitemaps.length;
  if (sources > 0 && found.problems.length < sources) {
    report({ level: "ok", area, text: `feeds and sitemaps list ${found.urls.length} articles` });
  }
  const latest = found.urls[0];
  if (latest === undefined) {
    report({
      level: "fix",
      area,
      text: "no article found: check feeds, sitemaps, urls and the articleUrl pattern",
    });
    return;
  }
  const result = await client.get(latest, HTML_TYPES, undefined, {
    allowPrivateAddresses: outlet.allowPrivateAddresses,
  });
  const seen = observePage(result, outlet);
  if (seen.kind !== "page") {
    const why =
      seen.kind === "failed"
        ? seen.reason
        : seen.kind === "gone"
          ? `HTTP ${seen.status}`
          : "disallowed by robots.txt";
    report({ level: "fix", area, text: `latest article ${latest}: ${printableLine(why)}` });
    return;
  }
  const { article } = seen;
  const words = article.paragraphs.join(" ").split(/\s+/).filter(Boolean).length;
  const title = printableLine(article.title ?? "(no headline)", 100);
  if (article.paragraphs.length === 0 || article.title === null) {
    report({
      level: "fix",
      area,
      text: `latest article ${latest}: ${article.title === null ? "no headline" : `"${title}"`}, ${article.paragraphs.length} paragraphs: extraction fails here; add selectors (see README, "Watch your own outlets")`,
    });
    return;
  }
  report({
    level: seen.teaser ? "warn" : "ok",
    area,
    text: `latest article ${latest}: "${title}", ${article.paragraphs.length} paragraphs, ${words} words${seen.teaser ? `; looks like a teaser (${seen.teaser})` : ""}`,
  });
}
