// Runs `node bin/stet.js build` as a child process and measures it from outside: wall time, peak
// resident memory of the node process (VmHWM, polled from /proc every 50 ms) and of the whole
// process tree (node plus its git children, sampled), and when each of the build's own log
// lines appeared, so the time can be split into stages.

import { spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { createInterface } from "node:readline";

const POLL_MS = 50;

/** A line the build printed, with when it appeared and the memory at that moment. */
export interface BuildLogLine {
  seconds: number;
  rssBytes: number;
  text: string;
}

export interface BuildMeasurement {
  command: string[];
  ok: boolean;
  exit: string;
  seconds: number;
  /** Peak VmHWM of the node process running stet (tsx runs in-process, on a worker thread). */
  peakRssBytes: number;
  /** Highest sampled sum of VmRSS over node and its descendants (git log, git cat-file). */
  peakTreeRssBytes: number;
  lines: BuildLogLine[];
  stderr: string;
}

function statusField(pid: number, field: "VmHWM" | "VmRSS"): number {
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    // The process has exited between listing and reading.
    return 0;
  }
}

function descendants(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.pop() as number;
    let tasks: string[] = [];
    try {
      tasks = readdirSync(`/proc/${next}/task`);
    } catch {
      continue;
    }
    for (const task of tasks) {
      try {
        const children = readFileSync(`/proc/${next}/task/${task}/children`, "utf8").trim();
        for (const child of children.split(" ")) {
          if (child !== "") {
            found.push(Number(child));
            queue.push(Number(child));
          }
        }
      } catch {}
    }
  }
  return found;
}

/** `<stet> build --repo R --out O --search S`: the build every measurement runs. */
export function buildArgs(options: {
  stet: string;
  repo: string;
  out: string;
  search: "update" | "keep" | "off";
}): string[] {
  return [
    options.stet,
    "build",
    "--repo",
    options.repo,
    "--out",
    options.out,
    "--search",
    options.search,
  ];
}

/** Runs `node <stet> build --repo R --out O --search S` from `cwd`, echoing its lines to stderr. */
export function measureBuild(options: {
  stet: string;
  cwd: string;
  repo: string;
  out: string;
  label: string;
  search: "update" | "keep" | "off";
}): Promise<BuildMeasurement> {
  const args = buildArgs(options);
  const command = [process.execPath, ...args];
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, { cwd: options.cwd, stdio: "pipe" });
    const pid = child.pid;
    let peakRss = 0;
    let peakTree = 0;
    let currentRss = 0;
    const poll = () => {
      if (pid === undefined) return;
      const hwm = statusField(pid, "VmHWM");
      currentRss = statusField(pid, "VmRSS") || currentRss;
      peakRss = Math.max(peakRss, hwm);
      const tree = [pid, ...descendants(pid)].reduce((sum, p) => sum + statusField(p, "VmRSS"), 0);
      peakTree = Math.max(peakTree, tree);
    };
    poll();
    const timer = setInterval(poll, POLL_MS);
    const lines: BuildLogLine[] = [];
    const elapsed = () => (performance.now() - started) / 1000;
    createInterface({ input: child.stdout }).on("line", (text) => {
      poll();
      lines.push({ seconds: elapsed(), rssBytes: currentRss, text });
      process.stderr.write(`  [${options.label} ${elapsed().toFixed(1)}s] ${text}\n`);
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(`  [${options.label} stderr] ${chunk.toString()}`);
    });
    const finish = (ok: boolean, exit: string) => {
      clearInterval(timer);
      resolve({
        command,
        ok,
        exit,
        seconds: elapsed(),
        peakRssBytes: peakRss,
        peakTreeRssBytes: peakTree,
        lines,
        stderr,
      });
    };
    child.on("error", (error) => finish(false, `could not start: ${error.message}`));
    child.on("close", (code, signal) =>
      finish(code === 0, signal !== null ? `signal ${signal}` : `exit ${code}`),
    );
  });
}
