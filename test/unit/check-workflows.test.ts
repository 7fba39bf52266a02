import { readFile } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { archiveBranchOf, checkWorkflows } from "../../src/doctor/check-workflows.ts";

const read = (name: string) =>
  readFile(new URL(`../../.github/workflows/${name}`, import.meta.url), "utf8");

describe("checkWorkflows", () => {
  it("finds nothing to fix in stet's own workflows", async () => {
    const findings = checkWorkflows(
      { name: "fetch.yml", text: await read("fetch.yml") },
      { name: "pages.yml", text: await read("pages.yml") },
    );
    expect(findings.filter((f) => f.level !== "ok")).toEqual([]);
    expect(findings.map((f) => f.text)).toContain("may push (permissions: contents: write)");
  });

  it("says what is missing from a fetch workflow that cannot push or run alone", () => {
    const fetch = `on: { workflow_dispatch: {} }\njobs:\n  fetch:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx stet fetch\n`;
    const pages = `on: push\njobs:\n  build:\n    steps:\n      - run: npx stet build --out site\n  deploy:\n    permissions: { pages: write }\n    steps: []\n`;
    const findings = checkWorkflows(
      { name: "fetch.yml", text: fetch },
      { name: "pages.yml", text: pages },
    );
    expect(findings.filter((f) => f.level !== "ok")).toEqual([
      {
        level: "warn",
        area: "workflow fetch.yml",
        text: "has no schedule: articles are fetched only when someone runs it",
      },
      {
        level: "fix",
        area: "workflow fetch.yml",
        text: "cannot push its commits: add `permissions: contents: write`",
      },
      {
        level: "warn",
        area: "workflow fetch.yml",
        text: "has no concurrency group: two runs can race to push the same versions",
      },
      {
        level: "fix",
        area: "workflow pages.yml",
        text: "cannot deploy: the deploy job needs `permissions: pages: write` and `id-token: write`",
      },
    ]);
  });

  it("reads the branch the fetch workflow keeps the record on", async () => {
    expect(archiveBranchOf({ name: "fetch.yml", text: await read("fetch.yml") })).toBe("archive");
    expect(archiveBranchOf({ name: "fetch.yml", text: "jobs: {}\n" })).toBeNull();
    expect(archiveBranchOf({ name: "fetch.yml", text: null })).toBeNull();
  });

  it("reports missing and broken files", () => {
    expect(
      checkWorkflows({ name: "fetch.yml", text: null }, { name: "pages.yml", text: "jobs: [" }),
    ).toEqual([
      {
        level: "fix",
        area: "workflow fetch.yml",
        text: "is missing: copy it from stet's repository",
      },
      {
        level: "fix",
        area: "workflow pages.yml",
        text: expect.stringMatching(/^is not valid YAML: /),
      },
    ]);
  });
});
