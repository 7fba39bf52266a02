// What `stet doctor` can tell from the workflow files themselves: that the fetch runs on a
// schedule, may push and runs one at a time, and that Pages may deploy. Pure: file texts in,
// findings out. What only GitHub knows (Actions enabled, Pages source) is said as a reminder.

import { parse } from "yaml";

/** One line of the doctor's report: fine, worth a look, or must be fixed (non-zero exit). */
export interface Finding {
  level: "ok" | "warn" | "fix";
  area: string;
  text: string;
}

/** A workflow file: its name in `.github/workflows/` and its text, or null when missing. */
export interface WorkflowFile {
  name: string;
  text: string | null;
}

type Workflow = {
  env?: Record<string, unknown>;
  on?: unknown;
  permissions?: unknown;
  concurrency?: unknown;
  jobs?: Record<string, { permissions?: unknown; steps?: { run?: unknown }[] }>;
};

export function checkWorkflows(fetch: WorkflowFile, pages: WorkflowFile): Finding[] {
  return [...checkFetch(fetch), ...checkPages(pages)];
}

/** The branch the fetch workflow keeps the record on (its `ARCHIVE_BRANCH`), or null. */
export function archiveBranchOf(fetch: WorkflowFile): string | null {
  if (fetch.text === null) return null;
  try {
    const branch = (parse(fetch.text, { maxAliasCount: 100 }) as Workflow | null)?.env
      ?.ARCHIVE_BRANCH;
    return typeof branch === "string" && branch !== "" ? branch : null;
  } catch {
    return null;
  }
}

function checkFetch(file: WorkflowFile): Finding[] {
  const area = `workflow ${file.name}`;
  const loaded = load(file, area);
  if (Array.isArray(loaded)) return loaded;
  const workflow = loaded;
  const findings: Finding[] = [];
  const crons = schedules(workflow.on);
  findings.push(
    crons.length > 0
      ? { level: "ok", area, text: `runs on a schedule (${crons.join(", ")})` }
      : {
          level: "warn",
          area,
          text: "has no schedule: articles are fetched only when someone runs it",
        },
  );
  findings.push(
    granted(workflow, "contents", "write")
      ? { level: "ok", area, text: "may push (permissions: contents: write)" }
      : {
          level: "fix",
          area,
          text: "cannot push its commits: add `permissions: contents: write`",
        },
  );
  findings.push(
    workflow.concurrency
      ? { level: "ok", area, text: "runs one at a time (concurrency group)" }
      : {
          level: "warn",
          area,
          text: "has no concurrency group: two runs can race to push the same versions",
        },
  );
  if (!runsCommand(workflow, /\bstet fetch\b/)) {
    findings.push({ level: "fix", area, text: "no step runs `stet fetch`" });
  }
  return findings;
}

function checkPages(file: WorkflowFile): Finding[] {
  const area = `workflow ${file.name}`;
  const loaded = load(file, area);
  if (Array.isArray(loaded)) return loaded;
  const workflow = loaded;
  const findings: Finding[] = [];
  findings.push(
    granted(workflow, "pages", "write") && granted(workflow, "id-token", "write")
      ? { level: "ok", area, text: "may deploy to Pages (pages: write, id-token: write)" }
      : {
          level: "fix",
          area,
          text: "cannot deploy: the deploy job needs `permissions: pages: write` and `id-token: write`",
        },
  );
  if (!runsCommand(workflow, /\bstet build\b/)) {
    findings.push({ level: "fix", area, text: "no step runs `stet build`" });
  }
  return findings;
}

// The parsed workflow, or the one finding that says why there is none.
function load(file: WorkflowFile, area: string): Workflow | [Finding] {
  if (file.text === null) {
    return [{ level: "fix", area, text: "is missing: copy it from stet's repository" }];
  }
  try {
    const workflow = parse(file.text, { maxAliasCount: 100 }) as Workflow | null;
    if (workflow && typeof workflow === "object" && workflow.jobs) return workflow;
    return [{ level: "fix", area, text: "has no jobs" }];
  } catch (error) {
    return [
      { level: "fix", area, text: `is not valid YAML: ${(error as Error).message.split("\n")[0]}` },
    ];
  }
}

function schedules(on: unknown): string[] {
  if (!on || typeof on !== "object") return [];
  const schedule = (on as { schedule?: unknown }).schedule;
  if (!Array.isArray(schedule)) return [];
  return schedule
    .map((entry) => (entry as { cron?: unknown })?.cron)
    .filter((cron): cron is string => typeof cron === "string");
}

// A permission granted at the top or in any job (`write-all` grants every one).
function granted(workflow: Workflow, scope: string, level: string): boolean {
  const grants = (permissions: unknown) =>
    permissions === "write-all" ||
    (typeof permissions === "object" &&
      permissions !== null &&
      (permissions as Record<string, unknown>)[scope] === level);
  return (
    grants(workflow.permissions) ||
    Object.values(workflow.jobs ?? {}).some((job) => grants(job?.permissions))
  );
}

function runsCommand(workflow: Workflow, command: RegExp): boolean {
  return Object.values(workflow.jobs ?? {}).some((job) =>
    (job?.steps ?? []).some((step) => typeof step?.run === "string" && command.test(step.run)),
  );
}
