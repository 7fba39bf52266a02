// Parses `git diff-tree -r --name-status -z --no-renames` output: a status letter and a path per
// changed file, NUL-separated. Pure, so it is tested on literal git output.

/** One changed file: A (added), M (modified), D (deleted), T (type changed). */
export interface NameStatus {
  status: string;
  path: string;
}

export function parseNameStatus(output: string): NameStatus[] {
  const fields = output.split("\0");
  const changes: NameStatus[] = [];
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const status = (fields[i] ?? "").trim();
    const path = fields[i + 1] ?? "";
    if (status !== "" && path !== "") changes.push({ status, path });
  }
  return changes;
}
