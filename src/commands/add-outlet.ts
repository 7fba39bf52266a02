// `stet add-outlet URL`: from an outlet's home page, finds its feeds (declared ones, then the
// usual paths) and news sitemaps (from robots.txt), shows its latest article as stet would
// archive it, and appends a validated entry to the config, keeping the file's comments.

import { randomBytes } from "node:crypto";
import { readFile, rename, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { canonicalUrl } from "../archive/canonical-url.ts";
import { appendOutlet, type OutletEntry, suggestOutletId } from "../config/append-outlet.ts";
import { loadConfig } from "../config/load-config.ts";
import { ConfigError, FetchError, UsageError } from "../errors.ts";
import { decodeHtml } from "../extract/decode-html.ts";
import { feedLinks } from "../fetch/feed-links.ts";
import {
  COMMON_FEED_PATHS,
  declaredFeeds,
  isNewsSitemap,
  robotsSitemaps,
  siteName,
} from "../fetch/find-feeds.ts";
import { observePage } from "../fetch/observe-page.ts";
import { PoliteClient, type RequestPolicy } from "../fetch/polite-client.ts";
import { printableLine } from "../printable-line.ts";
import type { Outlet } from "../types.ts";

export interface AddOutletOptions {
  config: string;
  url: string;
  id?: string;
  name?: string;
  allowPrivateAddresses: boolean;
  dryRun: boolean;
  out?: (line: string) => void;
}

const HTML_TYPES = /text\/html|application\/xhtml\+xml/i;
const XML_TYPES = /xml|rss|atom|text\/plain|octet-stream/i;

export async function addOutletCommand(options: AddOutletOptions): Promise<number> {
  const out = options.out ?? ((line: string) => process.stdout.write(`${line}\n`));
  const home = canonicalUrl(options.url);
  if (home === null) throw new UsageError(`stet add-outlet: ${options.url} is not an http(s) URL`);
  const config = await loadConfig(options.config);
  const text = await readFile(options.config, "utf8");
  const client = new PoliteClient(config.fetch);
  const policy: RequestPolicy = { allowPrivateAddresses: options.allowPrivateAddresses };

  const page = await client.get(home, HTML_TYPES, undefined, policy);
  if (page.kind !== "ok") {
    throw new FetchError(`cannot read the home page ${home}: ${describe(page)}`);
  }
  const html = decodeHtml(page.body, page.contentType);
  out(`home page ${page.url}`);

  // Feeds: the ones the page declares, else the first usual path that serves one.
  const feeds: { url: string; links: string[] }[] = [];
  const declared = declaredFeeds(html, page.url);
  for (const candidate of declared.length > 0 ? declared : commonPaths(page.url)) {
    const feed = await readSource(client, candidate, "feed", policy);
    if (feed === null) continue;
    feeds.push(feed);
    out(`feed ${feed.url}: ${feed.links.length} articles`);
    if (declared.length === 0) break;
  }
  // News sitemaps, from robots.txt.
  const sitemaps: { url: string; links: string[] }[] = [];
  const robotsUrl = new URL("/robots.txt", page.url).href;
  const robots = await client.get(robotsUrl, /./, undefined, policy);
  if (robots.kind === "ok") {
    for (const candidate of robotsSitemaps(Buffer.from(robots.body).toString("utf8"), robotsUrl)) {
      const sitemap = await readSource(client, candidate, "sitemap", policy, isNewsSitemap);
      if (sitemap === null) continue;
      sitemaps.push(sitemap);
      out(`news sitemap ${sitemap.url}: ${sitemap.links.length} articles`);
    }
  }
  if (feeds.length === 0 && sitemaps.length === 0) {
    throw new FetchError(
      `found no feed or news sitemap for ${home} (looked at its <link rel="alternate">, ${COMMON_FEED_PATHS.join(", ")} and the Sitemap: lines of robots.txt); add the outlet by hand with feeds, sitemaps or urls`,
    );
  }

  const entry: OutletEntry = {
    id:
      options.id ??
      suggestOutletId(
        new URL(page.url).hostname,
        config.outlets.map((o) => o.id),
      ),
    name: printableLine(options.name ?? siteName(html) ?? new URL(page.url).hostname, 80),
    feeds: feeds.map((f) => f.url),
    sitemaps: sitemaps.map((s) => s.url),
    ...(options.allowPrivateAddresses ? { allowPrivateAddresses: true } : {}),
  };
  await preview(client, entry, [...feeds, ...sitemaps][0]?.links[0], policy, out);

  const updated = appendOutlet(text, entry, options.config);
  if (options.dryRun) {
    out(`dry run: ${options.config} is unchanged; it would get this outlet:`);
    out(updated.slice(updated.lastIndexOf(`- id: ${entry.id}`)).trimEnd());
    return 0;
  }
  await writeWhole(options.config, updated);
  out(`added outlet ${entry.id} (${entry.name}) to ${options.config}; check it with: stet doctor`);
  return 0;
}

function commonPaths(home: string): string[] {
  return COMMON_FEED_PATHS.map((path) => new URL(path, home).href);
}

// A feed or sitemap that answers and lists at least one article, or null.
async function readSource(
  client: PoliteClient,
  url: string,
  format: "feed" | "sitemap",
  policy: RequestPolicy,
  accept: (xml: string) => boolean = () => true,
): Promise<{ url: string; links: string[] } | null> {
  const result = await client.get(url, XML_TYPES, undefined, policy);
  if (result.kind !== "ok") return null;
  const xml = Buffer.from(result.body).toString("utf8");
  if (!accept(xml)) return null;
  const read = feedLinks(xml, format);
  if (read.kind !== "links" || read.links.length === 0) return null;
  const links = read.links
    .map((link) => canonicalUrl(link, result.url))
    .filter((link): link is string => link !== null);
  return links.length === 0 ? null : { url, links };
}

// The latest article as stet would archive it: headline, byline, date and the first paragraphs.
async function preview(
  client: PoliteClient,
  entry: OutletEntry,
  latest: string | undefined,
  policy: RequestPolicy,
  out: (line: string) => void,
): Promise<void> {
  if (latest === undefined) return;
  const outlet: Outlet = { ...entry, urls: [], ignore: [] };
  const seen = observePage(await client.get(latest, HTML_TYPES, undefined, policy), outlet);
  if (seen.kind !== "page") {
    out(
      `latest article ${latest}: could not be read (${seen.kind === "failed" ? seen.reason : seen.kind})`,
    );
    return;
  }
  const { article } = seen;
  out(`latest article ${latest}, as stet would archive it:`);
  out(`  headline:   ${printableLine(article.title ?? "(none found)", 120)}`);
  out(`  byline:     ${printableLine(article.byline ?? "(none found)", 120)}`);
  out(`  published:  ${printableLine(article.published ?? "(none found)", 40)}`);
  out(`  paragraphs: ${article.paragraphs.length}`);
  for (const paragraph of article.paragraphs.slice(0, 3))
    out(`    ${printableLine(paragraph, 120)}`);
  if (article.paragraphs.length === 0 || article.title === null) {
    out(
      'extraction found no text here: add selectors to the outlet (see README, "Watch your own outlets")',
    );
  } else if (seen.teaser) {
    out(
      `this page looks like a teaser (${seen.teaser}): stet will hold such pages, not archive them`,
    );
  }
}

function describe(result: Exclude<Awaited<ReturnType<PoliteClient["get"]>>, { kind: "ok" }>) {
  if (result.kind === "failed") return result.reason;
  if (result.kind === "gone") return `HTTP ${result.status}`;
  return result.kind === "disallowed" ? "disallowed by robots.txt" : result.kind;
}

// The config written whole: a temporary file beside it, then a rename.
async function writeWhole(path: string, text: string): Promise<void> {
  const temporary = join(dirname(path), `.stet-config-${randomBytes(6).toString("hex")}.tmp`);
  try {
    await writeFile(temporary, text, { flag: "wx" });
    await rename(temporary, path);
  } catch (error) {
    await unlink(temporary).catch(() => undefined);
    throw new ConfigError(`could not write ${path}: ${(error as Error).message}`, { cause: error });
  }
}
