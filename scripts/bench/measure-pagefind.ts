// Times Pagefind indexing the built site into a separate folder: search indexing is its own step
// after `stet build`, so its cost is reported apart from the build's.

import { spawn } from "node:child_process";
import { once } from "node:events";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface PagefindMeasurement {
  seconds: number;
  ok: boolean;
}

/** Runs the pagefind binary of `root`'s node_modules over `site`; null when it is not installed. */
export async function measurePagefind(
  root: string,
  site: string,
): Promise<PagefindMeasurement | null> {
  const bin = join(root, "node_modules", ".bin", "pagefind");
  if (!existsSync(bin)) return null;
  const output = await mkdtemp(join(tmpdir(), "stet-bench-pagefind-"));
  try {
    const started = performance.now();
    const child = spawn(bin, ["--site", site, "--output-path", output], { stdio: "ignore" });
    const [code] = (await once(child, "close")) as [number | null];
    return { seconds: (performance.now() - started) / 1000, ok: code === 0 };
  } finally {
    await rm(output, { recursive: true, force: true });
  }
}
