#!/usr/bin/env node
// Runs the compiled CLI: `npm ci` (its `prepare` script) or `npm run build` compiles src/ into
// dist/, so no command pays for compiling TypeScript at start-up.
import { existsSync } from "node:fs";

const cli = new URL("../dist/cli.js", import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write(
    "stet: dist/ is missing: run `npm run build` (or `npm ci`, which builds it) in the stet checkout\n",
  );
  process.exit(1);
}
await import(cli.href);
