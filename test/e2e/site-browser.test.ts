// The demo site in a real browser (Debian's chromium through playwright-core), built once with
// `stet build` from the shared replay of the invented outlet: comparing two versions with and
// without JavaScript, search, the diff view surviving a reload, no console errors, axe in the
// light and the dark scheme, no sideways scroll at 360 px, and a screenshot of every page type
// in test-artifacts/site/ (not committed).

import { mkdir, mkdtemp, readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningSite, serveSite } from "../../src/serve/serve-site.ts";
import { launchBrowser } from "../support/browser.ts";
import { runStet } from "../support/run-stet.ts";
import { sharedReplay } from "../support/shared-replay.ts";
import { removeTempDir } from "../support/temp-repo.ts";

const PREFIX = "/stet-demo/";
const REPOSITORY = "https://github.com/stet-news/harbor-archive";
const ARTIFACTS = new URL("../../test-artifacts/site/", import.meta.url).pathname;
// The minified build: the same rules, and half the script to parse on every page it is injected in.
const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

const FERRY = "harbor/news/2026/11/council-ferry-fares/";
const WALL = "harbor/news/2026/11/storm-harbor-wall/";
const SCRIPT = "harbor/news/2026/11/council-website-script-tags/";

/** One page of each type, by the name its screenshot gets. */
const PAGES: Record<string, string> = {
  home: "",
  outlet: "harbor/",
  history: FERRY,
  version: `${FERRY}v2/`,
  diff: `${WALL}diff/1..2/`,
  "diff-side-by-side": `${WALL}diff/1..2/?view=side`,
  "diff-moved": `${SCRIPT}diff/2..3/`,
  "first-to-latest": `${FERRY}diff/1..latest/`,
  compare: `${FERRY}diff/?from=2&to=5`,
  headlines: "headlines/",
  search: "search/",
  status: "status/",
  "not-found": "404.html",
};

let out: string;
let server: RunningSite;
let browser: Browser;
let context: BrowserContext;
const consoleErrors: string[] = [];

beforeAll(async () => {
  const replay = await sharedReplay();
  out = await mkdtemp(join(tmpdir(), "stet-browser-site-"));
  // The replay's own status file (<repo>/.stet/status.json) feeds the status page by default.
  const build = await runStet([
    "build",
    "--repo",
    replay.repo,
    "--config",
    replay.config,
    "--out",
    out,
    "--base-url",
    `https://example.github.io${PREFIX}`,
    "--repository",
    REPOSITORY,
  ]);
  if (build.code !== 0) throw new Error(`stet build failed: ${build.stderr}`);
  server = await serveSite(out, 0, PREFIX);
  browser = await launchBrowser();
  context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  context.on("weberror", (error) => consoleErrors.push(`page error: ${error.error().message}`));
  context.on("console", (message) => {
    if (message.type() === "error")
      consoleErrors.push(`${message.location().url}: ${message.text()}`);
  });
  await mkdir(ARTIFACTS, { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  if (out) await removeTempDir(out);
});

/** A page of `context` at `path` below the site, loaded (a compare page: its diff shown). */
async function open(path: string, on: BrowserContext = context): Promise<Page> {
  const page = await on.newPage();
  await visit(page, path);
  return page;
}

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(`${server.url}${path}`, { waitUntil: "load" });
  if (path.includes("diff/?")) await page.locator("#comparison .diff").waitFor();
}

/** axe's serious and critical violations on `page`, injecting axe first if the page has none. */
async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    // @ts-expect-error axe is injected into the page above
    const results = await window.axe.run(document, { resultTypes: ["violations"] });
    return results.violations as { id: string; impact: string; nodes: { target: string[] }[] }[];
  });
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

/** The diff's markup with the whitespace between elements removed, for comparing renderings. */
function diffMarkup(page: Page): Promise<string> {
  return page.locator(".diff").evaluate((e) => e.innerHTML.replace(/>\s+</g, "><").trim());
}

