// `npm run bench`: the project's performance check. Generates (or reuses) a synthetic archive of
// N versions, builds the site from it with the compiled `stet build` in a child process (time,
// peak memory, output size) and measures the floor that build is compared with (git read plus
// plain writes of the same files), rebuilds with nothing new, adds one new version and rebuilds,
// three times over (the median's time and files written), times `stet --version` and the search
// index, and times the pure stages (reading history, diffing) in-process. Figures go to stdout as
// a table, or as JSON with --json; progress to stderr. Each target of issue 9 is checked and
// reported as met or missed.
//
//   npm run bench -- [--versions N] [--seed S] [--fresh] [--json] [--keep] [--profile]
//                    [--skip-search]
//
// The page builds run with --search off (the full build) and --search keep (no-op, one new
// version), as the Pages workflow's builds after a fetch do; the search index is timed as its own
// step: built from scratch, and brought up to date after the new version (--search update).

import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, promisify } from "node:util";
import { appendVersion } from "./bench/append-version.ts";
import { benchConfigYaml } from "./bench/bench-outlets.ts";
import { BRANCH, type GeneratedArchive, generateArchive } from "./bench/generate-archive.ts";
import { type BuildMeasurement, measureBuild } from "./bench/measure-build.ts";
import { type FloorMeasurement, measureFloor } from "./bench/measure-floor.ts";
import {
  compareOutputs,
  measureOutput,
  type OutputChanges,
  type OutputMeasurement,
} from "./bench/measure-output.ts";
import {
  type DiffMeasurement,
  type HistoryMeasurement,
  measureDiffs,
  measureHistory,
} from "./bench/measure-pure.ts";
import { measureStartup, type StartupMeasurement } from "./bench/measure-startup.ts";
import { type ProfileBucket, profileBuild } from "./bench/profile-build.ts";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const STET = join(ROOT, "bin", "stet.js");
const run = promisify(execFile);

