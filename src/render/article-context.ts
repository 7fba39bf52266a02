// What every page of one article shares: its links, its feed, its headline, its labels, and how
// to name and link its versions, diffs and commits. Built once per article and handed to each
// page's builder.

import { changeLabels } from "../diff/change-labels.ts";
import type { ArticleHistory, Version, VersionDiff } from "../types.ts";
import { describeLabel, type LabelText } from "./describe-label.ts";
import { displayText } from "./display-text.ts";
import { linkableUrl } from "./linkable-url.ts";
import type { CommitLinks, Link, OriginalUrl, PageBase } from "./page-types.ts";
import { plainText } from "./plain-text.ts";
import type { SiteRef, SiteUrls } from "./site-urls.ts";

/** Everything `articlePages` needs for one article. */
export interface ArticlePagesInput {
  history: ArticleHistory;
  outletName: string;
  /** `diffs[i]` is the diff from `versions[i]` to `versions[i + 1]`. */
  diffs: readonly VersionDiff[];
  /** The diff from the first version to the latest, for articles with three or more versions. */
  firstToLatest: VersionDiff | null;
  urls: SiteUrls;
  /** Days after the last change during which the article is still checked (its outlet's). */
  checkDays: number;
  /** The archive's repository on its forge, e.g. https://github.com/owner/repo; `null` if unknown. */
  repository: string | null;
}

/** The shared parts of an article's pages. */
export interface ArticleContext extends ArticlePagesInput {
  /** The newest version's headline, ready to show. */
  headline: string;
  outlet: Link;
  /** The history page, named by the headline. */
  article: Link;
  /** Absolute URL of the history page. */
  articleUrl: string;
  feed: Link;
  original: OriginalUrl;
  /** The compare-any-two page; `null` for an article with one version. */
  compare: Link | null;
  /** The first-versus-latest diff page; `null` for an article with fewer than three versions. */
  firstToLatestLink: Link | null;
  /** `labels[i]`: what version `i` (0-based) changed, in words; none for the first. */
  labels: LabelText[][];
  versionHref(number: number): string;
  diffHref(from: number, to: number): string;
}

/** The context of one article's pages; `history.versions` must not be empty. */
export function articleContext(input: ArticlePagesInput): ArticleContext {
  const { history, outletName, urls } = input;
  const { outlet, slug, versions } = history;
  const last = versions.at(-1);
  if (last === undefined) throw new RangeError(`${history.file} has no versions`);
  const headline = headlineOf(last);
  const context: ArticleContext = {
    ...input,
    headline,
    outlet: { href: urls.href({ kind: "outlet", outlet }), text: outletName },
    article: { href: urls.href({ kind: "article", outlet, slug }), text: headline },
    articleUrl: urls.absolute({ kind: "article", outlet, slug }),
    feed: {
      href: urls.href({ kind: "article-feed", outlet, slug }),
      text: plainText(`Changes to “${headline}”`),
    },
    original: originalUrl(history.url),
    compare:
      versions.length > 1
        ? { href: urls.href({ kind: "compare", outlet, slug }), text: "Compare any two versions" }
        : null,
    firstToLatestLink:
      versions.length > 2
        ? {
            href: urls.href({ kind: "first-to-latest", outlet, slug }),
            text: "First version → latest",
          }
        : null,
    labels: [],
    versionHref: (number) => urls.href({ kind: "version", outlet, slug, number }),
    diffHref: (from, to) => urls.href({ kind: "diff", outlet, slug, from, to }),
  };
  context.labels = versions.map((_, i) => {
    const diff = input.diffs[i - 1];
    if (diff === undefined) return [];
    return changeLabels(diff, headlineChangeAt(context, i).revertsTo).map(describeLabel);
  });
  return context;
}

/**
 * The context as of version `index` (0-based): named by that version's headline, not the
 * latest's. A version page and the diff page that ends at it are made from this, so a newer
 * version leaves them as they were (a new headline included); only the pages that show the
 * latest state (history, first versus latest, compare) follow the newest version.
 */
export function contextAsOf(context: ArticleContext, index: number): ArticleContext {
  const version = context.history.versions[index];
  if (version === undefined || index === context.history.versions.length - 1) return context;
  const headline = headlineOf(version);
  return {
    ...context,
    headline,
    article: { ...context.article, text: headline },
    feed: { ...context.feed, text: plainText(`Changes to “${headline}”`) },
  };
}

/** A version's headline for display; archives may lack one. */
export function headlineOf(version: Version): string {
  const title = version.title === null ? "" : displayText(version.title);
  return title === "" ? "(no headline)" : title;
}

/** A URL from the archive as text, linked only when it is http(s). */
export function originalUrl(url: string): OriginalUrl {
  return { text: displayText(url), href: linkableUrl(url) };
}

/**
 * The commit that recorded `version`, and where to see it and the archived file on the forge:
 * `<repository>/commit/<commit>` and `<repository>/blob/<commit>/<file>`.
 */
export function commitLinks(context: ArticleContext, version: Version): CommitLinks {
  const { repository, history } = context;
  const commit = displayText(version.commit);
  const hex = /^[0-9a-f]{7,64}$/i.test(commit);
  const path = history.file.split("/").map(encodeURIComponent).join("/");
  return {
    commit,
    short: commit.slice(0, 7),
    file: history.file,
    commitHref: repository === null || !hex ? null : `${repository}/commit/${commit}`,
    fileHref: repository === null || !hex ? null : `${repository}/blob/${commit}/${path}`,
  };
}

/**
 * Whether version `index` (0-based) changed the headline, and the earlier version it returns to.
 * A flip back is a headline change first: a "reverted" label without a visible change would
 * mislead.
 */
export function headlineChangeAt(
  context: ArticleContext,
  index: number,
): { changed: boolean; revertsTo: number | null } {
  const diff = context.diffs[index - 1];
  const changed = index > 0 && diff !== undefined && diff.title.some((w) => w.kind !== "same");
  const version = context.history.versions[index];
  return { changed, revertsTo: changed ? (version?.revertsTo ?? null) : null };
}

/** "changed once", "changed 3 times", or "no changes yet", for titles and previews. */
export function changedTimes(changes: number): string {
  if (changes === 0) return "no changes yet";
  if (changes === 1) return "changed once";
  if (changes === 2) return "changed twice";
  return `changed ${changes.toLocaleString("en-US")} times`;
}

/**
 * What every page of an article has but its scripts: its file, its title (also the title of a
 * shared link's preview), the article's feed, and the preview's description and URL.
 */
export function articlePageHead(
  context: ArticleContext,
  ref: SiteRef,
  title: string,
  description: string,
): Omit<PageBase, "scripts"> {
  const { urls, feed } = context;
  const plain = plainText(title);
  return {
    outputPath: urls.file(ref),
    title: plain,
    feed,
    share: { title: plain, description: plainText(description, 300), url: urls.absolute(ref) },
  };
}