describe("the demo site in a browser", () => {
  it("compares two versions without JavaScript: the form lands on the comparisons built", async () => {
    const noScript = await browser.newContext({ javaScriptEnabled: false });
    const page = await open(FERRY, noScript);
    await page.selectOption("#compare-from", "1");
    await page.selectOption("#compare-to", "5");
    await Promise.all([
      page.waitForURL(/diff\/\?from=1&to=5$/),
      page.click("form.compare-form button"),
    ]);
    expect(await page.locator("noscript").count()).toBe(1);
    expect(await page.locator("#comparison").isVisible()).toBe(false);
    await Promise.all([
      page.waitForURL(/diff\/1\.\.latest\/$/),
      page.getByRole("link", { name: "First version → latest" }).click(),
    ]);
    expect(await page.locator("h1").textContent()).toBe("What changed from version 1 to version 5");
    expect(await page.locator(".labels .label").allTextContents()).toEqual([
      "Figure changed: $1.2 → $2.1",
      "Quote changed",
      "2 paragraphs edited",
    ]);
    await noScript.close();
  });

  it("compares any two versions with JavaScript, exactly as the build renders a diff", async () => {
    const history = await open(FERRY);
    await history.selectOption("#compare-from", "2");
    await history.selectOption("#compare-to", "3");
    await Promise.all([
      history.waitForURL(/diff\/\?from=2&to=3$/),
      history.click("form.compare-form button"),
    ]);
    await history.locator("#comparison .diff").waitFor();
    expect(await history.locator("#comparison-heading").textContent()).toBe("Version 2 → 3");
    const built = await open(`${FERRY}diff/2..3/`);
    expect(await diffMarkup(history)).toBe(await diffMarkup(built));
    expect(await history.locator("#comparison .labels").textContent()).toBe(
      await built.locator(".labels").textContent(),
    );
    // A pair no page was built for: versions 2 and 5.
    const any = await open(PAGES.compare as string);
    await any.locator("#comparison .diff").waitFor();
    // Version 2 and 5 share a headline (5 flipped back to it): only the quote differs.
    expect(await any.locator("#comparison .labels .label").allTextContents()).toEqual([
      "Quote changed",
      "1 paragraph edited",
    ]);
    expect(await any.locator("#compare-from").inputValue()).toBe("2");
    expect(await any.locator("#comparison .meta a[href^='https://github.com']").count()).toBe(2);
    for (const page of [history, built, any]) await page.close();
  });

  it("finds an article by a phrase of an earlier headline", async () => {
    const page = await open("search/");
    await page.locator(".pagefind-ui__search-input").fill("split council vote");
    const result = page.locator(".pagefind-ui__result-link").first();
    await result.waitFor();
    expect(await result.getAttribute("href")).toBe(`${PREFIX}${FERRY}`);
    await page.close();
  });

  it("keeps the chosen diff view in the URL, through a reload and as a link", async () => {
    const page = await open(PAGES.diff as string);
    const old = page.locator(".diff .edited .old").first();
    expect(await old.isVisible()).toBe(false);
    await page.getByLabel("Side by side").check();
    expect(page.url()).toBe(`${server.url}${WALL}diff/1..2/?view=side`);
    await page.reload({ waitUntil: "networkidle" });
    expect(await page.getByLabel("Side by side").isChecked()).toBe(true);
    expect(await old.isVisible()).toBe(true);
    const oldBox = await old.boundingBox();
    const newBox = await page.locator(".diff .edited .new").first().boundingBox();
    expect(oldBox && newBox && oldBox.x < newBox.x && oldBox.y === newBox.y).toBe(true);
    const linked = await open(PAGES["diff-side-by-side"] as string);
    expect(await linked.locator(".diff .edited .new ins").first().isVisible()).toBe(true);
    await linked.getByLabel("Inline").check();
    expect(linked.url()).toBe(`${server.url}${WALL}diff/1..2/`);
    for (const p of [page, linked]) await p.close();
  });

  it("marks deletions by strike-through and insertions by a box, not an underline", async () => {
    const page = await open(PAGES.diff as string);
    const del = page.locator(".diff .both del").first();
    const ins = page.locator(".diff .both ins").first();
    expect(await del.textContent()).toBe("spring");
    expect(await del.evaluate((e) => getComputedStyle(e).textDecorationLine)).toContain(
      "line-through",
    );
    expect(await ins.evaluate((e) => getComputedStyle(e).textDecorationLine)).toBe("none");
    expect(await ins.evaluate((e) => getComputedStyle(e).borderTopStyle)).toBe("solid");
    await page.close();
  });

  // Each page is visited once: in the light scheme it is checked with axe, photographed and
  // measured at 360 px (by resizing, not reloading); then the same page, switched to the dark
  // scheme at the viewport of a fresh context (1280 × 720), is checked with axe again. Injecting
  // axe costs more than running it, so a second visit per page only for the dark scheme doubled
  // the cost of these checks.
  it("light and dark schemes: no serious or critical axe violation, no sideways scroll at 360 px, a screenshot", async () => {
    const page = await context.newPage();
    const problems: string[] = [];
    for (const [name, path] of Object.entries(PAGES)) {
      await visit(page, path);
      for (const problem of await seriousViolations(page))
        problems.push(`light, ${name}: ${problem}`);
      await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
      await page.setViewportSize({ width: 360, height: 740 });
      const [scroll, client] = await page.evaluate(() => [
        document.documentElement.scrollWidth,
        document.documentElement.clientWidth,
      ]);
      if (scroll > client) problems.push(`${name} at 360 px: ${scroll} px wide`);
      if (name === "diff-side-by-side") {
        // Side by side stacks on a phone: the old text above the new.
        const oldBox = await page.locator(".diff .edited .old").first().boundingBox();
        const newBox = await page.locator(".diff .edited .new").first().boundingBox();
        expect(oldBox && newBox && newBox.y > oldBox.y && oldBox.x === newBox.x).toBe(true);
      }
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.emulateMedia({ colorScheme: "dark" });
      expect(await page.evaluate(() => matchMedia("(prefers-color-scheme: dark)").matches)).toBe(
        true,
      );
      for (const problem of await seriousViolations(page))
        problems.push(`dark, ${name}: ${problem}`);
      await page.emulateMedia({ colorScheme: "light" });
      await page.setViewportSize({ width: 1000, height: 800 });
    }
    await page.close();
    expect(problems).toEqual([]);
    const saved = await Promise.all(
      Object.keys(PAGES).map(
        async (name) => (await readFile(join(ARTIFACTS, `${name}.png`))).length,
      ),
    );
    expect(saved.every((bytes) => bytes > 1_000)).toBe(true);
  }, 240_000);

  it("logged no console error on any page it opened", () => {
    expect(consoleErrors).toEqual([]);
  });
});
