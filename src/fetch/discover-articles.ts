// Finds article URLs for an outlet: its RSS/Atom feeds, news sitemaps and explicit URL list,
// filtered by the outlet's articleUrl pattern. A feed that fails or is garbage is reported, not fatal.

import { parseFeed } from "@rowanmanning/feed-parser";
import * as cheerio from "cheerio";
import { canonicalUrl } from "../archive/canonical-url.ts";
import type { Outlet } from "../types.ts";
import type { PoliteClient } from "./polite-client.ts";

const FEED_TYPES = /xml|rss|atom|text\/plain|octet-stream/i;

export interface Discovery {
  /** Canonical article URLs, in feed order, without duplicates. */
  urls: string[];
  /** One line per feed or sitemap that could not be used. */
  problems: string[];
}

export async function discoverArticles(outlet: Outlet, client: PoliteClient): Promise<Discovery> {
  const found: string[] = [];
  const problems: string[] = [];
  const sources = [
    ...outlet.feeds.map((url) => ({ url, kind: "feed" as const })),
    ...outlet.sitemaps.map((url) => ({ url, kind: "sitemap" as const })),
  ];
  for (const source of sources) {
    const result = await client.get(source.url, FEED_TYPES, undefined, {
      allowPrivateAddresses: outlet.allowPrivateAddresses,
    });
    if (result.kind !== "ok") {
      const why =
        result.kind === "failed"
          ? result.reason
          : result.kind === "gone"
            ? `HTTP ${result.status}`
            : "disallowed by robots.txt";
      problems.push(`${source.kind} ${source.url}: ${why}`);
      continue;
    }
    const text = Buffer.from(result.body).toString("utf8");
    const links = source.kind === "feed" ? feedLinks(text) : sitemapLinks(text);
    if (links === null) {
      problems.push(
        `${source.kind} ${source.url}: not a valid ${source.kind === "feed" ? "RSS or Atom feed" : "sitemap"}`,
      );
      continue;
    }
    for (const link of links) {
      const url = canonicalUrl(link, result.url);
      if (url) found.push(url);
    }
  }
  for (const link of outlet.urls) {
    const url = canonicalUrl(link);
    if (url) found.push(url);
  }
  const urls = [...new Set(found)].filter(
    (url) => !outlet.articleUrl || outlet.articleUrl.test(url),
  );
  return { urls, problems };
}

function feedLinks(xml: string): string[] | null {
  try {
    return parseFeed(xml)
      .items.map((item) => item.url)
      .filter((url): url is string => typeof url === "string");
  } catch {
    return null;
  }
}

function sitemapLinks(xml: string): string[] | null {
  const $ = cheerio.load(xml, { xml: true });
  if ($("urlset").length === 0) return null;
  return $("urlset > url > loc")
    .map((_, el) => $(el).text().trim())
    .get();
}
