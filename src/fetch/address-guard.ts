// Keeps stet from fetching addresses that are not on the public internet (loopback, link-local
// and cloud metadata, private ranges, CGNAT, …) unless the outlet opts in: a feed link or redirect
// must not make the fetch job read its own machine or network and publish what it finds there.
// An IP written in the URL is checked before any request; a host name is checked at connect time,
// against the address the socket is about to use, so DNS that answers differently the second time
// (rebinding) cannot slip past a check made earlier.

import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from "node:dns";
import { BlockList, isIP } from "node:net";
import { Agent } from "undici";

// IANA's special-purpose address registries, by the reason a fetch there is refused.
const RANGES: [kind: string, cidrs: string[]][] = [
  ["a loopback address", ["127.0.0.0/8", "::1/128"]],
  ["an unspecified address", ["0.0.0.0/8", "::/128"]],
  ["a link-local address (cloud metadata lives here)", ["169.254.0.0/16", "fe80::/10"]],
  [
    "a private-network address",
    ["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7", "fec0::/10"],
  ],
  ["a carrier-grade NAT address", ["100.64.0.0/10"]],
  [
    "a reserved address",
    [
      "192.0.0.0/24",
      "192.0.2.0/24",
      "192.88.99.0/24",
      "198.18.0.0/15",
      "198.51.100.0/24",
      "203.0.113.0/24",
      "240.0.0.0/4",
      "::/96",
      "64:ff9b:1::/48",
      "100::/64",
      "2001::/32",
      "2001:db8::/32",
    ],
  ],
  ["a multicast address", ["224.0.0.0/4", "ff00::/8"]],
];

const LISTS = RANGES.map(([kind, cidrs]) => {
  const list = new BlockList();
  for (const cidr of cidrs) {
    const [network = "", prefix = ""] = cidr.split("/");
    list.addSubnet(network, Number(prefix), isIP(network) === 6 ? "ipv6" : "ipv4");
  }
  return { kind, list };
});

/** Raised at connect time for a host that resolves to a refused address. */
export class PrivateAddressError extends Error {
  readonly code = "ESTETPRIVATE";
}

/**
 * What kind of non-public address `address` (an IPv4 or IPv6 literal, with or without brackets) is,
 * e.g. "a loopback address", or null for a public one. IPv4 inside IPv6 (mapped, NAT64, 6to4) is
 * judged as the IPv4 address it carries.
 */
export function privateAddressKind(address: string): string | null {
  const ip = address.replace(/^\[|\]$/g, "");
  const family = isIP(ip);
  if (family === 0) return null;
  if (family === 6) {
    const embedded = embeddedIpv4(ip);
    if (embedded !== null) return privateAddressKind(embedded);
  }
  const type = family === 6 ? "ipv6" : "ipv4";
  return LISTS.find(({ list }) => list.check(ip, type))?.kind ?? null;
}

/** The two checks a client makes: before a request, and as its socket connects. */
export interface AddressGuard {
  /** Why a request to `url` is refused before it is sent (its host is a non-public IP), or null. */
  refusedUrl(url: string): string | null;
  /**
   * The dispatcher for fetch() that refuses to connect to a non-public address: each DNS answer is
   * checked as the socket connects, so the address checked is the address used.
   */
  readonly dispatcher: Agent;
}

export interface AddressGuardOptions {
  /** Classifies an IP; tests narrow it to tell two loopback addresses apart. */
  classify?: (address: string) => string | null;
  /** Resolves host names; tests map invented names to addresses. */
  resolve?: typeof dnsLookup;
}

let standard: AddressGuard | undefined;

/** The guard with the standard ranges and the system resolver (one per process), or a custom one. */
export function addressGuard(options?: AddressGuardOptions): AddressGuard {
  if (options === undefined) {
    standard ??= addressGuard({});
    return standard;
  }
  const classify = options.classify ?? privateAddressKind;
  const resolve = options.resolve ?? dnsLookup;
  let dispatcher: Agent | undefined;
  return {
    refusedUrl(url) {
      const { hostname } = new URL(url);
      const kind = classify(hostname.replace(/^\[|\]$/g, ""));
      return kind === null ? null : refusal(hostname, kind);
    },
    get dispatcher() {
      dispatcher ??= new Agent({
        connect: {
          lookup: (hostname: string, lookupOptions: LookupOptions, callback: LookupCallback) =>
            guardedLookup(hostname, lookupOptions, callback, { classify, resolve }),
        },
      });
      return dispatcher;
    },
  };
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

// A `dns.lookup` for sockets that fails when any address a host resolves to is not public.
function guardedLookup(
  hostname: string,
  options: LookupOptions,
  callback: LookupCallback,
  guard: Required<AddressGuardOptions>,
): void {
  guard.resolve(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) {
      callback(error, []);
      return;
    }
    // Every answer must pass: a socket may try the second address when the first fails.
    for (const { address } of addresses) {
      const kind = guard.classify(address);
      if (kind !== null) {
        callback(new PrivateAddressError(refusal(`${hostname} (${address})`, kind)), []);
        return;
      }
    }
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]?.address ?? "", addresses[0]?.family);
  });
}

function refusal(host: string, kind: string): string {
  return `refused: ${host} is ${kind}; an outlet served from such an address needs allowPrivateAddresses: true`;
}

// The IPv4 address carried in an IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96) or 6to4
// (2002::/16) address, or null.
function embeddedIpv4(ip: string): string | null {
  const words = ipv6Words(ip);
  if (words === null) return null;
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const [w0, w1, w2, w3, w4, w5, w6, w7] = words as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  if (w0 === 0 && w1 === 0 && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0xffff) {
    return v4(w6, w7);
  }
  if (w0 === 0x64 && w1 === 0xff9b && w2 === 0 && w3 === 0 && w4 === 0 && w5 === 0) {
    return v4(w6, w7);
  }
  if (w0 === 0x2002) return v4(w1, w2);
  return null;
}

// The eight 16-bit words of an IPv6 literal (which isIP has accepted), or null.
function ipv6Words(ip: string): number[] | null {
  let text = ip.split("%")[0] ?? ip;
  const dotted = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const parse = (part: string) => (part === "" ? [] : part.split(":").map((w) => parseInt(w, 16)));
  const front = parse(head);
  const back = tail === undefined ? [] : parse(tail);
  const fill = 8 - front.length - back.length;
  if (fill < 0 || (tail === undefined && fill !== 0)) return null;
  return [...front, ...Array<number>(fill).fill(0), ...back];
}
