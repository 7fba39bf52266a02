// A tiny static file server on 127.0.0.1 for tests that look at a built site in a browser. It
// serves `root` below `prefix` (a site built for https://x.github.io/repo/ is served at /repo/).

import { readFile, stat } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, resolve, sep } from "node:path";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".json": "application/json",
  ".atom": "application/atom+xml",
  ".xml": "application/xml",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

/** A running server; `url` is its root with the prefix, e.g. http://127.0.0.1:39211/repo/. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves the files below `root`; directories answer with their index.html. */
export async function serveStatic(root: string, prefix = "/"): Promise<StaticServer> {
  const base = resolve(root);
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const file = path.startsWith(prefix) ? filePath(base, path.slice(prefix.length)) : null;
    const found = file === null ? null : await existingFile(file);
    if (found === null) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    const body = await readFile(found);
    response
      .writeHead(200, { "content-type": TYPES[extname(found)] ?? "application/octet-stream" })
      .end(body);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${prefix}`,
    close: () => new Promise((done, fail) => server.close((e) => (e ? fail(e) : done()))),
  };
}

// Decoded, resolved inside root, or null when the request tries to leave it.
function filePath(root: string, relative: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return null;
  }
  const file = resolve(join(root, decoded));
  return file === root || file.startsWith(root + sep) ? file : null;
}

async function existingFile(file: string): Promise<string | null> {
  try {
    const info = await stat(file);
    if (info.isFile()) return file;
    if (info.isDirectory()) return await existingFile(join(file, "index.html"));
  } catch {
    // missing: a 404
  }
  return null;
}
