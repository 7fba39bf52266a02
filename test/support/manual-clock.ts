// A clock for tests: starts at a fixed instant and moves only when something sleeps on it or the
// test advances it, so no test reads the real time or waits for real.

import type { Clock } from "../../src/types.ts";

export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms`. */
  advance(ms: number): void;
  /** Every sleep asked of this clock, in order, in milliseconds. */
  readonly sleeps: number[];
}

export function manualClock(start: string | number = "2026-01-15T12:00:00Z"): ManualClock {
  let current = typeof start === "number" ? start : Date.parse(start);
  const sleeps: number[] = [];
  return {
    now: () => current,
    sleep: async (ms) => {
      sleeps.push(ms);
      current += Math.max(0, ms);
    },
    advance: (ms) => {
      current += ms;
    },
    sleeps,
  };
}
