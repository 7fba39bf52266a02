// Checks the histories before anything is rendered: which outlets get pages, and which articles
// can be published without writing outside the site or over another article's pages. What is
// broken is left out and named in the log; the rest of the site still builds. A label the site
// could not show truthfully (an unreadable gone mark, a "reverted" headline that is not one) is
// dropped, and named, rather than the whole article. Site paths lose the page extension their
// URL had (`…/story.html` is published at `…/story/`) wherever that stays unique. The checks come
// in parts a build can apply one article at a time — `shownOutlets`, `articleProblem`,
// `withTrueLabels` and `PageClaims` — after `siteSlugs`, which looks at every article at once.

import { RESERVED_OUTLET_IDS } from "../config/reserved-outlet-ids.ts";
import { BuildError } from "../errors.ts";
import type { ArticleHistory, Version } from "../types.ts";
import { compareStrings } from "./compare-strings.ts";
import { SiteUrls } from "./site-urls.ts";

/** Outlet ids whose pages or feeds would take the place of the site's own. */
const OUTLET_ID = /^[a-z0-9][a-z0-9-]*$/;
/** A page extension that says nothing to a reader of the site: `story.html` → `story`. */
const PAGE_EXTENSION = /\.(?:s?html?|php[0-9]?|aspx?|jspx?|cfm|cms)$/i;
/** Names the site uses below an article's own page; a stripped name must not become one. */
const ARTICLE_SUBPAGE = /^(?:v\d+|diff|feed\.atom|page|index)$/;
// Control characters and path separators other than "/" have no place in a site path.
const BAD_SLUG_CHARACTER =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u001F\u007F\\]/;

/** The outlets to show, in order, and the articles to publish, sorted by outlet and slug. */
export interface UsableHistories {
  outlets: { id: string; name: string }[];
  histories: ArticleHistory[];
}

/**
 * Configured outlets keep their order; outlets that appear only in the archive (no longer
 * configured) follow, sorted, named by their id, so their history stays public. Slugs lose
 * their page extension as `siteSlugs` says. Articles are skipped, with a log line, when their outlet id or slug cannot be a site path, their versions
 * are not numbered 1..n or have unreadable times, or their pages would land on another
 * article's (the article that sorts first keeps its pages). A gone mark with an unreadable time,
 * and a `revertsTo` that does not name an earlier, non-adjacent version with the same headline,
 * are removed (with a log line); the input is not modified.
 */
export function usableHistories(
  histories: readonly ArticleHistory[],
  configured: readonly { id: string; name: string }[],
  log: (line: string) => void,
): UsableHistories {
  const outlets = shownOutlets(
    configured,
    histories.map((h) => h.outlet),
    log,
  );
  const claims = new PageClaims();
  const usable: ArticleHistory[] = [];
  for (const history of siteSlugs(histories).sort(byArticle)) {
    const problem = articleProblem(history);
    if (problem !== null) {
      log(`skipped ${history.file}: ${problem}`);
      continue;
    }
    const clash = claims.claim(history.outlet, history.slug, history.versions.length);
    if (clash !== null) {
      log(`skipped ${history.file}: ${clash}`);
      continue;
    }
    usable.push(withTrueLabels(history, log));
  }
  return { outlets, histories: usable };
}

/**
 * The configured outlets (checked: each id must be able to be a site path), then the outlets
 * that only the archive has, sorted and named by their id, with a log line naming them.
 */
export function shownOutlets(
  configured: readonly { id: string; name: string }[],
  archived: Iterable<string>,
  log: (line: string) => void,
): { id: string; name: string }[] {
  for (const outlet of configured) {
    if (!isOutletId(outlet.id)) {
      throw new BuildError(
        `Outlet id "${outlet.id}" cannot be a site path: use lowercase letters, digits and dashes, and none of ${[...RESERVED_OUTLET_IDS].join(", ")}.`,
      );
    }
  }
  const known = new Set(configured.map((o) => o.id));
  const extra = new Set<string>();
  for (const id of archived) if (!known.has(id) && isOutletId(id)) extra.add(id);
  const sorted = [...extra].sort(compareStrings);
  if (sorted.length > 0) {
    log(`outlets not in the config, shown under their ids: ${sorted.join(", ")}`);
  }
  return [...configured, ...sorted.map((id) => ({ id, name: id }))];
}

