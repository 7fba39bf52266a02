// Measures whether visible page furniture makes phantom versions, on the labelled real pages in
// ../shared/eval: each page is served on 127.0.0.1 with churning furniture injected inside its
// article container (test/fixtures/churn/), and the real fetch runs three passes over a real git
// repository at fixed times:
//   1. the page as published, with the furniture;
//   2. one word of the body edited, every furniture value changed;
//   3. only the furniture changed again, with invisible churn (scripts, comments, attributes).
// Target: every page archived, every edit captured at word level, no phantom version; pages whose
// labels show a paywall teaser (marked not free, a labelled body under 150 words) are held.
//
//   npm run eval:churn [-- --only <id-substring>] [--verbose] [--keep]
// --verbose lists every furniture form that reached the archive, page by page; --keep keeps the
// temporary repository for a look with `git log -p`.

import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseHTML } from "linkedom";
import { parseConfig } from "../src/config/load-config.ts";
import { diffVersions } from "../src/diff/diff-versions.ts";
import { countWords } from "../src/diff/tokenize-words.ts";
import { extract } from "../src/extract/extract.ts";
import { SHORT_BODY_WORDS } from "../src/fetch/detect-teaser.ts";
import { statePath } from "../src/fetch/fetch-state.ts";
import { runFetch } from "../src/fetch/run-fetch.ts";
import { GitRepository } from "../src/git/repository.ts";
import { readHistory } from "../src/history/read-history.ts";
import type { ArticleHistory, OutletReport } from "../src/types.ts";
import { FURNITURE_FORMS, PLACEMENTS } from "../test/fixtures/churn/furniture-forms.ts";
import {
  churnPage,
  type Injection,
  type WordEdit,
} from "../test/fixtures/churn/inject-furniture.ts";
import { makeTempRepo, removeTempDir } from "../test/support/temp-repo.ts";
import { type EvalPage, loadEvalPages } from "./churn/eval-pages.ts";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const evalDir = resolve(root, "../shared/eval");

const FORMS_PER_PAGE = 6;
const T0 = Date.parse("2026-11-20T08:00:00Z");
const HOUR = 3_600_000;
const PASSES = 3;

/** A page as served in each pass, and what the eval expects of it. */
interface Served {
  page: EvalPage;
  path: string;
  injections: Injection[];
  seed: number;
  /** HTML for passes 1..3. */
  html: string[];
  edit: WordEdit;
}

// Every combination of form, class name and placement comes round in turn, FORMS_PER_PAGE to a
// page, so each is tried on several different real pages.
function injectionsFor(index: number): Injection[] {
  const forms = FURNITURE_FORMS.length;
  return Array.from({ length: FORMS_PER_PAGE }, (_, j) => {
    const combo = (index * FORMS_PER_PAGE + j) % (forms * 2 * PLACEMENTS.length);
    return {
      form: FURNITURE_FORMS[combo % forms] as Injection["form"],
      labelled: Math.floor(combo / forms) % 2 === 0,
      placement: PLACEMENTS[Math.floor(combo / (forms * 2)) % PLACEMENTS.length] ?? "inside",
    };
  });
}

// `index` is the page's place among all labelled pages, so --only changes nothing about a page.
function prepare(pages: EvalPage[], only: string): { served: Served[]; unusable: string[] } {
  const served: Served[] = [];
  const unusable: string[] = [];
  for (const [index, page] of pages.entries()) {
    if (!page.id.includes(only)) continue;
    const injections = injectionsFor(index);
    const seed = index + 1;
    const passes = [1, 2, 3].map((pass) =>
      churnPage(page.html, page.bodyText, injections, { pass, seed }, pass >= 2),
    );
    const edit = passes[1]?.edit;
    if (passes.some((p) => p === null) || !edit) {
      unusable.push(`${page.id}: no labelled body paragraph to inject around or edit`);
      continue;
    }
    served.push({
      page,
      path: `/${page.id}`,
      injections,
      seed,
      html: passes.map((p) => p?.html ?? ""),
      edit,
    });
  }
  return { served, unusable };
}

