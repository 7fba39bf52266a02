// `stet serve`: a local look at the built site.

import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { UsageError } from "../errors.ts";
import { readSiteMarker } from "../render/output-folder.ts";
import { serveSite } from "../serve/serve-site.ts";

export async function serveCommand(options: { out: string; port: number }): Promise<number> {
  const dir = resolve(options.out);
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    throw new UsageError(
      `${dir} does not exist; build the site first with: stet build --out ${options.out}`,
    );
  }
  // Serve below the path the site was built for, so its links work as they will when published.
  const baseUrl = await readSiteMarker(dir);
  const prefix = baseUrl ? new URL(baseUrl).pathname : "/";
  const site = await serveSite(dir, options.port, prefix);
  process.stdout.write(`serving ${dir} at ${site.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => {
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
  await site.close();
  return 0;
}
