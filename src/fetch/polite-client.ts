// The only door to the network: robots.txt per host, a User-Agent naming stet, a delay between
// requests to one host, a bound on requests in flight, timeouts, a size cap, a redirect limit,
// conditional requests and retries with backoff when a server stumbles.
// Every outcome is a value (ok, not modified, gone, failed, disallowed); nothing here throws for a
// bad answer.

import robotsParserModule from "robots-parser";
import { systemClock } from "../system-clock.ts";
import type { Clock } from "../types.ts";
import { type AddressGuard, addressGuard, PrivateAddressError } from "./address-guard.ts";

interface RobotsRules {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
}
// The package's declarations do not type its default export as callable.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => RobotsRules;

/** What one GET came to. */
export type PageResult =
  | {
      kind: "ok";
      url: string;
      status: number;
      contentType: string | null;
      body: Uint8Array;
      /** The response's `ETag`, to send back as `If-None-Match` next time. */
      etag: string | null;
      /** The response's `Last-Modified`, to send back as `If-Modified-Since` next time. */
      lastModified: string | null;
    }
  | { kind: "not-modified"; url: string }
  | { kind: "gone"; url: string; status: number }
  | { kind: "failed"; url: string; reason: string }
  | { kind: "disallowed"; url: string };

/**
 * Who may be asked. By default only public addresses: `allowPrivateAddresses` lets an outlet that
 * opted in (its config's `allowPrivateAddresses: true`) reach loopback and private networks.
 */
export interface RequestPolicy {
  allowPrivateAddresses?: boolean;
}

/** What a GET without validators can come to: never "not modified". */
export type UnconditionalResult = Exclude<PageResult, { kind: "not-modified" }>;

/** What the previous fetch of a page said about its version, for a conditional request. */
export interface Validators {
  etag?: string | null;
  lastModified?: string | null;
}

export interface ClientOptions {
  userAgent: string;
  perHostDelayMs: number;
  concurrency: number;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
  /** Further tries after a 5xx (except 501), a network error or a timeout. Default 2. */
  retries?: number;
  /** Wait before the first retry, doubled for each later one. Default 1000. */
  retryDelayMs?: number;
  /** Spaces requests, waits between retries and times requests out; default the system clock. */
  clock?: Clock;
  /** What counts as a private address, and how names resolve; the standard guard by default. */
  addressGuard?: AddressGuard;
}

/** The longest `Retry-After` stet waits for; a server asking for more is left alone this run. */
export const MAX_RETRY_AFTER_MS = 30_000;

// A string is why robots.txt could not be read: the site is then not fetched (RFC 9309).
type Robots = RobotsRules | "allow-all" | string;

// One try at a URL: the response, or why there was none and whether trying again may help.
type Attempt =
  | { kind: "response"; response: Response }
  | { kind: "error"; reason: string; retry: boolean; retryAfterMs: number | null };

