// The address guard: which addresses are refused, in every way a URL can spell them, and the
// client refusing them before a request, at connect time and after a redirect. Every request in
// these tests goes to loopback; addresses of other ranges are only ever classified, never dialled.

import type { lookup as dnsLookup, LookupAddress } from "node:dns";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addressGuard, privateAddressKind } from "../../src/fetch/address-guard.ts";
import { type ClientOptions, PoliteClient } from "../../src/fetch/polite-client.ts";
import { type ScenarioServer, startScenarioServer } from "../support/scenario-server.ts";

const RUNS = { numRuns: 1000 };

describe("privateAddressKind", () => {
  it.each([
    ["127.0.0.1", "a loopback address"],
    ["127.255.255.254", "a loopback address"],
    ["::1", "a loopback address"],
    ["0.0.0.0", "an unspecified address"],
    ["::", "an unspecified address"],
    ["169.254.169.254", "a link-local address (cloud metadata lives here)"],
    ["fe80::1", "a link-local address (cloud metadata lives here)"],
    ["febf:ffff::1", "a link-local address (cloud metadata lives here)"],
    ["10.0.0.1", "a private-network address"],
    ["172.16.0.1", "a private-network address"],
    ["172.31.255.255", "a private-network address"],
    ["192.168.1.1", "a private-network address"],
    ["fc00::1", "a private-network address"],
    ["fdff:ffff::1", "a private-network address"],
    ["100.64.0.1", "a carrier-grade NAT address"],
    ["100.127.255.255", "a carrier-grade NAT address"],
    ["224.0.0.1", "a multicast address"],
    ["ff02::1", "a multicast address"],
    ["255.255.255.255", "a reserved address"],
    ["::ffff:127.0.0.1", "a loopback address"],
    ["::ffff:a9fe:a9fe", "a link-local address (cloud metadata lives here)"],
    ["64:ff9b::10.1.2.3", "a private-network address"],
    ["2002:c0a8:0101::1", "a private-network address"],
    ["[::1]", "a loopback address"],
  ])("refuses %s as %s", (address, kind) => {
    expect(privateAddressKind(address)).toBe(kind);
  });

  it.each([
    "8.8.8.8",
    "1.1.1.1",
    "11.0.0.0",
    "126.255.255.255",
    "128.0.0.0",
    "172.15.255.255",
    "172.32.0.0",
    "169.253.255.255",
    "169.255.0.0",
    "100.63.255.255",
    "100.128.0.0",
    "192.167.255.255",
    "192.169.0.0",
    "223.255.255.255",
    "2606:4700:4700::1111",
    "::ffff:8.8.8.8",
    "2002:0808:0808::1",
    "fbff:ffff::1",
    "fec0::1".replace("fec0", "fe7f"),
  ])("lets the public address %s through", (address) => {
    expect(privateAddressKind(address)).toBeNull();
  });

  it("leaves host names to the connect-time check", () => {
    expect(privateAddressKind("harbor.example")).toBeNull();
    expect(privateAddressKind("localhost")).toBeNull();
  });
});

// A private IPv4 address as four numbers, from one of the refused ranges.
const privateIpv4 = fc.oneof(
  fc.tuple(fc.constant(127), fc.nat(255), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(10), fc.nat(255), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(172), fc.integer({ min: 16, max: 31 }), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(192), fc.constant(168), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(169), fc.constant(254), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(100), fc.integer({ min: 64, max: 127 }), fc.nat(255), fc.nat(255)),
  fc.tuple(fc.constant(0), fc.nat(255), fc.nat(255), fc.nat(255)),
);

const hex = (n: number) => n.toString(16);
const word = (hi: number, lo: number) => hex((hi << 8) | lo);

