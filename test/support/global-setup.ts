// Runs once per `vitest` invocation, in the main process: hands every test file this run's id,
// so that files sharing an expensive fixture (the invented outlet's passes replayed into a git
// repository, see shared-replay.ts) build it once per run, and removes those fixtures at the end.

import { randomUUID } from "node:crypto";
import type { TestProject } from "vitest/node";
import { removeSharedFixtures } from "./shared-fixture-dir.ts";

declare module "vitest" {
  export interface ProvidedContext {
    runId: string;
  }
}

export default function setup(project: TestProject): () => Promise<void> {
  const runId = randomUUID();
  project.provide("runId", runId);
  return () => removeSharedFixtures(runId);
}
