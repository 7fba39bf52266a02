// Runs the real `stet` CLI as a child process, asynchronously so that a fixture server in the
// test's own process keeps answering while stet works. It runs the sources (src/cli.ts through
// tsx), not the compiled dist/, so a stale build never hides a change; test/e2e/compiled-cli.test.ts
// checks the compiled bin.

import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const CLI = fileURLToPath(new URL("../../src/cli.ts", import.meta.url));
// Resolved here: the child may run in a folder where `tsx` cannot be found.
const TSX = import.meta.resolve("tsx");

export interface StetRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `stet args…` in `cwd`, with `env` added to (and overriding) the test's environment. */
export function runStet(
  args: string[],
  cwd?: string,
  env: Record<string, string> = {},
): Promise<StetRun> {
  return new Promise((resolve, reject) => {
    // Outside GitHub Actions whatever runs the tests: stet prints annotations only there.
    const { GITHUB_ACTIONS: _actions, GITHUB_STEP_SUMMARY: _summary, ...inherited } = process.env;
    const child = spawn(process.execPath, ["--import", TSX, CLI, ...args], {
      cwd,
      env: { ...inherited, NO_COLOR: "1", ...env },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}
