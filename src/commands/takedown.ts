// `stet takedown URL --reason TEXT`: removes an archived article in an ordinary commit that records
// why, and lists it so that no later fetch archives it again. The build leaves a removed article
// out of every page, feed and API file; purging it from history is a separate, deliberate step
// (README, "Taking an article down").

import { randomBytes } from "node:crypto";
import { rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { parseArticleFile } from "../archive/article-file.ts";
import { canonicalUrl } from "../archive/canonical-url.ts";
import { addTakedown, readTakedownsText, TAKEDOWNS_FILE } from "../archive/takedowns.ts";
import { removeArchiveFile } from "../archive/write-archive-file.ts";
import { ArchiveError, UsageError } from "../errors.ts";
import { GitRepository } from "../git/repository.ts";
import { printableLine } from "../printable-line.ts";
import { systemClock } from "../system-clock.ts";
import type { Clock } from "../types.ts";

export interface TakedownOptions {
  repo: string;
  /** The article's URL (as archived, or any form that canonicalizes to it) or its archive path. */
  target: string;
  reason: string;
  clock?: Clock;
  out?: (line: string) => void;
}

/** A commit message's subject or trailer value can hold this much of a reason. */
const MAX_REASON = 500;

export async function takedownCommand(options: TakedownOptions): Promise<number> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const reason = printableLine(options.reason, MAX_REASON);
  if (reason === "") {
    throw new UsageError(
      'stet takedown needs --reason TEXT: say why, e.g. --reason "court order 2026-114"',
    );
  }
  const byPath = /^archive\/[^/]+\/.+\.md$/.test(options.target);
  const url = byPath ? null : canonicalUrl(options.target);
  if (!byPath && url === null) {
    throw new UsageError(
      `stet takedown: ${options.target} is neither an http(s) URL nor an archive path (archive/<outlet>/….md)`,
    );
  }
  const git = await GitRepository.open(options.repo, { forWriting: true });
  const found = await findArticles(git, (file, fileUrl) =>
    byPath ? file === options.target : canonicalUrl(fileUrl) === url,
  );
  if (found.length === 0) {
    throw new ArchiveError(
      `no archived article ${byPath ? `at ${options.target}` : `has the URL ${url}`} in ${git.dir} (as of HEAD); give the url: of its front matter, or its archive path`,
    );
  }
  const clock = options.clock ?? systemClock;
  const date = new Date(clock.now()).toISOString();
  let list = await readTakedownsText(git.dir);
  for (const article of found) {
    await removeArchiveFile(git.dir, article.file);
    list = addTakedown(list, canonicalUrl(article.url) ?? article.url, date);
  }
  await writeTakedowns(git.dir, list ?? "");
  const [first] = found;
  const outlet = first?.file.split("/")[1] ?? "archive";
  const headline = printableLine(first?.title ?? first?.url ?? "", 200);
  const message = `${outlet}: taken down: ${headline}\n\n${found
    .map((a) => `Article-URL: ${a.url}\n`)
    .join("")}Takedown-Reason: ${reason}\n`;
  const commit = await git.commitPaths([...found.map((a) => a.file), TAKEDOWNS_FILE], message, {
    ...(await identity(git)),
    date,
  });
  for (const article of found) out(`took down ${article.url}: removed ${article.file}`);
  out(
    `committed ${commit.slice(0, 12)} with the reason; the next build leaves it out of the site, and stet fetch will not archive it again.`,
  );
  out(
    'It is still in the repository\'s history: to purge it there too, see the README, section "Taking an article down".',
  );
  return 0;
}

interface Found {
  file: string;
  url: string;
  title: string | null;
}

// Every archive file at HEAD whose path and front-matter URL pass `match`.
async function findArticles(
  git: GitRepository,
  match: (file: string, url: string) => boolean,
): Promise<Found[]> {
  if ((await git.head()) === null) return [];
  const listing = await git.run(["ls-tree", "-r", "-z", "--name-only", "HEAD", "--", "archive/"]);
  const files = listing.split("\0").filter((file) => file.endsWith(".md"));
  const texts = await git.readBlobs(files.map((file) => `HEAD:${file}`));
  const found: Found[] = [];
  for (const [index, file] of files.entries()) {
    let url = "";
    let title: string | null = null;
    try {
      const article = parseArticleFile(texts[index] ?? "");
      url = article.url;
      title = article.title;
    } catch {
      // An unreadable file can still be taken down by its path.
    }
    if (match(file, url)) found.push({ file, url: url || file, title });
  }
  return found;
}

// The person running the command, as git knows them; stet's own name when git does not.
async function identity(git: GitRepository): Promise<{ name: string; email: string }> {
  const name = (await git.tryRun(["config", "user.name"]))?.trim();
  const email = (await git.tryRun(["config", "user.email"]))?.trim();
  return { name: name || "stet", email: email || "stet@users.noreply.github.com" };
}

async function writeTakedowns(repo: string, text: string): Promise<void> {
  const temporary = join(repo, `.stet-takedowns-${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, text, { flag: "wx" });
    // rename replaces a symlink in the way instead of writing through it.
    await rename(temporary, join(repo, TAKEDOWNS_FILE));
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new ArchiveError(`could not write ${TAKEDOWNS_FILE}: ${(error as Error).message}`, {
      cause: error,
    });
  }
}
