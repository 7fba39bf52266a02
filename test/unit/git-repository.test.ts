// The one door to git, on real repositories in temp folders: what it refuses to open, what a
// commit contains, and the lock files a killed git process leaves.

import { mkdir, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ArchiveError } from "../../src/errors.ts";
import { GitRepository } from "../../src/git/repository.ts";
import { git, makeTempRepo, removeTempDir } from "../support/temp-repo.ts";

const WHO = { name: "stet", email: "stet@localhost", date: "2026-11-20T09:00:00Z" };

let repo: string;
beforeEach(async () => {
  repo = await makeTempRepo();
});
afterEach(async () => {
  await removeTempDir(repo);
});

describe("GitRepository.open", () => {
  it("refuses a folder that is not a repository, saying how to make one", async () => {
    const plain = join(repo, "..", `${repo.split("/").pop()}-plain`);
    await mkdir(plain);
    await expect(GitRepository.open(plain)).rejects.toThrow(
      `${plain} is not a git repository; create one with: git init ${plain}`,
    );
    await removeTempDir(plain);
  });

  it("refuses a folder inside a repository, where commits would land in sub/archive/", async () => {
    await mkdir(join(repo, "sub"));
    await expect(GitRepository.open(join(repo, "sub"))).rejects.toThrow(
      /is the folder sub\/ inside the git repository .*; point --repo at the repository itself/,
    );
  });

  it("refuses a detached HEAD for writing, but reads from one", async () => {
    await writeFile(join(repo, "a.txt"), "a\n");
    await git(repo, "add", "a.txt");
    await git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "a");
    await git(repo, "checkout", "-q", "--detach");
    await expect(GitRepository.open(repo, { forWriting: true })).rejects.toThrow(
      /HEAD is detached in .*: commits would belong to no branch; check out a branch first/,
    );
    await expect(GitRepository.open(repo)).resolves.toBeInstanceOf(GitRepository);
  });

  it("opens a new repository with no commits for writing", async () => {
    const opened = await GitRepository.open(repo, { forWriting: true });
    expect(await opened.head()).toBeNull();
    expect(await opened.currentBranch()).toBe("main");
  });
});

describe("commitPaths", () => {
  it("commits only the named file, with the message verbatim and the given identity and date", async () => {
    const opened = await GitRepository.open(repo, { forWriting: true });
    await writeFile(join(repo, "other.txt"), "staged but not ours\n");
    await git(repo, "add", "other.txt");
    await mkdir(join(repo, "archive"));
    await writeFile(join(repo, "archive", "a.md"), "text\n");
    const message = "gazette: #1 story\n\nArticle-URL: https://g.example/a\nVersion: 1\n";
    const sha = await opened.commitPaths(["archive/a.md"], message, WHO);
    expect((await git(repo, "show", "--name-only", "--format=", sha)).trim()).toBe("archive/a.md");
    expect(await git(repo, "log", "-1", "--format=%B", sha)).toBe(`${message}\n`);
    expect((await git(repo, "log", "-1", "--format=%an <%ae> %aI %cI", sha)).trim()).toBe(
      "stet <stet@localhost> 2026-11-20T09:00:00+00:00 2026-11-20T09:00:00+00:00",
    );
    expect((await git(repo, "diff", "--cached", "--name-only")).trim()).toBe("other.txt");
  });

  it("fails with an ArchiveError naming the command when git cannot commit", async () => {
    const opened = await GitRepository.open(repo, { forWriting: true });
    await writeFile(join(repo, ".git", "index.lock"), "");
    await writeFile(join(repo, "a.md"), "text\n");
    const commit = opened.commitPaths(["a.md"], "x\n", WHO);
    await expect(commit).rejects.toBeInstanceOf(ArchiveError);
    await expect(commit).rejects.toThrow(/^git add failed in .*index\.lock/);
  });
});

describe("lock files", () => {
  it("finds the lock files a killed git process left, and removes them", async () => {
    const opened = await GitRepository.open(repo);
    expect(await opened.lockFiles()).toEqual([]);
    await writeFile(join(repo, ".git", "index.lock"), "");
    const locks = await opened.lockFiles();
    expect(locks).toEqual([join(repo, ".git", "index.lock")]);
    await opened.removeLockFiles(locks);
    expect(await opened.lockFiles()).toEqual([]);
  });
});

describe("readBlobs", () => {
  it("reads many files of a commit through one process, in order", async () => {
    const opened = await GitRepository.open(repo, { forWriting: true });
    for (const name of ["a", "b", "c"]) await writeFile(join(repo, `${name}.md`), `${name}\n`);
    await opened.commitPaths(["a.md", "b.md", "c.md"], "three\n", WHO);
    expect(await opened.readBlobs(["HEAD:c.md", "HEAD:a.md", "HEAD:b.md"])).toEqual([
      "c\n",
      "a\n",
      "b\n",
    ]);
  });

  it("names the spec that is not a blob", async () => {
    const opened = await GitRepository.open(repo, { forWriting: true });
    await writeFile(join(repo, "a.md"), "a\n");
    await opened.commitPaths(["a.md"], "one\n", WHO);
    await expect(opened.readBlobs(["HEAD:a.md", "HEAD:missing.md"])).rejects.toThrow(
      /expected a blob for HEAD:missing\.md/,
    );
  });
});
