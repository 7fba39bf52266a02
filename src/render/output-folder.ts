// The site folder belongs to stet: a full build empties it first, but only when a marker shows an
// earlier stet build made it, never an arbitrary folder. The marker also names the build cache
// body that describes the folder, so an incremental build knows it may start from that cache.

import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { BuildError } from "../errors.ts";

const MARKER = ".stet-site.json";

interface SiteMarker {
  generator: "stet";
  baseUrl: string;
  /** Digest of the build cache body describing the folder; null while a full build runs. */
  build: string | null;
}

/** Empties `outDir` for a new build; refuses a non-empty folder that stet did not build. */
export async function prepareOutputFolder(outDir: string): Promise<void> {
  const entries = await readdir(outDir).catch(() => [] as string[]);
  if (entries.length === 0) return;
  if (!entries.includes(MARKER)) {
    throw new BuildError(
      `${outDir} is not empty and was not built by stet; choose an empty or new folder with --out`,
    );
  }
  await Promise.all(
    entries.map((entry) => rm(join(outDir, entry), { recursive: true, force: true })),
  );
}

/**
 * Records that stet builds `outDir`, for which base URL (stet serve uses its path) and described
 * by which build cache body.
 */
export async function writeSiteMarker(
  outDir: string,
  baseUrl: string,
  build: string | null,
): Promise<void> {
  const marker: SiteMarker = { generator: "stet", baseUrl, build };
  await mkdir(outDir, { recursive: true });
  await writeFile(join(outDir, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
}

/** The build cache body that describes `outDir`, or null when none does. */
export async function readSiteBuild(outDir: string): Promise<string | null> {
  try {
    const marker = JSON.parse(await readFile(join(outDir, MARKER), "utf8")) as Partial<SiteMarker>;
    return typeof marker.build === "string" ? marker.build : null;
  } catch {
    return null;
  }
}

/** The base URL `outDir` was built for, or null when it has no marker. */
export async function readSiteMarker(outDir: string): Promise<string | null> {
  try {
    const marker = JSON.parse(await readFile(join(outDir, MARKER), "utf8")) as Partial<SiteMarker>;
    return typeof marker.baseUrl === "string" ? marker.baseUrl : null;
  } catch {
    return null;
  }
}