const { values } = parseArgs({
  options: {
    versions: { type: "string", default: "5000" },
    seed: { type: "string", default: "1" },
    fresh: { type: "boolean", default: false },
    json: { type: "boolean", default: false },
    keep: { type: "boolean", default: false },
    profile: { type: "boolean", default: false },
    "skip-search": { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});
if (values.help) {
  process.stdout.write(
    "npm run bench -- [--versions N (default 5000)] [--seed S (default 1)] [--fresh] [--json] [--keep] [--profile] [--skip-search]\n" +
      "  --fresh  regenerate the cached archive\n  --json   machine-readable output\n" +
      "  --keep   keep the work folder (cloned repo and built site)\n" +
      "  --profile  one more full build under node --cpu-prof: CPU time by package and stage\n" +
      "  --skip-search  do not time the search index (Pagefind; a minute or more on a large site)\n",
  );
  process.exit(0);
}
const versions = Number(values.versions);
const seed = Number(values.seed);
if (!Number.isInteger(versions) || versions < 1 || !Number.isInteger(seed)) {
  process.stderr.write("bench: --versions must be a positive integer and --seed an integer\n");
  process.exit(2);
}

const progress = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** How many times one new version is added and built; the median is reported. */
const NEW_VERSION_RUNS = 3;

interface Report {
  command: string;
  machine: {
    cpus: number;
    cpuModel: string;
    memoryBytes: number;
    node: string;
    git: string;
    /** 1-minute load average when the bench started and ended: other work skews the figures. */
    loadStart: number;
    loadEnd?: number;
  };
  versions: number;
  seed: number;
  failures: string[];
  archive?: GeneratedArchive & { repoBytes: number };
  fullBuild?: BuildMeasurement & { stages: Stage[] };
  /** git read plus plain writes of the full build's files, in this run. */
  floor?: FloorMeasurement;
  output?: Omit<OutputMeasurement, "fingerprints">;
  /** A rebuild right after the full build: nothing new. */
  noChange?: BuildMeasurement & { changes?: OutputChanges };
  /** The median of NEW_VERSION_RUNS runs, each adding one version; `runs` has every time. */
  newVersion?: BuildMeasurement & {
    file: string;
    version: number;
    changes?: OutputChanges;
    runs?: number[];
  };
  startup?: StartupMeasurement;
  /** The search index built from scratch after the full build (`--search update`, nothing new). */
  search?: BuildMeasurement & { changes?: OutputChanges };
  /** The search index brought up to date after the new version (`--search update`). */
  searchUpdate?: BuildMeasurement & { changes?: OutputChanges };
  /** Each target of issue 9, with the figure it was checked against. */
  targets?: { name: string; met: boolean; figure: string }[];
  /** A build of an archive without versions: the fixed cost every build pays. */
  emptyBuild?: BuildMeasurement;
  history?: HistoryMeasurement;
  diffs?: DiffMeasurement;
  /** Self CPU time of a profiled full build, by package or stet folder (with --profile). */
  profile?: ProfileBucket[];
}

/** A span of the build between two of its own log lines. */
interface Stage {
  name: string;
  seconds: number;
  rssAtEndBytes: number;
}

const report: Report = {
  command: ["npm run bench --", ...process.argv.slice(2)].join(" "),
  machine: {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? "unknown",
    memoryBytes: totalmem(),
    node: process.version,
    git: (await run("git", ["--version"])).stdout.trim(),
    loadStart: loadavg()[0] ?? 0,
  },
  versions,
  seed,
  failures: [],
};

async function stage<T>(name: string, body: () => Promise<T>): Promise<T | undefined> {
  try {
    return await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    report.failures.push(`${name}: ${message}`);
    progress(`${name} FAILED: ${message}`);
    return undefined;
  }
}

/** Splits a build's wall time at its log lines: start-up and git log, articles, listings, exit. */
function stagesOf(build: BuildMeasurement): Stage[] {
  const stages: Stage[] = [];
  let from = 0;
  const mark = (name: string, index: number) => {
    const line = build.lines[index];
    if (line === undefined) return;
    stages.push({ name, seconds: line.seconds - from, rssAtEndBytes: line.rssBytes });
    from = line.seconds;
  };
  const find = (pattern: RegExp) => build.lines.findIndex((l) => pattern.test(l.text));
  mark("start-up, config, git log", find(/^history: [\d,]+ articles/));
  mark("articles: read, diff, render, write", find(/^articles: [\d,]+ rendered/));
  mark("listings, site feeds, assets", find(/^listings, feeds and assets:/));
  mark("build cache, marker", find(/^built /));
  stages.push({ name: "exit", seconds: build.seconds - from, rssAtEndBytes: 0 });
  return stages;
}

/** What a rebuild did to the files of the folder, measured from outside (mtimes and hashes). */
async function changesSince(before: OutputMeasurement, out: string): Promise<OutputChanges> {
  return compareOutputs(before, await measureOutput(out));
}

const archive = await stage("generate", async () => {
  const generated = await generateArchive({ versions, seed, fresh: values.fresh, progress });
  progress(
    generated.reused
      ? `reusing cached archive ${generated.repo} (--fresh regenerates it)`
      : `generated ${generated.repo} in ${generated.seconds.toFixed(1)} s`,
  );
  const repoBytes = (await measureOutput(join(generated.repo, ".git"), false)).diskBytes;
  report.archive = { ...generated, repoBytes };
  return generated;
});

if (archive !== undefined) {
  const work = await mkdtemp(join(tmpdir(), "stet-bench-run-"));
  const repo = join(work, "repo");
  const out = join(work, "site");
  const cloned = await stage("clone", async () => {
    // A local clone shares the cached objects, so the new version does not touch the cache.
    await run("git", ["clone", "-q", "--no-checkout", "--local", archive.repo, repo]);
    await writeFile(join(repo, "stet.config.yaml"), benchConfigYaml());
    return true;
  });
  if (cloned) {
    progress(`full build of ${versions} versions into ${out}`);
    const full = await measureBuild({
      stet: STET,
      cwd: ROOT,
      repo,
      out,
      label: "full",
      search: "off",
    });
    report.fullBuild = { ...full, stages: stagesOf(full) };
    if (!full.ok) {
      report.failures.push(`full build: ${full.exit}: ${full.stderr.trim().split("\n").at(-1)}`);
    } else {
      progress("floor: git read + plain writes of the same files");
      report.floor = await stage("floor", () => measureFloor(repo, out));
      /** Builds again into `out`; with `before`, also which of its files the build wrote. */
      const rebuild = async (
        label: string,
        search: "update" | "keep" | "off",
        before: Awaited<ReturnType<typeof measureOutput>> | undefined,
      ): Promise<BuildMeasurement & { changes?: OutputChanges }> => {
        const built: BuildMeasurement & { changes?: OutputChanges } = await measureBuild({
          stet: STET,
          cwd: ROOT,
          repo,
          out,
          label,
          search,
        });
        if (built.ok && before !== undefined) built.changes = await changesSince(before, out);
        return built;
      };
      let before = await stage("measure output", () => measureOutput(out));
      const search = values["skip-search"] ? "off" : "keep";
      if (!values["skip-search"] && before !== undefined) {
        progress("search index from scratch (stet build --search update, nothing new)");
        report.search = await rebuild("search", "update", before);
        if (!report.search.ok) report.failures.push(`search index: ${report.search.exit}`);
        before = await stage("measure output", () => measureOutput(out));
      }
      if (before !== undefined) {
        const { fingerprints: _, ...output } = before;
        report.output = output;
        progress("rebuild with nothing new");
        report.noChange = await rebuild("no-op", search, before);
        if (!report.noChange.ok) report.failures.push(`no-op rebuild: ${report.noChange.exit}`);
        before = await stage("measure output", () => measureOutput(out));
      }
      // One run of a two-second build swings by a tenth of a second or more on a shared
      // machine: each run adds a version to the same article, and the median run is reported.
      const runs: NonNullable<Report["newVersion"]>[] = [];
      for (let run = 0; run < NEW_VERSION_RUNS && before !== undefined; run++) {
        const appended = await stage("append one version", () =>
          appendVersion(repo, BRANCH, seed + 1 + run),
        );
        if (appended === undefined) break;
        progress(
          `rebuild after one new version of ${appended.file} (${run + 1} of ${NEW_VERSION_RUNS})`,
        );
        const again = await rebuild("one new", search, before);
        runs.push({ ...again, ...appended });
        if (!again.ok) {
          report.failures.push(`rebuild: ${again.exit}: ${again.stderr.trim().split("\n").at(-1)}`);
          break;
        }
        before = await stage("measure output", () => measureOutput(out));
      }
      if (runs.length > 0) {
        const median = [...runs].sort((a, b) => a.seconds - b.seconds)[(runs.length - 1) >> 1];
        report.newVersion = {
          ...(median as (typeof runs)[number]),
          runs: runs.map((r) => r.seconds),
        };
      }
      if (!values["skip-search"] && runs.length > 0) {
        const beforeIndex = await stage("measure output", () => measureOutput(out));
        progress("search index brought up to date after the new version (--search update)");
        report.searchUpdate = await rebuild("search update", "update", beforeIndex);
        if (!report.searchUpdate.ok) {
          report.failures.push(`search update: ${report.searchUpdate.exit}`);
        }
      }
    }
  }
  progress("start-up: node bin/stet.js --version against node -e 0");
  report.startup = await stage("start-up", () => measureStartup(STET));
  if (values.profile && cloned) {
    progress("profiled full build (node --cpu-prof)");
    const dir = join(work, "profile");
    const buckets = await stage("profile", () =>
      profileBuild({ stet: STET, cwd: ROOT, repo, out: join(work, "profiled-site"), dir }),
    );
    if (buckets !== undefined) report.profile = buckets;
  }
  const empty = join(work, "empty");
  const emptyReady = await stage("empty archive", async () => {
    await run("git", ["init", "-q", "-b", "main", empty]);
    await writeFile(join(empty, "stet.config.yaml"), benchConfigYaml());
    return true;
  });
  if (emptyReady) {
    progress("build of an empty archive (fixed cost of any build)");
    const out = join(work, "empty-site");
    report.emptyBuild = await measureBuild({
      stet: STET,
      cwd: ROOT,
      repo: empty,
      out,
      label: "empty",
      search: "off",
    });
    if (!report.emptyBuild.ok) report.failures.push(`empty build: ${report.emptyBuild.exit}`);
  }
  progress("reading history and diffing in-process");
  const measured = await stage("readHistory", () => measureHistory(archive.repo));
  if (measured !== undefined) {
    report.history = measured.measurement;
    report.diffs = measureDiffs(measured.articles);
  }
  if (values.keep) progress(`kept ${work}`);
  else await rm(work, { recursive: true, force: true });
}

report.targets = targets(report);
report.machine.loadEnd = loadavg()[0] ?? 0;
process.stdout.write(values.json ? `${JSON.stringify(report, null, 2)}\n` : table(report));
process.exit(report.failures.length > 0 ? 1 : 0);

/** Issue 9's targets, checked against this run's figures. */
function targets(r: Report): { name: string; met: boolean; figure: string }[] {
  const list: { name: string; met: boolean; figure: string }[] = [];
  const GIB = 1024 ** 3;
  if (r.fullBuild?.ok && r.floor) {
    const ratio = r.fullBuild.seconds / r.floor.seconds;
    list.push({ name: "full build ≤ 3 × floor", met: ratio <= 3, figure: `${ratio.toFixed(2)} ×` });
    list.push({
      name: "full build peak RSS ≤ 1 GiB",
      met: r.fullBuild.peakTreeRssBytes <= GIB,
      figure: mib(r.fullBuild.peakTreeRssBytes),
    });
  }
  const written = (c?: OutputChanges) => (c ? c.rewritten + c.added + c.removed : Number.NaN);
  // Next to each time, the same time in units of Node's own start-up in this run: on a busy
  // machine the seconds grow, this ratio much less.
  const node = r.startup?.nodeSeconds;
  const time = (s: number) =>
    node === undefined ? secs(s) : `${secs(s)} (${(s / node).toFixed(1)} × node -e 0)`;
  if (r.newVersion?.ok) {
    list.push({
      name: "one new version ≤ 2 s",
      met: r.newVersion.seconds <= 2,
      figure: time(r.newVersion.seconds),
    });
    const files = written(r.newVersion.changes);
    list.push({ name: "one new version ≤ 40 files written", met: files <= 40, figure: num(files) });
  }
  if (r.noChange?.ok) {
    list.push({
      name: "nothing new ≤ 1 s",
      met: r.noChange.seconds <= 1,
      figure: time(r.noChange.seconds),
    });
    const files = written(r.noChange.changes);
    list.push({ name: "nothing new: 0 files written", met: files === 0, figure: num(files) });
  }
  if (r.startup) {
    list.push({
      name: "stet --version ≤ 0.2 s",
      met: r.startup.seconds <= 0.2,
      figure: time(r.startup.seconds),
    });
  }
  return list;
}

function mib(bytes: number): string {
  const value = bytes / 1024 / 1024;
  return `${value.toFixed(value < 10 ? 1 : 0)} MiB`;
}
function num(n: number): string {
  return n.toLocaleString("en-US");
}
function secs(s: number): string {
  return `${s.toFixed(2)} s`;
}

function table(r: Report): string {
  const rows: [string, string][] = [];
  const row = (label: string, value: string) => rows.push([label, value]);
  const section = (title: string) => rows.push([`── ${title}`, ""]);
  row("command", r.command);
  row(
    "machine",
    `${r.machine.cpus} × ${r.machine.cpuModel}, ${mib(r.machine.memoryBytes)}, node ${r.machine.node}, ${r.machine.git}`,
  );
  row(
    "load average (1 min)",
    `${r.machine.loadStart.toFixed(2)} at start, ${r.machine.loadEnd?.toFixed(2) ?? "?"} at end (other work on the machine skews figures)`,
  );
  row("versions (N)", `${num(r.versions)} (seed ${r.seed})`);
  if (r.archive) {
    section("archive");
    row("articles", num(r.archive.articles));
    row("generated", r.archive.reused ? "reused from cache" : secs(r.archive.seconds));
    row("repository", `${r.archive.repo} (.git ${mib(r.archive.repoBytes)})`);
  }
  if (r.fullBuild) {
    const b = r.fullBuild;
    section("full build (child process, compiled CLI)");
    row("command", b.command.join(" "));
    row("result", b.ok ? "ok" : `FAILED (${b.exit})`);
    row("wall time", secs(b.seconds));
    if (r.floor) {
      const f = r.floor;
      row(
        "floor (same run)",
        `${secs(f.seconds)} = git read ${secs(f.gitSeconds)} + plain writes of ${num(f.files)} files ${secs(f.writeSeconds)}`,
      );
      row("full build / floor", `${(b.seconds / f.seconds).toFixed(2)} ×`);
    }
    row("peak RSS (node, VmHWM)", mib(b.peakRssBytes));
    row("peak RSS (node + git, sampled)", mib(b.peakTreeRssBytes));
    for (const s of b.stages) {
      const rss = s.rssAtEndBytes > 0 ? `, RSS then ${mib(s.rssAtEndBytes)}` : "";
      row(`  ${s.name}`, `${secs(s.seconds)}${rss}`);
    }
  }
  if (r.output) {
    const o = r.output;
    section("output");
    row("files / HTML pages", `${num(o.files)} / ${num(o.htmlPages)}`);
    row("bytes (apparent / on disk)", `${mib(o.bytes)} / ${mib(o.diskBytes)}`);
    row(
      "bytes per version",
      `${num(Math.round(o.bytes / r.versions))} (on disk ${num(Math.round(o.diskBytes / r.versions))})`,
    );
    for (const [kind, k] of Object.entries(o.byKind)) {
      if (k.files === 0) continue;
      row(
        `  ${kind}`,
        `${num(k.files)} files, ${mib(k.bytes)}, avg ${num(Math.round(k.bytes / k.files))} B`,
      );
    }
  }
  const changes = (c: OutputChanges) =>
    `${num(c.rewritten + c.added + c.removed)} (${num(c.rewritten)} rewritten, ${num(c.changed)} with new bytes, +${c.added} new, −${c.removed} gone)`;
  if (r.noChange) {
    const n = r.noChange;
    section("nothing new, rebuilt into the same folder");
    row("result", n.ok ? "ok" : `FAILED (${n.exit})`);
    row("wall time", secs(n.seconds));
    row("peak RSS (node, VmHWM)", mib(n.peakRssBytes));
    if (n.changes) row("files written", changes(n.changes));
  }
  if (r.newVersion) {
    const n = r.newVersion;
    section("one new version, rebuilt into the same folder (median run)");
    row("new version", `${n.file} v${n.version}`);
    row("result", n.ok ? "ok" : `FAILED (${n.exit})`);
    row("wall time", secs(n.seconds));
    if (n.runs) row("every run", n.runs.map(secs).join(", "));
    row("peak RSS (node, VmHWM)", mib(n.peakRssBytes));
    if (n.changes) row("files written", changes(n.changes));
  }
  for (const [title, m] of [
    ["search index from scratch (--search update after the full build)", r.search],
    ["search index brought up to date after the new version (--search update)", r.searchUpdate],
  ] as const) {
    if (!m) continue;
    section(title);
    row("result", m.ok ? "ok" : `FAILED (${m.exit})`);
    row("wall time", secs(m.seconds));
    row("peak RSS (node + Pagefind, sampled)", mib(m.peakTreeRssBytes));
    if (m.changes) row("files written", changes(m.changes));
  }
  if (r.startup) {
    section(`start-up (median of ${r.startup.runs} runs)`);
    row("node bin/stet.js --version", secs(r.startup.seconds));
    row("node -e 0", secs(r.startup.nodeSeconds));
  }
  if (r.emptyBuild) {
    const e = r.emptyBuild;
    section("empty archive (fixed cost of any build: node, config, templates, listing pages)");
    row("result", e.ok ? "ok" : `FAILED (${e.exit})`);
    row("wall time", secs(e.seconds));
    row("peak RSS (node, VmHWM)", mib(e.peakRssBytes));
  }
  if (r.history) {
    const h = r.history;
    section("readHistory (in-process)");
    row("time", `${secs(h.seconds)} (${num(Math.round(h.versions / h.seconds))} versions/s)`);
    row("read", `${num(h.articles)} articles, ${num(h.versions)} versions, ${h.problems} problems`);
    row(
      "  steps (warm)",
      `git log ${secs(h.stages.gitLog)}, parse log ${secs(h.stages.parseLog)}, cat-file ${secs(h.stages.catFile)}, parse files ${secs(h.stages.parseFiles)}`,
    );
    row("heap used after", mib(h.heapUsedBytes));
  }
  if (r.diffs) {
    const d = r.diffs;
    section("diffVersions, every consecutive pair (in-process)");
    row("pairs", num(d.pairs));
    row("total", `${(d.totalMs / 1000).toFixed(2)} s`);
    row(
      "per pair p50 / p99 / max",
      `${d.p50Ms.toFixed(2)} / ${d.p99Ms.toFixed(2)} / ${d.maxMs.toFixed(2)} ms`,
    );
    row("slowest pair", d.slowest);
  }
  if (r.profile) {
    section("profiled full build: main-thread self time by package / stet folder");
    for (const b of r.profile.slice(0, 14)) {
      row(`  ${b.name}`, `${(b.ms / 1000).toFixed(2)} s (${(b.share * 100).toFixed(1)} %)`);
    }
  }
  if (r.targets && r.targets.length > 0) {
    section("targets (issue 9)");
    for (const t of r.targets) row(`  ${t.name}`, `${t.met ? "met" : "MISSED"}: ${t.figure}`);
  }
  if (r.failures.length > 0) {
    section("FAILURES");
    for (const f of r.failures) row("failed", f);
  }
  const width = Math.max(...rows.map(([label]) => label.length));
  return `${rows.map(([label, value]) => (value === "" ? label : `${label.padEnd(width)}  ${value}`)).join("\n")}\n`;
}