async function main(): Promise<number> {
  const all = loadEvalPages(evalDir);
  if (all === null) {
    console.log(
      `Skipping the churn eval: ${evalDir} is not here (it lives outside the repository).`,
    );
    return 0;
  }
  const onlyArg = process.argv.indexOf("--only");
  const only = onlyArg >= 0 ? (process.argv[onlyArg + 1] ?? "") : "";
  const verbose = process.argv.includes("--verbose");
  const { served, unusable } = prepare(all, only);

  let pass = 1;
  const byPath = new Map(served.map((s) => [s.path, s]));
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? "/", "http://127.0.0.1").pathname);
    if (path === "/robots.txt") {
      response.writeHead(200, { "content-type": "text/plain" }).end("User-agent: *\nAllow: /\n");
      return;
    }
    const page = byPath.get(path);
    if (!page) {
      response.writeHead(404, { "content-type": "text/html" }).end("<p>Not found</p>");
      return;
    }
    response
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end(page.html[pass - 1]);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const repo = await makeTempRepo("stet-eval-churn-");
  const started = performance.now();
  try {
    const configText = JSON.stringify({
      fetch: { perHostDelayMs: 0, timeoutMs: 30_000, maxBytes: 20_000_000, retries: 0 },
      git: { authorName: "stet", authorEmail: "stet@localhost" },
      outlets: [
        {
          id: "churn",
          name: "Churn evaluation",
          // The pages are served on 127.0.0.1, which the fetch refuses unless an outlet opts in.
          allowPrivateAddresses: true,
          urls: served.map((s) => `${origin}${encodeURI(s.path)}`),
        },
      ],
    });
    const config = parseConfig(configText, "eval-churn.json");
    const reports: OutletReport[] = [];
    const versionsAfter: Map<string, number>[] = [];
    for (pass = 1; pass <= PASSES; pass++) {
      const {
        reports: [report],
      } = await runFetch({
        config,
        repo,
        now: new Date(T0 + (pass - 1) * HOUR),
        log: () => {},
      });
      if (!report) throw new Error("the fetch returned no report");
      reports.push(report);
      versionsAfter.push(await versionCounts(repo));
    }
    const history = await readHistory(await GitRepository.open(repo));
    const aliases = await readAliases(repo);
    const seconds = ((performance.now() - started) / 1000).toFixed(0);
    return score(served, unusable, origin, reports, versionsAfter, history.articles, aliases, {
      verbose,
      seconds,
    });
  } finally {
    server.close();
    if (process.argv.includes("--keep")) console.log(`repository kept: ${repo}`);
    else await removeTempDir(repo);
  }
}

// Versions per archive file after a pass, as the site would read them.
async function versionCounts(repo: string): Promise<Map<string, number>> {
  const { articles } = await readHistory(await GitRepository.open(repo));
  return new Map(articles.map((a) => [a.file, a.versions.length]));
}

// Pages whose canonical link points elsewhere on 127.0.0.1 are archived under that URL.
async function readAliases(repo: string): Promise<Record<string, string>> {
  const state = await readFile(statePath(repo), "utf8").catch(() => "{}");
  return (JSON.parse(state) as { aliases?: Record<string, string> }).aliases ?? {};
}

// The labels' own account of a paywall teaser: the publisher marks the article not free, and the
// labelled body (all the page serves) is shorter than any article stet takes for whole.
function isLabelledTeaser(page: EvalPage): boolean {
  return (
    /"isAccessibleForFree"\s*:\s*"?false"?/i.test(page.html) &&
    countWords(page.bodyText) < SHORT_BODY_WORDS
  );
}

const squash = (text: string) => text.replace(/\s+/g, " ").trim();

function visibleText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  for (const el of document.querySelectorAll("script, style, noscript, [hidden]")) el.remove();
  return squash(document.body.textContent ?? "");
}

