// What a build's output depends on besides the archive: stet's own code (and the versions of the
// packages it uses), the templates and assets, the site settings from the config (digested by the
// build command) and the fetch's status file. A build cache made with other inputs is discarded, whatever its commit.

import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Digests of each kind of input, so a discarded cache can say which one changed. */
export interface BuildInputs {
  /** stet's code (the compiled dist/ or the sources, whichever runs) and package versions. */
  code: string;
  templates: string;
  /** The config file's bytes and --base-url: while they stay, so do the settings. */
  config: string;
  /** What pages show from the config (title, base URL, repository, outlets, check periods). */
  settings: string;
  /**
   * The fetch's status file's bytes ("none" without one). Not a reason to start again: when only
   * it changed, a build renders the status page again and nothing else.
   */
  status: string;
}

/** What the site takes from the config (and --base-url, --repository). */
export interface SiteSettings {
  site: { title: string; baseUrl: string; repository: string | null };
  outlets: { id: string; name: string }[];
  /** Articles are re-checked until their last change plus this many days. */
  checkDays: number;
  /** Outlet id → its own check period in days. */
  outletCheckDays: Record<string, number>;
}

/**
 * `value` when it has the shape of SiteSettings, else null: settings kept in a cache head are
 * used instead of parsing the config again only when they are whole.
 */
export function asSiteSettings(value: unknown): SiteSettings | null {
  if (typeof value !== "object" || value === null) return null;
  const { site, outlets, checkDays, outletCheckDays } = value as Record<string, unknown>;
  const text = (v: unknown) => typeof v === "string";
  const record = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null;
  const whole =
    record(site) &&
    text(site.title) &&
    text(site.baseUrl) &&
    (site.repository === null || text(site.repository)) &&
    Array.isArray(outlets) &&
    outlets.every((o) => record(o) && text(o.id) && text(o.name)) &&
    typeof checkDays === "number" &&
    record(outletCheckDays) &&
    Object.values(outletCheckDays).every((d) => typeof d === "number");
  return whole ? (value as SiteSettings) : null;
}

/** The folder this code runs from: `dist/` or `src/`. */
const CODE_DIR = fileURLToPath(new URL("../", import.meta.url));
/** stet's own package.json and lock file. */
const PACKAGE_FILES = ["package.json", "package-lock.json"].map((name) =>
  fileURLToPath(new URL(`../../${name}`, import.meta.url)),
);

/** Digests stet's code and the templates. */
export async function codeAndTemplates(
  templatesDir: string,
): Promise<Pick<BuildInputs, "code" | "templates">> {
  const code = createHash("sha1");
  await digestTree(code, CODE_DIR);
  for (const file of PACKAGE_FILES) {
    code.update(file);
    code.update((await readFile(file).catch(() => null)) ?? "(none)");
  }
  const templates = createHash("sha1");
  await digestTree(templates, templatesDir);
  return { code: code.digest("base64url"), templates: templates.digest("base64url") };
}

/** Adds every file below `dir` (names and bytes, in a fixed order) to `hash`. */
async function digestTree(hash: ReturnType<typeof createHash>, dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files) {
    hash.update(`${file.slice(dir.length)}\0`);
    hash.update(await readFile(file));
    hash.update("\0");
  }
}
