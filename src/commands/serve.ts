// `stet serve`: a local look at the built site.

import { stat } from "node:fs/promises";
import { resolve } from "node:path";
import { UsageError } from "../errors.ts";
import { serveSite } from "../serve/serve-site.ts";

export async function serveCommand(options: { out: string; port: number }): Promise<number> {
  const dir = resolve(options.out);
  if (!(await stat(dir).catch(() => null))?.isDirectory()) {
    throw new UsageError(
      `${dir} does not exist; build the site first with: stet build --out ${options.out}`,
    );
  }
  const site = await serveSite(dir, options.port);
  process.stdout.write(`serving ${dir} at ${site.url} (Ctrl-C to stop)\n`);
  await new Promise<void>((done) => {
    process.once("SIGINT", done);
    process.once("SIGTERM", done);
  });
  await site.close();
  return 0;
}
