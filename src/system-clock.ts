// The real clock, the default wherever a Clock is injected (tests pass their own).

import type { Clock } from "./types.ts";

/** Wall-clock time, real waiting and real timeouts. */
export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, Math.max(0, ms))),
  timeout: (ms) => AbortSignal.timeout(Math.max(0, ms)),
};
