// An article's identity: `<link rel=canonical>` when it points to the same site, else the URL the
// page was finally served from. Canonical links to other sites are ignored: an outlet must not be
// able to file its article under somebody else's URL.

import { canonicalUrl, siteOf } from "../archive/canonical-url.ts";

/** The article's URL, from the page's canonical link as written (`href`, read by extraction). */
export function findCanonical(href: string | null, finalUrl: string): string {
  const fallback = canonicalUrl(finalUrl) ?? finalUrl;
  if (!href) return fallback;
  const canonical = canonicalUrl(href, finalUrl);
  if (!canonical) return fallback;
  return siteOf(canonical) === siteOf(fallback) ? canonical : fallback;
}
