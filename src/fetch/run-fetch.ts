// One fetch pass over the configured outlets: discover, plan what is due, fetch it politely,
// observe the page, decide what it means for the record (decide.ts) and apply that decision: a
// commit per new version, and what the state remembers. One outlet failing never stops the
// others; what the pass could not reach in its time budget is reached next run.

import type { ArchivedArticle } from "../archive/article-file.ts";
import { chooseArchivePath } from "../archive/choose-archive-path.ts";
import { type CommitDetails, commitVersion } from "../archive/commit-version.ts";
import { readTakedowns, takedownKey } from "../archive/takedowns.ts";
import { urlToArchivePath } from "../archive/url-to-archive-path.ts";
import { ConfigError } from "../errors.ts";
import { extract } from "../extract/extract.ts";
import { faultPoint } from "../fault-point.ts";
import { GitRepository } from "../git/repository.ts";
import { systemClock } from "../system-clock.ts";
import type { Clock, FetchStatus, Outlet, OutletReport, StetConfig } from "../types.ts";
import { type ArchivedText, type Decision, decide } from "./decide.ts";
import { discoverArticles } from "./discover-articles.ts";
import { acquireFetchLock } from "./fetch-lock.ts";
import { type FetchState, loadState, pruneState, saveState } from "./fetch-state.ts";
import { loadStatus, nextStatus, saveStatus } from "./fetch-status.ts";
import { observePage } from "./observe-page.ts";
import { PoliteClient } from "./polite-client.ts";
import { type Archive, type KnownArticle, readArchive } from "./read-archive.ts";
import { checkCutoffMs, planChecks } from "./schedule.ts";

const HTML_TYPES = /text\/html|application\/xhtml\+xml/i;

export interface FetchOptions {
  config: StetConfig;
  repo: string;
  /** The fetch time: every commit is dated at it, and the schedule is computed from it. */
  now: Date;
  outlet?: string;
  dryRun?: boolean;
  /** Stop starting new checks after this many minutes of `clock` time. */
  maxMinutes?: number;
  /** Measures the time budget, spaces and times out requests; default the system clock. */
  clock?: Clock;
  log: (line: string) => void;
  /** Called as an outlet's checks complete: how many of the due ones are done. */
  onProgress?: (outlet: string, done: number, due: number) => void;
}

/** What a fetch run came to: a report per outlet, and the status it leaves for the site. */
export interface FetchRun {
  reports: OutletReport[];
  status: FetchStatus;
}

type Serial = <T>(task: () => Promise<T>) => Promise<T>;

export async function runFetch(options: FetchOptions): Promise<FetchRun> {
  const { config, repo, log } = options;
  const clock = options.clock ?? systemClock;
  const git = await GitRepository.open(repo, { forWriting: !options.dryRun });
  let deadRun: string | null = null;
  const release = await acquireFetchLock(repo, {
    log,
    clock,
    onTakeover: (why) => {
      deadRun = why;
    },
  });
  try {
    if (deadRun !== null) await recoverFromDeadRun(git, log);
    const state = await loadState(repo, log);
    const client = new PoliteClient({ ...config.fetch, clock });
    // Commits share one index: they run one at a time, in the order pages were judged.
    let queue: Promise<unknown> = Promise.resolve();
    const serial: Serial = (task) => {
      const next = queue.then(task);
      queue = next.catch(() => undefined);
      return next;
    };
    const deadline =
      options.maxMinutes === undefined
        ? Number.POSITIVE_INFINITY
        : clock.now() + options.maxMinutes * 60_000;
    const outlets = config.outlets.filter((o) => !options.outlet || o.id === options.outlet);
    const takenDown = await readTakedowns(git.dir);
    const reports = await Promise.all(
      outlets.map((outlet) =>
        fetchOutlet(outlet, { ...options, clock, git, state, client, serial, deadline, takenDown }),
      ),
    );
    const status = nextStatus({
      previous: await loadStatus(repo, log),
      reports,
      state,
      now: options.now.toISOString(),
    });
    // A dry run commits nothing, so it must not remember checks either: they would hide the
    // changes it saw from the next real run.
    if (!options.dryRun) {
      // Nothing is checked after the longest schedule's last tier; a week's slack on top.
      const longest = Math.max(
        ...[config.fetch.schedule, ...config.outlets.map((o) => o.schedule ?? [])].map(
          checkCutoffMs,
        ),
      );
      pruneState(state, options.now.getTime(), longest + 7 * 86_400_000);
      await saveState(repo, state);
      await saveStatus(repo, status);
    }
    return { reports, status };
  } finally {
    await release();
  }
}

