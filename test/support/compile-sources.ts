// stet's sources compiled to JavaScript once per test run, for the end-to-end tests that run the
// CLI as a child process (run-stet.ts). Running src/cli.ts through tsx cost every child about
// 0.5 s of CPU before stet did anything (tsx's loader thread compiling and resolving each
// module), and the suite starts dozens of them. The sources are transpiled the way
// `npm run build` emits them (TypeScript, relative `.ts` imports rewritten to `.js`), without
// type checking (`npm run lint` does that), into a folder laid out like the package: the
// templates, package files and node_modules beside it are links to the checkout's, so the
// compiled code finds them where the sources do.

import { mkdir, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const LINKED = ["templates", "package.json", "package-lock.json", "node_modules"];

/** Compiles `src/` into `dir/src/` beside links to the package's files; returns the CLI's path. */
export async function compileSources(dir: string): Promise<string> {
  // Loaded here: only a run with an end-to-end test of the CLI pays for loading TypeScript.
  const { default: ts } = await import("typescript");
  const compilerOptions: import("typescript").CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    verbatimModuleSyntax: true,
    allowImportingTsExtensions: true,
    rewriteRelativeImportExtensions: true,
  };
  const sources = join(ROOT, "src");
  const entries = await readdir(sources, { recursive: true, withFileTypes: true });
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".d.ts")) continue;
    const file = join(entry.parentPath, entry.name);
    const { outputText, diagnostics } = ts.transpileModule(await readFile(file, "utf8"), {
      fileName: file,
      compilerOptions,
      reportDiagnostics: true,
    });
    if (diagnostics && diagnostics.length > 0) {
      const message = ts.flattenDiagnosticMessageText(diagnostics[0]?.messageText ?? "", "\n");
      throw new Error(`compiling ${relative(ROOT, file)} for the CLI tests: ${message}`);
    }
    const out = join(dir, "src", relative(sources, file)).replace(/\.ts$/, ".js");
    await mkdir(dirname(out), { recursive: true });
    await writeFile(out, outputText);
  }
  for (const name of LINKED) await symlink(join(ROOT, name), join(dir, name));
  return join(dir, "src", "cli.js");
}
