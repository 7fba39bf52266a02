// Publishing the archive when another run pushed first: a bare origin and two clones in temp
// folders, commits made the way the fetch makes them, and the push's replay checked against every
// text the outlet served. No archived text may be one the outlet never served.

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { type ArchivedArticle, parseArticleFile } from "../../src/archive/article-file.ts";
import { commitVersion } from "../../src/archive/commit-version.ts";
import { GitRepository } from "../../src/git/repository.ts";
import { readHistory } from "../../src/history/read-history.ts";
import { pushArchive } from "../../src/publish/push-archive.ts";
import { manualClock } from "../support/manual-clock.ts";
import { runStet } from "../support/run-stet.ts";
import { git, removeTempDir } from "../support/temp-repo.ts";

const FILE = "archive/gazette/news/baths.md";
const URL_ = "https://gazette.example/news/baths";

const PARAGRAPHS = [
  "The Millbrook town council voted on Tuesday to close the old swimming baths on Quarry Lane.",
  "Councillor Ines Aldana said the repairs would cost more than the town spends on its parks.",
  "About two hundred people signed a letter asking the council to keep the baths open.",
  "The council will meet again next month to decide what to do with the building.",
];

function text(paragraphs: string[], title = "Millbrook to close its old swimming baths") {
  return { url: URL_, title, byline: "Dora Penhallow", published: null, paragraphs };
}

const v1 = text(PARAGRAPHS);
// Run A edits the first paragraph; run B, which never saw A's version, the third.
const fromA = text(PARAGRAPHS.map((p, i) => (i === 0 ? p.replace("Tuesday", "Monday") : p)));
const fromB = text(
  PARAGRAPHS.map((p, i) => (i === 2 ? p.replace("two hundred", "three hundred") : p)),
);

let root: string;
let origin: string;
let a: GitRepository;
let b: GitRepository;
const lines: string[] = [];

async function commit(
  repo: GitRepository,
  article: ArchivedArticle,
  time: string,
  kind: "version" | "gone" | "back" = "version",
  version = 1,
): Promise<void> {
  await commitVersion(repo, FILE, article, {
    outlet: "gazette",
    kind,
    version,
    time,
    authorName: "github-actions[bot]",
    authorEmail: "41898282+github-actions[bot]@users.noreply.github.com",
  });
}

function push(repo: GitRepository, attempts = 3) {
  return pushArchive({
    git: repo,
    remote: "origin",
    branch: "archive",
    attempts,
    clock: manualClock(),
    log: (line) => lines.push(line),
  });
}

// Every text origin's branch ever held for FILE, oldest first, with its Version trailer.
async function originTexts(): Promise<{ text: ArchivedArticle; version: string }[]> {
  const log = await git(
    origin,
    "log",
    "--reverse",
    "--format=%H %(trailers:key=Version,valueonly,separator=%x2C)",
    "archive",
    "--",
    FILE,
  );
  const result = [];
  for (const line of log.trim().split("\n")) {
    const [sha = "", version = ""] = line.split(" ");
    result.push({ text: parseArticleFile(await git(origin, "show", `${sha}:${FILE}`)), version });
  }
  return result;
}

beforeEach(async () => {
  lines.length = 0;
  root = await mkdtemp(join(tmpdir(), "stet-push-"));
  origin = join(root, "origin.git");
  await git(root, "init", "-q", "--bare", "-b", "archive", origin);
  await git(root, "init", "-q", "-b", "archive", join(root, "a"));
  await git(join(root, "a"), "remote", "add", "origin", origin);
  a = await GitRepository.open(join(root, "a"), { forWriting: true });
  await commit(a, v1, "2026-11-20T09:00:00Z");
  await push(a);
  await git(root, "clone", "-q", "-b", "archive", origin, join(root, "b"));
  b = await GitRepository.open(join(root, "b"), { forWriting: true });
});

afterEach(async () => {
  await removeTempDir(root);
});

