// Builds the static site from the articles' histories, or brings a site built before up to date.
//
// An article's pages (history, versions, diffs, compare), feed and API file are a pure function of
// its own history and the site-wide inputs (title, base URL, repository, outlets, check periods,
// templates); the listing, headline, status, search and 404 pages, the site feeds and API index
// are a pure function of every article's records (summary, changes, gone mark) and the fetch's
// status. So, given the state the previous build returned, a build reads, diffs and renders only
// the articles whose history changed, looks at the other articles only of the outlets those are in
// (the site-wide pages take each other outlet's part, its totals and the records of the changes
// they may show, from that state), renders a site-wide page or feed only when its data changed,
// leaves every file whose bytes are already right untouched, and runs the search index only when
// a page it indexes changed. Without a previous state it builds everything into an empty folder.
// Both give the same bytes, and the same history always gives the same bytes.

import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { diffVersions } from "../diff/diff-versions.ts";
import { BuildError } from "../errors.ts";
import { systemClock } from "../system-clock.ts";
import type {
  ArticleHistory,
  ArticleRead,
  ArticleRef,
  Clock,
  FetchStatus,
  HistorySource,
  Version,
  VersionDiff,
} from "../types.ts";
import { apiIndex } from "./api-index.ts";
import { articlePages } from "./article-pages.ts";
import {
  type CompactRecords,
  compactOf,
  compactRecords,
  expandRecords,
  lazySummaryOf,
  type Records,
} from "./article-records.ts";
import { atomFeed, FEED_ENTRIES } from "./atom-feed.ts";
import { bundleScripts, SCRIPTS } from "./bundle-scripts.ts";
import { compareStrings } from "./compare-strings.ts";
import { changeKey, FeedDiffs } from "./feed-diffs.ts";
import { type ChangeCounts, dayOf, listingPages } from "./listing-pages.ts";
import type { OutletTotals } from "./outlet-totals.ts";
import {
  createPageRenderer,
  type PageKind,
  type PageRenderer,
  TEMPLATES_DIR,
} from "./page-renderer.ts";
import type { ArticleSummary, ChangeRecord, GoneRecord, PageBase } from "./page-types.ts";
import { buildSearchIndex, hasSearchIndex, removeSearchIndex } from "./search-index.ts";
import {
  grewFrom,
  grownShare,
  type PublishedArticle,
  siteChanges,
  siteShare,
} from "./site-changes.ts";
import { siteChrome } from "./site-chrome.ts";
import { EPOCH, siteFeeds } from "./site-feeds.ts";
import { sitePages } from "./site-pages.ts";
import { SiteUrls } from "./site-urls.ts";
import { SiteWriter, type WriteCounts } from "./site-writer.ts";
import { statusPage } from "./status-page.ts";
import {
  articleProblem,
  byArticle,
  PageClaims,
  shownOutlets,
  siteSlugs,
  withTrueLabels,
} from "./usable-histories.ts";

/**
 * Articles read from git at a time: bounds a full build's memory (two such chunks are held at
 * once, as the next one is read while this one renders).
 */
const ARTICLES_PER_READ = 500;

/** What a build made of one article file, kept so the next build can skip it if unchanged. */
export interface ArticleState {
  /** The article's `ArticleRef.key` when this was built. */
  key: string;
  outlet: string;
  /** Its path on the site below the outlet (`siteSlugs`: the archive slug, perhaps shortened). */
  slug: string;
  /** Log lines about it (unreadable versions, labels dropped), repeated by every build. */
  notes: string[];
  /** Why it cannot be published whatever the other articles are; null when it can. */
  problem: string | null;
  versionCount: number;
  /**
   * What listings and feeds need of it, compact; null when it is not published (a problem, or
   * its pages would replace another's). A published article occupies `SiteUrls.articleFiles`,
   * and has a record per version.
   */
  records: Records | null;
}

/**
 * What the site-wide pages take of one archive outlet's articles, kept so that a build that
 * changes none of them need not read them.
 */
export interface OutletState {
  /** Its published articles and their versions. */
  totals: OutletTotals;
  /** Its articles left out of the site. */
  skipped: number;
  /** Its published articles' versions, edits and headline changes. */
  counts: ChangeCounts;
  /** Files its published articles have on the site. */
  files: number;
  /** The lines every build logs about its articles (unreadable versions, articles left out). */
  lines: string[];
  /** Its published articles a site-wide page or feed may show something of (`siteShare`). */
  share: SharedArticle[];
}

