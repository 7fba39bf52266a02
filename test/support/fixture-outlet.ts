// Serves The Harbor Courier (test/fixtures/outlet/) on 127.0.0.1 for end-to-end tests and the
// demo: feeds, robots.txt and article pages as they stand at the current pass, recording every
// request so tests can check what stet fetched.

import { writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { FixtureArticle } from "../fixtures/outlet/fixture-article.ts";
import { ARTICLES, inFeedAt, latestText, PASSES, stateAt } from "../fixtures/outlet/outlet.ts";
import type { FeedItem } from "../fixtures/outlet/render-feeds.ts";
import { renderAtom, renderRss } from "../fixtures/outlet/render-feeds.ts";
import type { RelatedLink } from "../fixtures/outlet/render-page.ts";
import { renderErrorPage, renderHomePage, renderPage } from "../fixtures/outlet/render-page.ts";

export { PASSES };

/** Simulated time of pass 1 in the demo: the morning after the outlet's first stories. */
export const DEMO_START = "2026-11-03T13:00:00Z";

/** Simulated hours between passes: long enough for stet's schedule to re-check fresh articles. */
export const PASS_INTERVAL_HOURS = 3;

/** One request the outlet answered. */
export interface OutletHit {
  method: string;
  /** Path without the query string. */
  path: string;
  query: string;
  userAgent: string;
  status: number;
  pass: number;
}

/** A running fixture outlet. */
export interface FixtureOutlet {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  origin: string;
  /** The pass currently served (1..PASSES). */
  readonly pass: number;
  setPass(n: number): void;
  /** Paths requested (without query strings), in order. */
  requests: string[];
  /** The same requests with method, query, User-Agent, status and pass. */
  hits: OutletHit[];
  close(): Promise<void>;
}

/** ISO 8601 UTC times of passes 1..PASSES, `PASS_INTERVAL_HOURS` apart from `start`. */
export function passTimes(start: string = DEMO_START): string[] {
  const first = Date.parse(start);
  if (Number.isNaN(first)) throw new Error(`passTimes: not an ISO 8601 time: ${start}`);
  return Array.from({ length: PASSES }, (_, i) =>
    new Date(first + i * PASS_INTERVAL_HOURS * 3_600_000).toISOString().replace(".000Z", "Z"),
  );
}

/** Writes a stet.config.yaml that watches the fixture outlet at `origin`. */
export async function writeOutletConfig(path: string, origin: string): Promise<void> {
  // JSON strings are valid YAML scalars, so the origin needs no YAML escaping of its own.
  const config = `# The Harbor Courier, an invented outlet served on 127.0.0.1 by test/support/fixture-outlet.ts.
site: { title: "The Harbor Courier, watched", baseUrl: "http://127.0.0.1:8080/" }
fetch: { userAgent: "stet-demo (+https://github.com/stet-news/stet)", perHostDelayMs: 0, timeoutMs: 5000 }
git: { authorName: "stet", authorEmail: "stet@localhost" }
outlets:
  - id: harbor
    name: The Harbor Courier
    feeds: [${JSON.stringify(`${origin}/feed.xml`)}]
    # Served on this machine: stet refuses loopback and private addresses unless an outlet opts in.
    allowPrivateAddresses: true
`;
  await writeFile(path, config, "utf8");
}

const ROBOTS = `# The Harbor Courier
User-agent: *
Disallow: /private/
`;

interface Reply {
  status: number;
  type: string;
  body: string;
  headers?: Record<string, string>;
}

function feedItems(pass: number): FeedItem[] {
  return ARTICLES.filter((article) => inFeedAt(article, pass)).flatMap((article) => {
    const text = latestText(article, pass);
    return text === undefined ? [] : [{ article, text }];
  });
}

// Public stories only, in an order that rotates with the pass, as "most read" boxes do.
function relatedLinks(pass: number, except?: FixtureArticle): RelatedLink[] {
  const links = feedItems(pass)
    .filter(({ article }) => article !== except && !article.path.startsWith("/private/"))
    .map(({ article, text }) => ({ path: article.path, headline: text.headline }));
  const shift = links.length === 0 ? 0 : pass % links.length;
  return [...links.slice(shift), ...links.slice(0, shift)];
}

const HTML = "text/html; charset=utf-8";

function notFound(): Reply {
  return { status: 404, type: HTML, body: renderErrorPage(404, "Page not found") };
}

function articleReply(origin: string, article: FixtureArticle, pass: number): Reply {
  const state = stateAt(article, pass);
  switch (state.page) {
    case "missing":
      return notFound();
    case "error":
      return {
        status: state.status,
        type: HTML,
        body: renderErrorPage(state.status, "Service temporarily unavailable"),
        headers: { "retry-after": "120" },
      };
    case "article":
    case "teaser":
      return {
        status: 200,
        type: HTML,
        body: renderPage({
          origin,
          pass,
          article,
          text: state.text,
          teaser: state.page === "teaser",
          related: relatedLinks(pass, article),
        }),
      };
  }
}

function route(origin: string, path: string, pass: number): Reply {
  if (path === "/robots.txt") {
    return { status: 200, type: "text/plain; charset=utf-8", body: ROBOTS };
  }
  if (path === "/feed.xml") {
    const body = renderRss(origin, feedItems(pass));
    return { status: 200, type: "application/rss+xml; charset=utf-8", body };
  }
  if (path === "/atom.xml") {
    const body = renderAtom(origin, feedItems(pass));
    return { status: 200, type: "application/atom+xml; charset=utf-8", body };
  }
  if (path === "/") return { status: 200, type: HTML, body: renderHomePage(relatedLinks(pass)) };
  const article = ARTICLES.find((a) => a.path === path);
  return article === undefined ? notFound() : articleReply(origin, article, pass);
}

function checkPass(n: number): number {
  if (!Number.isInteger(n) || n < 1 || n > PASSES) {
    throw new Error(`fixture outlet: pass must be an integer from 1 to ${PASSES}, got ${n}`);
  }
  return n;
}

/** Starts the outlet on 127.0.0.1 at a free port, serving `options.pass` (default 1). */
export async function startFixtureOutlet(options?: { pass?: number }): Promise<FixtureOutlet> {
  let pass = checkPass(options?.pass ?? 1);
  let origin = "";
  const requests: string[] = [];
  const hits: OutletHit[] = [];

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", origin);
    const method = req.method ?? "GET";
    const reply: Reply =
      method === "GET" || method === "HEAD"
        ? route(origin, url.pathname, pass)
        : { status: 405, type: "text/plain; charset=utf-8", body: "Method not allowed\n" };
    requests.push(url.pathname);
    hits.push({
      method,
      path: url.pathname,
      query: url.search,
      userAgent: req.headers["user-agent"] ?? "",
      status: reply.status,
      pass,
    });
    const body = Buffer.from(reply.body, "utf8");
    res.writeHead(reply.status, {
      "content-type": reply.type,
      "content-length": String(body.length),
      "cache-control": "max-age=60",
      ...reply.headers,
    });
    res.end(method === "HEAD" ? undefined : body);
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    get pass() {
      return pass;
    },
    setPass(n: number) {
      pass = checkPass(n);
    },
    requests,
    hits,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Keep-alive connections from the fetcher would otherwise hold close() open.
        server.closeAllConnections();
      }),
  };
}
