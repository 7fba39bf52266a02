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
