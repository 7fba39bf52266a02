// The object-storage publish (scripts/publish-s3.sh, the command publish-s3.yml runs) against a
// real S3 API: s3rver, an S3-compatible server, on 127.0.0.1, driven by Debian's rclone. Checks
// the content types, that a second publish uploads only what changed and deletes what is gone,
// and that the site folder's marker stays private. Not checked here: AWS, R2 or B2 themselves
// (their S3 APIs behave as s3rver does for these calls: PUT, HEAD, DELETE, list), and the CDN.

import { execFile } from "node:child_process";
import { mkdir, mkdtemp, readdir, rm, utimes, writeFile } from "node:fs/promises";
import { type AddressInfo, createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL("../../scripts/publish-s3.sh", import.meta.url));

let tmp: string;
let site: string;
let prefix: string;
let server: S3rver;
let endpoint: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((done) => probe.close(() => done()));
  return port;
}

async function put(file: string, text: string): Promise<void> {
  await mkdir(dirname(join(site, file)), { recursive: true });
  await writeFile(join(site, file), text);
}

/** A small site like the one stet builds, in a folder (and a bucket prefix) of its own. */
async function freshSite(name: string): Promise<void> {
  site = join(tmp, name);
  prefix = name;
  await put("index.html", "<!DOCTYPE html><title>Home</title>\n");
  await put("harbor/news/ferry/index.html", "<!DOCTYPE html><title>Ferry</title>\n");
  await put("harbor/news/ferry/feed.atom", "<feed/>\n");
  await put("feeds/all.atom", "<feed/>\n");
  await put("assets/style.css", "body { margin: 0 }\n");
  await put("api/harbor.json", '{"outlet":"harbor"}\n');
  await put("pagefind/pagefind.js", "export {};\n");
  await put("pagefind/index/en_1a2b.pf_index", "\u0000binary");
  await put(".stet-site.json", '{"generator":"stet"}\n');
}

/** Runs the publish script; returns rclone's log lines that name a file. */
async function publish(): Promise<string[]> {
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: tmp,
    RCLONE_CONFIG: join(tmp, "no-rclone.conf"),
    RCLONE_CONFIG_STET_TYPE: "s3",
    RCLONE_CONFIG_STET_PROVIDER: "Other",
    RCLONE_CONFIG_STET_ENDPOINT: endpoint,
    RCLONE_CONFIG_STET_REGION: "us-east-1",
    RCLONE_CONFIG_STET_ACCESS_KEY_ID: "S3RVER",
    RCLONE_CONFIG_STET_SECRET_ACCESS_KEY: "S3RVER",
  };
  const { stdout, stderr } = await run("sh", [SCRIPT, site, `stet:site/${prefix}`], { env });
  return `${stdout}${stderr}`
    .split("\n")
    .filter((line) => /: (Copied|Deleted|Updated)/.test(line))
    .map((line) => line.replace(/^.*INFO\s+:\s+/, ""))
    .sort();
}

async function head(file: string): Promise<{ status: number; type: string | null }> {
  const response = await fetch(`${endpoint}/site/${prefix}/${file}`, { method: "HEAD" });
  return { status: response.status, type: response.headers.get("content-type") };
}

beforeAll(async () => {
  tmp = await mkdtemp(join(tmpdir(), "stet-publish-s3-"));
  const port = await freePort();
  endpoint = `http://127.0.0.1:${port}`;
  server = new S3rver({
    address: "127.0.0.1",
    port,
    silent: true,
    directory: join(tmp, "s3"),
    configureBuckets: [{ name: "site", configs: [] }],
  });
  await server.run();
}, 60_000);

afterAll(async () => {
  await server?.close();
  await rm(tmp, { recursive: true, force: true });
});

describe("publishing the site to S3-compatible storage", () => {
  it("uploads every file of the site but the marker, each with its content type", async () => {
    await freshSite("first");
    const log = await publish();
    expect(log).toHaveLength(8);
    expect(await head("index.html")).toEqual({ status: 200, type: "text/html; charset=utf-8" });
    expect(await head("harbor/news/ferry/index.html")).toMatchObject({ status: 200 });
    for (const feed of ["feeds/all.atom", "harbor/news/ferry/feed.atom"]) {
      expect(await head(feed)).toEqual({
        status: 200,
        type: "application/atom+xml; charset=utf-8",
      });
    }
    expect((await head("assets/style.css")).type).toBe("text/css; charset=utf-8");
    expect((await head("api/harbor.json")).type).toBe("application/json");
    expect((await head("pagefind/pagefind.js")).type).toMatch(/^(text|application)\/javascript/);
    expect((await head("pagefind/index/en_1a2b.pf_index")).type).toBe("application/octet-stream");
    expect((await head(".stet-site.json")).status).toBe(404);
  });

  it("uploads only what changed and deletes what the site no longer has", async () => {
    await freshSite("second");
    expect(await publish()).toHaveLength(8);
    await put("index.html", "<!DOCTYPE html><title>Home, again</title>\n");
    await put("feeds/all.atom", "<feed><entry/></feed>\n");
    await rm(join(site, "harbor"), { recursive: true });
    const log = await publish();
    expect(log).toEqual([
      "feeds/all.atom: Copied (replaced existing)",
      "harbor/news/ferry/feed.atom: Deleted",
      "harbor/news/ferry/index.html: Deleted",
      "index.html: Copied (replaced existing)",
    ]);
    expect((await head("harbor/news/ferry/index.html")).status).toBe(404);
    expect((await head("feeds/all.atom")).type).toBe("application/atom+xml; charset=utf-8");
    // Nothing new, but every file written again (as a fresh checkout or a full build does):
    // checksums, not times, decide, so nothing is uploaded.
    const later = new Date(Date.UTC(2030, 0, 1));
    for (const entry of await readdir(site, { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) await utimes(join(entry.parentPath, entry.name), later, later);
    }
    expect(await publish()).toEqual([]);
  });
});