describe("stet push after another run pushed first", () => {
  it("replays a version onto origin's newer one as exactly the text fetched, numbered after it", async () => {
    await commit(a, fromA, "2026-11-20T10:00:00Z", "version", 2);
    await push(a);
    // B fetched later, from v1: git alone would merge both edits into a text nobody served.
    await commit(b, fromB, "2026-11-20T10:15:00Z", "version", 2);
    const report = await push(b);
    expect(report).toMatchObject({ pushed: 1, replayed: 1, dropped: [], attempts: 2 });
    const texts = await originTexts();
    expect(texts.map((t) => t.version)).toEqual(["1", "2", "3"]);
    expect(texts.map((t) => t.text)).toEqual([v1, fromA, fromB]);
    // The site numbers versions the same way as the trailers.
    const history = await readHistory(await GitRepository.open(join(root, "b")));
    expect(history.articles[0]?.versions.map((v) => [v.number, v.paragraphs])).toEqual([
      [1, v1.paragraphs],
      [2, fromA.paragraphs],
      [3, fromB.paragraphs],
    ]);
  });

  it("replays when both runs edited the same paragraph, where a rebase would stop", async () => {
    const otherEdit = text(
      PARAGRAPHS.map((p, i) => (i === 2 ? p.replace("two hundred", "four hundred") : p)),
    );
    await commit(a, otherEdit, "2026-11-20T10:00:00Z", "version", 2);
    await push(a);
    await commit(b, fromB, "2026-11-20T10:15:00Z", "version", 2);
    expect(await push(b)).toMatchObject({ replayed: 1, dropped: [] });
    expect((await originTexts()).map((t) => t.text)).toEqual([v1, otherEdit, fromB]);
  });

  it("drops a version when origin checked the article later, to be fetched again next run", async () => {
    await commit(a, fromA, "2026-11-20T10:30:00Z", "version", 2);
    await push(a);
    await commit(b, fromB, "2026-11-20T10:15:00Z", "version", 2);
    const report = await push(b);
    expect(report.dropped).toEqual([
      {
        file: FILE,
        reason:
          "origin has a later check of it (fetched 2026-11-20T10:30:00.000Z); it is fetched again next run",
      },
    ]);
    expect((await originTexts()).map((t) => t.text)).toEqual([v1, fromA]);
  });

  it("drops a version of an article taken down on origin", async () => {
    await git(join(root, "a"), "rm", "-q", FILE);
    await git(
      join(root, "a"),
      "-c",
      "user.name=editor",
      "-c",
      "user.email=e@x",
      "commit",
      "-qm",
      "take down",
    );
    await push(a);
    await commit(b, fromB, "2026-11-20T10:15:00Z", "version", 2);
    const report = await push(b);
    expect(report.dropped).toEqual([
      { file: FILE, reason: "the article was taken down on origin" },
    ]);
    expect((await git(origin, "ls-tree", "-r", "--name-only", "archive")).trim()).toBe("");
  });

  it("marks origin's latest text gone instead of bringing an older text back", async () => {
    await commit(a, fromA, "2026-11-20T10:00:00Z", "version", 2);
    await push(a);
    const gone = { since: "2026-11-20T10:15:00.000Z", status: 404 };
    await commit(b, { ...v1, gone }, "2026-11-20T10:15:00Z", "gone", 1);
    expect(await push(b)).toMatchObject({ replayed: 1 });
    const texts = await originTexts();
    expect(texts.at(-1)?.text).toEqual({ ...fromA, gone });
    expect(texts.map((t) => t.version)).toEqual(["1", "2", ""]);
  });

  it("keeps one Version trailer per number across several replayed versions", async () => {
    await commit(a, fromA, "2026-11-20T10:00:00Z", "version", 2);
    await push(a);
    await commit(b, fromB, "2026-11-20T10:15:00Z", "version", 2);
    const again = text(fromB.paragraphs, "Millbrook baths to close after council vote");
    await commit(b, again, "2026-11-20T10:30:00Z", "version", 3);
    await push(b);
    expect((await originTexts()).map((t) => t.version)).toEqual(["1", "2", "3", "4"]);
  });

  it("gives up after its attempts with the reason, and never forces", async () => {
    await commit(b, fromB, "2026-11-20T10:15:00Z", "version", 2);
    await git(join(root, "b"), "remote", "set-url", "origin", join(root, "nowhere.git"));
    await expect(push(b, 2)).rejects.toThrow(/^could not push to origin\/archive after 2 attempts/);
    expect((await originTexts()).map((t) => t.text)).toEqual([v1]);
  });
});

describe("stet push on the command line", () => {
  it("pushes new commits to the branch and says how many", async () => {
    await commit(b, fromB, "2026-11-20T10:15:00Z", "version", 2);
    const run = await runStet(["push", "--repo", join(root, "b")]);
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("pushed 1 commit to origin/archive\n");
    expect((await originTexts()).map((t) => t.text)).toEqual([v1, fromB]);
  });
});
