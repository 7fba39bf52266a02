// Archive writes and removals on a real file system, with the symbolic links a hostile commit
// could add: nothing outside the repository is ever written or deleted.

import { lstat, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { removeArchiveFile, writeArchiveFile } from "../../src/archive/write-archive-file.ts";
import { ArchiveError } from "../../src/errors.ts";

let repo: string;
let outside: string;
beforeEach(async () => {
  repo = await mkdtemp(join(tmpdir(), "stet-write-"));
  outside = await mkdtemp(join(tmpdir(), "stet-outside-"));
  await writeFile(join(outside, "precious.txt"), "keep me\n");
});
afterEach(async () => {
  await rm(repo, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

const refused = (promise: Promise<unknown>, message: RegExp) =>
  expect(promise).rejects.toSatisfy(
    (error: unknown) => error instanceof ArchiveError && message.test(error.message),
  );

describe("writeArchiveFile", () => {
  it("creates the folders, writes the text and leaves no temporary file", async () => {
    await writeArchiveFile(repo, "archive/harbor/news/vote.md", "first\n");
    await writeArchiveFile(repo, "archive/harbor/news/vote.md", "second\n");
    expect(await readFile(join(repo, "archive/harbor/news/vote.md"), "utf8")).toBe("second\n");
    expect(await readdir(join(repo, "archive/harbor/news"))).toEqual(["vote.md"]);
  });

  it("refuses to write through a symlinked outlet folder, and writes nothing outside", async () => {
    await mkdir(join(repo, "archive"));
    await symlink(outside, join(repo, "archive/harbor"));
    await refused(
      writeArchiveFile(repo, "archive/harbor/precious.txt", "overwritten\n"),
      /^refused to write archive\/harbor\/precious\.txt: archive\/harbor is a symbolic link/,
    );
    await refused(writeArchiveFile(repo, "archive/harbor/new/x.md", "x\n"), /symbolic link/);
    expect(await readdir(outside)).toEqual(["precious.txt"]);
    expect(await readFile(join(outside, "precious.txt"), "utf8")).toBe("keep me\n");
  });

  it("refuses when archive/ itself is a symlink", async () => {
    await symlink(outside, join(repo, "archive"));
    await refused(
      writeArchiveFile(repo, "archive/harbor/x.md", "x\n"),
      /archive is a symbolic link/,
    );
    expect(await readdir(outside)).toEqual(["precious.txt"]);
  });

  it("refuses to replace a file that is a symlink, and leaves its target alone", async () => {
    await mkdir(join(repo, "archive/harbor"), { recursive: true });
    await symlink(join(outside, "precious.txt"), join(repo, "archive/harbor/vote.md"));
    await refused(
      writeArchiveFile(repo, "archive/harbor/vote.md", "x\n"),
      /it is a symbolic link, and stet only replaces plain files/,
    );
    expect(await readFile(join(outside, "precious.txt"), "utf8")).toBe("keep me\n");
  });

  it("refuses paths that are not plain paths inside archive/<outlet>/", async () => {
    for (const file of [
      "archive/harbor/../../etc/x.md",
      "../archive/harbor/x.md",
      "/etc/passwd",
      "archive/x.md",
      "site/harbor/x.md",
      "archive/harbor//x.md",
      "archive/harbor/a\\b.md",
    ]) {
      await refused(writeArchiveFile(repo, file, "x\n"), /^refused to write/);
    }
    expect(await readdir(repo)).toEqual([]);
  });

  it("refuses a folder in the file's place", async () => {
    await mkdir(join(repo, "archive/harbor/vote.md"), { recursive: true });
    await refused(writeArchiveFile(repo, "archive/harbor/vote.md", "x\n"), /it is a folder/);
  });
});

describe("removeArchiveFile", () => {
  it("removes a file and shrugs at one that is not there", async () => {
    await writeArchiveFile(repo, "archive/harbor/vote.md", "x\n");
    await removeArchiveFile(repo, "archive/harbor/vote.md");
    await removeArchiveFile(repo, "archive/harbor/vote.md");
    await removeArchiveFile(repo, "archive/other/none.md");
    expect(await readdir(join(repo, "archive/harbor"))).toEqual([]);
  });

  it("never deletes through a symlinked folder", async () => {
    await mkdir(join(repo, "archive"));
    await symlink(outside, join(repo, "archive/harbor"));
    await refused(removeArchiveFile(repo, "archive/harbor/precious.txt"), /symbolic link/);
    expect(await readFile(join(outside, "precious.txt"), "utf8")).toBe("keep me\n");
  });

  it("removes a symlink itself, not what it points to", async () => {
    await mkdir(join(repo, "archive/harbor"), { recursive: true });
    await symlink(join(outside, "precious.txt"), join(repo, "archive/harbor/vote.md"));
    await removeArchiveFile(repo, "archive/harbor/vote.md");
    await expect(lstat(join(repo, "archive/harbor/vote.md"))).rejects.toThrow();
    expect(await readFile(join(outside, "precious.txt"), "utf8")).toBe("keep me\n");
  });
});
