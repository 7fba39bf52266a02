// "Most edited this week" on the front page: the articles with the most new versions in the seven
// days up to the newest change in the archive — never up to the build's clock, so the same history
// always gives the same page, and an archive that stopped growing still shows its last busy week.

import { compareStrings } from "./compare-strings.ts";
import { type TimeText, timeText } from "./format-time.ts";
import type { ChangeRecord, Link } from "./page-types.ts";
import type { SiteUrls } from "./site-urls.ts";

const WEEK_MS = 7 * 86_400_000;

/** An article among the most edited. */
export interface MostEditedItem {
  headline: string;
  href: string;
  outlet: Link;
  /** New versions in the week. */
  changes: number;
  lastChanged: TimeText;
  /** The first-versus-latest diff, when the article has one. */
  firstToLatestHref: string | null;
}

/** The week's most edited articles, most changes first, at most `limit`. */
export function mostEdited(
  changes: readonly ChangeRecord[],
  urls: SiteUrls,
  limit = 10,
): { since: TimeText | null; until: TimeText | null; items: MostEditedItem[] } {
  let newest = Number.NEGATIVE_INFINITY;
  for (const change of changes) newest = Math.max(newest, Date.parse(change.time));
  if (!Number.isFinite(newest)) return { since: null, until: null, items: [] };
  const since = weekBefore(newest);
  const byArticle = new Map<string, { count: number; latest: ChangeRecord }>();
  for (const change of changes) {
    const time = Date.parse(change.time);
    if (!isWeekEdit(change.number, time, since)) continue;
    const key = `${change.outlet}/${change.slug}`;
    const entry = byArticle.get(key);
    if (entry === undefined) byArticle.set(key, { count: 1, latest: change });
    else {
      entry.count++;
      if (change.number > entry.latest.number) entry.latest = change;
    }
  }
  const items = [...byArticle.values()]
    .sort(
      (a, b) =>
        b.count - a.count ||
        Date.parse(b.latest.time) - Date.parse(a.latest.time) ||
        compareStrings(a.latest.outlet, b.latest.outlet) ||
        compareStrings(a.latest.slug, b.latest.slug),
    )
    .slice(0, limit)
    .map(({ count, latest }) => ({
      headline: latest.headline,
      href: latest.articleHref,
      outlet: {
        href: urls.href({ kind: "outlet", outlet: latest.outlet }),
        text: latest.outletName,
      },
      changes: count,
      lastChanged: timeText(latest.time),
      firstToLatestHref: latest.firstToLatestHref,
    }));
  return {
    since: timeText(new Date(since).toISOString()),
    until: timeText(new Date(newest).toISOString()),
    items,
  };
}

/** Where the week up to the newest change (at `newest`, in milliseconds) starts. */
export function weekBefore(newest: number): number {
  return newest - WEEK_MS;
}

/** Whether change `number` at `ms` is an edit counted in the week that starts at `since`. */
export function isWeekEdit(number: number, ms: number, since: number): boolean {
  return number >= 2 && !(ms < since);
}