/** A published article as an outlet's share keeps it: enough to list it, or read it again. */
export interface SharedArticle {
  file: string;
  key: string;
  /** On the site. */
  slug: string;
  records: CompactRecords;
}

/** Everything a build needs to know about the build before it (kept in the build cache). */
export interface SiteState {
  /**
   * By archive file: the articles of some outlets (all of them after a full build). A build
   * given a previous state must find here every article of each outlet it reads an article of.
   */
  articles: Record<string, ArticleState>;
  /** By archive outlet (the `archive/<outlet>/` of its files): each outlet with an article file. */
  outlets: Record<string, OutletState>;
  /** A digest of each site-wide page's data, feed, API index file and asset, by file. */
  aggregates: Record<string, string>;
  /**
   * The diff HTML of the changes the site feeds show, by `changeKey`: the only diffs kept
   * between builds, so a feed can be written again without reading its articles.
   */
  feedDiffs: Record<string, string>;
}

export interface BuildSiteOptions {
  source: HistorySource;
  /** Config order; outlets with no articles still get a page. */
  outlets: { id: string; name: string }[];
  /**
   * `baseUrl` is absolute and ends with "/", e.g. https://x.github.io/repo/. `repository`, when
   * known, is the archive's repository on its forge (https://github.com/owner/repo), for links to
   * each version's commit and archived file.
   */
  site: { title: string; baseUrl: string; repository?: string | null };
  outDir: string;
  /**
   * The state the build that last wrote `outDir` returned, with the same stet code, templates
   * and site-wide inputs; null when `outDir` is empty and everything is to be built. Its
   * `articles` may hold only the outlets of `source.articles`: the site-wide pages take the
   * other outlets' part from `outlets`.
   */
  previous: SiteState | null;
  /**
   * Reads the articles of an outlet `previous.articles` leaves out, for the search index (which
   * lists every history page); needed when `previous.articles` leaves out any.
   */
  readOutlet?: (outlet: string) => Promise<Record<string, ArticleState>>;
  /** Articles are re-checked until their last change plus this many days. */
  checkDays: number;
  /** Outlet id → its own check period in days, where it differs from `checkDays`. */
  outletCheckDays?: Record<string, number>;
  /**
   * What the fetch last reported (`.stet/status.json`), or why it could not be read; `null` when
   * there is none yet. The status page shows it.
   */
  status?: { status: FetchStatus } | { problem: string } | null;
  /**
   * What to do with the search index (default "update"): "update" indexes again when a history
   * page changed or the index lags behind them; "keep" leaves an existing index as it is (it may
   * lag: one index of a large site takes a while, so frequent builds can leave it to a later
   * one) and builds only a missing one, or indexes again when a history page was removed (a
   * taken-down article must not stay findable); "off" builds none, and removes one that no
   * longer matches the pages.
   */
  search?: SearchMode;
  /** Whether the index in `outDir` already lags behind its history pages (a "keep" build left it). */
  searchLagging?: boolean;
  /** Times the search index step for the log (default: the system clock). */
  clock?: Clock;
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
  /** Site-wide pages, feeds, API index files, scripts and assets: how many, how many rendered. */
  aggregates: { total: number; rendered: number };
  /** What the search index step did: null when it did not run. */
  search: { pages: number; files: number; seconds: number } | null;
  /** Whether the search index is left behind the history pages (kept by a "keep" build). */
  searchLagging: boolean;
  files: WriteCounts;
  /** Files the site has now (pages, feeds, API files, scripts, assets; not the search index). */
  siteFiles: number;
}

/** An article read and checked in this build, ready to render. */
interface Prepared {
  history: ArticleHistory;
  /** `diffs[i]` goes from version i + 1 to version i + 2. */
  diffs: VersionDiff[];
  /** First to latest, for three or more versions. */
  firstToLatest: VersionDiff | null;
}

