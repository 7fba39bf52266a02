// Writes and removes archive files without ever following a symbolic link or leaving archive/:
// a repository is untrusted input too (a fork, a hand commit may add `archive/harbor -> /etc`), and
// the file name comes from a URL the outlet chose. Every folder on the way is checked with lstat,
// and the file is written to a temporary name beside it and renamed into place, so a reader (or a
// commit after a crash) sees the old text or the new one, never half of it.

import { randomBytes } from "node:crypto";
import { lstat, mkdir, open, rename, unlink } from "node:fs/promises";
import { join } from "node:path";
import { ArchiveError } from "../errors.ts";
import { faultPoint } from "../fault-point.ts";

/**
 * Writes `text` to `file` (relative to `repo`, e.g. `archive/harbor/news/vote.md`), creating its
 * folders. Throws ArchiveError when the path is not a plain path inside `archive/<outlet>/`, or when
 * it or any folder on the way is a symbolic link or not what it should be.
 */
export async function writeArchiveFile(repo: string, file: string, text: string): Promise<void> {
  const segments = checkedSegments(file);
  const folder = await walkFolders(repo, file, segments.slice(0, -1), true);
  if (folder === null) throw new ArchiveError(`could not create the folders of ${file}`);
  const target = join(folder, segments[segments.length - 1] ?? "");
  await refuseNonFile(target, file);
  const temporary = join(folder, `.stet-${process.pid}-${randomBytes(6).toString("hex")}.tmp`);
  try {
    // "wx": create, and fail rather than follow anything already there.
    const handle = await open(temporary, "wx");
    try {
      await handle.writeFile(text, "utf8");
      await handle.sync();
    } finally {
      await handle.close();
    }
    faultPoint("mid-archive-write");
    await rename(temporary, target);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new ArchiveError(`could not write ${file}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

/**
 * Removes `file` (relative to `repo`) if it is there. A symbolic link in its place is removed
 * itself, never what it points to; a symbolic link among its folders is refused.
 */
export async function removeArchiveFile(repo: string, file: string): Promise<void> {
  const segments = checkedSegments(file);
  const folder = await walkFolders(repo, file, segments.slice(0, -1), false);
  if (folder === null) return;
  const target = join(folder, segments[segments.length - 1] ?? "");
  const stat = await lstat(target).catch(() => null);
  if (stat === null) return;
  if (stat.isDirectory()) throw new ArchiveError(`${file} is a folder, not an archive file`);
  await unlink(target);
}

// The path's segments, when it is `archive/<outlet>/…/<name>` with nothing that could climb out.
function checkedSegments(file: string): string[] {
  const segments = file.split("/");
  const plain =
    segments.length >= 3 &&
    segments[0] === "archive" &&
    segments.every((s) => s !== "" && s !== "." && s !== ".." && !/[\\\0]/.test(s));
  if (!plain) {
    throw new ArchiveError(
      `refused to write ${JSON.stringify(file)}: archive files live at archive/<outlet>/<path>, with no empty, . or .. part`,
    );
  }
  return segments;
}

// Walks the folders from the repository down, creating missing ones when asked; returns the last
// folder's path, or null when one is missing and not created.
async function walkFolders(
  repo: string,
  file: string,
  folders: string[],
  create: boolean,
): Promise<string | null> {
  let current = repo;
  let shown = "";
  for (const name of folders) {
    current = join(current, name);
    shown = shown === "" ? name : `${shown}/${name}`;
    let stat = await lstat(current).catch(() => null);
    if (stat === null) {
      if (!create) return null;
      await mkdir(current).catch((error: NodeJS.ErrnoException) => {
        if (error.code !== "EEXIST") {
          throw new ArchiveError(`could not create ${shown} for ${file}: ${error.message}`, {
            cause: error,
          });
        }
      });
      stat = await lstat(current);
    }
    if (stat.isSymbolicLink()) {
      throw new ArchiveError(
        `refused to write ${file}: ${shown} is a symbolic link, and stet never writes through one; remove it from the repository (git rm ${shown})`,
      );
    }
    if (!stat.isDirectory()) {
      throw new ArchiveError(`refused to write ${file}: ${shown} is a file, not a folder`);
    }
  }
  return current;
}

async function refuseNonFile(target: string, file: string): Promise<void> {
  const stat = await lstat(target).catch(() => null);
  if (stat === null || stat.isFile()) return;
  const what = stat.isSymbolicLink()
    ? "a symbolic link"
    : stat.isDirectory()
      ? "a folder"
      : "not a file";
  throw new ArchiveError(
    `refused to write ${file}: it is ${what}, and stet only replaces plain files; remove it from the repository (git rm ${file})`,
  );
}
