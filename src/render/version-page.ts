// The data of one version's page, `/<outlet>/<slug>/v<N>/`: the version as archived, with links
// to its neighbours and to what changed. Pure.

import { type ArticleContext, headlineOf, originalUrl } from "./article-context.ts";
import { describeInterval } from "./describe-interval.ts";
import { displayText } from "./display-text.ts";
import { formatPublished, type TimeText, timeText } from "./format-time.ts";
import type { Link, OriginalUrl, PageBase } from "./page-types.ts";

/** `/<outlet>/<slug>/v<N>/`: one version as archived. */
export interface VersionPage extends PageBase {
  outlet: Link;
  article: Link;
  number: number;
  count: number;
  time: TimeText;
  interval: string | null;
  headline: string;
  byline: string | null;
  published: string | null;
  original: OriginalUrl;
  paragraphs: string[];
  previous: Link | null;
  next: Link | null;
  diffFromPrevious: Link | null;
  diffToNext: Link | null;
}

/** The page of version `index` (0-based) of the article in `context`. */
export function versionPage(context: ArticleContext, index: number): VersionPage {
  const { history, urls } = context;
  const { outlet, slug, versions } = history;
  const version = versions[index];
  if (version === undefined) throw new RangeError(`${history.file} has no version ${index + 1}`);
  const previous = versions[index - 1];
  const next = versions[index + 1];
  const headline = headlineOf(version);
  return {
    outputPath: urls.file({ kind: "version", outlet, slug, number: version.number }),
    title: `Version ${version.number}: ${headline} — ${context.outlet.text}`,
    feed: context.feed,
    outlet: context.outlet,
    article: context.article,
    number: version.number,
    count: versions.length,
    time: timeText(version.time),
    interval: previous === undefined ? null : describeInterval(previous.time, version.time),
    headline,
    byline: version.byline === null ? null : displayText(version.byline),
    published: version.published === null ? null : displayText(formatPublished(version.published)),
    original: originalUrl(version.url),
    paragraphs: version.paragraphs.map(displayText),
    previous:
      previous === undefined
        ? null
        : { href: context.versionHref(previous.number), text: `Version ${previous.number}` },
    next:
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