/** The order articles are checked and published in: by outlet, slug, then file. */
export function byArticle(a: ArticlePath, b: ArticlePath): number {
  return (
    compareStrings(a.outlet, b.outlet) ||
    compareStrings(a.slug, b.slug) ||
    compareStrings(a.file, b.file)
  );
}

/** What names an article's place in the archive and on the site. */
interface ArticlePath {
  outlet: string;
  slug: string;
  file: string;
}

/**
 * The articles with the slugs the site publishes them at: the slug without its page extension,
 * unless another article has (or has already taken) that slug, or the shorter name is one the
 * site uses below an article's page. Which article may drop its extension depends on the others,
 * so this looks at all of them at once, in `byArticle` order of their archive slugs; the result
 * is in that order, each article the same object unless its slug changed. The archive file keeps
 * its name; only the site path changes.
 */
export function siteSlugs<T extends ArticlePath>(articles: readonly T[]): T[] {
  const sorted = [...articles].sort(byArticle);
  const taken = new Set(sorted.map((a) => `${a.outlet}/${a.slug}`));
  return sorted.map((article) => {
    const slug = article.slug.replace(PAGE_EXTENSION, "");
    const last = slug.split("/").at(-1) ?? "";
    const key = `${article.outlet}/${slug}`;
    if (slug === article.slug || last === "" || ARTICLE_SUBPAGE.test(last) || taken.has(key)) {
      return article;
    }
    taken.add(key);
    return { ...article, slug };
  });
}

/** Why the article cannot be published whatever the other articles are, or null. */
export function articleProblem(history: ArticleHistory): string | null {
  if (!isOutletId(history.outlet)) {
    return `outlet id "${history.outlet}" cannot be a site path`;
  }
  const segments = history.slug.split("/");
  if (
    history.slug === "" ||
    BAD_SLUG_CHARACTER.test(history.slug) ||
    segments.some((s) => s === "" || s === "." || s === "..")
  ) {
    return `slug "${history.slug}" cannot be a site path`;
  }
  // The outlet's pages by day are `page/<YYYY-MM-DD>/` (and `…/<N>/`); `page/<N>/` was the
  // rolling list before them.
  if (segments[0] === "page" && /^(\d+|\d{4}-\d{2}-\d{2})$/.test(segments[1] ?? "")) {
    return `slug "${history.slug}" would take the place of a page of the outlet's article list`;
  }
  if (history.versions.length === 0) return "it has no versions";
  for (const [i, version] of history.versions.entries()) {
    if (version.number !== i + 1) {
      return `its versions are numbered ${history.versions.map((v) => v.number).join(", ")}, not 1 to ${history.versions.length}`;
    }
    if (Number.isNaN(Date.parse(version.time))) {
      return `version ${version.number} (commit ${version.commit}) has an unreadable time "${version.time}"`;
    }
  }
  return null;
}

/**
 * The site paths articles have claimed so far. An article claims its pages and feed; it is
 * refused when one of them is taken, sits in a claimed file's place or holds a claimed file.
 *
 * All of an article's pages lie in its folder, `<outlet>/<slug>/`, and its API file is
 * `api/<outlet>/<slug>.json`, so two articles can clash only when one's folder holds the other's,
 * or one's API file sits where the other's API folders are. Claims are kept by folder: an article
 * with no such neighbour (nearly every one) is claimed without listing its files, and only one
 * with neighbours is checked file by file against them.
 */
export class PageClaims {
  // Any base URL will do: only the files' relative paths are compared.
  readonly #urls = new SiteUrls("https://stet.invalid/");
  /** Claimed articles by folder, `<outlet>/<slug>`. */
  readonly #folders = new Map<string, ClaimedArticle>();
  /** Every folder that holds a claimed article's folder. */
  readonly #above = new Set<string>();

