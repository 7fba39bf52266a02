// Renders one batch of page data to HTML files with a fresh Eleventy instance. Eleventy keeps
// every page of a run in memory until the run ends, so the site is rendered as many small runs
// rather than one big one; each template paginates (size 1) over its array of the batch.

import { fileURLToPath } from "node:url";
import { Eleventy } from "@11ty/eleventy";
import { BuildError } from "../errors.ts";
import type { ComparePage } from "./compare-page.ts";
import type { DiffPage } from "./diff-page.ts";
import type { HistoryPage } from "./history-page.ts";
import type { HeadlinesPage, HomePage, OutletPage } from "./listing-pages.ts";
import type { Link } from "./page-types.ts";
import type { NotFoundPage, SearchPage } from "./site-pages.ts";
import type { StatusPage } from "./status-page.ts";
import type { VersionPage } from "./version-page.ts";

/** The Nunjucks templates, `_includes/` layouts and `assets/` of the site. */
export const TEMPLATES_DIR = fileURLToPath(new URL("../../templates/", import.meta.url));

/** Pages to render in one run, by template. */
export interface PageBatch {
  home: HomePage[];
  outlets: OutletPage[];
  histories: HistoryPage[];
  versions: VersionPage[];
  diffs: DiffPage[];
  compares: ComparePage[];
  headlines: HeadlinesPage[];
  statuses: StatusPage[];
  searches: SearchPage[];
  notFound: NotFoundPage[];
}

/** What every page shows around its content: site name, navigation, feeds, icon. */
export interface SiteChrome {
  title: string;
  home: string;
  stylesheet: string;
  favicon: string;
  outlets: Link[];
  /** The site's own pages in the header: headline changes, search, status. */
  pages: Link[];
  feeds: Link[];
}

/** An empty batch, to fill. */
export function emptyBatch(): PageBatch {
  return {
    home: [],
    outlets: [],
    histories: [],
    versions: [],
    diffs: [],
    compares: [],
    headlines: [],
    statuses: [],
    searches: [],
    notFound: [],
  };
}

/** The number of pages in a batch. */
export function batchSize(batch: PageBatch): number {
  return Object.values(batch).reduce((sum, pages: unknown[]) => sum + pages.length, 0);
}

/**
 * Writes the batch's pages below `outDir` and returns how many were written. With
 * `copyAssets`, also copies `templates/assets/` (stylesheet, icon) to `<outDir>/assets/`.
 */
export async function renderPages(options: {
  outDir: string;
  chrome: SiteChrome;
  batch: PageBatch;
  copyAssets: boolean;
}): Promise<number> {
  const { outDir, chrome, batch, copyAssets } = options;
  const pages = batchSize(batch);
  if (pages === 0 && !copyAssets) return 0;
  const eleventy = new Eleventy(TEMPLATES_DIR, outDir, {
    quietMode: true,
    configPath: false,
    config(cfg) {
      cfg.setTemplateFormats(["njk"]);
      cfg.addGlobalData("site", chrome);
      cfg.addGlobalData("homePages", batch.home);
      cfg.addGlobalData("outletPages", batch.outlets);
      cfg.addGlobalData("historyPages", batch.histories);
      cfg.addGlobalData("versionPages", batch.versions);
      cfg.addGlobalData("diffPages", batch.diffs);
      cfg.addGlobalData("comparePages", batch.compares);
      cfg.addGlobalData("headlinesPages", batch.headlines);
      cfg.addGlobalData("statusPages", batch.statuses);
      cfg.addGlobalData("searchPages", batch.searches);
      cfg.addGlobalData("notFoundPages", batch.notFound);
      if (copyAssets) cfg.addPassthroughCopy({ [`${TEMPLATES_DIR}assets`]: "assets" });
    },
  });
  // Progress is reported by the caller, once per batch, not by Eleventy.
  eleventy.logger.overrideLogger(false);
  try {
    await eleventy.write();
  } catch (cause) {
    const first =
      batch.histories[0]?.outputPath ?? batch.outlets[0]?.outputPath ?? "the front page";
    throw new BuildError(
      `Rendering ${pages} pages (from ${first}) failed: ${cause instanceof Error ? cause.message : String(cause)}. Check the templates in ${TEMPLATES_DIR}.`,
      { cause },
    );
  }
  return pages;
}
