// The index files of the site's JSON API: `/api/index.json` names the site and its outlets,
// `/api/<outlet>.json` lists the days an outlet's articles were first seen, and
// `/api/<outlet>/page/<YYYY-MM-DD>.json` lists that day's articles with links to their own files
// (as the outlet's HTML pages by day do: a new version rewrites one day's file, not a list of
// every article of the outlet). Pure.

import { jsonText } from "./json-text.ts";
import { articlesByDay } from "./listing-pages.ts";
import { type OutletTotals, outletTotals } from "./outlet-totals.ts";
import type { ArticleSummary } from "./page-types.ts";
import type { SiteUrls } from "./site-urls.ts";

/** Each index file's path below the site and its JSON text. */
export function apiIndex(input: {
  outlets: readonly { id: string; name: string }[];
  summaries: readonly ArticleSummary[];
  urls: SiteUrls;
  siteTitle: string;
  /** The outlets whose own file to make; all when absent (see `ListingInput.outletPagesOf`). */
  outletFilesOf?: ReadonlySet<string>;
  /** Each outlet's totals, when `summaries` are not every article's; counted from them if absent. */
  totals?: ReadonlyMap<string, OutletTotals>;
  /**
   * For the outlets it names, the days whose file to make (see `ListingInput.daysOf`; a day's
   * file links no other); all days' files for other outlets.
   */
  daysOf?: ReadonlyMap<string, ReadonlySet<string>>;
  /** Outlets' articles already grouped by day (`articlesByDay` of their summaries), if at hand. */
  byDay?: ReadonlyMap<string, [string, ArticleSummary[]][]>;
}): { file: string; json: string }[] {
  const { outlets, summaries, urls, siteTitle, outletFilesOf, daysOf } = input;
  const totals = input.totals ?? outletTotals(summaries);
  const byOutlet = new Map<string, ArticleSummary[]>(outlets.map((o) => [o.id, []]));
  for (const summary of summaries) byOutlet.get(summary.outlet)?.push(summary);
  const files = [
    {
      file: urls.file({ kind: "api-index" }),
      json: jsonText({
        site: { title: siteTitle, url: urls.absolute({ kind: "home" }) },
        outlets: outlets.map((o) => ({
          id: o.id,
          name: o.name,
          articles: totals.get(o.id)?.articles ?? 0,
          page: urls.absolute({ kind: "outlet", outlet: o.id }),
          api: urls.absolute({ kind: "api-outlet", outlet: o.id }),
        })),
      }),
    },
  ];
  for (const outlet of outlets) {
    if (outletFilesOf !== undefined && !outletFilesOf.has(outlet.id)) continue;
    const own = { id: outlet.id, name: outlet.name };
    const days = input.byDay?.get(outlet.id) ?? articlesByDay(byOutlet.get(outlet.id) ?? []);
    files.push({
      file: urls.file({ kind: "api-outlet", outlet: outlet.id }),
      json: jsonText({
        outlet: own,
        articles: totals.get(outlet.id)?.articles ?? 0,
        days: days.map(([day, list]) => ({
          day,
          articles: list.length,
          api: urls.absolute({ kind: "api-day", outlet: outlet.id, day }),
        })),
      }),
    });
    const changed = daysOf?.get(outlet.id);
    for (const [day, list] of days) {
      if (changed !== undefined && !changed.has(day)) continue;
      files.push({
        file: urls.file({ kind: "api-day", outlet: outlet.id, day }),
        json: jsonText({
          outlet: own,
          day,
          articles: list.map((a) => ({
            slug: a.slug,
            headline: a.headline,
            versions: a.versionCount,
            firstSeen: a.firstSeen,
            lastChanged: a.lastChanged,
            gone: a.gone,
            page: urls.absolute({ kind: "article", outlet: a.outlet, slug: a.slug }),
            api: urls.absolute({ kind: "api-article", outlet: a.outlet, slug: a.slug }),
          })),
        }),
      });
    }
  }
  return files;
}
