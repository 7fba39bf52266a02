// The site-wide Atom feeds: every change, headline changes only, and one per outlet; articles gone
// at the source are reported in the first and the last. Dated from the history alone, so an empty
// feed takes the archive's oldest event time, not the clock: it stays the same, byte for byte,
// while other feeds change (a build does not rewrite a feed with nothing new in it). Each feed is given as the spec
// `atomFeed` writes, with the changes it shows already chosen, so that a build can fill in the
// diff HTML of just those changes (it keeps no other) before writing it.

import { type AtomFeedSpec, FEED_ENTRIES } from "./atom-feed.ts";
import { byNewest, newest } from "./listing-pages.ts";
import type { ChangeRecord, GoneRecord } from "./page-types.ts";
import type { SiteUrls } from "./site-urls.ts";

/** `updated` of an empty feed when the archive has no versions at all. */
export const EPOCH = "1970-01-01T00:00:00.000Z";

/**
 * Each site-wide feed's file (relative to the site root) and spec; `spec.entries` are the newest
 * changes the feed can show, at most FEED_ENTRIES, in the order given by `byNewest`.
 */
export function siteFeeds(input: {
  outlets: readonly { id: string; name: string }[];
  changes: readonly ChangeRecord[];
  gone: readonly GoneRecord[];
  urls: SiteUrls;
  siteTitle: string;
}): { file: string; spec: AtomFeedSpec }[] {
  const { outlets, changes, gone, urls, siteTitle } = input;
  let oldest = EPOCH;
  let oldestMs = Number.POSITIVE_INFINITY;
  for (const list of [changes, gone]) {
    for (const c of list) {
      const ms = Date.parse(c.time);
      if (ms < oldestMs) {
        oldest = c.time;
        oldestMs = ms;
      }
    }
  }
  const home = urls.absolute({ kind: "home" });
  const entries = new Map<string, ChangeRecord[]>();
  for (const change of changes) {
    for (const name of feedNamesOf(change)) {
      const list = entries.get(name);
      if (list === undefined) entries.set(name, [change]);
      else list.push(change);
    }
  }
  const feeds = [
    { name: "all", title: "all changes", page: home, gone, withOutlet: true },
    { name: "headlines", title: "headline changes", page: home, gone: [], withOutlet: true },
    ...outlets.map((o) => ({
      name: o.id,
      title: `changes at ${o.name}`,
      page: urls.absolute({ kind: "outlet", outlet: o.id }),
      gone: gone.filter((g) => g.outlet === o.id),
      withOutlet: false,
    })),
  ];
  return feeds.map((feed) => ({
    file: urls.file({ kind: "feed", name: feed.name }),
    spec: {
      url: urls.absolute({ kind: "feed", name: feed.name }),
      pageUrl: feed.page,
      title: `${siteTitle}: ${feed.title}`,
      author: siteTitle,
      // atomFeed keeps the newest FEED_ENTRIES; choosing them here spares it sorting every
      // change of the archive for each feed, and tells the build whose diffs to fetch.
      entries: newest(entries.get(feed.name) ?? [], FEED_ENTRIES, byNewest),
      gone: feed.gone,
      withOutlet: feed.withOutlet,
      emptyUpdated: oldest,
    },
  }));
}

/** The site-wide feeds a change appears in, by name: every change is in "all" and its outlet's. */
export function feedNamesOf(change: ChangeRecord): string[] {
  return change.headlineChanged ? ["all", "headlines", change.outlet] : ["all", change.outlet];
}
