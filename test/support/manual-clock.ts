// A clock for tests: virtual time that starts at a fixed instant and moves only when code sleeps
// on it (a sleep jumps straight to its end) or the test advances it, so no test reads the real
// time or waits for real. Timeouts fire when virtual time passes them.

import type { Clock } from "../../src/types.ts";

export interface ManualClock extends Clock {
  /** Moves the clock forward by `ms`, firing the timeouts that come due. */
  advance(ms: number): void;
  /** Every sleep asked of this clock, in order, in milliseconds. */
  readonly sleeps: number[];
}

export function manualClock(start: string | number = "2026-01-15T12:00:00Z"): ManualClock {
  let current = typeof start === "number" ? start : Date.parse(start);
  if (Number.isNaN(current)) throw new Error(`manualClock: not a time: ${start}`);
  const sleeps: number[] = [];
  const timeouts: { at: number; controller: AbortController }[] = [];
  const advance = (ms: number) => {
    current += Math.max(0, ms);
    for (const pending of [...timeouts]) {
      if (pending.at > current) continue;
      timeouts.splice(timeouts.indexOf(pending), 1);
      pending.controller.abort(new DOMException("The operation timed out.", "TimeoutError"));
    }
  };
  return {
    now: () => current,
    sleep: async (ms) => {
      sleeps.push(ms);
      advance(ms);
    },
    timeout: (ms) => {
      const controller = new AbortController();
      timeouts.push({ at: current + Math.max(0, ms), controller });
      return controller.signal;
    },
    advance,
    sleeps,
  };
}
