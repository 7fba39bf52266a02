// Pushes the archive branch, and when origin has moved on meanwhile, replays this run's commits
// on top of it as whole-file writes of exactly what was fetched (plan-replay.ts decides each one),
// never merging two texts into one the outlet never served, then tries again. Never forces.

import { type ArchivedArticle, parseArticleFile } from "../archive/article-file.ts";
import { commitVersion } from "../archive/commit-version.ts";
import { ArchiveError } from "../errors.ts";
import { parseNameStatus } from "../git/parse-name-status.ts";
import { parseVersionLog, VERSION_LOG_ARGS } from "../git/parse-version-log.ts";
import type { GitRepository } from "../git/repository.ts";
import type { Clock } from "../types.ts";
import { type OriginFile, planReplay, type RunCommit } from "./plan-replay.ts";

export interface PushOptions {
  git: GitRepository;
  remote: string;
  branch: string;
  /** Tries in all; between tries the wait grows (3 s, 12 s, 27 s, …). */
  attempts: number;
  clock: Clock;
  log: (line: string) => void;
}

export interface PushReport {
  /** Commits of this run that reached origin. */
  pushed: number;
  /** Of those, commits written again on top of newer commits from origin. */
  replayed: number;
  dropped: { file: string; reason: string }[];
  attempts: number;
}

const ARTICLE_FILE = /^archive\/([a-z0-9][a-z0-9-]*)\/.+\.md$/;

export async function pushArchive(options: PushOptions): Promise<PushReport> {
  const { git, remote, branch, log } = options;
  const report: PushReport = { pushed: 0, replayed: 0, dropped: [], attempts: 0 };
  if ((await git.head()) === null) {
    log("nothing to push: the archive has no commits yet");
    return report;
  }
  const upstream = `refs/remotes/${remote}/${branch}`;
  let lastError = "";
  for (let attempt = 1; attempt <= options.attempts; attempt++) {
    report.attempts = attempt;
    const ahead = await countAhead(git, upstream);
    const pushed = await git.attempt(["push", "--porcelain", remote, `HEAD:refs/heads/${branch}`]);
    if (pushed.ok) {
      report.pushed = ahead;
      // Keep the remote-tracking ref in step, so a later push counts from here.
      await git.attempt(["fetch", "--quiet", remote, `+refs/heads/${branch}:${upstream}`]);
      return report;
    }
    lastError = pushed.error;
    log(
      `push to ${remote}/${branch} refused (attempt ${attempt} of ${options.attempts}): ${pushed.error}`,
    );
    const fetched = await git.attempt([
      "fetch",
      "--quiet",
      remote,
      `+refs/heads/${branch}:${upstream}`,
    ]);
    if (fetched.ok && !(await isAncestor(git, upstream, "HEAD"))) {
      const replay = await replayOnto(git, upstream, log);
      report.replayed += replay.replayed;
      report.dropped.push(...replay.dropped);
    }
    if (attempt < options.attempts) await options.clock.sleep(attempt * attempt * 3_000);
  }
  throw new ArchiveError(
    `could not push to ${remote}/${branch} after ${options.attempts} attempts (${lastError}); the versions stay in this repository and are fetched again by the next run if lost`,
  );
}

async function countAhead(git: GitRepository, upstream: string): Promise<number> {
  const known = await git.attempt(["rev-parse", "--verify", "-q", upstream]);
  const range = known.ok ? `${upstream}..HEAD` : "HEAD";
  return Number((await git.run(["rev-list", "--count", range])).trim());
}

async function isAncestor(git: GitRepository, ancestor: string, of: string): Promise<boolean> {
  return (await git.attempt(["merge-base", "--is-ancestor", ancestor, of])).ok;
}

