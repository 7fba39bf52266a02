// The version log parser on literal `git log` output (VERSION_LOG_ARGS), newest commit first.

import { describe, expect, it } from "vitest";
import { parseVersionLog } from "../../src/git/parse-version-log.ts";

const LOG = [
  "\x012026-11-20T12:00:00+00:00\x02",
  "",
  "archive/gazette/news/baths.md",
  "\x012026-11-20T11:00:00+00:00\x023",
  "",
  "archive/gazette/news/baths.md",
  "\x012026-11-20T10:00:00+00:00\x022",
  "",
  "archive/gazette/news/baths.md",
  "\x012026-11-20T09:30:00+00:00\x02",
  "",
  "archive/gazette/news/by-hand.md",
  "\x012026-11-20T09:00:00+00:00\x021",
  "",
  "archive/gazette/news/baths.md",
  "\x012026-11-20T08:00:00+00:00\x02",
  "",
  "archive/gazette/news/by-hand.md",
  "",
].join("\n");

describe("parseVersionLog", () => {
  it("counts versions by their trailers, and dates the last change by the newest version, not an event", () => {
    const files = parseVersionLog(LOG);
    expect(files.get("archive/gazette/news/baths.md")).toEqual({
      versions: 3,
      lastChange: Date.parse("2026-11-20T11:00:00Z"),
    });
  });

  it("counts every commit of a file made by hand, without trailers, as a version", () => {
    expect(parseVersionLog(LOG).get("archive/gazette/news/by-hand.md")).toEqual({
      versions: 2,
      lastChange: Date.parse("2026-11-20T09:30:00Z"),
    });
  });

  it("reads an empty log as no files", () => {
    expect(parseVersionLog("").size).toBe(0);
  });
});
