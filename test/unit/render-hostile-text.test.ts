// Hostile page text, proven harmless by property: arbitrary strings for headline, byline,
// paragraphs and URL (raw Unicode, lone surrogates, controls, bidi overrides and a corpus of
// markup and template attacks) go through the real page data and the real templates (rendered
// in-process by the Nunjucks that Eleventy runs), the real feed writer and the real API writer.
// Every page parses without a single HTML parse error, shows the text as text, and holds no
// element, attribute, script or URL scheme that the templates did not put there; every feed
// stays valid Atom (jing, once over every feed of the run); every JSON file gives the text back
// exactly. 1,000 runs each; fast-check prints the seed of a failing run.

import { spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as cheerio from "cheerio";
import fc from "fast-check";
import { type DefaultTreeAdapterMap, parse, parseFragment } from "parse5";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { diffVersions } from "../../src/diff/diff-versions.ts";
import { apiIndex } from "../../src/render/api-index.ts";
import { type ArticlePages, articlePages } from "../../src/render/article-pages.ts";
import { type AtomFeedSpec, atomFeed } from "../../src/render/atom-feed.ts";
import { displayText } from "../../src/render/display-text.ts";
import { listingPages } from "../../src/render/listing-pages.ts";
import type { PageKind } from "../../src/render/page-renderer.ts";
import type { PageBase } from "../../src/render/page-types.ts";
import { siteChrome } from "../../src/render/site-chrome.ts";
import { siteFeeds } from "../../src/render/site-feeds.ts";
import { sitePages } from "../../src/render/site-pages.ts";
import { SiteUrls } from "../../src/render/site-urls.ts";
import { statusPage } from "../../src/render/status-page.ts";
import { usableHistories } from "../../src/render/usable-histories.ts";
import type { Article, ArticleHistory, FetchStatus, Version } from "../../src/types.ts";
import { renderTemplate } from "../support/render-template.ts";

const RUNS = 1_000;
const PREFIX = "/repo/";
const urls = new SiteUrls(`https://example.github.io${PREFIX}`);
const OUTLETS = [{ id: "harbor", name: "The Harbor Courier" }];
const SITE = siteChrome({ title: "stet test", outlets: OUTLETS, urls });
const ATOM_SCHEMA = new URL("../support/atom.rnc", import.meta.url).pathname;

/** Pieces of attacks, mixed with arbitrary strings. */
const ATTACKS = [
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  "' onmouseover='alert(1)",
  "javascript:alert(1)",
  "data:text/html,<b>x</b>",
  "{{ site.title }}",
  "{% raw %}",
  "$" + "{1+1}",
  "]]>",
  "<![CDATA[",
  "</title><script>",
  "<!--",
  "-->",
  "&amp;&lt;&#0;",
  "\u202Eevil\u202C",
  "\u2066",
  "\u0000\u0007\u001B[31m",
  "\r\n\r",
  "\u2028\u2029",
  "\uFDD0\uFFFE\u{10FFFF}",
  "\uD800",
  "\uDFFF",
  "💥",
  "Fees rise $1.2 → $2.1 “quoted”",
];
const text = fc
  .array(
    fc.oneof(
      fc.constantFrom(...ATTACKS),
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.string({ unit: "grapheme", maxLength: 12 }),
    ),
    { maxLength: 5 },
  )
  .map((parts) => parts.join(""));
const url = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  text,
  fc.constantFrom(
    "javascript:alert(1)",
    " JaVaScRiPt:alert(1)",
    "data:text/html;base64,PHNjcmlwdD4=",
    'http://x.example/"onmouseover=alert(1)//',
    "https://x.example/<script>",
  ),
);
const article = fc.record({
  title: fc.option(text),
  byline: fc.option(text),
  paragraphs: fc.array(text, { maxLength: 4 }),
});
const input = fc.record({
  url,
  versions: fc.array(article, { minLength: 1, maxLength: 3 }),
  reason: text,
});
type Input = { url: string; versions: Omit<Article, "published">[]; reason: string };

