// The site-wide Atom feeds: every change, headline changes only, and one per outlet; articles gone
// at the source are reported in the first and the last. Dated from the history alone, so an empty
// feed takes the archive's newest event time, not the clock.

import { atomFeed } from "./atom-feed.ts";
import type { ChangeRecord, GoneRecord } from "./page-types.ts";
import type { SiteUrls } from "./site-urls.ts";

/** `updated` of an empty feed when the archive has no versions at all. */
export const EPOCH = "1970-01-01T00:00:00.000Z";

/** Each site-wide feed's file (relative to the site root) and XML. */
export function siteFeeds(input: {
  outlets: readonly { id: string; name: string }[];
  changes: readonly ChangeRecord[];
  gone: readonly GoneRecord[];
  urls: SiteUrls;
  siteTitle: string;
}): { file: string; xml: string }[] {
  const { outlets, changes, gone, urls, siteTitle } = input;
  let newest = EPOCH;
  for (const c of [...changes, ...gone]) {
    if (Date.parse(c.time) > Date.parse(newest)) newest = c.time;
  }
  const home = urls.absolute({ kind: "home" });
  const feeds = [
    { name: "all", title: "all changes", page: home, entries: changes, gone, withOutlet: true },
    {
      name: "headlines",
      title: "headline changes",
      page: home,
      entries: changes.filter((c) => c.headlineChanged),
      gone: [],
      withOutlet: true,
    },
    ...outlets.map((o) => ({
      name: o.id,
      title: `changes at ${o.name}`,
      page: urls.absolute({ kind: "outlet", outlet: o.id, page: 1 }),
      entries: changes.filter((c) => c.outlet === o.id),
      gone: gone.filter((g) => g.outlet === o.id),
      withOutlet: false,
    })),
  ];
  return feeds.map((feed) => ({
    file: urls.file({ kind: "feed", name: feed.name }),
    xml: atomFeed({
      url: urls.absolute({ kind: "feed", name: feed.name }),
      pageUrl: feed.page,
      title: `${siteTitle}: ${feed.title}`,
      author: siteTitle,
      entries: feed.entries,
      gone: feed.gone,
      withOutlet: feed.withOutlet,
      emptyUpdated: newest,
    }),
  }));
}
