// "One new version": commits an edit of the most recently changed article on top of a benchmark
// archive, as the next fetch run would, so the rebuild that follows can be timed.

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { parseArticleFile, serializeArticleFile } from "../../src/archive/article-file.ts";
import { commitMessage } from "../../src/archive/commit-version.ts";
import { FastImport } from "./fast-import.ts";
import { SeededRandom } from "./seeded-random.ts";
import { editArticle } from "./synthetic-text.ts";

const run = promisify(execFile);

async function git(repo: string, ...args: string[]): Promise<string> {
  const { stdout } = await run("git", args, { cwd: repo, maxBuffer: 1 << 26 });
  return stdout;
}

/** The file and version number that the new commit added. */
export interface AppendedVersion {
  file: string;
  version: number;
}

/** Adds one commit on `branch` (one hour after its tip) editing the tip's article. */
export async function appendVersion(
  repo: string,
  branch: string,
  seed: number,
): Promise<AppendedVersion> {
  const file = (await git(repo, "log", "-1", "--format=", "--name-only", branch, "--", "archive/"))
    .trim()
    .split("\n")[0];
  if (file === undefined || file === "") throw new Error(`${repo}: no archive file in ${branch}`);
  const tipTime = Number((await git(repo, "log", "-1", "--format=%ct", branch)).trim());
  const count = Number((await git(repo, "rev-list", "--count", branch, "--", file)).trim());
  const { url, ...before } = parseArticleFile(await git(repo, "show", `${branch}:${file}`));
  const after = editArticle(new SeededRandom(seed), before);
  const importer = new FastImport(repo, branch, `${branch}^0`);
  const blob = await importer.blob(serializeArticleFile({ url, ...after }));
  const outlet = file.split("/")[1] ?? "";
  const [subject, trailers] = commitMessage(
    { url, ...after },
    { outlet, version: count + 1, time: "", authorName: "stet", authorEmail: "stet@localhost" },
  );
  await importer.commit({
    time: tipTime + 3600,
    message: `${subject}\n\n${trailers}\n`,
    files: [[file, blob]],
  });
  await importer.done();
  return { file, version: count + 1 };
}
