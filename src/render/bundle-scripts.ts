// Bundles the site's scripts for the browser with esbuild at build time, from the same modules the
// build runs (src/diff/ and the diff renderer), so the compare page diffs exactly as the build
// does. The bundles depend only on stet's code, so the same code always gives the same bytes. The
// compiled CLI bundles the compiled modules in dist/, the sources bundle the sources.

import { fileURLToPath } from "node:url";
import { BuildError } from "../errors.ts";

const CLIENT_DIR = fileURLToPath(new URL("./client/", import.meta.url));
/** The extension of the modules next to this one: `.ts` from src/, `.js` from dist/. */
const EXTENSION = import.meta.url.endsWith(".ts") ? ".ts" : ".js";

/** Each script's file name in the site's assets and its entry module in render/client/. */
export const SCRIPTS: Record<string, string> = {
  "compare.js": "compare-versions",
  "diff-view.js": "diff-view",
  "search.js": "search",
};

/** The bundled scripts: their names in `/assets/` and their text. */
export async function bundleScripts(): Promise<{ name: string; text: string }[]> {
  // Loaded here: a build whose scripts are already in the site never starts esbuild.
  const { build } = await import("esbuild");
  const bundles: { name: string; text: string }[] = [];
  for (const [name, entry] of Object.entries(SCRIPTS)) {
    try {
      const result = await build({
        entryPoints: [`${CLIENT_DIR}${entry}${EXTENSION}`],
        bundle: true,
        write: false,
        format: "iife",
        platform: "browser",
        target: "es2022",
        minify: true,
        legalComments: "none",
        charset: "utf8",
        logLevel: "silent",
      });
      bundles.push({ name, text: result.outputFiles[0]?.text ?? "" });
    } catch (cause) {
      throw new BuildError(
        `Bundling ${entry} for the browser failed: ${cause instanceof Error ? cause.message : String(cause)}.`,
        { cause },
      );
    }
  }
  return bundles;
}