  /** Claims the article's paths and returns null, or returns why it cannot have them. */
  claim(outlet: string, slug: string, versionCount: number): string | null {
    const folder = `${outlet}/${slug}`;
    const above = foldersAbove(folder);
    const neighbours = this.#neighbours(folder, above);
    if (neighbours.length > 0) {
      const clash = firstClash(this.#urls, { outlet, slug, versionCount }, neighbours);
      if (clash !== null) return `its page ${clash} would replace another article's page`;
    }
    this.#folders.set(folder, { outlet, slug, versionCount });
    for (const dir of above) this.#above.add(dir);
    return null;
  }

  /** Whether an article claimed `file`. */
  has(file: string): boolean {
    if (file.startsWith("api/") && file.endsWith(".json")) {
      return this.#folders.has(file.slice("api/".length, -".json".length));
    }
    return foldersAbove(file).some((dir) => {
      const article = this.#folders.get(dir);
      return (
        article !== undefined &&
        this.#urls.articleFiles(article.outlet, article.slug, article.versionCount).includes(file)
      );
    });
  }

  /** The claimed articles whose paths could meet those of an article in `folder`. */
  #neighbours(folder: string, above: readonly string[]): ClaimedArticle[] {
    const found = new Map<string, ClaimedArticle>();
    const add = (dir: string) => {
      const article = this.#folders.get(dir);
      if (article !== undefined) found.set(dir, article);
    };
    for (const dir of [folder, ...above]) add(dir);
    // Its API folders: a claimed `<dir>.json` API file would sit in the place of one.
    for (const dir of above) if (dir.endsWith(".json")) add(dir.slice(0, -".json".length));
    // Articles below its folder, or below where its API file would be a folder.
    for (const holder of [folder, `${folder}.json`]) {
      if (!this.#above.has(holder)) continue;
      for (const other of this.#folders.keys()) if (other.startsWith(`${holder}/`)) add(other);
    }
    return [...found.values()];
  }
}

interface ClaimedArticle {
  outlet: string;
  slug: string;
  versionCount: number;
}

/** The folders above a path, nearest last: `a/b/c` → `a`, `a/b`. */
function foldersAbove(path: string): string[] {
  const dirs: string[] = [];
  for (let i = path.indexOf("/"); i > 0; i = path.indexOf("/", i + 1)) dirs.push(path.slice(0, i));
  return dirs;
}

/**
 * The first of `article`'s files that is another's file or folder, or the first of its folders
 * that is another's file, among `others`; null when there is none.
 */
function firstClash(
  urls: SiteUrls,
  article: ClaimedArticle,
  others: readonly ClaimedArticle[],
): string | null {
  const claimed = (a: ClaimedArticle) => {
    const files = urls.articleFiles(a.outlet, a.slug, a.versionCount);
    // Nearest folder first, as a reader would name the clash.
    return { files, dirs: new Set(files.flatMap((file) => foldersAbove(file).reverse())) };
  };
  const takenFiles = new Set<string>();
  const takenDirs = new Set<string>();
  for (const other of others) {
    const { files, dirs } = claimed(other);
    for (const file of files) takenFiles.add(file);
    for (const dir of dirs) takenDirs.add(dir);
  }
  const own = claimed(article);
  return (
    own.files.find((file) => takenFiles.has(file) || takenDirs.has(file)) ??
    [...own.dirs].find((dir) => takenFiles.has(dir)) ??
    null
  );
}

/** The history without a gone mark or revert labels that the site could not show truthfully. */
export function withTrueLabels(
  history: ArticleHistory,
  log: (line: string) => void,
): ArticleHistory {
  let { gone } = history;
  if (gone !== null && (Number.isNaN(Date.parse(gone.since)) || !Number.isInteger(gone.status))) {
    log(
      `ignored the gone mark of ${history.file}: time "${gone.since}" or status "${gone.status}" is unreadable`,
    );
    gone = null;
  }
  const versions = history.versions.map((version, i): Version => {
    if (version.revertsTo === undefined) return version;
    const problem = revertProblem(history.versions, i);
    if (problem === null) return version;
    log(
      `ignored "reverted to version ${version.revertsTo}" on version ${version.number} of ${history.file}: ${problem}`,
    );
    const { revertsTo: _, ...rest } = version;
    return rest;
  });
  return { ...history, versions, gone };
}

function isOutletId(id: string): boolean {
  return OUTLET_ID.test(id) && !RESERVED_OUTLET_IDS.has(id);
}

function revertProblem(versions: readonly Version[], i: number): string | null {
  const version = versions[i] as Version;
  const target = version.revertsTo as number;
  if (!Number.isInteger(target) || target < 1 || target > i - 1) {
    return "that is not an earlier, non-adjacent version";
  }
  if ((versions[target - 1] as Version).title !== version.title) {
    return "the headlines differ";
  }
  if ((versions[i - 1] as Version).title === version.title) {
    return "the headline is the same as the previous version's";
  }
  return null;
}
