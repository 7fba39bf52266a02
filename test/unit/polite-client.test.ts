// The polite client against small servers on 127.0.0.1: conditional requests, retries with
// backoff, and every limit that keeps stet a good guest (robots.txt, delays, caps, redirects).

import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type ClientOptions,
  PoliteClient,
  type Validators,
} from "../../src/fetch/polite-client.ts";
import { type ManualClock, manualClock } from "../support/manual-clock.ts";
import { type ScenarioServer, startScenarioServer } from "../support/scenario-server.ts";

const HTML = /^text\/html\b/;
const PAGE = "<!doctype html><title>Harbour gala</title><p>The gala raised a modest sum.</p>";

let server: ScenarioServer;
// Virtual time: backoff and spacing jump it forward, and the server stamps requests with it.
let clock: ManualClock;
beforeEach(async () => {
  clock = manualClock();
  server = await startScenarioServer({ clock });
});
afterEach(async () => {
  await server.close();
});

// The server is on 127.0.0.1, which stet refuses unless an outlet opts in: these tests opt in.
function client(options: Partial<ClientOptions> = {}) {
  const inner = new PoliteClient({
    userAgent: "stet-test (+https://example.invalid/stet)",
    perHostDelayMs: 0,
    concurrency: 4,
    timeoutMs: 2000,
    maxBytes: 100_000,
    retryDelayMs: 10,
    clock,
    ...options,
  });
  return {
    get: (url: string, accept: RegExp, validators?: Validators) =>
      inner.get(url, accept, validators, { allowPrivateAddresses: true }),
  };
}

function pageHits(path: string) {
  return server.requests.filter((hit) => hit.path === path);
}

// Milliseconds between consecutive requests for `path`.
function gaps(path: string): number[] {
  const times = pageHits(path).map((hit) => hit.receivedAt);
  return times.slice(1).map((time, i) => time - (times[i] ?? time));
}

describe("conditional requests", () => {
  it("returns the ETag and Last-Modified of a page it fetched", async () => {
    server.route("/news/gala", {
      headers: { etag: '"v1"', "last-modified": "Mon, 02 Nov 2026 09:00:00 GMT" },
      body: PAGE,
    });
    const result = await client().get(`${server.origin}/news/gala`, HTML);
    expect(result).toMatchObject({
      kind: "ok",
      status: 200,
      etag: '"v1"',
      lastModified: "Mon, 02 Nov 2026 09:00:00 GMT",
    });
    if (result.kind === "ok") expect(Buffer.from(result.body).toString("utf8")).toBe(PAGE);
  });

  it("sends the validators back and reports not-modified on a 304", async () => {
    server.route("/news/gala", (hit) =>
      hit.headers["if-none-match"] === '"v1"'
        ? { status: 304, headers: { etag: '"v1"' } }
        : { headers: { etag: '"v1"' }, body: PAGE },
    );
    const result = await client().get(`${server.origin}/news/gala`, HTML, {
      etag: '"v1"',
      lastModified: "Mon, 02 Nov 2026 09:00:00 GMT",
    });
    expect(result).toEqual({ kind: "not-modified", url: `${server.origin}/news/gala` });
    const [hit] = pageHits("/news/gala");
    expect(hit?.headers["if-none-match"]).toBe('"v1"');
    expect(hit?.headers["if-modified-since"]).toBe("Mon, 02 Nov 2026 09:00:00 GMT");
  });

  it("sends no conditional headers without validators", async () => {
    server.route("/news/gala", { body: PAGE });
    await client().get(`${server.origin}/news/gala`, HTML);
    const [hit] = pageHits("/news/gala");
    expect(hit?.headers["if-none-match"]).toBeUndefined();
    expect(hit?.headers["if-modified-since"]).toBeUndefined();
    expect(hit?.headers["user-agent"]).toBe("stet-test (+https://example.invalid/stet)");
  });
});

