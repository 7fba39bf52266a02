// Parses the output of `git log --raw -z --no-abbrev --format=%x01%H %aI` into one entry per file
// change: which commit, when, which blob. Pure, so it is tested on literal git output.

/** One change to one file in one commit. */
export interface LogEntry {
  commit: string;
  /** Author date as ISO 8601 UTC. */
  time: string;
  /** Blob id of the new content; all zeros when the file was deleted. */
  blob: string;
  status: string;
  path: string;
}

/** The git log arguments whose output parseGitLog reads. */
export const GIT_LOG_ARGS = [
  "log",
  "--reverse",
  "--no-renames",
  "--raw",
  "-z",
  "--no-abbrev",
  "--format=%x01%H %aI",
];

export function parseGitLog(output: string): LogEntry[] {
  const entries: LogEntry[] = [];
  const tokens = output.split("\0");
  let commit = "";
  let time = "";
  for (let i = 0; i < tokens.length; i++) {
    const token = (tokens[i] ?? "").replace(/^\n/, "");
    if (token.startsWith("\x01")) {
      const [sha = "", date = ""] = token.slice(1).split(" ");
      commit = sha;
      time = new Date(date).toISOString();
    } else if (token.startsWith(":")) {
      // ":100644 100644 <old> <new> M" then the path as the next token.
      const fields = token.slice(1).split(" ");
      const path = tokens[++i] ?? "";
      entries.push({ commit, time, blob: fields[3] ?? "", status: fields[4] ?? "", path });
    }
  }
  return entries;
}