function historyOf({ url, versions }: Input): ArticleHistory {
  return {
    outlet: "harbor",
    file: "archive/harbor/news/story.html.md",
    slug: "news/story.html",
    url,
    gone: null,
    versions: versions.map(
      (a, i): Version => ({
        ...a,
        published: null,
        number: i + 1,
        commit: `${i + 1}`.repeat(40),
        time: `2026-03-0${i + 1}T08:00:00Z`,
        url,
      }),
    ),
  };
}

function pagesOf(input: Input): ArticlePages {
  const { histories } = usableHistories([historyOf(input)], OUTLETS, () => {});
  const history = histories[0] as ArticleHistory;
  const { versions } = history;
  return articlePages({
    history,
    outletName: "The Harbor Courier",
    diffs: versions.slice(1).map((v, i) => diffVersions(versions[i] as Version, v)),
    firstToLatest:
      versions.length > 2 ? diffVersions(versions[0] as Version, versions.at(-1) as Version) : null,
    urls,
    checkDays: 30,
    repository: "https://github.com/stet-news/archive",
  });
}

function statusOf(input: Input): FetchStatus {
  return {
    updated: "2026-03-04T08:00:00Z",
    outlets: [
      {
        id: "harbor",
        lastRun: "2026-03-04T08:00:00Z",
        lastSuccess: null,
        failingRuns: 1,
        watched: 1,
        checked: 1,
        newArticles: 0,
        newVersions: 0,
        notReached: 0,
        held: [{ url: input.url, reason: input.reason, since: "2026-03-04T08:00:00Z", checks: 1 }],
        failed: [{ url: input.url, reason: input.reason }],
      },
    ],
  };
}

/** Every page the input makes, by template name. */
async function renderedPages(input: Input): Promise<{ name: string; html: string }[]> {
  const pages = pagesOf(input);
  const listings = listingPages({
    outlets: OUTLETS,
    summaries: [pages.summary],
    changes: pages.changes,
    urls,
  });
  const status = statusPage({
    status: { status: statusOf(input) },
    outlets: OUTLETS,
    summaries: [pages.summary],
    urls,
  });
  const data: [PageKind, PageBase][] = [
    ["history", pages.history],
    ...pages.versions.map((p): [PageKind, PageBase] => ["version", p]),
    ...pages.diffs.map((p): [PageKind, PageBase] => ["diff", p]),
    ...(pages.compare === null ? [] : [["compare", pages.compare] as [PageKind, PageBase]]),
    ["home", listings.home],
    ["outlet", listings.outlets[0] as PageBase],
    ...listings.days.map((p): [PageKind, PageBase] => ["day", p]),
    ["headlines", listings.headlines],
    ["status", status],
  ];
  const rendered: { name: string; html: string }[] = [];
  for (const [name, p] of data) rendered.push({ name, html: await renderTemplate(name, p, SITE) });
  return rendered;
}

/** What a reader's browser shows of text placed in HTML: no unrepresentable characters, LF. */
const shown = (value: string) => displayText(value).replace(/\r\n?/g, "\n");
const headlineShown = (title: string | null) => {
  const headline = shown(title ?? "");
  return headline === "" ? "(no headline)" : headline;
};

/** Elements and attributes the templates and the diff renderer write; nothing else may appear. */
const TAGS = new Set(
  (
    "html head body meta title link script header nav main footer section article details " +
    "summary div p span a ul ol li dl dt dd h1 h2 h3 time strong code del ins br form fieldset " +
    "legend label select option input button noscript"
  ).split(" "),
);
const ATTRIBUTES = new Set(
  (
    "lang charset name content property rel href type title src defer class id aria-label " +
    "aria-labelledby aria-current aria-hidden aria-live datetime data-pagefind-body " +
    "data-pagefind-ignore data-api data-bundle data-base method action for value selected " +
    "checked"
  ).split(" "),
);
const SITE_LINK = new RegExp(`^(${PREFIX}|#|https?://)`);
const OUR_SCRIPTS = new RegExp(`^${PREFIX}(assets|pagefind)/[a-z-]+\\.js$`);
const UNSAFE_IN_ATTRIBUTE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u001F\u007F-\u009F\u200E\u200F\u061C\u202A-\u202E\u2066-\u2069]/;