// The run before this one died holding the fetch lock: whatever it was writing is not a version.
// Git's own lock files from that run would fail every commit, and a file (or a temporary file) it
// wrote but did not commit must not linger: the archive is put back as HEAD has it.
async function recoverFromDeadRun(git: GitRepository, log: (line: string) => void): Promise<void> {
  const locks = await git.lockFiles();
  if (locks.length > 0) {
    await git.removeLockFiles(locks);
    log(`removed git lock files left by the run that died: ${locks.join(", ")}`);
  }
  if ((await git.head()) !== null) {
    await git.run(["reset", "-q", "HEAD", "--", "archive/"]).catch(() => undefined);
    await git.run(["checkout", "-q", "HEAD", "--", "archive/"]).catch(() => undefined);
  }
  await git.run(["clean", "-fdq", "--", "archive/"]).catch(() => undefined);
}

interface OutletContext extends FetchOptions {
  clock: Clock;
  /** Keys of the canonical URLs taken down with `stet takedown`: never archived again. */
  takenDown: Set<string>;
  git: GitRepository;
  state: FetchState;
  client: PoliteClient;
  serial: Serial;
  deadline: number;
}

function emptyReport(outlet: string): OutletReport {
  return {
    outlet,
    checked: 0,
    newArticles: 0,
    newVersions: 0,
    unchanged: 0,
    held: [],
    gone: [],
    back: [],
    failed: [],
    skipped: [],
    notDue: 0,
    retired: 0,
    watched: 0,
    notReached: 0,
    sourcesRead: 0,
    commitsFailed: 0,
  };
}

