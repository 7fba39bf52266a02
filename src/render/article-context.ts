// What every page of one article shares: its links, its feed, its headline, and how to name and
// link its versions and diffs. Built once per article and handed to each page's builder.

import { changeLabels } from "../diff/change-labels.ts";
import type { ArticleHistory, Version, VersionDiff } from "../types.ts";
import { describeLabel, type LabelText } from "./describe-label.ts";
import { displayText } from "./display-text.ts";
import { linkableUrl } from "./linkable-url.ts";
import type { Link, OriginalUrl } from "./page-types.ts";
import type { SiteUrls } from "./site-urls.ts";

/** Everything `articlePages` needs for one article. */
export interface ArticlePagesInput {
  history: ArticleHistory;
  outletName: string;
  /** `diffs[i]` is the diff from `versions[i]` to `versions[i + 1]`. */
  diffs: readonly VersionDiff[];
  urls: SiteUrls;
  /** Days after the last change during which the article is still checked (its outlet's). */
  checkDays: number;
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
  /** `labels[i]`: what version `i` (0-based) changed, in words; none for the first. */
  labels: LabelText[][];
  versionHref(number: number): string;
  diffHref(from: number, to: number): string;
}

/** The context of one article's pages; `history.versions` must not be empty. */
export function articleContext(input: ArticlePagesInput): ArticleContext {
  const { history, outletName, urls } = input;
  const { outlet, slug } = history;
  const last = history.versions.at(-1);
  if (last === undefined) throw new RangeError(`${history.file} has no versions`);
  const headline = headlineOf(last);
  const context: ArticleContext = {
    ...input,
    headline,
    outlet: { href: urls.href({ kind: "outlet", outlet, page: 1 }), text: outletName },
    article: { href: urls.href({ kind: "article", outlet, slug }), text: headline },
    articleUrl: urls.absolute({ kind: "article", outlet, slug }),
    feed: {
      href: urls.href({ kind: "article-feed", outlet, slug }),
      text: `Changes to “${headline}”`,
    },
    original: originalUrl(history.url),
    labels: [],
    versionHref: (number) => urls.href({ kind: "version", outlet, slug, number }),
    diffHref: (from, to) => urls.href({ kind: "diff", outlet, slug, from, to }),
  };
  context.labels = history.versions.map((_, i) => {
    const diff = input.diffs[i - 1];
    if (diff === undefined) return [];
    return changeLabels(diff, headlineChangeAt(context, i).revertsTo).map(describeLabel);
  });
  return context;
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
