// Decides which articles a fetch pass checks, most overdue first: a known article is re-checked
// on tiers keyed to the time since its last real change (often while fresh, rarely after days,
// never after the last tier); an article never seen before is always due.

import type { ScheduleTier } from "../types.ts";

type Tier = ScheduleTier;

/** The check interval for an article whose last change was `sinceChangeMs` ago; null = never again. */
export function checkInterval(tiers: Tier[], sinceChangeMs: number): number | null {
  for (const tier of tiers) if (sinceChangeMs < tier.untilMs) return tier.everyMs;
  return null;
}

/** How long after its last change an article stops being checked. */
export function checkCutoffMs(tiers: Tier[]): number {
  return tiers.reduce((max, tier) => Math.max(max, tier.untilMs), 0);
}

export interface ScheduledArticle {
  url: string;
  /** Time of the last real change (or first sighting), ms since the epoch. */
  lastChange: number;
  /** Time of the last check, when the state remembers one. */
  lastCheck?: number;
}

export interface CheckPlan {
  /** URLs to check, in order: new articles first, then the most overdue. */
  due: string[];
  /** Known articles not due yet. */
  notDue: number;
  /** Known articles past the last tier: no longer checked. */
  retired: number;
}

/**
 * A check counts as due slightly early (a tenth of its interval), so a cron that fires every
 * 15 minutes, give or take, does not skip every other slot of a 15-minute tier.
 */
const EARLY = 0.1;

export function planChecks(
  known: ScheduledArticle[],
  discovered: string[],
  tiers: Tier[],
  now: number,
): CheckPlan {
  const knownUrls = new Set(known.map((article) => article.url));
  const fresh = [...new Set(discovered)].filter((url) => !knownUrls.has(url));
  const overdue: { url: string; by: number }[] = [];
  let notDue = 0;
  let retired = 0;
  for (const article of known) {
    const interval = checkInterval(tiers, now - article.lastChange);
    if (interval === null) {
      retired++;
      continue;
    }
    // Without a remembered check (lost or new state), the article is simply due.
    const by =
      article.lastCheck === undefined
        ? now - article.lastChange
        : now - article.lastCheck - interval;
    if (by >= -interval * EARLY) overdue.push({ url: article.url, by });
    else notDue++;
  }
  overdue.sort((a, b) => b.by - a.by || (a.url < b.url ? -1 : 1));
  return { due: [...fresh, ...overdue.map((o) => o.url)], notDue, retired };
}
