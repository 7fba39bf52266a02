// Builds the static site from every article's history: history, version, diff and compare pages
// rendered with Eleventy in batches of articles (each article's feed and API file written as it
// goes), then the listing, status, search and 404 pages, the site-wide feeds and API index, the
// browser scripts, and last the search index. Everything comes from the histories (and the
// fetch's status file), so the same input always gives the same bytes.

import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { diffVersions } from "../diff/diff-versions.ts";
import { BuildError } from "../errors.ts";
import { systemClock } from "../system-clock.ts";
import type { ArticleHistory, Clock, FetchStatus, Version, VersionDiff } from "../types.ts";
import { apiIndex } from "./api-index.ts";
import { articlePages } from "./article-pages.ts";
import { atomFeed } from "./atom-feed.ts";
import { bundleScripts } from "./bundle-scripts.ts";
import { listingPages } from "./listing-pages.ts";
import type { ArticleSummary, ChangeRecord, GoneRecord } from "./page-types.ts";
import { batchSize, emptyBatch, renderPages } from "./render-pages.ts";
import { buildSearchIndex } from "./search-index.ts";
import { siteChrome } from "./site-chrome.ts";
import { EPOCH, siteFeeds } from "./site-feeds.ts";
import { sitePages } from "./site-pages.ts";
import { SiteUrls } from "./site-urls.ts";
import { statusPage } from "./status-page.ts";
import { usableHistories } from "./usable-histories.ts";

/**
 * Pages per Eleventy run. Eleventy holds a run's pages in memory until it ends; a few thousand
 * keeps memory flat while amortizing each run's start-up.
 */
const PAGES_PER_RUN = 4_000;

export interface BuildSiteOptions {
  /** Every article, versions oldest first (number 1..n). */
  histories: ArticleHistory[];
  /** Config order; outlets with no articles still get a page. */
  outlets: { id: string; name: string }[];
  /**
   * `baseUrl` is absolute and ends with "/", e.g. https://x.github.io/repo/. `repository`, when
   * known, is the archive's repository on its forge (https://github.com/owner/repo), for links to
   * each version's commit and archived file.
   */
  site: { title: string; baseUrl: string; repository?: string | null };
  outDir: string;
  /** Articles are re-checked until their last change plus this many days. */
  checkDays: number;
  /** Outlet id → its own check period in days, where it differs from `checkDays`. */
  outletCheckDays?: Record<string, number>;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Pages per Eleventy run (default 4,000); the output does not depend on it. */
  pagesPerRun?: number;
  /**
   * What the fetch last reported (`.stet/status.json`), or why it could not be read; `null` when
   * there is none yet. The status page shows it.
   */
  status?: { status: FetchStatus } | { problem: string } | null;
  /** Whether to write the search index (default true); the step is timed in the log. */
  searchIndex?: boolean;
  /** Times the search index step for the log (default: the system clock). */
  clock?: Clock;
}

/**
 * Writes the site into `outDir` and returns how many HTML pages and feeds it wrote. Files from an
 * earlier build that this one does not write are left in place.
 */
