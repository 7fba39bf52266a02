// `npm run demo`: watches The Harbor Courier, an invented outlet served on 127.0.0.1, through
// several fetch passes on a simulated clock, builds the site into site/, and points at the pages
// worth a look. It narrates what the outlet does each pass and checks stet recorded just that.

import { execFile, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { changeLabels } from "../src/diff/change-labels.ts";
import { diffVersions } from "../src/diff/diff-versions.ts";
import { GitRepository } from "../src/git/repository.ts";
import { readHistory } from "../src/history/read-history.ts";
import { describeLabel } from "../src/render/describe-label.ts";
import { SiteUrls } from "../src/render/site-urls.ts";
import type { ChangeLabel, Version } from "../src/types.ts";
import type { PassState } from "../test/fixtures/outlet/fixture-article.ts";
import { ARTICLES, expectedVersionCount, stateAt } from "../test/fixtures/outlet/outlet.ts";
import {
  type FixtureOutlet,
  PASS_INTERVAL_HOURS,
  PASSES,
  passTimes,
  startFixtureOutlet,
  writeOutletConfig,
} from "../test/support/fixture-outlet.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const STET = join(ROOT, "bin", "stet.js");
const SITE = join(ROOT, "site");
// The demo config's site.baseUrl, where `npx stet serve` shows the site.
const SITE_URL = "http://127.0.0.1:8080/";
// With --strict, stet doing something other than the plan fails the demo (for CI smoke runs).
const STRICT = process.argv.includes("--strict");

const execFileAsync = promisify(execFile);

async function git(repo: string, ...args: string[]): Promise<string> {
  const { stdout } = await execFileAsync("git", ["-C", repo, ...args], {
    maxBuffer: 64 * 1024 * 1024,
  });
  return stdout;
}

/** Runs `node bin/stet.js …`, echoing its output line by line with `prefix`; rejects on failure. */
function runStet(args: string[], prefix: string): Promise<void> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [STET, ...args], { cwd: ROOT, stdio: "pipe" });
    const echo = (stream: NodeJS.ReadableStream, to: NodeJS.WriteStream) =>
      createInterface({ input: stream }).on("line", (line) => to.write(`${prefix} ${line}\n`));
    echo(child.stdout, process.stdout);
    echo(child.stderr, process.stderr);
    child.on("error", fail);
    child.on("close", (code, signal) => {
      if (code === 0) done();
      else fail(new Error(`stet ${args.join(" ")} failed (${signal ?? `exit ${code}`})`));
    });
  });
}

let warnings = 0;
function warn(message: string): void {
  warnings++;
  process.stdout.write(`  ⚠ ${message}\n`);
}

function planLine(state: PassState): string {
  switch (state.page) {
    case "missing":
      return `${state.note}`;
    case "error":
      return `${state.note} → must not be recorded`;
    case "teaser":
      return `${state.note} → must not be recorded`;
    case "article":
      return `${state.note} → ${state.expect === "version" ? "new version" : "nothing to record"}`;
  }
}

/** Article paths (on the outlet) of the versions committed after `since` (all when null). */
async function committedPaths(repo: string, since: string | null): Promise<string[]> {
  const head = await git(repo, "rev-parse", "--verify", "--quiet", "HEAD").catch(() => "");
  if (head.trim() === "") return [];
  const range = since === null ? "HEAD" : `${since}..HEAD`;
  const log = await git(repo, "log", "--format=%B%x00", range);
  return log
    .split("\0")
    .flatMap((message) => /^Article-URL:\s*(\S+)/m.exec(message)?.[1] ?? [])
    .map((url) => new URL(url).pathname);
}

async function headCommit(repo: string): Promise<string | null> {
  const head = await git(repo, "rev-parse", "--verify", "--quiet", "HEAD").catch(() => "");
  return head.trim() === "" ? null : head.trim();
}

async function runPasses(outlet: FixtureOutlet, repo: string): Promise<void> {
  const times = passTimes();
  for (let pass = 1; pass <= PASSES; pass++) {
    const time = times[pass - 1] ?? "";
    outlet.setPass(pass);
    process.stdout.write(`\n── pass ${pass} of ${PASSES} · simulated time ${time} ──\n`);
    for (const article of ARTICLES) {
      process.stdout.write(`  ${article.id.padEnd(17)} ${planLine(stateAt(article, pass))}\n`);
    }
    const before = await headCommit(repo);
    const firstHit = outlet.hits.length;
    await runStet(["fetch", "--repo", repo, "--now", time], `  [pass ${pass} · ${time}]`);

    const committed = await committedPaths(repo, before);
    const expected = ARTICLES.filter((article) => {
      const state = stateAt(article, pass);
      return state.page === "article" && state.expect === "version";
    });
    for (const article of ARTICLES) {
      const state = stateAt(article, pass);
      const count = committed.filter((path) => path === article.path).length;
      const wanted = expected.includes(article) ? 1 : 0;
      if (count !== wanted) {
        warn(`${article.id}: expected ${wanted} new version(s), stet committed ${count}`);
      } else if (state.page === "error" || state.page === "teaser") {
        process.stdout.write(
          `  ✓ ${article.path} ${state.page === "error" ? `answered ${state.status}` : "served a paywall teaser"} — not recorded\n`,
        );
      }
    }
    const private_ = outlet.hits.slice(firstHit).filter((hit) => hit.path.startsWith("/private/"));
    for (const hit of private_) warn(`stet requested ${hit.path}, which robots.txt disallows`);
    process.stdout.write(`  recorded ${committed.length} new version(s) this pass\n`);
  }
}