export async function buildSite(options: BuildSiteOptions): Promise<BuildSiteResult> {
  const log = options.log ?? (() => {});
  const { outDir, site, source, previous } = options;
  const checkDays = checkPeriods(options);
  const perRead = options.articlesPerRead ?? ARTICLES_PER_READ;
  const templatesDir = options.templatesDir ?? TEMPLATES_DIR;
  const clock = options.clock ?? systemClock;
  const urls = new SiteUrls(site.baseUrl);
  const repository = checkRepository(site.repository ?? null);
  const refs = siteSlugs(source.articles).sort(byArticle);
  const before = previous?.articles ?? {};
  const carried = carriedOutlets(previous, refs);
  const outlets = shownOutlets(options.outlets, [...refs.map((a) => a.outlet), ...carried], log);
  const outletName = new Map(outlets.map((o) => [o.id, o.name]));
  /** A published article as `siteChanges` takes it. */
  const published = (article: {
    outlet: string;
    slug: string;
    records: Records | null;
  }): PublishedArticle => ({
    outlet: article.outlet,
    slug: article.slug,
    outletName: outletName.get(article.outlet) ?? article.outlet,
    records: compactOf(article.records as Records),
  });
  const chrome = siteChrome({ title: site.title, outlets, urls });
  const writer = new SiteWriter(outDir, { fresh: previous === null });
  // Eleventy is loaded only when some page is to be rendered.
  let renderer: PageRenderer | undefined;
  const render = async (kind: PageKind, page: PageBase) => {
    renderer ??= await createPageRenderer(chrome, templatesDir);
    return renderer(kind, page);
  };

  const state: SiteState = { articles: {}, outlets: {}, aggregates: {}, feedDiffs: {} };
  const counts = { rendered: 0, unchanged: 0, skipped: 0, removed: 0 };
  const claims = new PageClaims();
  const feedDiffs = new FeedDiffs(FEED_ENTRIES);
  /** Articles rendered by this build, by `outlet/slug`; kept only when updating a site. */
  const renderedNow = new Set<string>();
  /** Outlets an article of which was rendered, left out or removed: their listings change. */
  const changedOutlets = new Set<string>();
  /**
   * By outlet, the days such articles were first seen (before and now): only those days' pages
   * (and the pages beside them) of the outlet's list by day change.
   */
  const changedDays = new Map<string, Set<string>>();
  /** Marks the outlet's listings, and the day of `records`, as changed. */
  const changed = (outlet: string, records: Records | null | undefined) => {
    changedOutlets.add(outlet);
    const first = records ? compactOf(records).c[0]?.[0] : undefined;
    if (first === undefined) return;
    const days = changedDays.get(outlet);
    if (days === undefined) changedDays.set(outlet, new Set([dayOf(first)]));
    else days.add(dayOf(first));
  };
  /**
   * The articles rendered that are new, or were published before at the same slug with all the
   * changes they had then (`grewFrom`): their records before (null when unpublished).
   */
  const grew = new Map<string, CompactRecords | null>();
  /**
   * The outlets an article of which was rendered or left out otherwise: their share must be
   * chosen again from all their articles (see `grownShare`).
   */
  const shrunk = new Set<string>();
  /** Records how a rendered article's records before and now compare (see `grew`). */
  const grown = (file: string, old: ArticleState | undefined, now: ArticleState) => {
    if (old === undefined || old.records === null) grew.set(file, null);
    else {
      const before = compactOf(old.records);
      if (old.slug === now.slug && grewFrom(before, compactOf(now.records as Records))) {
        grew.set(file, before);
      } else shrunk.add(old.outlet);
    }
  };
  /** Whether a page the search index reads (a history page) was written or removed. */
  let searchStale = false;
  /** Whether a history page was removed: even a "keep" build must not leave it findable. */
  let searchRemoved = false;
  /**
   * Files earlier builds wrote that the articles no longer have, removed once every article is
   * written (another article may have taken the place); `indexed` marks history pages.
   */
  const stale: { file: string; indexed: boolean }[] = [];
  /** The lines logged about each outlet's articles, kept for builds that do not read them. */
  const lines = new Map<string, string[]>();
  const note = (outlet: string, line: string) => {
    log(line);
    const list = lines.get(outlet);
    if (list === undefined) lines.set(outlet, [line]);
    else list.push(line);
  };
  let nextCarried = 0;
  /**
   * Logs the kept lines of the carried outlets that sort before `outlet` (all, when null): a
   * build logs the same lines in the same order, whichever outlets it reads.
   */
  const logCarried = (outlet: string | null) => {
    for (; nextCarried < carried.length; nextCarried++) {
      const next = carried[nextCarried] as string;
      if (outlet !== null && compareStrings(next, outlet) >= 0) return;
      for (const line of previous?.outlets[next]?.lines ?? []) log(line);
    }
  };

  /** Reads, checks and diffs `refs`: fresh state for each, and what to render when publishable. */
  const prepare = async (refs: readonly ArticleRef[]) => {
    const read = refs.length === 0 ? new Map() : await source.read(refs.map((r) => r.file));
    const prepared = new Map<string, { state: ArticleState; ready: Prepared | null }>();
    for (const ref of refs) {
      prepared.set(ref.file, prepareArticle(ref, read.get(ref.file)));
    }
    return prepared;
  };

  /** The data of every page of one article, and its records. Pure. */
  const pagesOf = (ready: Prepared) =>
    articlePages({
      history: ready.history,
      outletName: outletName.get(ready.history.outlet) ?? ready.history.outlet,
      diffs: ready.diffs,
      firstToLatest: ready.firstToLatest,
      urls,
      checkDays: checkDays(ready.history.outlet),
      repository,
    });

  /** Renders and writes one article; returns its records. */
  const publish = async (ready: Prepared): Promise<CompactRecords> => {
    const { history } = ready;
    const { outlet, slug } = history;
    const built = pagesOf(ready);
    const files: string[] = [];
    // Each file is written while the next page renders (the main thread would otherwise wait for
    // every write in turn); all of them are done before the article is.
    const writes: Promise<boolean>[] = [];
    const put = (file: string, content: string) => {
      files.push(file);
      const written = writer.write(file, content);
      // Handled here too, so that a failure met before Promise.all is not an unhandled rejection.
      written.catch(() => {});
      writes.push(written);
      return written;
    };
    put(built.history.outputPath, await render("history", built.history)).then(
      (wrote) => {
        if (wrote) searchStale = true;
      },
      () => {},
    );
    for (const page of built.versions) put(page.outputPath, await render("version", page));
    for (const page of built.diffs) put(page.outputPath, await render("diff", page));
    if (built.compare !== null) {
      put(built.compare.outputPath, await render("compare", built.compare));
    }
    put(built.api.file, built.api.json);
    put(
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
    await Promise.all(writes);
    const expected = urls.articleFiles(outlet, slug, history.versions.length);
    if (files.sort().join("\n") !== expected.sort().join("\n")) {
      // A page kind writing elsewhere would escape the clash checks and never be removed.
      throw new BuildError(
        `${history.file}: its pages are not the files SiteUrls.articleFiles lists; add new kinds of article page there.`,
      );
    }
    for (const change of built.changes) feedDiffs.offer(change);
    if (previous !== null) renderedNow.add(`${outlet}/${slug}`);
    return compactRecords({ summary: built.summary, changes: built.changes, gone: built.gone });
  };

  /** Marks the files `old` had that the article does not have now (all, when `now` is null). */
  const removeStale = (old: ArticleState | undefined, now: ArticleState | null) => {
    if (old === undefined || old.records === null) return;
    const keep = new Set(
      now === null || now.records === null
        ? []
        : urls.articleFiles(now.outlet, now.slug, now.versionCount),
    );
    const history = urls.file({ kind: "article", outlet: old.outlet, slug: old.slug });
    for (const file of urls.articleFiles(old.outlet, old.slug, old.versionCount)) {
      if (!keep.has(file)) stale.push({ file, indexed: file === history });
    }
  };

  /** The articles of a chunk that changed since the previous build: read, checked and diffed. */
  const prepareChunk = (start: number) => {
    const chunk = refs.slice(start, start + perRead);
    const changed = chunk.filter(
      (ref) => before[ref.file]?.key !== ref.key || before[ref.file]?.slug !== ref.slug,
    );
    const prepared = prepare(changed);
    prepared.catch(() => {});
    return { chunk, prepared };
  };
  let next = prepareChunk(0);
  for (let start = 0; start < refs.length; start += perRead) {
    const { chunk } = next;
    const prepared = await next.prepared;
    // The next chunk is read from git while this one renders and writes.
    if (start + perRead < refs.length) next = prepareChunk(start + perRead);
    const unread: ArticleRef[] = [];
    for (const ref of chunk) {
      logCarried(ref.outlet);
      const old = before[ref.file];
      const fresh = prepared.get(ref.file);
      const current: ArticleState = fresh?.state ?? { ...(old as ArticleState) };
      for (const line of current.notes) note(current.outlet, line);
      const clash =
        current.problem === null
          ? claims.claim(current.outlet, current.slug, current.versionCount)
          : null;
      if (current.problem !== null) note(current.outlet, `skipped ${ref.file}: ${current.problem}`);
      if (clash !== null) note(current.outlet, `skipped ${ref.file}: ${clash}`);
      state.articles[ref.file] = current;
      if (current.problem !== null || clash !== null) {
        counts.skipped++;
        if (old?.records) {
          counts.removed++;
          changed(old.outlet, old.records);
          shrunk.add(old.outlet);
        }
        removeStale(old, null);
        current.records = null;
      } else if (fresh?.ready) {
        counts.rendered++;
        current.records = await publish(fresh.ready);
        changed(current.outlet, current.records);
        if (old !== undefined) changed(old.outlet, old.records);
        grown(ref.file, old, current);
        removeStale(old, current);
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
      changed(current.outlet, current.records);
      grown(file, undefined, current);
      current.notes = again.state.notes;
    }
    if (refs.length > perRead) {
      log(
        `articles: ${count(Math.min(start + perRead, refs.length))} of ${count(refs.length)} done`,
      );
    }
  }
  logCarried(null);
  // The outlets not read: as the previous build left them.
  for (const outlet of carried) {
    const own = previous?.outlets[outlet] as OutletState;
    state.outlets[outlet] = own;
    counts.unchanged += own.totals.articles;
    counts.skipped += own.skipped;
  }
  for (const [file, old] of Object.entries(before)) {
    if (state.articles[file] !== undefined) continue;
    if (old.records !== null) {
      counts.removed++;
      changed(old.outlet, old.records);
      shrunk.add(old.outlet);
    }
    removeStale(old, null);
  }
  for (const { file, indexed } of stale) {
    // A file another article has now was written by it, above.
    if (claims.has(file)) continue;
    if ((await writer.remove(file)) && indexed) {
      searchStale = true;
      searchRemoved = true;
    }
  }
  log(
    `articles: ${count(counts.rendered)} rendered, ${count(counts.unchanged)} unchanged, ${count(counts.skipped)} left out, ${count(counts.removed)} removed`,
  );

  // Each outlet's state: anew for the outlets read, else as the previous build left it.
  const byOutlet = new Map<string, { ref: ArticleRef; article: ArticleState }[]>();
  for (const ref of refs) {
    const article = state.articles[ref.file] as ArticleState;
    const list = byOutlet.get(article.outlet);
    if (list === undefined) byOutlet.set(article.outlet, [{ ref, article }]);
    else list.push({ ref, article });
  }
  for (const [outlet, list] of byOutlet) {
    const own = list.filter(({ article }) => article.records !== null);
    const { kept, counts } = shareOf(own, previous?.outlets[outlet]);
    let versions = 0;
    let files = 0;
    for (const { article } of own) {
      versions += article.versionCount;
      files += urls.articleFileCount(article.versionCount);
    }
    state.outlets[outlet] = {
      totals: { articles: own.length, versions },
      skipped: list.length - own.length,
      counts,
      files,
      lines: lines.get(outlet) ?? [],
      share: kept.map((index) => {
        const { ref, article } = own[index] as (typeof own)[number];
        const { slug, records } = article;
        return { file: ref.file, key: ref.key, slug, records: compactOf(records as Records) };
      }),
    };
  }

  /**
   * What the site-wide pages take of an outlet's published articles (`own`, in order): chosen
   * from the articles of its share before and those that grew when none shrank (reading the
   * records of those alone), else from all.
   */
  function shareOf(
    own: readonly { ref: ArticleRef; article: ArticleState }[],
    before: OutletState | undefined,
  ): { kept: number[]; counts: ChangeCounts } {
    const outlet = own[0]?.article.outlet;
    if (before === undefined || outlet === undefined || shrunk.has(outlet)) {
      return siteShare(own.map(({ article }) => published(article)));
    }
    const shared = new Set(before.share.map((article) => article.file));
    const candidates: number[] = [];
    const changes: { before: CompactRecords | null; now: CompactRecords }[] = [];
    for (const [index, { ref, article }] of own.entries()) {
      const was = grew.get(ref.file);
      if (was !== undefined)
        changes.push({ before: was, now: compactOf(article.records as Records) });
      if (was !== undefined || shared.has(ref.file)) candidates.push(index);
    }
    const { kept, counts } = grownShare(
      candidates.map((index) => published((own[index] as (typeof own)[number]).article)),
      before.counts,
      changes,
    );
    return { kept: kept.map((k) => candidates[k] as number), counts };
  }

  // Site-wide pages, feeds, API index files, scripts and assets: each is rendered only when its
  // data changed. The outlets read give their articles' summaries, for their own pages; every
  // outlet gives its totals and its share of changes.
  const summaries: ArticleSummary[] = [];
  for (const ref of refs) {
    const article = state.articles[ref.file] as ArticleState;
    if (article.records !== null)
      summaries.push(lazySummaryOf(article.records, { ...article, urls }));
  }
  const shares: PublishedArticle[] = [];
  const totals = new Map<string, OutletTotals>();
  const changeCounts: ChangeCounts = { versions: 0, edits: 0, headlineChanges: 0 };
  for (const outlet of Object.keys(state.outlets).sort(compareStrings)) {
    const own = state.outlets[outlet] as OutletState;
    totals.set(outlet, own.totals);
    changeCounts.versions += own.counts.versions;
    changeCounts.edits += own.counts.edits;
    changeCounts.headlineChanges += own.counts.headlineChanges;
    for (const { slug, records } of own.share) shares.push(published({ outlet, slug, records }));
  }
  // Only the changes a listing or feed can show are expanded (a few hundred of an archive's).
  const { shown: changes } = siteChanges(shares, urls);
  const gone: GoneRecord[] = [];
  for (const article of shares) {
    if (article.records.g === null) continue;
    const records = expandRecords(article.records, { ...article, urls });
    if (records.gone !== null) gone.push(records.gone);
  }
  let aggregates = 0;
  let renderedAggregates = 0;
  const aggregate = async (
    file: string,
    digest: string,
    content: () => Promise<string | Uint8Array>,
  ) => {
    aggregates++;
    state.aggregates[file] = digest;
    if (previous?.aggregates[file] === digest) return;
    renderedAggregates++;
    await writer.write(file, await content());
  };
  // An outlet's own listings (its page, its day pages, its API list) show its articles alone:
  // those of an outlet none of whose articles changed are as the previous build left them.
  const ownListingsOf = previous === null ? undefined : changedOutlets;
  /**
   * Keeps each of `files` as the previous build left it; keeps none and returns false when that
   * build lacks one (the caller then makes them all).
   */
  const keepAll = (files: readonly string[]) => {
    if (!files.every((file) => previous?.aggregates[file] !== undefined)) return false;
    for (const file of files) {
      state.aggregates[file] = previous?.aggregates[file] as string;
      aggregates++;
    }
    return true;
  };
  keepAll(
    Object.keys(previous?.aggregates ?? {}).filter((file) => {
      const outlet = urls.outletListingOf(file);
      return outlet !== null && !changedOutlets.has(outlet) && outletName.has(outlet);
    }),
  );
  // Of a changed outlet's list by day, only the pages of the changed days and those beside them
  // are made; the others are kept. Were one missing, every page is made.
  const listingInput = {
    outlets,
    summaries,
    changes,
    counts: changeCounts,
    totals,
    urls,
    outletPagesOf: ownListingsOf,
  };
  let listings = listingPages({ ...listingInput, daysOf: ownListingsOf && changedDays });
  const made = new Set(listings.days.map((page) => page.outputPath));
  const unmade = listings.dayParts
    .map((part) => urls.file({ kind: "day", ...part }))
    .filter((file) => !made.has(file));
  if (!keepAll(unmade)) listings = listingPages(listingInput);
  const own = sitePages(urls);
  const pages: [PageKind, PageBase][] = [
    ["home", listings.home],
    ...listings.outlets.map((page): [PageKind, typeof page] => ["outlet", page]),
    ...listings.days.map((page): [PageKind, typeof page] => ["day", page]),
    ["headlines", listings.headlines],
    ["status", statusPage({ status: options.status ?? null, outlets, summaries, totals, urls })],
    ["search", own.search],
    ["404", own.notFound],
  ];
  for (const [kind, page] of pages) {
    await aggregate(page.outputPath, digestOf(kind, JSON.stringify(page)), () =>
      render(kind, page),
    );
  }

  const feeds = siteFeeds({ outlets, changes, gone, urls, siteTitle: site.title });
  const diffHtml = await feedDiffHtml(feeds.flatMap((f) => f.spec.entries));
  for (const { file, spec } of feeds) {
    const entries = spec.entries.map((c) =>
      c.number === 1 ? c : { ...c, diffHtml: diffHtml.get(changeKey(c)) ?? null },
    );
    const feed = { ...spec, entries };
    // A feed is a pure function of its spec: digesting that spares making the XML of a feed
    // with nothing new (each takes tens of milliseconds).
    await aggregate(file, digestOf("feed", JSON.stringify(feed)), async () => atomFeed(feed));
  }
  for (const key of [...diffHtml.keys()].sort()) {
    state.feedDiffs[key] = diffHtml.get(key) as string;
  }
  // Likewise the API's files by day.
  const apiInput = {
    outlets,
    summaries,
    urls,
    siteTitle: site.title,
    outletFilesOf: ownListingsOf,
    totals,
    // The outlets whose files are made are those whose pages were: grouped by day there.
    byDay: listings.byDay,
  };
  let api = apiIndex({ ...apiInput, daysOf: ownListingsOf && changedDays });
  const apiMade = new Set(api.map((f) => f.file));
  const apiUnmade = listings.dayParts
    .filter((part) => part.part === 1)
    .map((part) => urls.file({ kind: "api-day", outlet: part.outlet, day: part.day }))
    .filter((file) => !apiMade.has(file));
  if (!keepAll(apiUnmade)) api = apiIndex(apiInput);
  for (const { file, json } of api) await aggregate(file, digestOf(json), async () => json);
  // The scripts depend only on stet's code, the same as the previous build's.
  let bundles: Promise<Map<string, string>> | undefined;
  for (const name of Object.keys(SCRIPTS)) {
    await aggregate(urls.file({ kind: "asset", name }), digestOf("script", name), async () => {
      bundles ??= bundleScripts().then((list) => new Map(list.map((b) => [b.name, b.text])));
      return (await bundles).get(name) ?? "";
    });
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

  let search: BuildSiteResult["search"] = null;
  const mode = options.search ?? "update";
  const behind = searchStale || options.searchLagging === true;
  let searchLagging = false;
  if (mode === "off") {
    if (behind) await removeSearchIndex(outDir, writer);
    log("search index: not built (--search off)");
  } else if (!(await hasSearchIndex(outDir)) || (behind && (mode === "update" || searchRemoved))) {
    const started = clock.now();
    const every = Object.values(state.articles);
    for (const outlet of carried) {
      if (options.readOutlet === undefined) {
        throw new BuildError(`The search index needs the articles of ${outlet}: give readOutlet.`);
      }
      every.push(...Object.values(await options.readOutlet(outlet)));
    }
    const indexed = await buildSearchIndex(outDir, indexedPages(every), writer);
    const seconds = (clock.now() - started) / 1000;
    search = { ...indexed, seconds };
    log(
      `search index: ${count(indexed.pages)} pages indexed in ${seconds.toFixed(1)} s, ${count(indexed.files)} files`,
    );
  } else if (behind) {
    searchLagging = true;
    log(
      "search index: kept as it was, behind the history pages until a build with --search update",
    );
  } else {
    log("search index: no history page changed, kept as it was");
  }

  return {
    state,
    articles: counts,
    aggregates: { total: aggregates, rendered: renderedAggregates },
    search,
    searchLagging,
    files: writer.counts,
    siteFiles: Object.values(state.outlets).reduce((sum, o) => sum + o.files, aggregates),
  };

  /**
   * The diff HTML of the given changes (first versions have none), by `changeKey`: from the
   * articles this build rendered, else from the previous build's feeds, else (after a takedown
   * lets older changes back into a feed) by reading and diffing their articles again.
   */
  async function feedDiffHtml(shown: readonly ChangeRecord[]): Promise<Map<string, string>> {
    const fresh = feedDiffs.kept();
    const result = new Map<string, string>();
    const missing = new Map<string, Set<number>>();
    for (const change of shown) {
      if (change.number === 1) continue;
      const key = changeKey(change);
      const article = `${change.outlet}/${change.slug}`;
      const html =
        fresh.get(key) ?? (renderedNow.has(article) ? undefined : previous?.feedDiffs[key]);
      if (html !== undefined) result.set(key, html);
      else missing.set(article, (missing.get(article) ?? new Set()).add(change.number));
    }
    if (missing.size === 0) return result;
    // Every change a feed shows is of an article in its outlet's share.
    const again: ArticleRef[] = [];
    for (const outlet of Object.keys(state.outlets).sort(compareStrings)) {
      for (const { file, key, slug } of (state.outlets[outlet] as OutletState).share) {
        if (missing.has(`${outlet}/${slug}`)) again.push({ file, outlet, slug, key });
      }
    }
    log(`feeds: reading ${count(again.length)} articles again for the diffs their feeds show`);
    for (const { ready } of (await prepare(again)).values()) {
      if (ready === null) continue;
      const numbers = missing.get(`${ready.history.outlet}/${ready.history.slug}`);
      for (const change of pagesOf(ready).changes) {
        if (numbers?.has(change.number) && change.diffHtml !== null) {
          result.set(changeKey(change), change.diffHtml);
        }
      }
    }
    return result;
  }

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
    };
    const history = read?.history;
    if (history === null || history === undefined) {
      return {
        state: { ...base, problem: "no version could be read", versionCount: 0 },
        ready: null,
      };
    }
    const versionCount = history.versions.length;
    // The site's slug (`siteSlugs`), which may be shorter than the archive's.
    const placed = history.slug === ref.slug ? history : { ...history, slug: ref.slug };
    const problem = articleProblem(placed);
    if (problem !== null) return { state: { ...base, problem, versionCount }, ready: null };
    const checked = withTrueLabels(placed, (line) => notes.push(line));
    const { versions } = checked;
    const diffs: VersionDiff[] = [];
    let firstToLatest: VersionDiff | null = null;
    try {
      for (let i = 1; i < versions.length; i++) {
        diffs.push(diffVersions(versions[i - 1] as Version, versions[i] as Version));
      }
      if (versions.length > 2) {
        firstToLatest = diffVersions(versions[0] as Version, versions.at(-1) as Version);
      }
    } catch (error) {
      const why = `its versions could not be compared (${String(error)})`;
      return { state: { ...base, problem: why, versionCount }, ready: null };
    }
    return {
      state: { ...base, problem: null, versionCount },
      ready: { history: checked, diffs, firstToLatest },
    };
  }
}

/**
 * The outlets of `previous` none of whose articles a build of `refs` reads (in order): their
 * articles are as they were, and the site-wide pages take their part from `previous.outlets`.
 */
export function carriedOutlets(previous: SiteState | null, refs: readonly ArticleRef[]): string[] {
  if (previous === null) return [];
  const read = new Set<string>();
  for (const ref of refs) read.add(ref.outlet);
  for (const article of Object.values(previous.articles)) read.add(article.outlet);
  return Object.keys(previous.outlets)
    .filter((outlet) => !read.has(outlet))
    .sort(compareStrings);
}

/** The repository URL for commit links, checked: an https URL, kept without a final "/". */
function checkRepository(repository: string | null): string | null {
  if (repository === null || repository === "") return null;
  let url: URL;
  try {
    url = new URL(repository);
  } catch (cause) {
    throw new BuildError(
      `The repository "${repository}" is not a URL; give one such as https://github.com/owner/repo.`,
      { cause },
    );
  }
  if (url.protocol !== "https:" || url.search !== "" || url.hash !== "" || url.username !== "") {
    throw new BuildError(
      `The repository "${repository}" must be an https URL without query or fragment, such as https://github.com/owner/repo.`,
    );
  }
  return url.href.replace(/\/+$/, "");
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

/** How a build treats the search index; see `BuildSiteOptions.search`. */
export type SearchMode = "update" | "keep" | "off";

/** The history page of every published article of `articles`: the pages the search index reads. */
export function indexedPages(articles: Iterable<ArticleState>): string[] {
  // Files do not depend on the base URL.
  const urls = new SiteUrls("https://stet.invalid/");
  return [...articles]
    .filter((article) => article.records !== null)
    .map((article) => urls.file({ kind: "article", outlet: article.outlet, slug: article.slug }))
    .sort();
}
