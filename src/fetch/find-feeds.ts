// Where an outlet's home page says its feeds are: `<link rel="alternate">` to RSS or Atom, the
// paths feeds conventionally live at, and the `Sitemap:` lines of its robots.txt. Pure: page text
// in, candidate URLs out; the caller fetches each and keeps those that really are feeds.

import * as cheerio from "cheerio";

/** Paths tried, in order, when the home page declares no feed. */
export const COMMON_FEED_PATHS = [
  "/feed",
  "/feed.xml",
  "/rss",
  "/rss.xml",
  "/atom.xml",
  "/index.xml",
  "/feeds/all.rss",
];

const FEED_TYPE = /^application\/(rss|atom)\+xml$|^application\/(rdf\+)?xml$|^text\/xml$/i;

/** The http(s) feeds a page declares with `<link rel="alternate" type="…rss/atom…">`. */
export function declaredFeeds(html: string, pageUrl: string): string[] {
  const $ = cheerio.load(html);
  const found: string[] = [];
  $("link[rel][href]").each((_, element) => {
    const rel = ($(element).attr("rel") ?? "").toLowerCase().split(/\s+/);
    const type = ($(element).attr("type") ?? "").trim();
    const href = $(element).attr("href") ?? "";
    if (!rel.includes("alternate") || !FEED_TYPE.test(type)) return;
    const url = absoluteHttp(href, pageUrl);
    if (url && !found.includes(url)) found.push(url);
  });
  return found;
}

/** The site's name as its home page gives it: og:site_name, else the title's first part. */
export function siteName(html: string): string | null {
  const $ = cheerio.load(html);
  const og = $('meta[property="og:site_name"]').attr("content")?.trim();
  if (og) return og;
  const title = $("title").first().text().trim();
  return title.split(/\s+[—–|·-]\s+/)[0]?.trim() || null;
}

/** The sitemaps a robots.txt lists (`Sitemap: URL` lines), as absolute http(s) URLs. */
export function robotsSitemaps(robots: string, robotsUrl: string): string[] {
  const found: string[] = [];
  for (const line of robots.split(/\r?\n/)) {
    const match = /^\s*sitemap\s*:\s*(\S+)/i.exec(line);
    const url = match?.[1] ? absoluteHttp(match[1], robotsUrl) : null;
    if (url && !found.includes(url)) found.push(url);
  }
  return found;
}

/** Whether a sitemap's text is a news sitemap (Google News' namespace). */
export function isNewsSitemap(xml: string): boolean {
  return /xmlns:[a-z0-9]+\s*=\s*["']http:\/\/www\.google\.com\/schemas\/sitemap-news\/0\.9["']/i.test(
    xml,
  );
}

function absoluteHttp(href: string, base: string): string | null {
  if (!URL.canParse(href.trim(), base)) return null;
  const url = new URL(href.trim(), base);
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}