// Puts this run's commits (those not on origin) on top of origin's branch, one by one.
async function replayOnto(
  git: GitRepository,
  upstream: string,
  log: (line: string) => void,
): Promise<{ replayed: number; dropped: { file: string; reason: string }[] }> {
  const dirty = (await git.run(["status", "--porcelain", "--untracked-files=no"])).trim();
  if (dirty !== "") {
    throw new ArchiveError(
      `cannot replay onto ${upstream}: ${git.dir} has uncommitted changes (${dirty.split("\n")[0]}); commit or discard them first`,
    );
  }
  const shas = (await git.run(["rev-list", "--reverse", `${upstream}..HEAD`]))
    .split("\n")
    .filter(Boolean);
  const commits: RunCommit[] = [];
  for (const sha of shas) commits.push(await runCommit(git, sha));
  const identities = new Map<string, { name: string; email: string }>();
  for (const sha of shas) {
    const [name = "", email = ""] = (await git.run(["log", "-1", "--format=%an%x00%ae", sha]))
      .trim()
      .split("\0");
    identities.set(sha, { name, email });
  }
  await git.run(["reset", "--quiet", "--hard", upstream]);
  let replayed = 0;
  const dropped: { file: string; reason: string }[] = [];
  for (const commit of commits) {
    const step = planReplay(commit, await originFile(git, commit.file));
    if (step.action === "drop") {
      dropped.push({ file: commit.file, reason: step.reason });
      log(`dropped ${commit.file} (fetched ${commit.time}): ${step.reason}`);
      continue;
    }
    const who = identities.get(commit.sha) ?? { name: "stet", email: "stet@localhost" };
    await commitVersion(git, commit.file, step.article, {
      outlet: ARTICLE_FILE.exec(commit.file)?.[1] ?? "archive",
      kind: commit.kind,
      version: step.version,
      time: commit.time,
      authorName: who.name,
      authorEmail: who.email,
    });
    replayed++;
    log(`replayed ${commit.file} (fetched ${commit.time}) on top of ${upstream}`);
  }
  return { replayed, dropped };
}

// What one of this run's commits did: only stet's own one-file commits can be replayed.
async function runCommit(git: GitRepository, sha: string): Promise<RunCommit> {
  const header = await git.run([
    "log",
    "-1",
    "--format=%aI%x00%(trailers:key=Version,valueonly,separator=%x2C)%x00%(trailers:key=Gone,valueonly,separator=%x2C)%x00%(trailers:key=Article-URL,valueonly,separator=%x2C)",
    sha,
  ]);
  const [time = "", version = "", gone = "", articleUrl = ""] = header.trim().split("\0");
  const changes = parseNameStatus(
    await git.run([
      "diff-tree",
      "--root",
      "--no-commit-id",
      "--no-renames",
      "-r",
      "--name-status",
      "-z",
      sha,
    ]),
  );
  const only = changes.length === 1 ? changes[0] : undefined;
  if (!only || !ARTICLE_FILE.test(only.path) || only.status === "D" || articleUrl.trim() === "") {
    const what = changes.map((c) => c.path).join(", ") || "nothing";
    throw new ArchiveError(
      `cannot replay commit ${sha.slice(0, 10)} onto newer commits: only stet's own commits of one archive file can be replayed (it changes ${what}); rebase and push it by hand`,
    );
  }
  const [text = ""] = await git.readBlobs([`${sha}:${only.path}`]);
  const kind = version.trim() !== "" ? "version" : gone.trim() !== "" ? "gone" : "back";
  return {
    sha,
    file: only.path,
    kind,
    article: parseArticleFile(text),
    time: new Date(time).toISOString(),
  };
}

// What origin's branch (HEAD, after the reset and the replays so far) holds for `file`.
async function originFile(git: GitRepository, file: string): Promise<OriginFile> {
  const present = (await git.run(["ls-tree", "--name-only", "HEAD", "--", file])).trim() !== "";
  const newest = (await git.run(["log", "-1", "--format=%aI", "HEAD", "--", file])).trim();
  let article: ArchivedArticle | null = null;
  if (present) {
    const [text = ""] = await git.readBlobs([`HEAD:${file}`]);
    try {
      article = parseArticleFile(text);
    } catch {
      article = null;
    }
  }
  const versions = parseVersionLog(await git.run([...VERSION_LOG_ARGS, "HEAD", "--", file]));
  return {
    article,
    deleted: !present && newest !== "",
    newestTime: newest === "" ? null : new Date(newest).toISOString(),
    versions: versions.get(file)?.versions ?? 0,
  };
}
