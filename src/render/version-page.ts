// The data of one version's page, `/<outlet>/<slug>/v<N>/`: the version as archived, the commit
// that recorded it, a notice when newer versions exist, and links to its neighbours. Pure.
// Nothing on it depends on versions after the next one (not their count, time or headline), so a
// new version rewrites only its own page and the one before.

import {
  type ArticleContext,
  articlePageHead,
  commitLinks,
  contextAsOf,
  headlineOf,
  originalUrl,
} from "./article-context.ts";
import { describeInterval } from "./describe-interval.ts";
import { displayText } from "./display-text.ts";
import { formatPublished, formatTime, type TimeText, timeText } from "./format-time.ts";
import type { CommitLinks, Link, OriginalUrl, PageBase } from "./page-types.ts";

/** `/<outlet>/<slug>/v<N>/`: one version as archived. */
export interface VersionPage extends PageBase {
  outlet: Link;
  article: Link;
  number: number;
  /** Whether this is the newest version. */
  latest: boolean;
  time: TimeText;
  interval: string | null;
  headline: string;
  byline: string | null;
  published: string | null;
  original: OriginalUrl;
  commit: CommitLinks;
  paragraphs: string[];
  /**
   * Set on every version but the latest: where the newer versions are listed, and the compare
   * page set to this version and the latest (addresses that do not change as versions are added).
   */
  newer: { history: Link; compare: string } | null;
  /** The version before and after, "Earlier: version 1" and "Later: version 3". */
  earlier: Link | null;
  later: Link | null;
  diffFromPrevious: Link | null;
  diffToNext: Link | null;
}

/** The page of version `index` (0-based) of the article in `latestContext`, as of that version. */
export function versionPage(latestContext: ArticleContext, index: number): VersionPage {
  const context = contextAsOf(latestContext, index);
  const { history } = context;
  const { outlet, slug, versions } = history;
  const version = versions[index];
  if (version === undefined) {
    throw new RangeError(`${history.file} has no version ${index + 1}`);
  }
  const previous = versions[index - 1];
  const next = versions[index + 1];
  const headline = headlineOf(version);
  const ref = { kind: "version", outlet, slug, number: version.number } as const;
  return {
    ...articlePageHead(
      context,
      ref,
      `${headline} — version ${version.number}`,
      `Version ${version.number} of this article at ${context.outlet.text}, as fetched ${formatTime(version.time)} and archived by commit ${version.commit.slice(0, 7)}.`,
    ),
    scripts: [],
    outlet: context.outlet,
    article: context.article,
    number: version.number,
    latest: next === undefined,
    time: timeText(version.time),
    interval: previous === undefined ? null : describeInterval(previous.time, version.time),
    headline,
    byline: version.byline === null ? null : displayText(version.byline),
    published: version.published === null ? null : displayText(formatPublished(version.published)),
    original: originalUrl(version.url),
    commit: commitLinks(context, version),
    paragraphs: version.paragraphs.map(displayText),
    newer:
      next === undefined || context.compare === null
        ? null
        : {
            history: { href: context.article.href, text: "all versions" },
            compare: `${context.compare.href}?from=${version.number}`,
          },
    earlier:
      previous === undefined
        ? null
        : { href: context.versionHref(previous.number), text: `Version ${previous.number}` },
    later:
      next === undefined
        ? null
        : { href: context.versionHref(next.number), text: `Version ${next.number}` },
    diffFromPrevious:
      previous === undefined
        ? null
        : {
            href: context.diffHref(previous.number, version.number),
            text: `What changed in version ${version.number}`,
          },
    diffToNext:
      next === undefined
        ? null
        : {
            href: context.diffHref(version.number, next.number),
            text: `What changed in version ${next.number}`,
          },
  };
}