export class PoliteClient {
  private readonly robots = new Map<string, Promise<Robots>>();
  private readonly hostQueues = new Map<string, Promise<unknown>>();
  private readonly hostLast = new Map<string, number>();
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];
  private readonly clock: Clock;
  private readonly guard: AddressGuard;

  constructor(private readonly options: ClientOptions) {
    this.clock = options.clock ?? systemClock;
    this.guard = options.addressGuard ?? addressGuard();
  }

  /**
   * GETs a page that robots.txt allows; `accept` lists the acceptable content types. With
   * `validators` from an earlier `ok` result the request is conditional, and an unchanged page
   * comes back as `not-modified`.
   */
  get(
    url: string,
    accept: RegExp,
    validators?: undefined,
    policy?: RequestPolicy,
  ): Promise<UnconditionalResult>;
  get(
    url: string,
    accept: RegExp,
    validators: Validators | undefined,
    policy?: RequestPolicy,
  ): Promise<PageResult>;
  async get(
    url: string,
    accept: RegExp,
    validators?: Validators,
    policy: RequestPolicy = {},
  ): Promise<PageResult> {
    if (!isHttp(url)) return { kind: "failed", url, reason: "not an http(s) URL" };
    const refused = policy.allowPrivateAddresses ? null : this.guard.refusedUrl(url);
    if (refused !== null) return { kind: "failed", url, reason: refused };
    const allowed = await this.allowed(url, policy);
    if (typeof allowed === "string") return { kind: "failed", url, reason: allowed };
    if (!allowed) return { kind: "disallowed", url };
    return this.request(url, accept, validators, policy);
  }

  private async request(
    startUrl: string,
    accept: RegExp,
    validators: Validators | undefined,
    policy: RequestPolicy,
  ): Promise<PageResult> {
    const maxRedirects = this.options.maxRedirects ?? 5;
    const seen = new Set([startUrl]);
    let url = startUrl;
    for (let hop = 0; ; hop++) {
      const response = await this.sendWithRetries(url, validators, policy);
      if (typeof response === "string") return { kind: "failed", url, reason: response };
      const location = response.headers.get("location");
      if (response.status >= 300 && response.status < 400 && location !== null) {
        await response.body?.cancel();
        if (hop >= maxRedirects) {
          return { kind: "failed", url: startUrl, reason: `more than ${maxRedirects} redirects` };
        }
        const next = URL.canParse(location, url) ? new URL(location, url).href : null;
        if (!next || !isHttp(next)) {
          return { kind: "failed", url, reason: "redirect to a non-http(s) location" };
        }
        if (seen.has(next)) {
          return { kind: "failed", url, reason: `redirect loop: ${url} leads back to ${next}` };
        }
        const refused = policy.allowPrivateAddresses ? null : this.guard.refusedUrl(next);
        if (refused !== null) {
          return { kind: "failed", url: next, reason: `${refused} (redirected from ${url})` };
        }
        seen.add(next);
        url = next;
        const allowed = await this.allowed(url, policy);
        if (typeof allowed === "string") return { kind: "failed", url, reason: allowed };
        if (!allowed) return { kind: "disallowed", url };
        continue;
      }
      if (response.status === 304 && validators) {
        await response.body?.cancel();
        return { kind: "not-modified", url };
      }
      if (response.status === 404 || response.status === 410) {
        await response.body?.cancel();
        return { kind: "gone", url, status: response.status };
      }
      if (response.status !== 200) {
        await response.body?.cancel();
        return { kind: "failed", url, reason: `HTTP ${response.status}` };
      }
      const contentType = response.headers.get("content-type");
      if (contentType && !accept.test(contentType)) {
        await response.body?.cancel();
        return { kind: "failed", url, reason: `unexpected content type ${contentType}` };
      }
      const body = await this.readCapped(response);
      if (typeof body === "string") return { kind: "failed", url, reason: body };
      return {
        kind: "ok",
        url,
        status: response.status,
        contentType,
        body,
        etag: response.headers.get("etag"),
        lastModified: response.headers.get("last-modified"),
      };
    }
  }

  // Tries a URL until it answers with something other than a passing server failure, waiting
  // longer each time; a string says why it never did, and after how many attempts.
  private async sendWithRetries(
    url: string,
    validators: Validators | undefined,
    policy: RequestPolicy,
  ): Promise<Response | string> {
    const retries = Math.max(0, this.options.retries ?? 2);
    let delayMs = this.options.retryDelayMs ?? 1000;
    for (let attempt = 1; ; attempt++) {
      const result = await this.send(url, validators, policy);
      if (result.kind === "response") return result.response;
      if (!result.retry || attempt > retries) return withAttempts(result.reason, attempt);
      if (result.retryAfterMs !== null && result.retryAfterMs > MAX_RETRY_AFTER_MS) {
        const seconds = result.retryAfterMs / 1000;
        return `${withAttempts(result.reason, attempt)}; the server asks to wait ${seconds} s, longer than stet waits`;
      }
      await this.clock.sleep(Math.max(delayMs, result.retryAfterMs ?? 0));
      delayMs *= 2;
    }
  }

  // One request, after the host's delay and within the concurrency bound.
  private send(
    url: string,
    validators: Validators | undefined,
    policy: RequestPolicy,
  ): Promise<Attempt> {
    const host = new URL(url).host;
    const previous = this.hostQueues.get(host) ?? Promise.resolve();
    const next = previous.then(async (): Promise<Attempt> => {
      const last = this.hostLast.get(host);
      const wait = last === undefined ? 0 : last + this.options.perHostDelayMs - this.clock.now();
      if (wait > 0) await this.clock.sleep(wait);
      await this.acquire();
      try {
        const response = await fetch(url, {
          redirect: "manual",
          headers: requestHeaders(this.options.userAgent, validators),
          signal: this.clock.timeout(this.options.timeoutMs),
          // The address guard: host names are checked against the address the socket connects to.
          ...(policy.allowPrivateAddresses ? {} : { dispatcher: this.guard.dispatcher }),
        } as RequestInit);
        if (response.status >= 500 && response.status !== 501) {
          await response.body?.cancel();
          return {
            kind: "error",
            reason: `HTTP ${response.status}`,
            retry: true,
            retryAfterMs: retryAfterMs(response.headers.get("retry-after")),
          };
        }
        return { kind: "response", response };
      } catch (error) {
        const cause = (error as { cause?: unknown }).cause;
        if (cause instanceof PrivateAddressError) {
          return { kind: "error", reason: cause.message, retry: false, retryAfterMs: null };
        }
        const reason = describeNetworkError(error, this.options.timeoutMs);
        return { kind: "error", reason, retry: true, retryAfterMs: null };
      } finally {
        this.hostLast.set(host, this.clock.now());
        this.release();
      }
    });
    this.hostQueues.set(
      host,
      next.catch(() => undefined),
    );
    return next;
  }

  private async readCapped(response: Response): Promise<Uint8Array | string> {
    const declared = Number(response.headers.get("content-length") ?? "0");
    if (declared > this.options.maxBytes) {
      await response.body?.cancel();
      return `response larger than ${this.options.maxBytes} bytes`;
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (!chunk || chunk.done) break;
        size += chunk.value.byteLength;
        if (size > this.options.maxBytes) {
          await reader?.cancel();
          return `response larger than ${this.options.maxBytes} bytes`;
        }
        chunks.push(chunk.value);
      }
    } catch (error) {
      return describeNetworkError(error, this.options.timeoutMs);
    }
    return Buffer.concat(chunks);
  }

  /** True or false as robots.txt says; a string when robots.txt itself could not be read. */
  private allowed(url: string, policy: RequestPolicy): Promise<boolean | string> {
    const origin = new URL(url).origin;
    // Per policy: an outlet that may not reach an address must not reuse another's answer from it.
    const key = `${policy.allowPrivateAddresses ? "open" : "guarded"} ${origin}`;
    let robots = this.robots.get(key);
    if (!robots) {
      robots = this.loadRobots(origin, policy);
      this.robots.set(key, robots);
    }
    return robots.then((rules) => {
      if (rules === "allow-all") return true;
      if (typeof rules === "string") return rules;
      return rules.isAllowed(url, this.options.userAgent) !== false;
    });
  }

  // RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable one allows nothing.
  private async loadRobots(origin: string, policy: RequestPolicy): Promise<Robots> {
    const robotsUrl = `${origin}/robots.txt`;
    const result = await this.request(robotsUrl, /./, undefined, policy);
    if (result.kind === "ok") {
      return robotsParser(robotsUrl, Buffer.from(result.body).toString("utf8"));
    }
    if (result.kind === "gone" || (result.kind === "failed" && /^HTTP 4/.test(result.reason))) {
      return "allow-all";
    }
    // A refused address is the reason itself, not a robots.txt problem.
    if (result.kind === "failed" && result.reason.startsWith("refused: ")) return result.reason;
    const why = result.kind === "failed" ? result.reason : "redirected to a disallowed location";
    return `robots.txt unreadable (${why}), so the site is not fetched`;
  }

  private async acquire(): Promise<void> {
    if (this.inFlight < this.options.concurrency) {
      this.inFlight++;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.inFlight--;
  }
}

function requestHeaders(userAgent: string, validators?: Validators): Record<string, string> {
  const headers: Record<string, string> = {
    "user-agent": userAgent,
    accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
  };
  if (validators?.etag) headers["if-none-match"] = validators.etag;
  if (validators?.lastModified) headers["if-modified-since"] = validators.lastModified;
  return headers;
}

// Only the delay-seconds form; an HTTP-date Retry-After falls back to stet's own backoff.
function retryAfterMs(header: string | null): number | null {
  if (header === null || !/^\s*\d+\s*$/.test(header)) return null;
  return Number(header) * 1000;
}

function withAttempts(reason: string, attempts: number): string {
  if (attempts === 1) return reason;
  // "HTTP 503 after 3 attempts", but "timed out after 50 ms (3 attempts)" rather than two "after"s.
  return reason.startsWith("HTTP ")
    ? `${reason} after ${attempts} attempts`
    : `${reason} (${attempts} attempts)`;
}

function isHttp(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const { protocol } = new URL(url);
  return protocol === "http:" || protocol === "https:";
}

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: { code?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError")
    return `timed out after ${timeoutMs} ms`;
  return `network error: ${err.cause?.code ?? err.message}`;
}
