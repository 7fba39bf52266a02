// Builds the static site from every article's history: history, version and diff pages rendered
// with Eleventy in batches of articles, then the listing pages, then the Atom feeds.
// Everything comes from the histories, so the same histories always give the same bytes.

import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { diffVersions } from "../diff/diff-versions.ts";
import { BuildError } from "../errors.ts";
import type { ArticleHistory, Version, VersionDiff } from "../types.ts";
import { articlePages } from "./article-pages.ts";
import { atomFeed } from "./atom-feed.ts";
import { listingPages } from "./listing-pages.ts";
import type { ArticleSummary, ChangeRecord, GoneRecord } from "./page-types.ts";
import { batchSize, emptyBatch, renderPages, type SiteChrome } from "./render-pages.ts";
import { EPOCH, siteFeeds } from "./site-feeds.ts";
import { SiteUrls } from "./site-urls.ts";
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
  /** `baseUrl` is absolute and ends with "/", e.g. https://x.github.io/repo/. */
  site: { title: string; baseUrl: string };
  outDir: string;
  /** Articles are re-checked until their last change plus this many days. */
  checkDays: number;
  /** Outlet id → its own check period in days, where it differs from `checkDays`. */
  outletCheckDays?: Record<string, number>;
  /** Progress lines. */
  log?: (line: string) => void;
  /** Pages per Eleventy run (default 4,000); the output does not depend on it. */
  pagesPerRun?: number;
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
  const { outlets, histories } = usableHistories(options.histories, options.outlets, log);
  const outletName = new Map(outlets.map((o) => [o.id, o.name]));
  const chrome: SiteChrome = {
    title: site.title,
    home: urls.href({ kind: "home" }),
    stylesheet: urls.href({ kind: "stylesheet" }),
    outlets: outlets.map((o) => ({
      href: urls.href({ kind: "outlet", outlet: o.id, page: 1 }),
      text: o.name,
    })),
    feeds: [
      { href: urls.href({ kind: "feed", name: "all" }), text: "all changes" },
      { href: urls.href({ kind: "feed", name: "headlines" }), text: "headline changes" },
    ],
  };
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
      diffs,
      urls,
      checkDays: checkDays(history.outlet),
    });
    batch.histories.push(built.history);
    batch.versions.push(...built.versions);
    batch.diffs.push(...built.diffs);
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
  pages += await renderPages({ outDir, chrome, batch, copyAssets: true });
  log(`rendered ${count(pages)} pages`);

  for (const feed of siteFeeds({ outlets, changes, gone, urls, siteTitle: site.title })) {
    await write(feed.file, feed.xml);
    feeds++;
  }
  log(`wrote ${count(feeds)} feeds`);
  return { pages, feeds };
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

/** The diff of each consecutive pair of versions; `null` (logged) if they cannot be compared. */
function diffHistory(history: ArticleHistory, log: (line: string) => void): VersionDiff[] | null {
  const diffs: VersionDiff[] = [];
  try {
    for (let i = 1; i < history.versions.length; i++) {
      diffs.push(diffVersions(history.versions[i - 1] as Version, history.versions[i] as Version));
    }
  } catch (error) {
    log(`skipped ${history.file}: its versions could not be compared (${String(error)})`);
    return null;
  }
  return diffs;
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}