describe("retries", () => {
  it("retries a 503 twice and returns the page the third attempt gets", async () => {
    let count = 0;
    server.route("/news/gala", () => (++count < 3 ? { status: 503 } : { body: PAGE }));
    const result = await client().get(`${server.origin}/news/gala`, HTML);
    expect(result.kind).toBe("ok");
    expect(pageHits("/news/gala")).toHaveLength(3);
  });

  it("gives up after the configured retries and says how many attempts it made", async () => {
    server.route("/news/gala", { status: 503 });
    const result = await client({ retries: 2 }).get(`${server.origin}/news/gala`, HTML);
    expect(result).toEqual({
      kind: "failed",
      url: `${server.origin}/news/gala`,
      reason: "HTTP 503 after 3 attempts",
    });
    expect(pageHits("/news/gala")).toHaveLength(3);
  });

  it("doubles the wait between attempts", async () => {
    server.route("/news/gala", { status: 502 });
    await client({ retries: 2, retryDelayMs: 100 }).get(`${server.origin}/news/gala`, HTML);
    expect(clock.sleeps).toEqual([100, 200]);
    expect(gaps("/news/gala")).toEqual([100, 200]);
  });

  it("does not retry a 501, which will not get better", async () => {
    server.route("/news/gala", { status: 501 });
    const result = await client().get(`${server.origin}/news/gala`, HTML);
    expect(result).toMatchObject({ kind: "failed", reason: "HTTP 501" });
    expect(pageHits("/news/gala")).toHaveLength(1);
  });

  it("does not retry a 403", async () => {
    server.route("/news/gala", { status: 403 });
    const result = await client().get(`${server.origin}/news/gala`, HTML);
    expect(result).toMatchObject({ kind: "failed", reason: "HTTP 403" });
    expect(pageHits("/news/gala")).toHaveLength(1);
  });

  it("waits as long as Retry-After asks before trying again", async () => {
    let count = 0;
    server.route("/news/gala", () =>
      ++count === 1 ? { status: 503, headers: { "retry-after": "1" } } : { body: PAGE },
    );
    const result = await client({ retryDelayMs: 10 }).get(`${server.origin}/news/gala`, HTML);
    expect(result.kind).toBe("ok");
    expect(clock.sleeps).toEqual([1000]);
    expect(gaps("/news/gala")).toEqual([1000]);
  });

  it("leaves a server alone that asks to wait longer than 30 seconds", async () => {
    server.route("/news/gala", { status: 503, headers: { "retry-after": "3600" } });
    const result = await client().get(`${server.origin}/news/gala`, HTML);
    expect(result).toMatchObject({
      kind: "failed",
      reason: "HTTP 503; the server asks to wait 3600 s, longer than stet waits",
    });
    expect(pageHits("/news/gala")).toHaveLength(1);
  });

  it("retries a timeout and reports the attempts", async () => {
    // The server never answers; its clock passes the timeout once the request is in.
    server.route("/news/gala", () => {
      clock.advance(100);
      return { hang: true };
    });
    const result = await client({ timeoutMs: 100, retries: 1 }).get(
      `${server.origin}/news/gala`,
      HTML,
    );
    expect(result).toMatchObject({
      kind: "failed",
      reason: "timed out after 100 ms (2 attempts)",
    });
    expect(pageHits("/news/gala")).toHaveLength(2);
  });

  it("retries when the connection is refused", async () => {
    const origin = server.origin;
    await server.close();
    server = await startScenarioServer();
    const result = await client({ retries: 1 }).get(`${origin}/news/gala`, HTML);
    expect(result).toMatchObject({ kind: "failed" });
    if (result.kind === "failed") {
      expect(result.reason).toMatch(/^robots\.txt unreadable \(network error: .* \(2 attempts\)\)/);
    }
  });
});

describe("limits", () => {
  it("fails a page after one timeout when retries are off", async () => {
    server.route("/news/gala", () => {
      clock.advance(100);
      return { hang: true };
    });
    const result = await client({ timeoutMs: 100, retries: 0 }).get(
      `${server.origin}/news/gala`,
      HTML,
    );
    expect(result).toMatchObject({ kind: "failed", reason: "timed out after 100 ms" });
  });

  it("refuses a page whose declared size is over the cap without reading it", async () => {
    server.route("/news/gala", { body: `<p>${"word ".repeat(400)}</p>` });
    const result = await client({ maxBytes: 1000 }).get(`${server.origin}/news/gala`, HTML);
    expect(result).toMatchObject({ kind: "failed", reason: "response larger than 1000 bytes" });
  });

  it("stops reading a streamed page once it passes the cap", async () => {
    server.route("/news/endless", { hugeBytes: 50_000_000 });
    const result = await client({ maxBytes: 100_000 }).get(`${server.origin}/news/endless`, HTML);
    expect(result).toMatchObject({ kind: "failed", reason: "response larger than 100000 bytes" });
  });

  it("refuses a page that is not HTML", async () => {
    server.route("/news/gala.pdf", {
      headers: { "content-type": "application/pdf" },
      body: "%PDF",
    });
    const result = await client().get(`${server.origin}/news/gala.pdf`, HTML);
    expect(result).toMatchObject({
      kind: "failed",
      reason: "unexpected content type application/pdf",
    });
  });

  it("refuses a URL that is not http(s) without any request", async () => {
    const result = await client().get("ftp://127.0.0.1/news/gala", HTML);
    expect(result).toEqual({
      kind: "failed",
      url: "ftp://127.0.0.1/news/gala",
      reason: "not an http(s) URL",
    });
  });

  it("follows redirects to the page", async () => {
    server.route("/old/gala", { redirect: "/news/gala" });
    server.route("/news/gala", { body: PAGE });
    const result = await client().get(`${server.origin}/old/gala`, HTML);
    expect(result).toMatchObject({ kind: "ok", url: `${server.origin}/news/gala` });
  });

  it("stops at a redirect loop as soon as a URL repeats", async () => {
    server.route("/news/a", { redirect: "/news/b" });
    server.route("/news/b", { redirect: "/news/a" });
    const result = await client().get(`${server.origin}/news/a`, HTML);
    expect(result).toMatchObject({ kind: "failed" });
    if (result.kind === "failed") expect(result.reason).toMatch(/^redirect loop/);
    expect(pageHits("/news/a")).toHaveLength(1);
    expect(pageHits("/news/b")).toHaveLength(1);
  });

  it("stops after five redirects", async () => {
    for (let i = 0; i < 10; i++) server.route(`/hop/${i}`, { redirect: `/hop/${i + 1}` });
    const result = await client().get(`${server.origin}/hop/0`, HTML);
    expect(result).toMatchObject({ kind: "failed", reason: "more than 5 redirects" });
    expect(server.requests.filter((hit) => hit.path.startsWith("/hop/"))).toHaveLength(6);
  });
});

