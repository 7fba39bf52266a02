// How many published articles, and versions of them, each outlet has: the front page, the status
// page and the API index show these. Pure.

import type { ArticleSummary } from "./page-types.ts";

export interface OutletTotals {
  articles: number;
  versions: number;
}

/** The totals of each outlet among `summaries` (an outlet without articles has none). */
export function outletTotals(summaries: readonly ArticleSummary[]): Map<string, OutletTotals> {
  const totals = new Map<string, OutletTotals>();
  for (const summary of summaries) {
    const entry = totals.get(summary.outlet) ?? { articles: 0, versions: 0 };
    entry.articles++;
    entry.versions += summary.versionCount;
    totals.set(summary.outlet, entry);
  }
  return totals;
}
