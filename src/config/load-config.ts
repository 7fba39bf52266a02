// Reads and validates stet.config.yaml. Every problem becomes one ConfigError that names the file,
// the line and the key, so a forker can fix their config without reading a stack trace.

import { readFile } from "node:fs/promises";
import { isMap, isSeq, LineCounter, parseDocument } from "yaml";
import { ConfigError } from "../errors.ts";
import type { StetConfig } from "../types.ts";
import { configSchema, DEFAULT_SCHEDULE } from "./config-schema.ts";
import { linearPattern } from "./linear-pattern.ts";

/** Loads `path`; throws ConfigError naming the file, line and key of the first problem. */
export async function loadConfig(path: string): Promise<StetConfig> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const hint = code === "ENOENT" ? "no such file; pass --config FILE or create it" : code;
    throw new ConfigError(`cannot read config ${path}: ${hint}`, { cause: error });
  }
  return parseConfig(text, path);
}

/** Parses config text; `path` is only used in messages. */
export function parseConfig(text: string, path: string): StetConfig {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lineCounter.linePos(yamlError.pos[0]).line;
    throw new ConfigError(`${path}:${line}: not valid YAML: ${firstLine(yamlError.message)}`);
  }
  const result = configSchema.safeParse(doc.toJS() ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const keyPath = issue?.path.map(String) ?? [];
    let message = issue?.message ?? "invalid";
    if (issue?.code === "unrecognized_keys" && issue.keys[0] !== undefined) {
      keyPath.push(issue.keys[0]);
      message = "unknown key (check its spelling and indentation)";
    }
    const node = nearestNode(doc, keyPath);
    const line = node?.range ? `:${lineCounter.linePos(node.range[0]).line}` : "";
    const key = keyPath.length > 0 ? keyPath.join(".") : "(top level)";
    throw new ConfigError(`${path}${line}: ${key}: ${message}`);
  }
  const raw = result.data;
  const ids = new Set<string>();
  for (const [index, outlet] of raw.outlets.entries()) {
    if (ids.has(outlet.id)) {
      throw new ConfigError(`${path}: outlets.${index}.id: duplicate outlet id "${outlet.id}"`);
    }
    ids.add(outlet.id);
  }
  return {
    site: {
      ...raw.site,
      baseUrl: raw.site.baseUrl.endsWith("/") ? raw.site.baseUrl : `${raw.site.baseUrl}/`,
    },
    fetch: { ...raw.fetch, schedule: raw.fetch.schedule ?? DEFAULT_SCHEDULE },
    git: raw.git,
    outlets: raw.outlets.map((o) => ({
      id: o.id,
      name: o.name,
      feeds: o.feeds,
      sitemaps: o.sitemaps,
      urls: o.urls,
      articleUrl: o.articleUrl === undefined ? undefined : linearPattern(o.articleUrl),
      selectors: o.selectors,
      schedule: o.schedule,
      ignore: o.ignore.map(linearPattern),
      allowPrivateAddresses: o.allowPrivateAddresses,
    })),
  };
}

// The deepest YAML node that exists along the key path, so a missing key points at its parent.
function nearestNode(doc: ReturnType<typeof parseDocument>, keyPath: string[]) {
  for (let depth = keyPath.length; depth >= 0; depth--) {
    const node = doc.getIn(
      keyPath.slice(0, depth).map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
      true,
    );
    if (node && typeof node === "object" && "range" in node) {
      return node as { range?: [number, number, number] };
    }
    if (depth === 0 && (isMap(doc.contents) || isSeq(doc.contents))) return doc.contents;
  }
  return undefined;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
