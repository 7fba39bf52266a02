// Builds the static site from the articles' histories, or brings a site built before up to date.
//
// An article's pages and feed are a pure function of its own history and the site-wide inputs
// (title, base URL, outlets, check periods, templates); the listing pages and site feeds are a
// pure function of every article's records (summary, changes, gone mark). So, given the state the
// previous build returned, a build reads, diffs and renders only the articles whose history
// changed, renders a listing page or feed only when its data changed, and leaves every file whose
// bytes are already right untouched. Without a previous state it builds everything into an empty
// folder. Both give the same bytes, and the same history always gives the same bytes.

import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { diffVersions } from "../diff/diff-versions.ts";
import { BuildError } from "../errors.ts";
import type { ArticleHistory, ArticleRead, ArticleRef, HistorySource, Version } from "../types.ts";
import {
  type ArticleSummary,
  articlePages,
  type ChangeRecord,
  type GoneRecord,
  type PageBase,
} from "./article-pages.ts";
import { type CompactRecords, compactRecords, expandRecords } from "./article-records.ts";
import { atomFeed } from "./atom-feed.ts";
import { listingPages } from "./listing-pages.ts";
import {
  createPageRenderer,
  type PageKind,
  type PageRenderer,
  type SiteChrome,
  TEMPLATES_DIR,
} from "./page-renderer.ts";
import { EPOCH, siteFeeds } from "./site-feeds.ts";
import { SiteUrls } from "./site-urls.ts";
import { SiteWriter, type WriteCounts } from "./site-writer.ts";
import {
  articleProblem,
  byArticle,
  PageClaims,
  shownOutlets,
  withTrueLabels,
} from "./usable-histories.ts";

/** Articles read from git (and held in memory) at a time: bounds a full build's memory. */
const ARTICLES_PER_READ = 500;

/** What a build made of one article file, kept so the next build can skip it if unchanged. */
export interface ArticleState {
  /** The article's `ArticleRef.key` when this was built. */
  key: string;
  outlet: string;
  slug: string;
  /** Log lines about it (unreadable versions, labels dropped), repeated by every build. */
  notes: string[];
  /** Why it cannot be published whatever the other articles are; null when it can. */
  problem: string | null;
  versionCount: number;
  /**
   * What listings and feeds need of it, compact; null when it is not published (a problem, or
   * its pages would replace another's). A published article occupies `SiteUrls.articleFiles`.
   */
  records: CompactRecords | null;
}

/** Everything a build needs to know about the build before it (kept in the build cache). */
export interface SiteState {
  /** By archive file. */
  articles: Record<string, ArticleState>;
  /** A digest of each listing page's data, site feed and asset, by file in the site folder. */
  aggregates: Record<string, string>;
}

export interface BuildSiteOptions {
  source: HistorySource;
  /** Config order; outlets with no articles still get a page. */
  outlets: { id: string; name: string }[];
  /** `baseUrl` is absolute and ends with "/", e.g. https://x.github.io/repo/. */
  site: { title: string; baseUrl: string };
  outDir: string;
  /**
   * The state the build that last wrote `outDir` returned, for the same site-wide inputs; null
   * when `outDir` is empty and everything is to be built.
   */
  previous: SiteState | null;
  /** Articles are re-checked until their last change plus this many days. */
  checkDays: number;
  /** Outlet id → its own check period in days, where it differs from `checkDays`. */
  outletCheckDays?: Record<string, number>;
  /** Progress lines and the articles left out, with why. */
  log?: (line: string) => void;
  /** Articles read from git at a time (default 500); the output does not depend on it. */
  articlesPerRead?: number;
  /** Where the templates are (default: the templates/ folder of stet). */
  templatesDir?: string;
}

export interface BuildSiteResult {
  state: SiteState;
  articles: {
    /** Read, diffed and rendered by this build. */
    rendered: number;
    /** Published as the previous build left them. */
    unchanged: number;
    /** Left out of the site (named in the log). */
    skipped: number;
    /** Taken down since the previous build, or newly left out: their files removed. */
    removed: number;
  };
  /** Listing pages, site feeds and assets: how many there are and how many were rendered. */
  aggregates: { total: number; rendered: number };
  files: WriteCounts;
  /** Files the site has now (pages, feeds, assets). */
  siteFiles: number;
}