export async function buildSite(
  options: BuildSiteOptions,
): Promise<{ pages: number; feeds: number }> {
  const log = options.log ?? (() => {});
  const { outDir, site } = options;
  const checkDays = checkPeriods(options);
  const pagesPerRun = options.pagesPerRun ?? PAGES_PER_RUN;
  const urls = new SiteUrls(site.baseUrl);
  const repository = checkRepository(site.repository ?? null);
  const { outlets, histories } = usableHistories(options.histories, options.outlets, log);
  const outletName = new Map(outlets.map((o) => [o.id, o.name]));
  const chrome = siteChrome({ title: site.title, outlets, urls });

  await mkdir(outDir, { recursive: true });

  let pages = 0;
  let feeds = 0;
  const write = async (file: string, text: string) => {
    const path = join(outDir, file);
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, text);
  };
  let batch = emptyBatch();
  const flush = async () => {
    pages += await renderPages({ outDir, chrome, batch, copyAssets: false });
    batch = emptyBatch();
    log(`rendered ${count(pages)} pages`);
  };

  const summaries: ArticleSummary[] = [];
  const changes: ChangeRecord[] = [];
  const gone: GoneRecord[] = [];
  for (const history of histories) {
    const name = outletName.get(history.outlet) ?? history.outlet;
    const diffs = diffHistory(history, log);
    if (diffs === null) continue;
    const built = articlePages({
      history,
      outletName: name,
      diffs: diffs.consecutive,
      firstToLatest: diffs.firstToLatest,
      urls,
      checkDays: checkDays(history.outlet),
      repository,
    });
    batch.histories.push(built.history);
    batch.versions.push(...built.versions);
    batch.diffs.push(...built.diffs);
    if (built.compare !== null) batch.compares.push(built.compare);
    await write(built.api.file, built.api.json);
    summaries.push(built.summary);
    changes.push(...built.changes);
    if (built.gone !== null) gone.push(built.gone);
    const { outlet, slug } = history;
    await write(
      urls.file({ kind: "article-feed", outlet, slug }),
      atomFeed({
        url: urls.absolute({ kind: "article-feed", outlet, slug }),
        pageUrl: urls.absolute({ kind: "article", outlet, slug }),
        title: `${site.title}: changes to “${built.summary.headline}”`,
        author: site.title,
        entries: built.changes,
        gone: built.gone === null ? [] : [built.gone],
        withOutlet: false,
        emptyUpdated: EPOCH,
      }),
    );
    feeds++;
    if (batchSize(batch) >= pagesPerRun) await flush();
  }

  const listings = listingPages({ outlets, summaries, changes, urls });
  batch.home.push(listings.home);
  batch.outlets.push(...listings.outlets);
  batch.headlines.push(listings.headlines);
  batch.statuses.push(statusPage({ status: options.status ?? null, outlets, summaries, urls }));
  const own = sitePages(urls);
  batch.searches.push(own.search);
  batch.notFound.push(own.notFound);
  pages += await renderPages({ outDir, chrome, batch, copyAssets: true });
  log(`rendered ${count(pages)} pages`);

  for (const feed of siteFeeds({ outlets, changes, gone, urls, siteTitle: site.title })) {
    await write(feed.file, feed.xml);
    feeds++;
  }
  log(`wrote ${count(feeds)} feeds`);
  for (const file of apiIndex({ outlets, summaries, urls, siteTitle: site.title })) {
    await write(file.file, file.json);
  }
  for (const script of await bundleScripts()) {
    await write(urls.file({ kind: "asset", name: script.name }), script.text);
  }
  if (options.searchIndex !== false) {
    const clock = options.clock ?? systemClock;
    const started = clock.now();
    const indexed = await buildSearchIndex(outDir);
    const seconds = ((clock.now() - started) / 1000).toFixed(1);
    log(`indexed ${count(indexed.pages)} pages for search in ${seconds} s`);
  }
  return { pages, feeds };
}

/** The repository URL for commit links, checked: an https URL, kept without a final "/". */
function checkRepository(repository: string | null): string | null {
  if (repository === null || repository === "") return null;
  let url: URL;
  try {
    url = new URL(repository);
  } catch (cause) {
    throw new BuildError(
      `The repository "${repository}" is not a URL; give one such as https://github.com/owner/repo.`,
      { cause },
    );
  }
  if (url.protocol !== "https:" || url.search !== "" || url.hash !== "" || url.username !== "") {
    throw new BuildError(
      `The repository "${repository}" must be an https URL without query or fragment, such as https://github.com/owner/repo.`,
    );
  }
  return url.href.replace(/\/+$/, "");
}

/** Each outlet's check period in days, after checking that every one is a number ≥ 0. */
function checkPeriods(options: BuildSiteOptions): (outlet: string) => number {
  const { checkDays } = options;
  const perOutlet = options.outletCheckDays ?? {};
  if (!isDays(checkDays)) {
    throw new BuildError(
      `checkDays must be a number of days ≥ 0, got ${checkDays}; check the fetch schedule in the config.`,
    );
  }
  for (const [outlet, days] of Object.entries(perOutlet)) {
    if (!isDays(days)) {
      throw new BuildError(
        `outletCheckDays.${outlet} must be a number of days ≥ 0, got ${days}; check outlet ${outlet}'s schedule in the config.`,
      );
    }
  }
  return (outlet) => (Object.hasOwn(perOutlet, outlet) ? (perOutlet[outlet] as number) : checkDays);
}

function isDays(days: unknown): days is number {
  return typeof days === "number" && Number.isFinite(days) && days >= 0;
}

/**
 * The diff of each consecutive pair of versions, and of the first and latest when there are three
 * or more; `null` (logged) if they cannot be compared.
 */
function diffHistory(
  history: ArticleHistory,
  log: (line: string) => void,
): { consecutive: VersionDiff[]; firstToLatest: VersionDiff | null } | null {
  const { versions } = history;
  const consecutive: VersionDiff[] = [];
  try {
    for (let i = 1; i < versions.length; i++) {
      consecutive.push(diffVersions(versions[i - 1] as Version, versions[i] as Version));
    }
    const firstToLatest =
      versions.length > 2 ? diffVersions(versions[0] as Version, versions.at(-1) as Version) : null;
    return { consecutive, firstToLatest };
  } catch (error) {
    log(`skipped ${history.file}: its versions could not be compared (${String(error)})`);
    return null;
  }
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}