// Every way a URL's host can spell an IPv4 address that the URL parser turns back into it.
function spellings([a, b, c, d]: [number, number, number, number]): string[] {
  const whole = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
  const dotted = `${a}.${b}.${c}.${d}`;
  return [
    dotted,
    String(whole),
    `0x${hex(whole)}`,
    `0X${hex(whole).toUpperCase()}`,
    [a, b, c, d].map((n) => `0${n.toString(8)}`).join("."),
    [a, b, c, d].map((n) => `0x${hex(n)}`).join("."),
    `${a}.${(b << 16) + (c << 8) + d}`,
    `${a}.${b}.${(c << 8) + d}`,
    [...dotted].map((ch) => `%${ch.charCodeAt(0).toString(16)}`).join(""),
    `${dotted}.`.replace(/\.$/, ""),
    `[::ffff:${dotted}]`,
    `[::FFFF:${word(a, b)}:${word(c, d)}]`,
    `[0:0:0:0:0:ffff:${dotted}]`,
    `[0000:0000:0000:0000:0000:ffff:${word(a, b)}:${word(c, d)}]`,
    `[64:ff9b::${dotted}]`,
    `[2002:${word(a, b)}:${word(c, d)}::1]`,
  ];
}

// A random address in ::1, fc00::/7 or fe80::/10, in compressed, expanded or upper-case form.
const privateIpv6 = fc
  .tuple(
    fc.constantFrom("loopback", "unique-local", "link-local"),
    fc.array(fc.nat(0xffff), { minLength: 8, maxLength: 8 }),
    fc.constantFrom("expanded", "compressed", "upper"),
  )
  .map(([range, random, form]) => {
    const words =
      range === "loopback"
        ? [0, 0, 0, 0, 0, 0, 0, 1]
        : range === "unique-local"
          ? [0xfc00 | ((random[0] ?? 0) & 0x1ff), ...random.slice(1)]
          : [0xfe80 | ((random[0] ?? 0) & 0x3f), ...random.slice(1)];
    const text = words
      .map((w) => (form === "expanded" ? hex(w).padStart(4, "0") : hex(w)))
      .join(":");
    const compact = form === "compressed" ? text.replace(/(^|:)0(:0)+(:|$)/, "::") : text;
    return `[${form === "upper" ? compact.toUpperCase() : compact}]`;
  });

describe("the guard before a request", () => {
  const guard = addressGuard();

  it("refuses a private IPv4 address in every spelling a URL allows", () => {
    fc.assert(
      fc.property(privateIpv4, (address) => {
        for (const host of spellings(address)) {
          const url = `http://${host}:8080/news/story`;
          expect(guard.refusedUrl(url), url).toMatch(/^refused: /);
        }
      }),
      RUNS,
    );
  });

  it("refuses loopback, unique-local and link-local IPv6 in every spelling", () => {
    fc.assert(
      fc.property(privateIpv6, (host) => {
        expect(guard.refusedUrl(`https://${host}/feed.xml`), host).toMatch(/^refused: /);
      }),
      RUNS,
    );
  });

  it("names the host and what to set in the refusal", () => {
    expect(guard.refusedUrl("http://0x7f000001:8080/feed.xml")).toBe(
      "refused: 127.0.0.1 is a loopback address; an outlet served from such an address needs allowPrivateAddresses: true",
    );
  });
});