async function fetchOutlet(outlet: Outlet, context: OutletContext): Promise<OutletReport> {
  const { config, now, log, state, client } = context;
  const report = emptyReport(outlet.id);
  const say = (line: string) => log(`${outlet.id}: ${line}`);
  // A selector that is not valid CSS would fail every article alike: say so once, skip the outlet.
  try {
    extract("<!doctype html><title>x</title>", "https://example.org/", outlet.selectors);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    report.failed.push({ url: outlet.id, reason: error.message });
    say(error.message);
    return report;
  }
  const archive = await readArchive(context.git, outlet.id);
  const discovery = await discoverArticles(outlet, client, {
    deadline: context.deadline,
    clock: context.clock,
  });
  for (const problem of discovery.problems) {
    // "feed https://…/feed.xml: why": the source, then the reason.
    const split = problem.indexOf(": ");
    report.failed.push(
      split < 0
        ? { url: problem, reason: problem }
        : { url: problem.slice(0, split), reason: problem.slice(split + 2) },
    );
    say(problem);
  }
  report.sourcesRead = discovery.sourcesRead;
  // An article taken down with `stet takedown` is never archived again.
  const discovered = discovery.urls
    .map((url) => state.aliases[url] ?? url)
    .filter((url) => !context.takenDown.has(takedownKey(url)));
  const fromFeeds = new Set(discovered);
  const plan = planChecks(
    [...archive.byUrl].map(([url, known]) => {
      const lastCheck = state.articles[url]?.lastCheck;
      return {
        url,
        lastChange: known.lastChange,
        ...(lastCheck ? { lastCheck: Date.parse(lastCheck) } : {}),
      };
    }),
    discovered,
    outlet.schedule ?? config.fetch.schedule,
    now.getTime(),
  );
  report.notDue = plan.notDue;
  report.retired = plan.retired;
  report.watched = archive.byUrl.size - plan.retired;

  const check = async (url: string) => {
    const remembered = state.articles[url] ?? {};
    const known = archive.byUrl.get(url) ?? null;
    // Validators only for a text the archive holds as they were seen with, never for a held cut.
    const conditional = known !== null && !remembered.held && remembered.textHash !== undefined;
    let result = await client.get(
      url,
      HTML_TYPES,
      conditional ? { etag: remembered.etag, lastModified: remembered.lastModified } : undefined,
      { allowPrivateAddresses: outlet.allowPrivateAddresses },
    );
    for (let attempt = 0; ; attempt++) {
      const observation = observePage(result, outlet);
      if (observation.kind === "page" && observation.canonical !== url && fromFeeds.has(url)) {
        state.aliases[url] = observation.canonical;
      }
      const refetch = await context.serial(async () => {
        const canonical = observation.kind === "page" ? observation.canonical : url;
        const entry = archive.byUrl.get(canonical) ?? null;
        const decision = decide({
          url,
          known: archived(known),
          previous: archived(entry),
          observation,
          remembered,
          now: now.toISOString(),
          typography: config.fetch.typography,
        });
        if (decision.outcome.kind === "refetch" && attempt === 0) return true;
        await apply(decision, { url, canonical, entry, archive, outlet, report, say, context });
        return false;
      });
      if (!refetch) return;
      say(
        `${url} answered 304, but the archive does not hold the text it was seen with: fetching it again`,
      );
      result = await client.get(url, HTML_TYPES, undefined, {
        allowPrivateAddresses: outlet.allowPrivateAddresses,
      });
    }
  };

  // Workers take the due articles in plan order (new first, then most overdue), so the time budget
  // cuts off the least urgent ones; the client still spaces requests to each host.
  const queue = [...plan.due];
  let done = 0;
  context.onProgress?.(outlet.id, done, plan.due.length);
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      if (context.clock.now() > context.deadline) {
        report.notReached++;
        continue;
      }
      await check(url).catch((error: unknown) => {
        // A bug or a git failure on one article is reported; the other articles go on.
        const reason =
          error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error);
        report.failed.push({ url, reason });
        say(`failed ${url}: ${reason}`);
      });
      context.onProgress?.(outlet.id, ++done, plan.due.length);
    }
  };
  await Promise.all(Array.from({ length: config.fetch.concurrency }, worker));
  return report;
}

function archived(known: KnownArticle | null): ArchivedText | null {
  return known === null ? null : { article: known.article, gone: known.gone };
}

interface ApplyContext {
  /** The checked URL (the state's key). */
  url: string;
  /** The article's canonical URL. */
  canonical: string;
  /** What the archive holds at the canonical URL. */
  entry: KnownArticle | null;
  archive: Archive;
  outlet: Outlet;
  report: OutletReport;
  say: (line: string) => void;
  context: OutletContext;
}

