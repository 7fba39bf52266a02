// Where a build's CPU time goes: runs `stet build` once more under `node --cpu-prof` and sums the
// main thread's self time by package (node_modules/<name>), by stet folder (src/<stage>/), by
// Node internals, and by V8's own buckets (idle, i.e. waiting for I/O; garbage collector).

import { spawn } from "node:child_process";
import { once } from "node:events";
import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import { buildArgs } from "./measure-build.ts";

export interface ProfileBucket {
  name: string;
  ms: number;
  share: number;
}

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string } }[];
  samples: number[];
  timeDeltas: number[];
}

function bucketOf(frame: { functionName: string; url: string }): string {
  const { url, functionName } = frame;
  if (url === "") return functionName.startsWith("(") ? functionName : "(V8 builtins, native)";
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1] ?? url;
  const own = /\/(src\/[^/]+)\//.exec(url);
  if (own) return `stet ${own[1]}`;
  if (url.startsWith("node:")) return url.split("/").slice(0, 2).join("/");
  return url;
}

/** Runs the build under the profiler into `out`; returns the heaviest buckets, largest first. */
export async function profileBuild(options: {
  stet: string;
  cwd: string;
  repo: string;
  out: string;
  dir: string;
}): Promise<ProfileBucket[]> {
  const child = spawn(
    process.execPath,
    ["--cpu-prof", `--cpu-prof-dir=${options.dir}`, ...buildArgs({ ...options, search: "off" })],
    { cwd: options.cwd, stdio: ["ignore", "ignore", "inherit"] },
  );
  const [code] = (await once(child, "close")) as [number | null];
  if (code !== 0) throw new Error(`profiled build failed (exit ${code})`);
  // One profile per thread (tsx's loader runs on a worker); the main thread's is the largest.
  const files = (await readdir(options.dir)).filter((f) => f.endsWith(".cpuprofile"));
  let largest = "";
  let largestSize = -1;
  for (const file of files) {
    const { size } = await stat(join(options.dir, file));
    if (size > largestSize) {
      largest = file;
      largestSize = size;
    }
  }
  if (largest === "") throw new Error(`no .cpuprofile written in ${options.dir}`);
  const profile = JSON.parse(await readFile(join(options.dir, largest), "utf8")) as CpuProfile;
  const bucketOfNode = new Map(profile.nodes.map((n) => [n.id, bucketOf(n.callFrame)]));
  const totals = new Map<string, number>();
  let all = 0;
  for (const [i, id] of profile.samples.entries()) {
    const ms = (profile.timeDeltas[i] ?? 0) / 1000;
    const bucket = bucketOfNode.get(id) ?? "(unknown)";
    totals.set(bucket, (totals.get(bucket) ?? 0) + ms);
    all += ms;
  }
  return [...totals]
    .map(([name, ms]) => ({ name, ms, share: all === 0 ? 0 : ms / all }))
    .sort((a, b) => b.ms - a.ms);
}
