// The real clock, the default wherever a Clock is injected (tests pass their own).

import type { Clock } from "./types.ts";

/** Wall-clock time and real waiting. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
};
