// The index files of the site's JSON API: `/api/index.json` names the site and its outlets, and
// `/api/<outlet>.json` lists an outlet's articles with links to their own files. Pure.

import { jsonText } from "./json-text.ts";
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
}): { file: string; json: string }[] {
  const { outlets, summaries, urls, siteTitle, outletFilesOf } = input;
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
    files.push({
      file: urls.file({ kind: "api-outlet", outlet: outlet.id }),
      json: jsonText({
        outlet: { id: outlet.id, name: outlet.name },
        articles: (byOutlet.get(outlet.id) ?? []).map((a) => ({
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
  return files;
}
