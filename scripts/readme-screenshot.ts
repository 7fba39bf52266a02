// Regenerates docs/diff-page.png, the README's picture of a diff page, from the demo's site:
// run `npm run demo` first, then `npm run screenshot`.

import { stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { serveSite } from "../src/serve/serve-site.ts";
import { launchBrowser } from "../test/support/browser.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const page = "harbor/news/2026/11/storm-harbor-wall/diff/1..2/";
if (!(await stat(`${root}site/${page}index.html`).catch(() => null))) {
  console.error("site/ has no demo diff page yet: run `npm run demo` first");
  process.exit(1);
}
const site = await serveSite(`${root}site`, 0);
const browser = await launchBrowser();
try {
  const tab = await browser.newPage({
    viewport: { width: 900, height: 1000 },
    deviceScaleFactor: 1,
  });
  await tab.goto(`${site.url}${page}`);
  await tab.screenshot({ path: `${root}docs/diff-page.png`, fullPage: false });
  console.log("wrote docs/diff-page.png");
} finally {
  await browser.close();
  await site.close();
}
