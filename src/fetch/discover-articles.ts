// Finds article URLs for an outlet: its RSS/Atom feeds, news sitemaps and explicit URL list,
// filtered by the outlet's articleUrl pattern. A feed that fails, is garbage or is too long is
// reported, not fatal; past the run's deadline no further feed is requested.

import { canonicalUrl } from "../archive/canonical-url.ts";
import { systemClock } from "../system-clock.ts";
import type { Clock, Outlet } from "../types.ts";
import { feedLinks } from "./feed-links.ts";
import type { PoliteClient } from "./polite-client.ts";

const FEED_TYPES = /xml|rss|atom|text\/plain|octet-stream/i;

export interface Discovery {
  /** Canonical article URLs, in feed order, without duplicates. */
  urls: string[];
  /** One line per feed or sitemap that could not be used, or not wholly. */
  problems: string[];
  /** Feeds and sitemaps that answered with links (a capped one included). */
  sourcesRead: number;
}

export interface DiscoveryOptions {
  /** Clock time after which no further feed or sitemap is requested (the run's time budget). */
  deadline?: number;
  clock?: Clock;
  /** Items read from one feed or sitemap at most (default MAX_ITEMS_PER_SOURCE). */
  maxItems?: number;
}

export async function discoverArticles(
  outlet: Outlet,
  client: PoliteClient,
  options: DiscoveryOptions = {},
): Promise<Discovery> {
  const { deadline = Number.POSITIVE_INFINITY, clock = systemClock } = options;
  const found: string[] = [];
  const problems: string[] = [];
  let sourcesRead = 0;
  const sources = [
    ...outlet.feeds.map((url) => ({ url, kind: "feed" as const })),
    ...outlet.sitemaps.map((url) => ({ url, kind: "sitemap" as const })),
  ];
  for (const [index, source] of sources.entries()) {
    if (clock.now() >= deadline) {
      const left = sources.slice(index).map((s) => s.url);
      problems.push(
        `${source.kind} ${source.url}: not read, the run's time budget was spent${left.length > 1 ? ` (nor ${left.length - 1} more: ${left.slice(1).join(", ")})` : ""}`,
      );
      break;
    }
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
    const read = feedLinks(text, source.kind, options.maxItems);
    if (read.kind === "invalid") {
      problems.push(`${source.kind} ${source.url}: ${read.reason}`);
      continue;
    }
    if (read.problem !== null) problems.push(`${source.kind} ${source.url}: ${read.problem}`);
    sourcesRead++;
    for (const link of read.links) {
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
  return { urls, problems, sourcesRead };
}
