// The `stet` command line: parses arguments and hands over to src/commands/.

import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { setFlagsFromString } from "node:v8";
import { StetError, UsageError } from "./errors.ts";

const HELP = `stet: an honest, public record of how news articles change

Usage:
  stet fetch [--config FILE] [--repo DIR] [--now ISO8601] [--outlet ID] [--max-minutes N] [--dry-run]
  stet push [--repo DIR] [--remote NAME] [--branch NAME] [--attempts N]
  stet build [--config FILE] [--repo DIR] [--out DIR] [--base-url URL] [--repository URL] [--status FILE] [--search MODE]
  stet extract FILE... [--url URL] --json
  stet serve [--out DIR] [--port N]
  stet takedown URL --reason TEXT [--repo DIR]
  stet doctor [--config FILE] [--repo DIR]
  stet add-outlet URL [--config FILE] [--repo DIR] [--id ID] [--name NAME] [--allow-private-addresses] [--dry-run]

Options:
  --repo DIR       git working tree that holds archive/ (default: current directory)
  --config FILE    config file (default: <repo>/stet.config.yaml)
  --now ISO8601    fetch: fix the clock; every commit is dated at this time
  --outlet ID      fetch: only this outlet
  --max-minutes N  fetch: start no new checks after N minutes; the rest is due next run
  --dry-run        fetch: fetch and compare, but commit nothing; add-outlet: print, do not write
  --remote NAME    push: the remote to push to (default: origin)
  --branch NAME    push: the remote branch (default: the branch checked out)
  --attempts N     push: tries before giving up, replaying onto newer commits between them (default: 5)
  --out DIR        build, serve: site folder (default: site)
  --base-url URL   build: absolute URL the site is published at (default: site.baseUrl in config)
  --repository URL build: the archive's repository on its forge, for commit links (default: site.repository)
  --status FILE    build: the fetch's status file for the status page (default: <repo>/.stet/status.json)
  --search MODE    build: the search index (Pagefind): update (default: index again when a history
                   page changed), keep (leave an existing index as it is, for frequent builds of a
                   large site), off (none)
  --url URL        extract: the URL the files were fetched from (resolves relative links)
  --json           extract: print one JSON object per file, one per line
  --port N         serve: port on 127.0.0.1 (default: 8080)
  --reason TEXT    takedown: why the article is removed (recorded in the commit)
  --id ID          add-outlet: the outlet's id (default: from the site's host name)
  --name NAME      add-outlet: the outlet's name (default: from its home page)
  --allow-private-addresses
                   add-outlet: the outlet is served from a private address (a test server)
  -h, --help       show this help
  -v, --version    show the version
`;

const COMMAND_OPTIONS = {
  fetch: ["config", "repo", "now", "outlet", "max-minutes", "dry-run"],
  push: ["repo", "remote", "branch", "attempts"],
  build: ["config", "repo", "out", "base-url", "repository", "status", "search"],
  extract: ["url", "json"],
  serve: ["out", "port"],
  takedown: ["repo", "reason"],
  doctor: ["config", "repo"],
  "add-outlet": ["config", "repo", "id", "name", "allow-private-addresses", "dry-run"],
} as const;

// Commands that take exactly one argument, and what it is.
const ONE_ARGUMENT: Record<string, string> = { takedown: "URL", "add-outlet": "URL" };

