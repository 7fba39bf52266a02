import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    globalSetup: ["test/support/global-setup.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
    // Most end-to-end time is spent waiting on git, node and chromium child processes, so more
    // workers than cores keeps the cores busy: on 2 cores, 3 workers take the suite from 6.6 to
    // 4.5 minutes (vitest's default here is 1).
    maxWorkers: "150%",
  },
});