/** An article read and checked in this build, ready to render. */
interface Prepared {
  history: ArticleHistory;
  diffs: ReturnType<typeof diffVersions>[];
}

export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const log = options.log ?? (() => {});
  const { outDir, site, source, previous } = options;
  const checkDays = checkPeriods(options);
  const perRead = options.articlesPerRead ?? ARTICLES_PER_READ;
  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
  const urls = new SiteUrls(site.baseUrl);
  const outlets = shownOutlets(
    options.outlets,
    source.articles.map((a) => a.outlet),
    log,
  );
  const outletName = new Map(outlets.map((o) => [o.id, o.name]));
  const chrome: SiteChrome = {
    title: site.title,
    home: urls.href({ kind: "home" }),
    stylesheet: urls.href({ kind: "stylesheet" }),
    outlets: outlets.map((o) => ({
      href: urls.href({ kind: "outlet", outlet: o.id }),
      text: o.name,
    })),
    feeds: [
      { href: urls.href({ kind: "feed", name: "all" }), text: "all changes" },
      { href: urls.href({ kind: "feed", name: "headlines" }), text: "headline changes" },
    ],
  };
  const writer = new SiteWriter(outDir, { fresh: previous === null });
  // Eleventy is loaded only when some page is to be rendered.
  let renderer: PageRenderer | undefined;
  const prepareRenderer = async () => {
    renderer ??= await createPageRenderer(chrome, templatesDir);
  };
  const render = (kind: PageKind, page: PageBase) => {
    if (renderer === undefined) throw new Error("prepareRenderer first");
    return renderer(kind, page);
  };

  const before = previous?.articles ?? {};
  const state: SiteState = { articles: {}, aggregates: {} };
  const counts = { rendered: 0, unchanged: 0, skipped: 0, removed: 0 };
  const claims = new PageClaims();

  /** Reads, checks and diffs `refs`: fresh state for each, and what to render when publishable. */
  const prepare = async (refs: readonly ArticleRef[]) => {
    const read = refs.length === 0 ? new Map() : await source.read(refs.map((r) => r.file));
    const prepared = new Map<string, { state: ArticleState; ready: Prepared | null }>();
    for (const ref of refs) {
      prepared.set(ref.file, prepareArticle(ref, read.get(ref.file)));
    }
    return prepared;
  };

  /** Renders and writes one article; returns its records. */
  const publish = async (ready: Prepared): Promise<CompactRecords> => {
    const { history, diffs } = ready;
    const { outlet, slug } = history;
    const name = outletName.get(outlet) ?? outlet;
    await prepareRenderer();
    const built = articlePages({
      history,
      outletName: name,
      diffs,
      urls,
      checkDays: checkDays(outlet),
    });
    const files: string[] = [];
    const put = async (file: string, content: string) => {
      files.push(file);
      await writer.write(file, content);
    };
    await put(built.article.outputPath, await render("article", built.article));
    for (const page of built.versions) await put(page.outputPath, await render("version", page));
    for (const page of built.diffs) await put(page.outputPath, await render("diff", page));
    await put(
      urls.file({ kind: "article-feed", outlet, slug }),
      atomFeed({
        url: urls.absolute({ kind: "article-feed", outlet, slug }),
        pageUrl: urls.absolute({ kind: "article", outlet, slug }),
        title: `${site.title}: changes to “${built.summary.headline}”`,
        author: site.title,
        entries: built.changes,
        gone: built.gone === null ? [] : [built.gone],
        withOutlet: false,
        emptyUpdated: EPOCH,
      }),
    );
    const expected = urls.articleFiles(outlet, slug, history.versions.length);
    if (files.sort().join("\n") !== expected.sort().join("\n")) {
      // A page kind writing elsewhere would escape the clash checks and never be removed.
      throw new BuildError(
        `${history.file}: its pages are not the files SiteUrls.articleFiles lists; add new kinds of article page there.`,
      );
    }
    return compactRecords({ summary: built.summary, changes: built.changes, gone: built.gone });
  };

  /** Removes the files `old` had that the article does not have now (all, when `now` is null). */
  const removeStale = async (old: ArticleState | undefined, now: ArticleState | null) => {
    if (old === undefined || old.records === null) return;
    const keep = new Set(
      now === null || now.records === null
        ? []
        : urls.articleFiles(now.outlet, now.slug, now.versionCount),
    );
    for (const file of urls.articleFiles(old.outlet, old.slug, old.versionCount)) {
      if (!keep.has(file)) await writer.remove(file);
    }
  };

  const refs = [...source.articles].sort(byArticle);
  for (let start = 0; start < refs.length; start += perRead) {
    const chunk = refs.slice(start, start + perRead);
    const prepared = await prepare(chunk.filter((ref) => before[ref.file]?.key !== ref.key));
    const unread: ArticleRef[] = [];
    for (const ref of chunk) {
      const old = before[ref.file];
      const fresh = prepared.get(ref.file);
      const current: ArticleState = fresh?.state ?? { ...(old as ArticleState) };
      for (const note of current.notes) log(note);
      const clash =
        current.problem === null
          ? claims.claim(current.outlet, current.slug, current.versionCount)
          : null;
      if (current.problem !== null) log(`skipped ${ref.file}: ${current.problem}`);
      if (clash !== null) log(`skipped ${ref.file}: ${clash}`);
      state.articles[ref.file] = current;
      if (current.problem !== null || clash !== null) {
        counts.skipped++;
        if (old?.records) counts.removed++;
        await removeStale(old, null);
        current.records = null;
      } else if (fresh?.ready) {
        counts.rendered++;
        current.records = await publish(fresh.ready);
        await removeStale(old, current);
      } else if (current.records !== null) {
        counts.unchanged++;
      } else {
        // Unchanged, but left out last time because another article had its pages.
        unread.push(ref);
      }
    }
    for (const [file, again] of await prepare(unread)) {
      const current = state.articles[file] as ArticleState;
      if (again.ready === null) continue;
      counts.rendered++;
      current.records = await publish(again.ready);
      current.notes = again.state.notes;
    }
    if (refs.length > perRead) {
      log(
        `articles: ${count(Math.min(start + perRead, refs.length))} of ${count(refs.length)} done`,
      );
    }
  }
  for (const [file, old] of Object.entries(before)) {
    if (state.articles[file] !== undefined) continue;
    if (old.records !== null) counts.removed++;
    await removeStale(old, null);
  }
  log(
    `articles: ${count(counts.rendered)} rendered, ${count(counts.unchanged)} unchanged, ${count(counts.skipped)} left out, ${count(counts.removed)} removed`,
  );

  // Listing pages, site feeds and assets: each is rendered only when its data changed.
  const summaries: ArticleSummary[] = [];
  const changes: ChangeRecord[] = [];
  const gone: GoneRecord[] = [];
  for (const ref of refs) {
    const article = state.articles[ref.file];
    if (!article?.records) continue;
    const records = expandRecords(article.records, {
      outlet: article.outlet,
      slug: article.slug,
      outletName: outletName.get(article.outlet) ?? article.outlet,
      urls,
    });
    summaries.push(records.summary);
    changes.push(...records.changes);
    if (records.gone !== null) gone.push(records.gone);
  }
  let aggregates = 0;
  let renderedAggregates = 0;
  const aggregate = async (
    file: string,
    digest: string,
    content: () => Promise<string | Buffer>,
  ) => {
    aggregates++;
    state.aggregates[file] = digest;
    if (previous?.aggregates[file] === digest) return;
    renderedAggregates++;
    await writer.write(file, await content());
  };
  const listings = listingPages({ outlets, summaries, changes, urls });
  const pages: [PageKind, PageBase][] = [
    ["home", listings.home],
    ...listings.outlets.map((page): [PageKind, typeof page] => ["outlet", page]),
    ...listings.days.map((page): [PageKind, typeof page] => ["day", page]),
  ];
  for (const [kind, page] of pages) {
    await aggregate(page.outputPath, digestOf(kind, JSON.stringify(page)), () =>
      prepareRenderer().then(() => render(kind, page)),
    );
  }
  for (const feed of siteFeeds({ outlets, changes, gone, urls, siteTitle: site.title })) {
    await aggregate(feed.file, digestOf(feed.xml), async () => feed.xml);
  }
  const assets = join(templatesDir, "assets");
  for (const entry of await readdir(assets, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    await aggregate(`assets/${path.slice(assets.length + 1)}`, digestOf(bytes), async () => bytes);
  }
  for (const file of Object.keys(previous?.aggregates ?? {})) {
    if (state.aggregates[file] === undefined) await writer.remove(file);
  }
  log(`listings, feeds and assets: ${count(renderedAggregates)} of ${count(aggregates)} rendered`);
  return {
    state,
    articles: counts,
    aggregates: { total: aggregates, rendered: renderedAggregates },
    files: writer.counts,
    siteFiles: Object.values(state.articles).reduce(
      (sum, a) => sum + (a.records === null ? 0 : urls.articleFileCount(a.versionCount)),
      aggregates,
    ),
  };

  /** Checks one article read from git and diffs its versions. Pure apart from `read`'s content. */
  function prepareArticle(
    ref: ArticleRef,
    read: ArticleRead | undefined,
  ): { state: ArticleState; ready: Prepared | null } {
    const notes = (read?.problems ?? []).map(
      (p) => `skipped ${p.file} at commit ${p.commit.slice(0, 10)}: ${p.message}`,
    );
    const base = {
      key: ref.key,
      outlet: ref.outlet,
      slug: ref.slug,
      notes,
      records: null,
      files: [],
    };
    const history = read?.history;
    if (history === null || history === undefined) {
      return {
        state: { ...base, problem: "no version could be read", versionCount: 0 },
        ready: null,
      };
    }
    const versionCount = history.versions.length;
    const problem = articleProblem(history);
    if (problem !== null) return { state: { ...base, problem, versionCount }, ready: null };
    const checked = withTrueLabels(history, (line) => notes.push(line));
    const diffs: Prepared["diffs"] = [];
    try {
      for (let i = 1; i < checked.versions.length; i++) {
        diffs.push(
          diffVersions(checked.versions[i - 1] as Version, checked.versions[i] as Version),
        );
      }
    } catch (error) {
      const why = `its versions could not be compared (${String(error)})`;
      return { state: { ...base, problem: why, versionCount }, ready: null };
    }
    return { state: { ...base, problem: null, versionCount }, ready: { history: checked, diffs } };
  }
}

/** Each outlet's check period in days, after checking that every one is a number ≥ 0. */
function checkPeriods(options: BuildSiteOptions): (outlet: string) => number {
  const { checkDays } = options;
  const perOutlet = options.outletCheckDays ?? {};
  if (!isDays(checkDays)) {
    throw new BuildError(
      `checkDays must be a number of days ≥ 0, got ${checkDays}; check the fetch schedule in the config.`,
    );
  }
  for (const [outlet, days] of Object.entries(perOutlet)) {
    if (!isDays(days)) {
      throw new BuildError(
        `outletCheckDays.${outlet} must be a number of days ≥ 0, got ${days}; check outlet ${outlet}'s schedule in the config.`,
      );
    }
  }
  return (outlet) => (Object.hasOwn(perOutlet, outlet) ? (perOutlet[outlet] as number) : checkDays);
}

function isDays(days: unknown): days is number {
  return typeof days === "number" && Number.isFinite(days) && days >= 0;
}

function digestOf(...parts: (string | Uint8Array)[]): string {
  const hash = createHash("sha1");
  for (const part of parts) hash.update(part);
  return hash.digest("base64url");
}

function count(n: number): string {
  return n.toLocaleString("en-US");
}
