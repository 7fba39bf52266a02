// Fault injection for the crash tests: with STET_TEST_KILL_AT=<point> in its environment, stet
// kills itself (SIGKILL, as `kill -9` or a cancelled CI job would) on reaching that point, so a
// test can check that every point leaves a repository the next run carries on from. Without the
// variable, a fault point does nothing.

/** Every place a write or commit can be interrupted, in the order a version passes them. */
export const FAULT_POINTS = [
  "before-archive-write",
  "mid-archive-write",
  "before-commit",
  "mid-commit",
  "after-commit",
  "mid-state-save",
] as const;

export type FaultPoint = (typeof FAULT_POINTS)[number];

export function faultPoint(point: FaultPoint): void {
  if (process.env.STET_TEST_KILL_AT === point) process.kill(process.pid, "SIGKILL");
}
