// Regenerates the README's pictures from the demo's site: a diff page inline and side by side,
// and a history page. Run `npm run demo` first, then `npm run screenshot`.

import { stat } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { serveSite } from "../src/serve/serve-site.ts";
import { launchBrowser } from "../test/support/browser.ts";

const root = fileURLToPath(new URL("..", import.meta.url));
const FERRY = "harbor/news/2026/11/council-ferry-fares/";
const ROOF = "harbor/news/2026/11/school-roof-classrooms/";

/** Each picture: its file in docs/, the page, the window it is taken in, and where to scroll. */
const SHOTS = [
  { file: "diff-inline.png", page: `${FERRY}diff/1..2/`, width: 900, height: 1280, from: null },
  {
    file: "diff-side-by-side.png",
    page: `${ROOF}diff/1..2/?view=side`,
    width: 1240,
    height: 1000,
    from: ".summary",
  },
  { file: "history.png", page: FERRY, width: 900, height: 1300, from: null },
];

if (!(await stat(`${root}site/${FERRY}index.html`).catch(() => null))) {
  console.error("site/ has no demo pages yet: run `npm run demo` first");
  process.exit(1);
}
const site = await serveSite(`${root}site`, 0);
const browser = await launchBrowser();
try {
  for (const shot of SHOTS) {
    const tab = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      deviceScaleFactor: 1,
      colorScheme: "light",
    });
    await tab.goto(`${site.url}${shot.page}`, { waitUntil: "load" });
    if (shot.from !== null) await tab.locator(shot.from).evaluate((e) => e.scrollIntoView());
    await tab.screenshot({ path: `${root}docs/${shot.file}`, fullPage: false });
    await tab.close();
    console.log(`wrote docs/${shot.file}`);
  }
} finally {
  await browser.close();
  await site.close();
}
