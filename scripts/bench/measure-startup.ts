// How long `node bin/stet.js --version` takes from spawn to exit, against `node -e 0` (Node's own
// start-up) on the same machine at the same moment: the median of several runs of each.

import { spawn } from "node:child_process";
import { once } from "node:events";

export interface StartupMeasurement {
  /** Median wall time of `node <stet> --version`. */
  seconds: number;
  /** Median wall time of `node -e 0`. */
  nodeSeconds: number;
  runs: number;
}

async function timeRun(args: string[]): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: "ignore" });
  const [code] = (await once(child, "close")) as [number | null];
  if (code !== 0) throw new Error(`node ${args.join(" ")} exited with ${code}`);
  return (performance.now() - started) / 1000;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

export async function measureStartup(stet: string, runs = 9): Promise<StartupMeasurement> {
  const stetTimes: number[] = [];
  const nodeTimes: number[] = [];
  // Interleaved, so a burst of load on the machine hits both alike.
  for (let i = 0; i < runs; i++) {
    stetTimes.push(await timeRun([stet, "--version"]));
    nodeTimes.push(await timeRun(["-e", "0"]));
  }
  return { seconds: median(stetTimes), nodeSeconds: median(nodeTimes), runs };
}
