// Runs the real `stet` CLI as a child process, asynchronously so that a fixture server in the
// test's own process keeps answering while stet works. It runs the sources as they are now
// (compiled once per test run by compile-sources.ts, never a stale build), not the compiled
// dist/; test/e2e/compiled-cli.test.ts checks the compiled bin.

import { spawn } from "node:child_process";
import { inject } from "vitest";
import { compileSources } from "./compile-sources.ts";
import { sharedFixture } from "./shared-fixture-dir.ts";

/** The compiled CLI's path, once this process has asked for it. */
let compiled: Promise<string> | undefined;

export interface StetRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `stet args…` in `cwd`, with `env` added to (and overriding) the test's environment. */
export async function runStet(
  args: string[],
  cwd?: string,
  env: Record<string, string> = {},
): Promise<StetRun> {
  compiled ??= sharedFixture(inject("runId"), "cli", compileSources).then((f) => f.value);
  const cli = await compiled;
  return new Promise((resolve, reject) => {
    // Outside GitHub Actions whatever runs the tests: stet prints annotations only there.
    const { GITHUB_ACTIONS: _actions, GITHUB_STEP_SUMMARY: _summary, ...inherited } = process.env;
    const child = spawn(process.execPath, [cli, ...args], {
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