type Node = DefaultTreeAdapterMap["node"];
type Element = DefaultTreeAdapterMap["element"];

/** Every element below `node`, depth first. */
function elementsOf(node: Node): Element[] {
  const found: Element[] = [];
  const walk = (n: Node): void => {
    if ("tagName" in n) found.push(n);
    const children = "content" in n ? n.content.childNodes : "childNodes" in n ? n.childNodes : [];
    for (const child of children) walk(child);
  };
  walk(node);
  return found;
}

const textOf = (node: Node): string =>
  "value" in node && node.nodeName === "#text"
    ? node.value
    : "childNodes" in node
      ? node.childNodes.map(textOf).join("")
      : "";

/** Problems with one rendered page; none expected. */
function problemsOf(html: string): string[] {
  const problems: string[] = [];
  const document = parse(html, {
    onParseError: (error) => problems.push(`parse error ${error.code}`),
  });
  for (const element of elementsOf(document)) {
    const tag = element.tagName;
    if (!TAGS.has(tag)) problems.push(`element <${tag}>`);
    for (const { name, value } of element.attrs) {
      if (!ATTRIBUTES.has(name)) problems.push(`attribute ${name} on <${tag}>`);
      if ((name === "href" || name === "src" || name === "action") && !SITE_LINK.test(value)) {
        problems.push(`${name}="${value}" on <${tag}>`);
      }
      if (UNSAFE_IN_ATTRIBUTE.test(value)) problems.push(`control or bidi character in ${name}`);
      if (name === "content" && element.attrs.some((a) => a.value === "og:url")) {
        if (!value.startsWith(`https://example.github.io${PREFIX}`))
          problems.push(`og:url ${value}`);
      }
    }
    if (tag === "script") {
      const src = element.attrs.find((a) => a.name === "src")?.value ?? "";
      if (!OUR_SCRIPTS.test(src) || element.childNodes.length > 0) problems.push(`script ${src}`);
    }
    if (tag === "title" && UNSAFE_IN_ATTRIBUTE.test(textOf(element))) {
      problems.push("control or bidi character in <title>");
    }
  }
  return problems;
}

describe("hostile page text on pages", () => {
  it("starts from pages that are clean without any page text (search, 404)", async () => {
    const own = sitePages(urls);
    expect(problemsOf(await renderTemplate("search", own.search, SITE))).toEqual([]);
    expect(problemsOf(await renderTemplate("404", own.notFound, SITE))).toEqual([]);
  });

  it("parses cleanly, shows text as text, and adds nothing to the templates' markup", async () => {
    await fc.assert(
      fc.asyncProperty(input, async (value) => {
        const pages = await renderedPages(value);
        for (const { name, html } of pages) {
          expect(problemsOf(html), name).toEqual([]);
        }
        const last = value.versions.at(-1) as Input["versions"][number];
        const history = cheerio.load(pages[0]?.html ?? "");
        expect(history("h1").text()).toBe(headlineShown(last.title));
        expect(history(".facts .url").text()).toContain(shown(value.url));
        const versions = pages.filter((p) => p.name === "version");
        versions.forEach(({ html }, i) => {
          const $ = cheerio.load(html);
          const version = value.versions[i] as Input["versions"][number];
          expect($("h1").text()).toBe(headlineShown(version.title));
          expect($(".byline").text()).toBe(version.byline === null ? "" : shown(version.byline));
          const paragraphs = $("article.version > p")
            .map((_, p) => $(p).text())
            .get();
          expect(paragraphs).toEqual(
            version.paragraphs.length === 0
              ? ["This version has no body text."]
              : version.paragraphs.map(shown),
          );
        });
      }),
      { numRuns: RUNS },
    );
  }, 120_000);
});

