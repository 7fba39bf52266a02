// A programmable fixture outlet for scenario tests: each test routes paths to the responses it
// needs (statuses, headers, delays, huge bodies, redirects) and reads back what was requested.
// The pure helpers build realistic invented news pages and RSS feeds to serve from it.

import { createServer, type IncomingHttpHeaders, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Clock } from "../../src/types.ts";

/** One request the server received. */
export interface Hit {
  /** Path without the query string. */
  path: string;
  /** The query string with its `?`, or "" when there was none. */
  query: string;
  headers: IncomingHttpHeaders;
  /** The server's clock (see `startScenarioServer`) when the request arrived, for spacing checks. */
  receivedAt: number;
}

/** How the server answers one request. */
export interface ScenarioResponse {
  /** Default 200 (301 with `redirect`). */
  status?: number;
  /** Default content type: `text/html; charset=utf-8`. */
  headers?: Record<string, string>;
  body?: string;
  /** Never answer: the request stays open until the client gives up or the server closes. */
  hang?: boolean;
  /** Stream this many bytes of filler HTML, without a Content-Length. */
  hugeBytes?: number;
  /** Answer 301 with this Location. */
  redirect?: string;
}

/** A fixed answer, or one computed per request (possibly later: a promise holds the request). */
export type Route = ScenarioResponse | ((hit: Hit) => ScenarioResponse | Promise<ScenarioResponse>);

/** A running scenario server on 127.0.0.1. */
export interface ScenarioServer {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string;
  /** Answers requests for `path` (without query string) with `response` from now on. */
  route(path: string, response: Route): void;
  /** Every request received, in order. */
  requests: Hit[];
  clearRequests(): void;
  close(): Promise<void>;
}

const DEFAULT_ROBOTS = "User-agent: *\nAllow: /\n";
const FILLER = "<p>Filler text for a page that never ends, served in chunks.</p>\n";

/**
 * Starts the server. `clock` stamps each request's `receivedAt`: pass the clock the code under
 * test uses, so spacing is checked in its time, not the wall clock's.
 */
