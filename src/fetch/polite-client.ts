// The only door to the network: robots.txt per host, a User-Agent naming stet, a delay between
// requests to one host, a bound on requests in flight, timeouts, a size cap and a redirect limit.
// Every outcome is a value (ok, gone, failed, disallowed); nothing here throws for a bad answer.

import robotsParserModule from "robots-parser";

interface RobotsRules {
  isAllowed(url: string, userAgent?: string): boolean | undefined;
}
// The package's declarations do not type its default export as callable.
const robotsParser = robotsParserModule as unknown as (url: string, text: string) => RobotsRules;

/** What one GET came to. */
export type PageResult =
  | { kind: "ok"; url: string; status: number; contentType: string | null; body: Uint8Array }
  | { kind: "gone"; url: string; status: number }
  | { kind: "failed"; url: string; reason: string }
  | { kind: "disallowed"; url: string };

export interface ClientOptions {
  userAgent: string;
  perHostDelayMs: number;
  concurrency: number;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects?: number;
}

// A string is why robots.txt could not be read: the site is then not fetched (RFC 9309).
type Robots = RobotsRules | "allow-all" | string;

export class PoliteClient {
  private readonly robots = new Map<string, Promise<Robots>>();
  private readonly hostQueues = new Map<string, Promise<unknown>>();
  private readonly hostLast = new Map<string, number>();
  private inFlight = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly options: ClientOptions) {}

  /** GETs a page that robots.txt allows; `accept` lists the acceptable content types. */
  async get(url: string, accept: RegExp): Promise<PageResult> {
    const allowed = await this.allowed(url);
    if (typeof allowed === "string") return { kind: "failed", url, reason: allowed };
    if (!allowed) return { kind: "disallowed", url };
    return this.request(url, accept);
  }

  private async request(startUrl: string, accept: RegExp): Promise<PageResult> {
    const maxRedirects = this.options.maxRedirects ?? 5;
    let url = startUrl;
    for (let hop = 0; hop <= maxRedirects; hop++) {
      const response = await this.send(url);
      if (typeof response === "string") return { kind: "failed", url, reason: response };
      if (response.status >= 300 && response.status < 400 && response.headers.has("location")) {
        await response.body?.cancel();
        const next = URL.canParse(response.headers.get("location") ?? "", url)
          ? new URL(response.headers.get("location") ?? "", url)
          : null;
        if (!next || (next.protocol !== "http:" && next.protocol !== "https:")) {
          return { kind: "failed", url, reason: "redirect to a non-http(s) location" };
        }
        url = next.href;
        const allowed = await this.allowed(url);
        if (typeof allowed === "string") return { kind: "failed", url, reason: allowed };
        if (!allowed) return { kind: "disallowed", url };
        continue;
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
      return { kind: "ok", url, status: response.status, contentType, body };
    }
    return { kind: "failed", url: startUrl, reason: `more than ${maxRedirects} redirects` };
  }

  // One request, after the host's delay and within the concurrency bound; a string is a failure.
  private send(url: string): Promise<Response | string> {
    const host = new URL(url).host;
    const previous = this.hostQueues.get(host) ?? Promise.resolve();
    const next = previous.then(async () => {
      const wait = (this.hostLast.get(host) ?? 0) + this.options.perHostDelayMs - Date.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      await this.acquire();
      try {
        return await fetch(url, {
          redirect: "manual",
          headers: {
            "user-agent": this.options.userAgent,
            accept: "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
          },
          signal: AbortSignal.timeout(this.options.timeoutMs),
        });
      } catch (error) {
        return describeNetworkError(error, this.options.timeoutMs);
      } finally {
        this.hostLast.set(host, Date.now());
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
  private allowed(url: string): Promise<boolean | string> {
    const origin = new URL(url).origin;
    let robots = this.robots.get(origin);
    if (!robots) {
      robots = this.loadRobots(origin);
      this.robots.set(origin, robots);
    }
    return robots.then((rules) => {
      if (rules === "allow-all") return true;
      if (typeof rules === "string") return rules;
      return rules.isAllowed(url, this.options.userAgent) !== false;
    });
  }

  // RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable one allows nothing.
  private async loadRobots(origin: string): Promise<Robots> {
    const robotsUrl = `${origin}/robots.txt`;
    const result = await this.request(robotsUrl, /./);
    if (result.kind === "ok") {
      return robotsParser(robotsUrl, Buffer.from(result.body).toString("utf8"));
    }
    if (result.kind === "gone" || (result.kind === "failed" && /^HTTP 4/.test(result.reason))) {
      return "allow-all";
    }
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

function describeNetworkError(error: unknown, timeoutMs: number): string {
  const err = error as Error & { cause?: { code?: string } };
  if (err.name === "TimeoutError" || err.name === "AbortError")
    return `timed out after ${timeoutMs} ms`;
  return `network error: ${err.cause?.code ?? err.message}`;
}