describe("robots.txt", () => {
  it("never requests a page robots.txt disallows", async () => {
    server.route("/robots.txt", {
      headers: { "content-type": "text/plain" },
      body: "User-agent: *\nDisallow: /private/\n",
    });
    server.route("/private/rota", { body: PAGE });
    const result = await client().get(`${server.origin}/private/rota`, HTML);
    expect(result).toEqual({ kind: "disallowed", url: `${server.origin}/private/rota` });
    expect(server.requests.map((hit) => hit.path)).toEqual(["/robots.txt"]);
  });

  it("reads robots.txt once per origin in a run", async () => {
    server.route("/news/a", { body: PAGE });
    server.route("/news/b", { body: PAGE });
    const polite = client();
    await polite.get(`${server.origin}/news/a`, HTML);
    await polite.get(`${server.origin}/news/b`, HTML);
    expect(server.requests.map((hit) => hit.path)).toEqual(["/robots.txt", "/news/a", "/news/b"]);
  });

  it("fetches everything when robots.txt is missing", async () => {
    server.route("/robots.txt", { status: 404 });
    server.route("/news/a", { body: PAGE });
    const result = await client().get(`${server.origin}/news/a`, HTML);
    expect(result.kind).toBe("ok");
  });

  it("skips the site when robots.txt keeps failing", async () => {
    server.route("/robots.txt", { status: 500 });
    server.route("/news/a", { body: PAGE });
    const result = await client({ retries: 1 }).get(`${server.origin}/news/a`, HTML);
    expect(result).toMatchObject({
      kind: "failed",
      reason: "robots.txt unreadable (HTTP 500 after 2 attempts), so the site is not fetched",
    });
    expect(pageHits("/news/a")).toHaveLength(0);
  });
});

describe("pacing", () => {
  it("spaces requests to one host by the per-host delay", async () => {
    for (const name of ["a", "b", "c"]) server.route(`/news/${name}`, { body: PAGE });
    const polite = client({ perHostDelayMs: 200 });
    await Promise.all(
      ["a", "b", "c"].map((name) => polite.get(`${server.origin}/news/${name}`, HTML)),
    );
    // robots.txt, then the three pages, each 200 ms of the client's time after the one before.
    const times = server.requests.map((hit) => hit.receivedAt);
    expect(times.slice(1).map((time, i) => time - (times[i] ?? 0))).toEqual([200, 200, 200]);
  });

  it("waits the per-host delay between requests to a host, never before the first", async () => {
    server.route("/news/a", { body: PAGE });
    await client({ perHostDelayMs: 5000 }).get(`${server.origin}/news/a`, HTML);
    expect(clock.sleeps).toEqual([5000]);
    expect(server.requests.map((hit) => hit.path)).toEqual(["/robots.txt", "/news/a"]);
  });

  // Two hosts, one held request each: with room for one request in flight, the second host is
  // asked only once the first answered; with room for two, while the first is still held.
  async function whileHeld(concurrency: number): Promise<string[]> {
    const other = await startScenarioServer({ clock });
    const events: string[] = [];
    let release = () => {};
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    try {
      server.route("/news/a", async () => {
        events.push("a asked");
        await released;
        events.push("a answered");
        return { body: PAGE };
      });
      other.route("/news/b", () => {
        events.push("b asked");
        release();
        return { body: PAGE };
      });
      const polite = client({ concurrency });
      const results = Promise.all([
        polite.get(`${server.origin}/news/a`, HTML),
        polite.get(`${other.origin}/news/b`, HTML),
      ]);
      // Held until b is asked, or until a's client is long past any chance to ask b meanwhile.
      while (!events.includes("a asked")) await new Promise((resolve) => setImmediate(resolve));
      for (let turn = 0; turn < 200 && !events.includes("b asked"); turn++) {
        await new Promise((resolve) => setImmediate(resolve));
      }
      release();
      await results;
      return events;
    } finally {
      await other.close();
    }
  }

  it("keeps no more requests in flight than the concurrency allows", async () => {
    expect(await whileHeld(1)).toEqual(["a asked", "a answered", "b asked"]);
  });

  it("sends requests to other hosts while one is held, when the concurrency allows", async () => {
    expect(await whileHeld(2)).toEqual(["a asked", "b asked", "a answered"]);
  });
});