describe("hostile page text in feeds", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "stet-hostile-feeds-"));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps every feed valid Atom, its titles plain text and its content our markup only", async () => {
    const written: { file: string; input: Input }[] = [];
    const property = fc.property(input, (value) => {
      const pages = pagesOf(value);
      const feeds = [
        atomFeed({
          url: urls.absolute({ kind: "article-feed", outlet: "harbor", slug: "news/story" }),
          pageUrl: pages.history.share?.url ?? "",
          title: `stet: changes to “${pages.summary.headline}”`,
          author: "stet",
          entries: pages.changes,
          gone: [],
          withOutlet: false,
          emptyUpdated: "1970-01-01T00:00:00.000Z",
        }),
        // The site-wide feed names the outlet in each title; the per-outlet one is the same
        // entries as the article's.
        atomFeed(
          (
            siteFeeds({
              outlets: OUTLETS,
              changes: pages.changes,
              gone: [],
              urls,
              siteTitle: "stet",
            }).find((f) => f.file === "feeds/all.atom") as { spec: AtomFeedSpec }
          ).spec,
        ),
      ];
      for (const xml of feeds) {
        const $ = cheerio.load(xml, { xml: true });
        $("entry").each((_, entry) => {
          // type="html": a reader decodes the title as HTML, which must give plain text back.
          const title = parseFragment($(entry).children("title").text());
          expect(elementsOf(title)).toEqual([]);
          expect(UNSAFE_IN_ATTRIBUTE.test(textOf(title))).toBe(false);
          const content = parseFragment($(entry).children("content").text());
          for (const element of elementsOf(content)) {
            expect(["p", "a", "strong", "del", "ins"]).toContain(element.tagName);
            for (const { name, value } of element.attrs) {
              expect(name).toBe("href");
              expect(value).toMatch(/^https?:\/\//);
            }
          }
        });
        const file = join(dir, `${written.length}.atom`);
        written.push({ file, input: value });
        // jing reads them all once the property has run.
        writeFileSync(file, xml);
      }
    });
    const details = fc.check(property, { numRuns: RUNS });
    if (details.failed) throw new Error(fc.defaultReportMessage(details));
    // Every feed of the run, validated in a few jing calls.
    const invalid: string[] = [];
    for (let start = 0; start < written.length; start += 500) {
      const batch = written.slice(start, start + 500);
      const jing = spawnSync("jing", ["-c", ATOM_SCHEMA, ...batch.map((w) => w.file)], {
        encoding: "utf8",
        maxBuffer: 64 * 1024 * 1024,
      });
      expect(jing.error).toBeUndefined();
      if (jing.status !== 0) invalid.push(jing.stdout);
    }
    if (invalid.length > 0) {
      const file = /^(\S+\.atom)/m.exec(invalid[0] ?? "")?.[1];
      const failing = written.find((w) => w.file === file);
      throw new Error(
        `jing rejected feeds of the run with seed ${details.seed}:\n${invalid.join("\n")}\ninput: ${JSON.stringify(failing?.input)}`,
      );
    }
    expect(written.length).toBe(RUNS * 2);
  }, 120_000);
});

describe("hostile page text in the JSON API", () => {
  it("gives back every version's text exactly, and never a raw markup character", () => {
    fc.assert(
      fc.property(input, (value) => {
        const pages = pagesOf(value);
        const files = [
          pages.api,
          ...apiIndex({ outlets: OUTLETS, summaries: [pages.summary], urls, siteTitle: "stet" }),
        ];
        for (const { json } of files) expect(json).not.toMatch(/[<>&]/);
        const data = JSON.parse(pages.api.json);
        expect(data.url).toBe(value.url);
        expect(
          data.versions.map((v: Article) => ({
            title: v.title,
            byline: v.byline,
            paragraphs: v.paragraphs,
          })),
        ).toEqual(value.versions);
      }),
      { numRuns: RUNS },
    );
  });
});
