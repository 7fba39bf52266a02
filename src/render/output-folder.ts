// The site folder belongs to stet: a build empties it first (so a taken-down article's pages go
// too), but only when a marker shows an earlier stet build made it, never an arbitrary folder.

import { readdir, readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { BuildError } from "../errors.ts";

const MARKER = ".stet-site.json";

interface SiteMarker {
  generator: "stet";
  baseUrl: string;
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

/** Records that stet built `outDir`, and for which base URL (stet serve uses its path). */
export async function writeSiteMarker(outDir: string, baseUrl: string): Promise<void> {
  const marker: SiteMarker = { generator: "stet", baseUrl };
  await writeFile(join(outDir, MARKER), `${JSON.stringify(marker, null, 2)}\n`);
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
