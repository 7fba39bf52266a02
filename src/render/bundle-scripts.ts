// Bundles the site's scripts for the browser with esbuild at build time, from the same modules the
// build runs (src/diff/ and the diff renderer), so the compare page diffs exactly as the build
// does. The bundles depend only on the source, so the same source always gives the same bytes.

import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { BuildError } from "../errors.ts";

const CLIENT_DIR = fileURLToPath(new URL("./client/", import.meta.url));

/** Each script's file name in the site's assets and its entry module in src/render/client/. */
const SCRIPTS: Record<string, string> = {
  "compare.js": "compare-versions.ts",
  "diff-view.js": "diff-view.ts",
  "search.js": "search.ts",
};

/** The bundled scripts: their names in `/assets/` and their text. */
export async function bundleScripts(): Promise<{ name: string; text: string }[]> {
  const bundles: { name: string; text: string }[] = [];
  for (const [name, entry] of Object.entries(SCRIPTS)) {
    try {
      const result = await build({
        entryPoints: [`${CLIENT_DIR}${entry}`],
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
