// The order vitest runs the test files in: the longest first, whatever their project. Vitest's own
// order runs one project's files after the other's, so the longest CPU-bound unit file
// (render-hostile-text) started only after every end-to-end file and ran alone at the end; first,
// it runs beside end-to-end files that mostly wait on git, node and chromium. Longest by the
// durations vitest kept from the last run when it has them for every file, else by size, as
// vitest does. With --sequence.shuffle the files are shuffled by the run's seed instead.

import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

export default class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const { cache, config } = this.ctx;
    if (config.sequence.shuffle) return shuffled(files, config.sequence.seed);
    const key = (spec: TestSpecification) =>
      `${spec.project.name}:${relative(config.root, spec.moduleId)}`;
    const durations = files.map((spec) => cache.getFileTestResults(key(spec))?.duration);
    const weights = durations.every((d) => d !== undefined)
      ? durations
      : files.map((spec) => cache.getFileStats(key(spec))?.size ?? Number.POSITIVE_INFINITY);
    return files
      .map((spec, i) => ({ spec, weight: weights[i] ?? 0 }))
      .sort((a, b) => b.weight - a.weight)
      .map(({ spec }) => spec);
  }
}

/** `items` in an order drawn from `seed` (Fisher–Yates over mulberry32). */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const result = [...items];
  for (let i = result.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [result[i], result[j]] = [result[j] as T, result[i] as T];
  }
  return result;
}