// Carries out one decision: reports it, commits what it records, and updates the state (after a
// commit only once the commit is made, so a failed commit is never remembered as archived).
async function apply(decision: Decision, at: ApplyContext): Promise<void> {
  const { outcome } = decision;
  const { url, canonical, entry, report, say, context } = at;
  const remember = () => {
    if (decision.state !== null) context.state.articles[url] = decision.state;
  };
  const commit = async (
    known: KnownArticle | null,
    file: string,
    text: ArchivedArticle,
    kind: NonNullable<CommitDetails["kind"]>,
  ): Promise<number | null> => {
    try {
      return await record(context, at.archive, at.outlet, file, known, text, kind);
    } catch (error) {
      report.commitsFailed++;
      const reason = (error as Error).message.split("\n")[0] ?? "";
      report.failed.push({ url, reason });
      say(`failed ${url}: ${reason}`);
      const remembered = context.state.articles[url] ?? {};
      context.state.articles[url] = { ...remembered, failures: (remembered.failures ?? 0) + 1 };
      return null;
    }
  };
  switch (outcome.kind) {
    case "disallowed":
      report.skipped.push(url);
      say(`skipped ${url}: disallowed by robots.txt`);
      return;
    case "failed":
      report.checked++;
      report.failed.push({ url, reason: outcome.reason });
      say(`failed ${url}: ${outcome.reason}`);
      remember();
      return;
    case "refetch":
      // A second 304 right after a request without validators: the server insists. Leave it.
      report.checked++;
      report.failed.push({ url, reason: "HTTP 304 to a request without validators" });
      say(`failed ${url}: HTTP 304 to a request without validators`);
      return;
    case "unchanged":
      report.checked++;
      report.unchanged++;
      remember();
      return;
    case "held":
      report.checked++;
      report.held.push({ url, reason: outcome.reason });
      say(`held ${url}: ${outcome.reason}`);
      remember();
      return;
    case "gone": {
      report.checked++;
      report.gone.push(url);
      const known = at.archive.byUrl.get(url) as KnownArticle;
      if (outcome.mark !== null) {
        const text = { ...known.article, url, gone: outcome.mark };
        if ((await commit(known, known.file, text, "gone")) === null) return;
        say(`gone at the source: ${url} (HTTP ${outcome.status}); archived text kept`);
      }
      remember();
      return;
    }
    case "back": {
      report.checked++;
      report.unchanged++;
      const known = entry as KnownArticle;
      const text = { url: canonical, ...known.article };
      if ((await commit(known, known.file, text, "back")) === null) return;
      report.back.push(url);
      say(`back at the source: ${url}`);
      remember();
      return;
    }
    case "new-article":
    case "new-version": {
      report.checked++;
      if (context.takenDown.has(takedownKey(canonical))) {
        say(`not archived: ${canonical} was taken down (stet takedown)`);
        remember();
        return;
      }
      // A file at the article's own path that cannot be read is reported until someone fixes it,
      // rather than the article starting a second history under another path.
      const unreadable = at.archive.byFile.get(urlToArchivePath(canonical, at.outlet.id));
      if (entry === null && unreadable instanceof Error) {
        report.failed.push({ url, reason: unreadable.message });
        say(`failed ${url}: ${unreadable.message}`);
        return;
      }
      const file = entry?.file ?? chooseArchivePath(canonical, at.outlet.id, at.archive.taken);
      const version = await commit(entry, file, { url: canonical, ...outcome.article }, "version");
      if (version === null) return;
      faultPoint("after-commit");
      if (outcome.kind === "new-article") report.newArticles++;
      else report.newVersions++;
      if (outcome.kind === "new-version" && outcome.back) report.back.push(url);
      const what =
        outcome.kind === "new-article"
          ? "new article"
          : `version ${version}${outcome.confirmedCut ? " (confirmed cut)" : ""}`;
      say(`${what}: ${outcome.article.title ?? canonical} (${file})`);
      remember();
      return;
    }
  }
}

// Commits one version or event (unless a dry run) and updates what the archive knows.
async function record(
  context: OutletContext,
  archive: Archive,
  outlet: Outlet,
  file: string,
  known: KnownArticle | null,
  archived: ArchivedArticle,
  kind: NonNullable<CommitDetails["kind"]>,
): Promise<number> {
  const { config, now } = context;
  const version = kind === "version" ? (known?.versions ?? 0) + 1 : (known?.versions ?? 1);
  if (!context.dryRun) {
    await commitVersion(context.git, file, archived, {
      outlet: outlet.id,
      kind,
      version,
      time: now.toISOString(),
      authorName: config.git.authorName,
      authorEmail: config.git.authorEmail,
    });
  }
  const { url, gone, ...article } = archived;
  // Only a new text resets the schedule's clock; gone and back are events on the same text.
  const lastChange = kind === "version" ? now.getTime() : (known?.lastChange ?? now.getTime());
  archive.byUrl.set(url, { file, article, gone: gone ?? null, versions: version, lastChange });
  archive.byFile.set(file, url);
  archive.taken.add(file);
  return version;
}
