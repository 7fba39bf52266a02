// The data of the public status page, `/status/`: per outlet, when it was last checked and last
// worked, how many articles are watched and archived, and which pages were held or failed, and
// why — from the fetch's status file, with the archive's own counts beside it. Pure.

import type { FetchStatus, OutletStatus } from "../types.ts";
import { originalUrl } from "./article-context.ts";
import { displayText } from "./display-text.ts";
import { type TimeText, timeText } from "./format-time.ts";
import { type OutletTotals, outletTotals } from "./outlet-totals.ts";
import type { ArticleSummary, OriginalUrl, PageBase } from "./page-types.ts";
import type { SiteUrls } from "./site-urls.ts";

/** Held and failed pages listed per outlet at most; the rest are counted. */
const MAX_LISTED = 50;

/** One outlet's row of the status page. */
export interface OutletStatusRow {
  id: string;
  name: string;
  href: string;
  /** From the archive: articles and versions recorded. */
  articles: number;
  versions: number;
  /** From the fetch's status; `null` when no run has tried the outlet yet. */
  fetch: {
    lastRun: TimeText;
    lastSuccess: TimeText | null;
    failingRuns: number;
    watched: number;
    checked: number;
    newArticles: number;
    newVersions: number;
    notReached: number;
    held: { url: OriginalUrl; reason: string; since: TimeText; checks: number }[];
    heldMore: number;
    failed: { url: OriginalUrl; reason: string }[];
    failedMore: number;
  } | null;
}

/** `/status/`: how the watching is going. */
export interface StatusPage extends PageBase {
  /** When the status was written; `null` when there is none to show. */
  updated: TimeText | null;
  /** Why there is no status to show, when the file was there but unreadable. */
  problem: string | null;
  outlets: OutletStatusRow[];
}

/** The status page from the fetch's status (or why there is none) and the archive's summaries. */
export function statusPage(input: {
  status: { status: FetchStatus } | { problem: string } | null;
  outlets: readonly { id: string; name: string }[];
  summaries: readonly ArticleSummary[];
  /** Each outlet's totals, when `summaries` are not every article's; counted from them if absent. */
  totals?: ReadonlyMap<string, OutletTotals>;
  urls: SiteUrls;
}): StatusPage {
  const { urls } = input;
  const status = input.status !== null && "status" in input.status ? input.status.status : null;
  const byId = new Map<string, OutletStatus>();
  for (const outlet of status?.outlets ?? []) byId.set(outlet.id, outlet);
  const archived = input.totals ?? outletTotals(input.summaries);
  return {
    outputPath: urls.file({ kind: "status" }),
    title: "Outlet status",
    feed: { href: urls.href({ kind: "feed", name: "all" }), text: "All changes" },
    share: null,
    scripts: [],
    updated: status === null ? null : timeText(status.updated),
    problem: input.status !== null && "problem" in input.status ? input.status.problem : null,
    outlets: input.outlets.map((outlet) => {
      const fetched = byId.get(outlet.id);
      const counts = archived.get(outlet.id) ?? { articles: 0, versions: 0 };
      return {
        id: outlet.id,
        name: outlet.name,
        href: urls.href({ kind: "outlet", outlet: outlet.id }),
        ...counts,
        fetch:
          fetched === undefined
            ? null
            : {
                lastRun: timeText(fetched.lastRun),
                lastSuccess: fetched.lastSuccess === null ? null : timeText(fetched.lastSuccess),
                failingRuns: fetched.failingRuns,
                watched: fetched.watched,
                checked: fetched.checked,
                newArticles: fetched.newArticles,
                newVersions: fetched.newVersions,
                notReached: fetched.notReached,
                held: fetched.held.slice(0, MAX_LISTED).map((h) => ({
                  url: originalUrl(h.url),
                  reason: displayText(h.reason),
                  since: timeText(h.since),
                  checks: h.checks,
                })),
                heldMore: Math.max(0, fetched.held.length - MAX_LISTED),
                failed: fetched.failed.slice(0, MAX_LISTED).map((f) => ({
                  url: originalUrl(f.url),
                  reason: displayText(f.reason),
                })),
                failedMore: Math.max(0, fetched.failed.length - MAX_LISTED),
              },
      };
    }),
  };
}
