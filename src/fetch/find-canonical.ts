// An article's identity: `<link rel=canonical>` when it points to the same site, else the URL the
// page was finally served from. Canonical links to other sites are ignored: an outlet must not be
// able to file its article under somebody else's URL.

import * as cheerio from "cheerio";
import { canonicalUrl, siteOf } from "../archive/canonical-url.ts";

export function findCanonical(html: string, finalUrl: string): string {
  const fallback = canonicalUrl(finalUrl) ?? finalUrl;
  const href = cheerio.load(html)('link[rel~="canonical" i]').first().attr("href");
  if (!href) return fallback;
  const canonical = canonicalUrl(href, finalUrl);
  if (!canonical) return fallback;
  return siteOf(canonical) === siteOf(fallback) ? canonical : fallback;
}