interface Pair {
  from: number;
  to: number;
  what: string;
}

/** Every kind of label the site can show; the demo's outlet should make each appear. */
const LABEL_KINDS: ChangeLabel["kind"][] = [
  "headline",
  "byline",
  "reverted",
  "note",
  "figures",
  "quote",
  "edited",
  "added",
  "removed",
  "moved",
  "punctuation",
];

// What changed between two versions, in the site's own words (the labels the build computes).
function describeChange(before: Version, after: Version, seen: Set<string>): string {
  const headlineChanged = before.title !== after.title;
  const labels = changeLabels(
    diffVersions(before, after),
    headlineChanged ? (after.revertsTo ?? null) : null,
  );
  for (const label of labels) seen.add(label.kind);
  return labels.map((label) => describeLabel(label).text).join(", ") || "no visible change";
}

async function tour(repo: string): Promise<void> {
  const total = Number((await git(repo, "rev-list", "--count", "HEAD")).trim());
  const planned = expectedVersionCount();
  process.stdout.write(`\n── what the demo recorded ──\n`);
  process.stdout.write(`  ${total} versions committed (the fixture plan expects ${planned})\n`);
  if (total !== planned) warn(`stet committed ${total} versions, the plan expects ${planned}`);

  const urls = new SiteUrls(SITE_URL);
  const headlineDiffs: string[] = [];
  const seen = new Set<string>();
  // The history as the build reads it, so the labels below are the ones the site shows.
  const { articles } = await readHistory(await GitRepository.open(repo));
  for (const { outlet, slug, versions } of articles) {
    const pairs: Pair[] = [];
    for (let i = 1; i < versions.length; i++) {
      const before = versions[i - 1];
      const after = versions[i];
      if (before && after) {
        pairs.push({ from: i, to: i + 1, what: describeChange(before, after, seen) });
      }
    }
    const title = versions.at(-1)?.title ?? slug;
    process.stdout.write(`\n  “${title}” — ${versions.length} version(s)\n`);
    const history = { kind: "article", outlet, slug } as const;
    process.stdout.write(`    history  ${urls.absolute(history)}\n`);
    if (versions.length > 2) {
      const first = { kind: "first-to-latest", outlet, slug } as const;
      process.stdout.write(
        `    v1→v${versions.length}    ${urls.absolute(first)}  first → latest\n`,
      );
    }
    for (const pair of pairs) {
      const ref = { kind: "diff", outlet, slug, from: pair.from, to: pair.to } as const;
      const url = urls.absolute(ref);
      if (pair.what.startsWith("Headline changed")) headlineDiffs.push(url);
      process.stdout.write(`    v${pair.from}→v${pair.to}    ${url}  ${pair.what}\n`);
      if (!existsSync(join(SITE, urls.file(ref)))) warn(`the build wrote no ${urls.file(ref)}`);
    }
  }

  const missing = LABEL_KINDS.filter((kind) => !seen.has(kind));
  if (missing.length > 0) warn(`no change of these kinds was recorded: ${missing.join(", ")}`);
  else
    process.stdout.write(`\n  ✓ every kind of change label appears: ${LABEL_KINDS.join(", ")}\n`);

  process.stdout.write(`
── how to look ──
  the site:     npx stet serve   (serves site/ on ${SITE_URL})
  start with:   ${headlineDiffs[0] ?? SITE_URL}
  the archive:  git -C ${repo} log --stat
                git -C ${repo} log -p -- archive/
`);
}

async function main(): Promise<void> {
  const started = Date.now();
  const outlet = await startFixtureOutlet({ pass: 1 });
  try {
    const repo = await mkdtemp(join(tmpdir(), "stet-demo-"));
    await git(repo, "init", "--quiet", "--initial-branch=main");
    await writeOutletConfig(join(repo, "stet.config.yaml"), outlet.origin);
    process.stdout.write(
      `The Harbor Courier (invented) is on ${outlet.origin}; archive repo: ${repo}\n` +
        `${PASSES} fetch passes, ${passTimes()[0]} onwards, ${PASS_INTERVAL_HOURS} simulated hours apart.\n`,
    );

    await runPasses(outlet, repo);

    process.stdout.write(`\n── building the site into site/ ──\n`);
    await runStet(["build", "--repo", repo, "--out", SITE], "  [build]");
    const agents = new Set(outlet.hits.map((hit) => hit.userAgent));
    process.stdout.write(`  stet identified itself to the outlet as: ${[...agents].join(" | ")}\n`);
    await outlet.close();

    await tour(repo);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    process.stdout.write(`\nDone in ${seconds} s.\n`);
    if (warnings > 0) {
      process.stdout.write(
        `${warnings} warning(s): stet did not do what the fixture plan expects.\n`,
      );
      if (STRICT) process.exitCode = 1;
    }
  } finally {
    await outlet.close().catch(() => undefined);
  }
}

main().catch((error: unknown) => {
  process.stderr.write(
    `\ndemo failed: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exitCode = 1;
});