export async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      config: { type: "string" },
      repo: { type: "string" },
      now: { type: "string" },
      outlet: { type: "string" },
      "max-minutes": { type: "string" },
      "dry-run": { type: "boolean" },
      remote: { type: "string" },
      branch: { type: "string" },
      attempts: { type: "string" },
      out: { type: "string" },
      "base-url": { type: "string" },
      repository: { type: "string" },
      status: { type: "string" },
      search: { type: "string" },
      url: { type: "string" },
      json: { type: "boolean" },
      port: { type: "string" },
      reason: { type: "string" },
      id: { type: "string" },
      name: { type: "string" },
      "allow-private-addresses": { type: "boolean" },
      help: { type: "boolean", short: "h" },
      version: { type: "boolean", short: "v" },
    },
  });
  const [command, ...rest] = positionals;
  if (values.version) {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    process.stdout.write(`stet ${pkg.version}\n`);
    return 0;
  }
  if (values.help || command === undefined || command === "help") {
    process.stdout.write(HELP);
    return command === undefined && !values.help ? 2 : 0;
  }
  if (!(command in COMMAND_OPTIONS))
    throw new UsageError(`unknown command "${command}"; see stet --help`);
  const allowed: readonly string[] = COMMAND_OPTIONS[command as keyof typeof COMMAND_OPTIONS];
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined && !allowed.includes(name)) {
      throw new UsageError(`stet ${command} does not take --${name}; see stet --help`);
    }
  }
  const argument = ONE_ARGUMENT[command];
  if (argument !== undefined && rest.length !== 1) {
    throw new UsageError(`stet ${command} takes one ${argument}; see stet --help`);
  }
  if (command !== "extract" && argument === undefined && rest.length > 0) {
    throw new UsageError(
      `stet ${command} takes no arguments (got "${rest.join(" ")}"); see stet --help`,
    );
  }
  const repo = values.repo ?? ".";
  const config = values.config ?? join(repo, "stet.config.yaml");
  // Commands are imported on use: each loads only the packages it needs (see compiled-cli.test.ts).
  switch (command) {
    case "fetch": {
      const { fetchCommand } = await import("./commands/fetch.ts");
      return fetchCommand({
        config,
        repo,
        now: values.now,
        outlet: values.outlet,
        dryRun: values["dry-run"] ?? false,
        maxMinutes: values["max-minutes"],
      });
    }
    case "push": {
      const { pushCommand } = await import("./commands/push.ts");
      return pushCommand({
        repo,
        remote: values.remote ?? "origin",
        branch: values.branch,
        attempts: values.attempts,
      });
    }
    case "build": {
      const { buildCommand } = await import("./commands/build.ts");
      return buildCommand({
        config,
        repo,
        out: values.out ?? "site",
        baseUrl: values["base-url"],
        repository: values.repository,
        status: values.status,
        search: searchMode(values.search),
        // A full build keeps little (each article's compact records) but allocates a great
        // deal that lives only until its page is written. V8 lets the heap grow to about four
        // times what survived the last full collection before collecting again: at 50,000
        // versions a full build peaked at 1.4 GiB, most of it garbage. Growing it by half at
        // most cut the peak to under 900 MiB for a few more collections (README, Scale). The flag is
        // read at every full collection, on Node 20 as on Node 24. Incremental builds are short
        // and keep V8's default, which spares them those collections.
        beforeFullBuild: () => setFlagsFromString("--heap-growing-percent=50"),
      });
    }
    case "extract": {
      if (rest.length === 0)
        throw new UsageError("stet extract needs at least one FILE; see stet --help");
      if (!values.json) throw new UsageError("stet extract prints JSON Lines only: add --json");
      const { runExtract } = await import("./commands/extract.ts");
      return runExtract(rest, { url: values.url, json: true }, process.stdout);
    }
    case "add-outlet": {
      const { addOutletCommand } = await import("./commands/add-outlet.ts");
      return addOutletCommand({
        config,
        url: rest[0] ?? "",
        id: values.id,
        name: values.name,
        allowPrivateAddresses: values["allow-private-addresses"] ?? false,
        dryRun: values["dry-run"] ?? false,
      });
    }
    case "doctor": {
      const { doctorCommand } = await import("./commands/doctor.ts");
      return doctorCommand({ config, repo });
    }
    case "takedown": {
      const { takedownCommand } = await import("./commands/takedown.ts");
      return takedownCommand({ repo, target: rest[0] ?? "", reason: values.reason ?? "" });
    }
    default: {
      const port = Number(values.port ?? "8080");
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port ${values.port}: not a port number`);
      const { serveCommand } = await import("./commands/serve.ts");
      return serveCommand({ out: values.out ?? "site", port });
    }
  }
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  if (error instanceof StetError) {
    process.stderr.write(`stet: ${error.message}\n`);
    process.exitCode = error instanceof UsageError ? 2 : 1;
  } else if (
    error instanceof TypeError &&
    "code" in error &&
    String(error.code).startsWith("ERR_PARSE_ARGS")
  ) {
    process.stderr.write(`stet: ${error.message}; see stet --help\n`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}

/** `--search MODE`: update (the default), keep or off. */
function searchMode(value: string | undefined): "update" | "keep" | "off" {
  if (value === undefined) return "update";
  if (value === "update" || value === "keep" || value === "off") return value;
  throw new UsageError(`--search ${value}: use update, keep or off; see stet --help`);
}
