// Parses `git log` output (VERSION_LOG_ARGS) into each archive file's version count and the time
// of its last real change. A commit with a `Version:` trailer is a version; gone/back events
// carry none and do not reset the schedule's clock; a file committed only by hand (no trailers)
// counts each commit as a version. Pure, so it is tested on literal git output.

/** What the history says about one archive file. */
export interface FileVersions {
  /** The highest version number recorded (or the number of commits, for hand-made files). */
  versions: number;
  /** Author time (ms) of the newest version commit, or of the newest commit for hand-made files. */
  lastChange: number;
}

/** The arguments (before `-- <paths>`) whose output parseVersionLog reads, newest commit first. */
export const VERSION_LOG_ARGS = [
  "log",
  "--format=%x01%aI%x02%(trailers:key=Version,valueonly,separator=%x2C)",
  "--name-only",
  "--no-renames",
];

export function parseVersionLog(output: string): Map<string, FileVersions> {
  const seen = new Map<
    string,
    { versions: number; lastChange: number; lastCommit: number; commits: number }
  >();
  let time = 0;
  let version = 0;
  for (const line of output.split("\n")) {
    if (line.startsWith("\x01")) {
      const [date = "", trailer = ""] = line.slice(1).split("\x02");
      time = Date.parse(date);
      version = Number.parseInt(trailer, 10) || 0;
    } else if (line !== "") {
      // git log lists newest first: the first version commit seen is the last change.
      let stat = seen.get(line);
      if (!stat) {
        stat = { versions: 0, lastChange: 0, lastCommit: time, commits: 0 };
        seen.set(line, stat);
      }
      stat.commits++;
      if (version) {
        stat.versions = Math.max(stat.versions, version);
        if (!stat.lastChange) stat.lastChange = time;
      }
    }
  }
  const result = new Map<string, FileVersions>();
  for (const [file, stat] of seen) {
    result.set(file, {
      versions: stat.versions || stat.commits,
      lastChange: stat.lastChange || stat.lastCommit,
    });
  }
  return result;
}
