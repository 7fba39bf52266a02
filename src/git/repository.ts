// The one module that runs git. Commands go through simple-git; reading many blobs goes through
// one `git cat-file --batch` process (one git process per version would cost ~60 ms each).
// Every git failure comes back as an ArchiveError naming the repository, the command and what
// git said; output is parsed by the pure `parse-*.ts` modules beside this one.

import { spawn } from "node:child_process";
import { realpath, rm, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { type SimpleGit, simpleGit } from "simple-git";
import { ArchiveError } from "../errors.ts";
import { faultPoint } from "../fault-point.ts";

/** Who made a commit and when: both author and committer. */
export interface CommitIdentity {
  name: string;
  email: string;
  /** ISO 8601. */
  date: string;
}

/** Lock files git leaves behind when a process is killed in the middle of a write. */
const GIT_LOCK_FILES = ["index.lock", "HEAD.lock", "ORIG_HEAD.lock", "packed-refs.lock"];

// Never sign (a runner has no key), and keep non-ASCII paths readable in git's output.
const CONFIG = ["commit.gpgsign=false", "core.quotePath=false"];

// simple-git takes a non-zero exit without stderr for success (`merge-base --is-ancestor`,
// `rev-parse --verify -q`): every non-zero exit is a failure here.
function strictErrors(
  error: Buffer | Error | undefined,
  result: { exitCode: number; stdErr: Buffer[] },
): Buffer | Error | undefined {
  if (error !== undefined) return error;
  if (result.exitCode === 0) return undefined;
  const said = Buffer.concat(result.stdErr).toString("utf8").trim();
  return new Error(said === "" ? `exit code ${result.exitCode}` : said);
}

function client(baseDir: string, env?: Record<string, string>): SimpleGit {
  const options = { baseDir, config: CONFIG, errors: strictErrors };
  if (env === undefined) return simpleGit(options);
  // simple-git guards the environment: name what a commit sets on purpose.
  return simpleGit({ ...options, allowEnvironment: Object.keys(env) }).env(env);
}

/** How `open` checks a repository before use. */
export interface OpenOptions {
  /** Commits will be made: a branch must be checked out (not a detached HEAD). */
  forWriting?: boolean;
}

export class GitRepository {
  readonly #git: SimpleGit;

  private constructor(readonly dir: string) {
    this.#git = client(dir);
  }

  /**
   * Opens the repository whose working tree is `dir`, or throws an ArchiveError saying what to
   * do: `dir` is not a repository, is a folder inside one (stet would commit `sub/archive/…`),
   * or (for writing) has a detached HEAD, whose commits would belong to no branch.
   */
  static async open(dir: string, options: OpenOptions = {}): Promise<GitRepository> {
    const absolute = resolve(dir);
    let top: string;
    try {
      top = (await client(absolute).raw(["rev-parse", "--show-toplevel"])).trim();
    } catch {
      throw new ArchiveError(`${dir} is not a git repository; create one with: git init ${dir}`);
    }
    const [here, root] = await Promise.all([realpath(absolute), realpath(top)]);
    if (here !== root) {
      throw new ArchiveError(
        `${dir} is the folder ${relative(root, here)}/ inside the git repository ${root}; point --repo at the repository itself (or create one with: git init ${dir})`,
      );
    }
    const repository = new GitRepository(root);
    if (options.forWriting) {
      const branch = await repository.currentBranch();
      if (branch === null) {
        throw new ArchiveError(
          `HEAD is detached in ${root}: commits would belong to no branch; check out a branch first (git -C ${root} switch <branch>)`,
        );
      }
    }
    return repository;
  }

  /** Runs `git <args>` and returns its standard output. */
  async run(args: string[], env?: Record<string, string>): Promise<string> {
    try {
      // simple-git applies an environment to every later command of the instance: commits with
      // their own identity and dates get an instance of their own.
      const git = env === undefined ? this.#git : client(this.dir, env);
      return await git.raw(args);
    } catch (error) {
      throw new ArchiveError(
        `git ${args[0]} failed in ${this.dir}: ${firstLines((error as Error).message)}`,
        { cause: error },
      );
    }
  }

  /** Like `run`, but a failure is a value: what git said. */
  async attempt(
    args: string[],
  ): Promise<{ ok: true; stdout: string } | { ok: false; error: string }> {
    try {
      return { ok: true, stdout: await this.#git.raw(args) };
    } catch (error) {
      return { ok: false, error: firstLines((error as Error).message) };
    }
  }

  /** Like `run`, but a failure is a value: `null`. */
  async tryRun(args: string[]): Promise<string | null> {
    try {
      return await this.#git.raw(args);
    } catch {
      return null;
    }
  }

  /** The checked-out branch, or null when HEAD is detached. */
  async currentBranch(): Promise<string | null> {
    const ref = await this.tryRun(["symbolic-ref", "-q", "--short", "HEAD"]);
    return ref === null || ref.trim() === "" ? null : ref.trim();
  }

  /** The commit HEAD points at, or null in a repository without commits. */
  async head(): Promise<string | null> {
    const sha = await this.tryRun(["rev-parse", "-q", "--verify", "HEAD^{commit}"]);
    return sha === null || sha.trim() === "" ? null : sha.trim();
  }

  /** Absolute path of the repository's git folder (`.git`, or elsewhere for a worktree). */
  async gitDir(): Promise<string> {
    const dir = (await this.run(["rev-parse", "--git-dir"])).trim();
    return isAbsolute(dir) ? dir : join(this.dir, dir);
  }

  /**
   * Stages exactly `paths` (relative to the working tree) and commits only them, whatever else is
   * staged, with `identity` as author and committer. Returns the new commit's id.
   */
  async commitPaths(paths: string[], message: string, identity: CommitIdentity): Promise<string> {
    // Only what git needs: simple-git refuses an environment that carries EDITOR and the like.
    const env = {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      LANG: "C.UTF-8",
      GIT_AUTHOR_NAME: identity.name,
      GIT_AUTHOR_EMAIL: identity.email,
      GIT_COMMITTER_NAME: identity.name,
      GIT_COMMITTER_EMAIL: identity.email,
      GIT_AUTHOR_DATE: identity.date,
      GIT_COMMITTER_DATE: identity.date,
    };
    await this.run(["add", "--all", "--", ...paths], env);
    faultPoint("mid-commit");
    await this.run(
      [
        "commit",
        "--quiet",
        "--no-verify",
        "--cleanup=verbatim",
        "-m",
        message,
        "--only",
        "--",
        ...paths,
      ],
      env,
    );
    return (await this.run(["rev-parse", "HEAD"])).trim();
  }

  /** Lock files a killed git process left in the git folder (paths), if any. */
  async lockFiles(): Promise<string[]> {
    const gitDir = await this.gitDir();
    const found: string[] = [];
    for (const name of GIT_LOCK_FILES) {
      const path = join(gitDir, name);
      if (
        await stat(path).then(
          () => true,
          () => false,
        )
      )
        found.push(path);
    }
    return found;
  }

  /** Removes lock files; only for locks known to belong to a dead process. */
  async removeLockFiles(paths: string[]): Promise<void> {
    for (const path of paths) await rm(path, { force: true });
  }

  /** The contents of `specs` (blob ids or `<rev>:<path>`), in the same order, as UTF-8 text. */
  readBlobs(specs: string[]): Promise<string[]> {
    if (specs.length === 0) return Promise.resolve([]);
    return new Promise((done, fail) => {
      const child = spawn("git", ["cat-file", "--batch", "--buffer"], { cwd: this.dir });
      const results: string[] = [];
      let pending: Buffer = Buffer.alloc(0);
      let stderr = "";
      let failed = false;
      const reject = (error: ArchiveError) => {
        if (failed) return;
        failed = true;
        child.kill();
        fail(error);
      };
      child.stdout.on("data", (chunk: Buffer) => {
        pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
        for (;;) {
          const newline = pending.indexOf(10);
          if (newline < 0) return;
          const header = pending.subarray(0, newline).toString("utf8");
          const [, type, sizeText] = header.split(" ");
          if (type !== "blob") {
            reject(
              new ArchiveError(
                `git cat-file in ${this.dir}: expected a blob for ${specs[results.length]}, got "${header}"`,
              ),
            );
            return;
          }
          const size = Number(sizeText);
          if (pending.length < newline + 1 + size + 1) return;
          results.push(pending.subarray(newline + 1, newline + 1 + size).toString("utf8"));
          pending = pending.subarray(newline + 1 + size + 1);
        }
      });
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk.toString();
      });
      child.on("error", (error) =>
        reject(
          new ArchiveError(`cannot run git in ${this.dir}: ${error.message}`, { cause: error }),
        ),
      );
      child.on("close", (code) => {
        if (code !== 0 || results.length !== specs.length) {
          reject(
            new ArchiveError(`git cat-file failed in ${this.dir} (exit ${code}): ${stderr.trim()}`),
          );
        } else if (!failed) {
          done(results);
        }
      });
      child.stdin.on("error", () => undefined);
      child.stdin.end(specs.map((spec) => `${spec}\n`).join(""));
    });
  }
}

function firstLines(text: string): string {
  return text.trim().split("\n").slice(0, 3).join(" / ");
}