export async function startScenarioServer(
  options: { clock?: Pick<Clock, "now"> } = {},
): Promise<ScenarioServer> {
  const clock = options.clock ?? { now: () => 0 };
  const routes = new Map<string, Route>();
  const requests: Hit[] = [];
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://127.0.0.1");
    const hit: Hit = {
      path: url.pathname,
      query: url.search,
      headers: request.headers,
      receivedAt: clock.now(),
    };
    requests.push(hit);
    const route = routes.get(hit.path);
    const planned =
      route === undefined
        ? hit.path === "/robots.txt"
          ? { headers: { "content-type": "text/plain" }, body: DEFAULT_ROBOTS }
          : { status: 404, body: "<!doctype html><title>Not found</title><p>Not found.</p>" }
        : typeof route === "function"
          ? route(hit)
          : route;
    // A client that gave up meanwhile gets nothing: `answer` checks for a closed socket.
    void Promise.resolve(planned).then((ready) => {
      if (!ready.hang) answer(response, ready);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    route: (path, response) => {
      routes.set(path, response);
    },
    requests,
    clearRequests: () => {
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function answer(response: ServerResponse, planned: ScenarioResponse): void {
  if (response.destroyed) return;
  const headers: Record<string, string> = {
    "content-type": "text/html; charset=utf-8",
    ...planned.headers,
  };
  if (planned.redirect !== undefined) headers.location = planned.redirect;
  const status = planned.status ?? (planned.redirect !== undefined ? 301 : 200);
  if (planned.hugeBytes !== undefined) {
    response.writeHead(status, headers);
    streamFiller(response, planned.hugeBytes);
    return;
  }
  const body = planned.body ?? "";
  if (!Object.keys(headers).some((name) => name.toLowerCase() === "content-length")) {
    headers["content-length"] = String(Buffer.byteLength(body));
  }
  response.writeHead(status, headers);
  response.end(status === 304 ? undefined : body);
}

// Writes `total` bytes of filler as the socket drains, so a client that stops reading stops it.
function streamFiller(response: ServerResponse, total: number): void {
  let left = total;
  const chunk = Buffer.from(FILLER.repeat(256));
  const write = () => {
    while (left > 0 && !response.destroyed) {
      const piece = left >= chunk.length ? chunk : chunk.subarray(0, left);
      left -= piece.length;
      if (!response.write(piece)) {
        response.once("drain", write);
        return;
      }
    }
    if (!response.destroyed) response.end();
  };
  write();
}

/** What an invented news page shows. */
export interface ArticlePageOptions {
  headline: string;
  byline?: string;
  paragraphs: string[];
  /** Absolute URL for `<link rel=canonical>` and the JSON-LD `url`. */
  canonical?: string;
  /** ISO 8601 publication time. */
  published?: string;
  /** Describe the article in schema.org JSON-LD too. Default false. */
  jsonLd?: boolean;
  /** Extra HTML outside the article (ads, related links…), inserted as is. */
  furniture?: string;
  /** JSON-LD `isAccessibleForFree` (only written with `jsonLd`). */
  isAccessibleForFree?: boolean;
}

/** A news page laid out like real ones: masthead and navigation, the article, an aside, a footer. */
export function articlePage(options: ArticlePageOptions): string {
  const { headline, byline, paragraphs, canonical, published, furniture } = options;
  const head = [
    `<meta charset="utf-8">`,
    `<title>${escapeHtml(headline)} | The Scenario Gazette</title>`,
    `<meta name="viewport" content="width=device-width, initial-scale=1">`,
    `<meta property="og:type" content="article">`,
    `<meta property="og:title" content="${escapeHtml(headline)}">`,
    canonical ? `<link rel="canonical" href="${escapeHtml(canonical)}">` : "",
    published ? `<meta property="article:published_time" content="${escapeHtml(published)}">` : "",
    options.jsonLd ? jsonLdScript(options) : "",
  ].filter(Boolean);
  const meta = [
    byline ? `<p class="byline">By <span class="author">${escapeHtml(byline)}</span></p>` : "",
    published ? `<time datetime="${escapeHtml(published)}">${escapeHtml(published)}</time>` : "",
  ].filter(Boolean);
  return `<!doctype html>
<html lang="en">
<head>
${head.join("\n")}
</head>
<body>
<header class="masthead"><a href="/">The Scenario Gazette</a>
<nav aria-label="Sections"><ul><li><a href="/news/">News</a></li><li><a href="/sport/">Sport</a></li><li><a href="/weather/">Weather</a></li></ul></nav>
</header>
<main>
<article>
<h1>${escapeHtml(headline)}</h1>
${meta.join("\n")}
<div class="article-body">
${paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
</div>
</article>
${furniture ?? ""}
</main>
<footer><p>The Scenario Gazette is an invented newspaper for tests.</p><a href="/about/">About us</a></footer>
</body>
</html>
`;
}

function jsonLdScript(options: ArticlePageOptions): string {
  const data: Record<string, unknown> = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: options.headline,
  };
  if (options.canonical) data.url = options.canonical;
  if (options.byline) data.author = { "@type": "Person", name: options.byline };
  if (options.published) data.datePublished = options.published;
  if (options.isAccessibleForFree !== undefined) {
    data.isAccessibleForFree = options.isAccessibleForFree;
  }
  // "<" escaped so no text can close the script element early.
  const json = JSON.stringify(data).replace(/</g, "\\u003c");
  return `<script type="application/ld+json">${json}</script>`;
}

/** An RSS 2.0 feed listing `links` (absolute or relative to `origin`), newest first. */
export function rssFeed(origin: string, links: string[]): string {
  const items = links.map((link, index) => {
    const url = new URL(link, origin).href;
    return `<item><title>Story ${index + 1}</title><link>${escapeHtml(url)}</link><guid isPermaLink="true">${escapeHtml(url)}</guid></item>`;
  });
  return `<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0">
<channel>
<title>The Scenario Gazette</title>
<link>${escapeHtml(new URL("/", origin).href)}</link>
<description>Invented news for scenario tests</description>
${items.join("\n")}
</channel>
</rss>
`;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}
