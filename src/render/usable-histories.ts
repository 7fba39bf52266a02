// Checks the histories before anything is rendered: which outlets get pages, and which articles
// can be published without writing outside the site or over another article's pages. What is
// broken is left out and named in the log; the rest of the site still builds. A label the site
// could not show truthfully (an unreadable gone mark, a "reverted" headline that is not one) is
// dropped, and named, rather than the whole article. Site paths lose the page extension their
// URL had (`…/story.html` is published at `…/story/`) wherever that stays unique.

import { RESERVED_OUTLET_IDS } from "../config/config-schema.ts";
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
 * configured) follow, sorted, named by their id, so their history stays public. Articles are
 * skipped, with a log line, when their outlet id or slug cannot be a site path, their versions
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
  for (const outlet of configured) {
    if (!OUTLET_ID.test(outlet.id) || RESERVED_OUTLET_IDS.has(outlet.id)) {
      throw new BuildError(
        `Outlet id "${outlet.id}" cannot be a site path: use lowercase letters, digits and dashes, and none of ${[...RESERVED_OUTLET_IDS].join(", ")}.`,
      );
    }
  }
  const known = new Set(configured.map((o) => o.id));
  const extra = new Set<string>();
  const sorted = [...histories].sort(
    (a, b) =>
      compareStrings(a.outlet, b.outlet) ||
      compareStrings(a.slug, b.slug) ||
      compareStrings(a.file, b.file),
  );
  // Any base URL will do: only the files' relative paths are compared.
  const urls = new SiteUrls("https://stet.invalid/");
  const files = new Set<string>();
  const dirs = new Set<string>();
  const usable: ArticleHistory[] = [];
  const slugs = new Set(sorted.map((h) => `${h.outlet}/${h.slug}`));
  for (const original of sorted) {
    const history = withoutExtension(original, slugs);
    const problem = problemWith(history);
    if (problem !== null) {
      log(`skipped ${history.file}: ${problem}`);
      continue;
    }
    const claimed = pagesOf(history, urls);
    const clash = claimed.find(
      (file) => files.has(file) || dirs.has(file) || ancestors(file).some((d) => files.has(d)),
    );
    if (clash !== undefined) {
      log(`skipped ${history.file}: its page ${clash} would replace another article's page`);
      continue;
    }
    for (const file of claimed) {
      files.add(file);
      for (const dir of ancestors(file)) dirs.add(dir);
    }
    if (!known.has(history.outlet)) extra.add(history.outlet);
    usable.push(withTrueLabels(history, log));
  }
  if (extra.size > 0) {
    log(`outlets not in the config, shown under their ids: ${[...extra].sort().join(", ")}`);
  }
  return {
    outlets: [...configured, ...[...extra].sort().map((id) => ({ id, name: id }))],
    histories: usable,
  };
}

function problemWith(history: ArticleHistory): string | null {
  if (!OUTLET_ID.test(history.outlet) || RESERVED_OUTLET_IDS.has(history.outlet)) {
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
  if (segments[0] === "page" && /^\d+$/.test(segments[1] ?? "")) {
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
 * The history with its slug's page extension dropped, unless another article already has (or
 * has taken) that slug, or the shorter name is one the site uses below an article's page. The
 * archive file keeps its name; only the site path changes. Claims the slug in `slugs`.
 */
function withoutExtension(history: ArticleHistory, slugs: Set<string>): ArticleHistory {
  const slug = history.slug.replace(PAGE_EXTENSION, "");
  const last = slug.split("/").at(-1) ?? "";
  const key = `${history.outlet}/${slug}`;
  if (slug === history.slug || last === "" || ARTICLE_SUBPAGE.test(last) || slugs.has(key)) {
    return history;
  }
  slugs.add(key);
  return { ...history, slug };
}

/** The history without a gone mark or revert labels that the site could not show truthfully. */
function withTrueLabels(history: ArticleHistory, log: (line: string) => void): ArticleHistory {
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

/** Every file the article's pages, feed and API file occupy. */
function pagesOf(history: ArticleHistory, urls: SiteUrls): string[] {
  const { outlet, slug, versions } = history;
  const files = [
    urls.file({ kind: "article", outlet, slug }),
    urls.file({ kind: "article-feed", outlet, slug }),
    urls.file({ kind: "api-article", outlet, slug }),
  ];
  for (const [i, version] of versions.entries()) {
    files.push(urls.file({ kind: "version", outlet, slug, number: version.number }));
    if (i > 0) files.push(urls.file({ kind: "diff", outlet, slug, from: i, to: i + 1 }));
  }
  if (versions.length > 1) files.push(urls.file({ kind: "compare", outlet, slug }));
  if (versions.length > 2) {
    files.push(urls.file({ kind: "diff", outlet, slug, from: 1, to: versions.length }));
  }
  return files;
}

function ancestors(file: string): string[] {
  const parts = file.split("/");
  return parts.slice(1).map((_, i) => parts.slice(0, i + 1).join("/"));
}
