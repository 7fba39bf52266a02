import { describe, expect, it } from "vitest";
import { parseGitLog } from "../../src/history/parse-git-log.ts";

const ZERO = "0".repeat(40);
const A = "a".repeat(40);
const B = "b".repeat(40);
const C1 = "1".repeat(40);
const C2 = "2".repeat(40);

describe("parseGitLog", () => {
  it("reads commits and their file changes from git log --raw -z output", () => {
    const output =
      `\x01${C1} 2026-11-20T09:00:00+01:00\0` +
      `\n:000000 100644 ${ZERO} ${A} A\0archive/harbor/news/vote.md\0` +
      `\x01${C2} 2026-11-20T12:00:00+00:00\0` +
      `\n:100644 100644 ${A} ${B} M\0archive/harbor/news/vote.md\0` +
      `:100644 000000 ${A} ${ZERO} D\0archive/harbor/old.md\0`;
    expect(parseGitLog(output)).toEqual([
      {
        commit: C1,
        time: "2026-11-20T08:00:00.000Z",
        blob: A,
        status: "A",
        path: "archive/harbor/news/vote.md",
      },
      {
        commit: C2,
        time: "2026-11-20T12:00:00.000Z",
        blob: B,
        status: "M",
        path: "archive/harbor/news/vote.md",
      },
      {
        commit: C2,
        time: "2026-11-20T12:00:00.000Z",
        blob: ZERO,
        status: "D",
        path: "archive/harbor/old.md",
      },
    ]);
  });

  it("returns nothing for an empty log", () => {
    expect(parseGitLog("")).toEqual([]);
  });
});
