// The README is the manual: every command and option the CLI accepts must be documented there,
// and the two commands a newcomer runs must be the ones package.json and .ci/run provide.

import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { runStet } from "../support/run-stet.ts";

const readme = await readFile(new URL("../../README.md", import.meta.url), "utf8");

describe("README", () => {
  it("documents every command and option that stet --help lists", async () => {
    const help = await runStet(["--help"]);
    expect(help.code).toBe(0);
    const options = new Set(help.stdout.match(/--[a-z][a-z-]*/g));
    const commands = new Set(
      [...help.stdout.matchAll(/^ {2}stet ([a-z][a-z-]*)/gm)].map((m) => m[1]),
    );
    expect(options.size).toBeGreaterThan(10);
    expect([...commands]).toEqual(
      expect.arrayContaining([
        "add-outlet",
        "build",
        "doctor",
        "extract",
        "fetch",
        "push",
        "serve",
        "takedown",
      ]),
    );
    const manual = readme.slice(readme.indexOf("## Command line"));
    for (const command of commands) expect(manual).toContain(`### \`stet ${command}`);
    for (const option of options) expect(manual, option).toContain(`\`${option}`);
  });

  it("gives the set-up and test commands that .ci/run and package.json use", async () => {
    expect(readme).toContain("npm ci && npm run demo");
    expect(readme).toContain("npm test");
    const ci = await readFile(new URL("../../.ci/run", import.meta.url), "utf8");
    expect(ci).toMatch(/^npm ci$/m);
    expect(ci).toMatch(/^npm test$/m);
    const pkg = JSON.parse(await readFile(new URL("../../package.json", import.meta.url), "utf8"));
    expect(pkg.scripts.demo).toBeDefined();
    expect(pkg.scripts.test).toBeDefined();
  });
});
