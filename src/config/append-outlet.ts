// Adds an outlet to stet.config.yaml through yaml's Document API, so the file keeps its comments,
// order and layout, and checks the result with the same validation as every run.

import { isIP } from "node:net";
import { Document, isNode, isSeq, parseDocument, YAMLSeq } from "yaml";
import { ConfigError } from "../errors.ts";
import { parseConfig } from "./load-config.ts";
import { RESERVED_OUTLET_IDS } from "./reserved-outlet-ids.ts";

/** An outlet as add-outlet writes it. */
export interface OutletEntry {
  id: string;
  name: string;
  feeds: string[];
  sitemaps: string[];
  allowPrivateAddresses?: boolean;
}

/**
 * `text` (a config) with `entry` appended to `outlets`, validated: throws ConfigError naming the
 * line and key when the result would not load.
 */
export function appendOutlet(text: string, entry: OutletEntry, path: string): string {
  const doc = parseDocument(text);
  if (doc.errors.length > 0) parseConfig(text, path);
  const outlets = doc.get("outlets", true);
  if (outlets !== undefined && outlets !== null && !isSeq(outlets)) {
    throw new ConfigError(`${path}: outlets: must be a list of outlets`);
  }
  const node: Record<string, unknown> = { id: entry.id, name: entry.name };
  if (entry.feeds.length > 0) node.feeds = entry.feeds;
  if (entry.sitemaps.length > 0) node.sitemaps = entry.sitemaps;
  if (entry.allowPrivateAddresses) node.allowPrivateAddresses = true;
  const item = new Document([node]);
  for (const key of ["feeds", "sitemaps"]) {
    const list = item.getIn([0, key], true);
    if (isSeq(list)) list.flow = true;
  }
  const last = isSeq(outlets) && !outlets.flow ? outlets.items.at(-1) : undefined;
  let result: string;
  if (last && isNode(last) && last.range) {
    // Spliced in as text after the last outlet, so every other byte of the file stays as it was.
    const lineEnd = text.indexOf("\n", last.range[1] - 1);
    const at = lineEnd === -1 ? text.length : lineEnd + 1;
    const lineStart = text.lastIndexOf("\n", last.range[0]) + 1;
    const indent = " ".repeat(Math.max(0, last.range[0] - lineStart - 2));
    const block = item
      .toString({ lineWidth: 0, flowCollectionPadding: false })
      .replace(/^(?=.)/gm, indent);
    result = `${text.slice(0, at)}${at > 0 && text[at - 1] !== "\n" ? "\n" : ""}${block}${text.slice(at)}`;
  } else {
    // No block list to extend (none yet, or written as [ ]): let yaml write the list.
    const list = isSeq(outlets) ? outlets : new YAMLSeq();
    list.flow = false;
    list.add(item.get(0, true));
    doc.set("outlets", list);
    result = doc.toString({ lineWidth: 0, flowCollectionPadding: false });
  }
  parseConfig(result, path);
  return result;
}

/**
 * An outlet id for `host` ("www.harbor-courier.example" → "harbor-courier"), unlike any of `taken`
 * or the site's own paths: lowercase letters, digits and dashes, up to 40.
 */
export function suggestOutletId(host: string, taken: Iterable<string>): string {
  const bare = host.toLowerCase().replace(/^\[|\]$/g, "");
  const labels = bare.replace(/^www\d*\./, "").split(".");
  // An address names no outlet; a name loses its "www." and its top-level domain.
  const main =
    isIP(bare) !== 0
      ? "outlet"
      : labels.length > 1
        ? labels.slice(0, -1).join("-")
        : (labels[0] ?? "");
  const base =
    main
      .replace(/[^a-z0-9-]+/g, "-")
      .replace(/-{2,}/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 36)
      .replace(/-+$/, "") || "outlet";
  const used = new Set(taken);
  if (!used.has(base) && !RESERVED_OUTLET_IDS.has(base)) return base;
  for (let n = 2; ; n++) {
    if (!used.has(`${base}-${n}`)) return `${base}-${n}`;
  }
}