describe("the guard at connect time", () => {
  // An invented name, resolved by the test, never by DNS.
  const resolver = (answers: Record<string, string[]>): typeof dnsLookup =>
    ((hostname: string, _options: unknown, callback: (...args: unknown[]) => void) => {
      const addresses: LookupAddress[] = (answers[hostname] ?? []).map((address) => ({
        address,
        family: address.includes(":") ? 6 : 4,
      }));
      if (addresses.length === 0)
        callback(Object.assign(new Error("ENOTFOUND"), { code: "ENOTFOUND" }));
      else callback(null, addresses);
    }) as unknown as typeof dnsLookup;

  let server: ScenarioServer;
  beforeEach(async () => {
    server = await startScenarioServer();
    server.route("/news/story", { body: "<!doctype html><title>Story</title><p>Text.</p>" });
  });
  afterEach(async () => {
    await server.close();
  });

  const options: ClientOptions = {
    userAgent: "stet-test",
    perHostDelayMs: 0,
    concurrency: 2,
    timeoutMs: 2000,
    maxBytes: 100_000,
    retries: 2,
    retryDelayMs: 10,
  };

  it("refuses loopback written as an IP without sending anything", async () => {
    const port = new URL(server.origin).port;
    const client = new PoliteClient(options);
    for (const host of ["127.0.0.1", "0x7f000001", "2130706433", "127.1", "[::ffff:127.0.0.1]"]) {
      const result = await client.get(`http://${host}:${port}/news/story`, /html/);
      expect(result, host).toMatchObject({
        kind: "failed",
        reason: expect.stringMatching(/^refused: .* loopback/),
      });
    }
    expect(server.requests).toEqual([]);
  });

  it("refuses a host name that resolves to loopback, checked as the socket connects, once", async () => {
    const port = new URL(server.origin).port;
    const client = new PoliteClient(options);
    const result = await client.get(`http://localhost:${port}/news/story`, /html/);
    expect(result).toMatchObject({
      kind: "failed",
      reason: expect.stringMatching(
        /^refused: localhost \((127\.0\.0\.1|::1)\) is a loopback address;/,
      ),
    });
    expect(server.requests).toEqual([]);
  });

  it("refuses a name when any of its addresses is private", async () => {
    const port = new URL(server.origin).port;
    const guard = addressGuard({
      classify: (ip) => (ip === "127.0.0.1" ? null : privateAddressKind(ip)),
      resolve: resolver({ "mixed.test": ["127.0.0.1", "10.1.2.3"] }),
    });
    const client = new PoliteClient({ ...options, addressGuard: guard });
    const result = await client.get(`http://mixed.test:${port}/news/story`, /html/);
    expect(result).toMatchObject({
      kind: "failed",
      reason: expect.stringMatching(
        /^refused: mixed\.test \(10\.1\.2\.3\) is a private-network address/,
      ),
    });
    expect(server.requests).toEqual([]);
  });

  it("fetches it all when the outlet opts in", async () => {
    const client = new PoliteClient(options);
    const result = await client.get(`${server.origin}/news/story`, /html/, undefined, {
      allowPrivateAddresses: true,
    });
    expect(result).toMatchObject({ kind: "ok" });
  });

  describe("after a redirect", () => {
    // An internal service on another loopback address; the guard here treats 127.0.0.1 (the
    // outlet) as public and 127.0.0.2 as what it is, so the redirect is the only way in.
    let internal: Server;
    let hits: string[];
    let internalPort: number;
    beforeEach(async () => {
      hits = [];
      internal = createServer((request, response) => {
        hits.push(request.url ?? "");
        response.end("secret");
      });
      await new Promise<void>((resolve) => internal.listen(0, "127.0.0.2", resolve));
      internalPort = (internal.address() as AddressInfo).port;
    });
    afterEach(async () => {
      internal.closeAllConnections();
      await new Promise((resolve) => internal.close(resolve));
    });

    const narrowGuard = () =>
      addressGuard({
        classify: (ip) => (ip === "127.0.0.1" ? null : privateAddressKind(ip)),
        resolve: resolver({ "intranet.test": ["127.0.0.2"] }),
      });

    it("refuses a redirect to a private IP and never contacts it", async () => {
      server.route("/news/moved", { redirect: `http://127.0.0.2:${internalPort}/admin` });
      const client = new PoliteClient({ ...options, addressGuard: narrowGuard() });
      const result = await client.get(`${server.origin}/news/moved`, /./);
      expect(result).toEqual({
        kind: "failed",
        url: `http://127.0.0.2:${internalPort}/admin`,
        reason: `refused: 127.0.0.2 is a loopback address; an outlet served from such an address needs allowPrivateAddresses: true (redirected from ${server.origin}/news/moved)`,
      });
      expect(hits).toEqual([]);
    });

    it("refuses a redirect to a name that resolves to a private address", async () => {
      server.route("/news/moved", { redirect: `http://intranet.test:${internalPort}/admin` });
      const client = new PoliteClient({ ...options, addressGuard: narrowGuard() });
      const result = await client.get(`${server.origin}/news/moved`, /./);
      expect(result).toMatchObject({
        kind: "failed",
        reason: expect.stringMatching(
          /^refused: intranet\.test \(127\.0\.0\.2\) is a loopback address/,
        ),
      });
      expect(hits).toEqual([]);
    });

    it("follows the same redirect when the outlet opts in", async () => {
      server.route("/news/moved", { redirect: `http://127.0.0.2:${internalPort}/admin` });
      const client = new PoliteClient({ ...options, addressGuard: narrowGuard() });
      const result = await client.get(`${server.origin}/news/moved`, /./, undefined, {
        allowPrivateAddresses: true,
      });
      expect(result).toMatchObject({ kind: "ok", url: `http://127.0.0.2:${internalPort}/admin` });
      expect(hits).toContain("/admin");
    });
  });
});
