// One article, one identity: normalizes the URL forms that point at the same page (case of scheme
// and host, default ports, tracking parameters, fragments) to a single canonical string.

const TRACKING_PARAM =
  /^(utm_[a-z_]+|fbclid|gclid|dclid|gbraid|wbraid|msclkid|mc_cid|mc_eid|igshid|yclid|_ga|_gl|ocid|cmpid|smid|ito)$/i;

/** The canonical form of an http(s) URL, or `null` when it is not an absolute http(s) URL. */
export function canonicalUrl(input: string, base?: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim(), base);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  // URL already lowercases scheme and host and drops default ports; the rest is ours.
  url.hash = "";
  url.username = "";
  url.password = "";
  for (const key of [...url.searchParams.keys()]) {
    if (TRACKING_PARAM.test(key)) url.searchParams.delete(key);
  }
  if (url.search === "?") url.search = "";
  return url.href;
}

/** The site a URL belongs to, for "same site" decisions: its host name without a leading www. */
export function siteOf(url: string): string {
  return new URL(url).hostname.replace(/^www\./, "");
}
