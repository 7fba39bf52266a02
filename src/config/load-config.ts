// Reads and validates stet.config.yaml. Every problem becomes one ConfigError that names the file,
// the line and the key, so a forker can fix their config without reading a stack trace.

import { readFile } from "node:fs/promises";
import { isAlias, isMap, isSeq, LineCounter, parseDocument, visit } from "yaml";
import type { z } from "zod";
import { ConfigError } from "../errors.ts";
import type { StetConfig } from "../types.ts";
import { configSchema, DEFAULT_SCHEDULE, type RawConfig } from "./config-schema.ts";
import { linearPattern } from "./linear-pattern.ts";

// A config needs few aliases, if any; yaml's default allows 100 and refuses a bomb past it.
const MAX_ALIASES = 100;

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
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const yamlError = doc.errors[0];
  if (yamlError) {
    const line = lineOf(yamlError.pos[0]);
    const why =
      yamlError.code === "MULTIPLE_DOCS"
        ? "a config is one YAML document, and this file has a second one after ---"
        : firstLine(yamlError.message);
    throw new ConfigError(`${path}:${line}: not valid YAML: ${why}`);
  }
  // A line of config that names the key, or the file's first line when the key is not in it.
  const fail = (keyPath: string[], message: string): never => {
    const node = nearestNode(doc, keyPath);
    const line = lineOf(node?.range?.[0] ?? 0);
    // A key that is not a plain name is quoted, so a key like ":" cannot blur the message.
    const key =
      keyPath.length > 0
        ? keyPath.map((k) => (/^[\w-]+$/.test(k) ? k : JSON.stringify(k))).join(".")
        : "(top level)";
    throw new ConfigError(`${path}:${line}: ${key}: ${message}`);
  };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (error) {
    // yaml refuses to expand an alias bomb (aliases of aliases, billions of nodes) past the count.
    const anchor = firstAlias(doc);
    const line = lineOf(anchor?.range?.[0] ?? 0);
    throw new ConfigError(
      `${path}:${line}: not valid config: YAML aliases (*name) expand too far (${firstLine((error as Error).message)}); write the values out`,
      { cause: error },
    );
  }
  const result = configSchema.safeParse(data ?? {});
  if (!result.success) {
    const issue = result.error.issues[0];
    const keyPath = issue?.path.map(String) ?? [];
    let message = issue?.message ?? "invalid";
    if (issue?.code === "unrecognized_keys" && issue.keys[0] !== undefined) {
      keyPath.push(issue.keys[0]);
      const allowed = keysAt(configSchema, issue.path.map(String));
      message = `unknown key: must be one of ${allowed.join(", ")} (check its spelling and indentation)`;
    }
    fail(keyPath, message);
  }
  const raw = (result as { data: RawConfig }).data;
  const ids = new Set<string>();
  for (const [index, outlet] of raw.outlets.entries()) {
    if (ids.has(outlet.id)) {
      fail(
        ["outlets", String(index), "id"],
        `duplicate outlet id "${outlet.id}": each outlet needs its own`,
      );
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

// The keys the schema allows at a path, for "unknown key" messages.
function keysAt(schema: z.ZodType, path: string[]): string[] {
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const inner = (def.innerType ?? def.in) as z.ZodType | undefined;
  if (inner) return keysAt(inner, path);
  if (def.type === "array") return keysAt(def.element as z.ZodType, path.slice(1));
  if (def.type !== "object") return [];
  const shape = def.shape as Record<string, z.ZodType>;
  const [head, ...rest] = path;
  if (head === undefined) return Object.keys(shape);
  const child = shape[head];
  return child ? keysAt(child, rest) : [];
}

function firstAlias(doc: ReturnType<typeof parseDocument>) {
  let found: { range?: [number, number, number] | null } | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (isAlias(node)) found = node;
      return visit.BREAK;
    },
  });
  return found;
}

function firstLine(message: string): string {
  return message.split("\n")[0] ?? message;
}