function score(
  served: Served[],
  unusable: string[],
  origin: string,
  reports: OutletReport[],
  versionsAfter: Map<string, number>[],
  histories: ArticleHistory[],
  aliases: Record<string, string>,
  options: { verbose: boolean; seconds: string },
): number {
  const byUrl = new Map(histories.map((h) => [h.url, h]));
  const teasers = served.filter((s) => isLabelledTeaser(s.page));
  const articles = served.filter((s) => !teasers.includes(s));
  const teasersHeld = teasers.filter((s) =>
    reports.every((r) =>
      r.held.some((h) => h.url === `${origin}${encodeURI(s.path)}` && h.code === "paywall"),
    ),
  );
  let archived = 0;
  let captured = 0;
  let clean = 0;
  let phantom = 0;
  const problems: string[] = [];
  const held = new Map<string, string[]>();
  // Held only until the next check confirms or dismisses them: the volatility rule at work.
  const pending = new Map<string, string[]>();
  const leaks = new Map<string, number>();
  const leakLines: string[] = [];
  for (const s of articles) {
    const url = `${origin}${encodeURI(s.path)}`;
    const history = byUrl.get(aliases[url] ?? url);
    for (const [i, report] of reports.entries()) {
      for (const h of report.held.filter((h) => h.url === url)) {
        const list = h.code === "figures-only" ? pending : held;
        list.set(s.page.id, [...(list.get(s.page.id) ?? []), `pass ${i + 1}: ${h.reason}`]);
      }
      for (const f of report.failed.filter((f) => f.url === url)) {
        problems.push(`pass ${i + 1} ${s.page.id}: failed: ${f.reason}`);
      }
    }
    if (!history) {
      problems.push(`${s.page.id}: never archived`);
      continue;
    }
    const count = (after: number) => versionsAfter[after]?.get(history.file) ?? 0;
    if (count(0) >= 1) archived++;
    else problems.push(`${s.page.id}: not archived on the first pass`);
    const [v1, v2] = history.versions;
    const extra = count(2) - count(1);
    if (extra > 0) {
      phantom += extra;
      problems.push(`${s.page.id}: ${extra} phantom version(s) in pass 3`);
    }
    if (v1 && v2 && count(1) === 2) {
      const diff = diffVersions(v1, v2);
      const words = diff.paragraphs.flatMap((p) => (p.kind === "edited" ? p.words : []));
      const hasAdded = words.some((w) => w.kind === "added" && w.text.includes(s.edit.added));
      const hasRemoved = words.some((w) => w.kind === "removed" && w.text.includes(s.edit.removed));
      if (hasAdded && hasRemoved) {
        captured++;
        if (diff.wordsAdded === 1 && diff.wordsRemoved === 1) clean++;
        else
          problems.push(
            `${s.page.id}: edit captured, but the diff also shows ${diff.wordsAdded - 1} other word(s) added and ${diff.wordsRemoved - 1} removed`,
          );
      } else {
        problems.push(
          `${s.page.id}: version 2 does not show "${s.edit.removed}" → "${s.edit.added}"`,
        );
      }
    } else {
      problems.push(`${s.page.id}: the pass-2 edit made ${count(1) - count(0)} version(s)`);
    }
    // First line of defence: which archived lines does the page without furniture not have?
    const own = new Set(extract(s.page.html, url).paragraphs);
    for (const line of v1?.paragraphs ?? []) {
      if (own.has(line)) continue;
      const form = s.injections.find((i) => {
        const shown = visibleText(i.form.render({ pass: 1, seed: s.seed }, i.labelled));
        return shown.includes(line) || line.includes(shown);
      });
      const key = form ? `${form.form.name}${form.labelled ? "" : " (bare)"}` : "other";
      leaks.set(key, (leaks.get(key) ?? 0) + 1);
      leakLines.push(
        `  ${s.page.id}: ${key} at ${form?.placement ?? "?"}: "${line.slice(0, 100)}"`,
      );
    }
  }
  const injected = served.length * FORMS_PER_PAGE;
  const leaked = [...leaks.values()].reduce((a, b) => a + b, 0);
  const n = articles.length;
  console.log(
    `eval:churn: ${served.length} pages served on 127.0.0.1, ${PASSES} passes of the real fetch, ${injected} furniture injections (${FURNITURE_FORMS.length} forms × with/without class × before/inside/after the body), ${options.seconds} s`,
  );
  for (const line of unusable) console.log(`  not used: ${line}`);
  console.log(
    `paywall teasers held          ${teasersHeld.length}/${teasers.length} (pages marked not free whose labelled body is a teaser of under ${SHORT_BODY_WORDS} words: holding them is right)`,
  );
  for (const s of teasers) {
    console.log(`  ${s.page.id}: ${countWords(s.page.bodyText)} words, ${s.page.url}`);
  }
  console.log(`pages archived                ${archived}/${n}`);
  console.log(
    `edits captured at word level  ${captured}/${n} (diff exactly the edited word: ${clean})`,
  );
  console.log(`phantom versions              ${phantom}`);
  console.log(`pages held                    ${held.size}`);
  for (const [id, lines] of held) console.log(`  ${id}: ${lines.join("; ")}`);
  console.log(
    `figures-only changes held     ${pending.size} (the volatility rule: committed if the next check agrees, else volatile)`,
  );
  if (options.verbose)
    for (const [id, lines] of pending) console.log(`  ${id}: ${lines.join("; ")}`);
  console.log(
    `furniture in archived text    ${leaked} line(s) the page without furniture does not have (${injected} injections)`,
  );
  for (const [name, times] of [...leaks].sort((a, b) => b[1] - a[1])) {
    console.log(`  ${times}× ${name}`);
  }
  if (options.verbose) for (const line of leakLines) console.log(line);
  for (const line of problems) console.log(`  ${line}`);
  const met =
    archived === n &&
    captured === n &&
    phantom === 0 &&
    held.size === 0 &&
    teasersHeld.length === teasers.length;
  console.log(met ? "target met" : "target missed");
  return met ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
