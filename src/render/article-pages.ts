// Turns one article's history and its version diffs into the data of its pages (history, one
// per version, one per consecutive diff, first versus latest, compare), its API file, and the
// records that listings and feeds use. Pure: same history, same data.

import { changeLabels } from "../diff/change-labels.ts";
import { articleApi } from "./article-api.ts";
import {
  type ArticlePagesInput,
  articleContext,
  headlineChangeAt,
  headlineOf,
} from "./article-context.ts";
import { type ComparePage, comparePage } from "./compare-page.ts";
import { describeLabel } from "./describe-label.ts";
import { diffBody } from "./diff-body.ts";
import { feedDiffHtml } from "./diff-html.ts";
import { type DiffPage, diffPage } from "./diff-page.ts";
import { type HistoryPage, historyPage } from "./history-page.ts";
import type { ArticleSummary, ChangeRecord, GoneRecord } from "./page-types.ts";
import { type VersionPage, versionPage } from "./version-page.ts";

export type { ArticlePagesInput } from "./article-context.ts";

/** An article's pages and the records about it. */
export interface ArticlePages {
  history: HistoryPage;
  versions: VersionPage[];
  /** One per consecutive pair, then first versus latest when there are three or more versions. */
  diffs: DiffPage[];
  /** `null` for an article with a single version. */
  compare: ComparePage | null;
  /** The article's API file. */
  api: { file: string; json: string };
  /** One per version, oldest first. */
  changes: ChangeRecord[];
  /** Set while the source answers 404/410. */
  gone: GoneRecord | null;
  summary: ArticleSummary;
}

/**
 * The data of every page of one article. `history.versions` must not be empty, and its gone mark
 * and `revertsTo` numbers are trusted as `usableHistories` left them.
 */
export function articlePages(input: ArticlePagesInput): ArticlePages {
  const context = articleContext(input);
  const { history, diffs, urls } = context;
  const { outlet, slug, versions, gone } = history;
  const first = versions[0];
  const last = versions.at(-1);
  if (first === undefined || last === undefined) {
    throw new RangeError(`${history.file} has no versions`);
  }

  const diffPages: DiffPage[] = [];
  const changes: ChangeRecord[] = [];
  versions.forEach((version, i) => {
    const previous = versions[i - 1];
    const diffIn = diffs[i - 1];
    const body =
      previous === undefined || diffIn === undefined ? null : diffBody(previous, version, diffIn);
    if (body !== null) diffPages.push(diffPage(context, i - 1, i, body, context.labels[i] ?? []));
    const { changed, revertsTo } = headlineChangeAt(context, i);
    const ref =
      previous === undefined
        ? ({ kind: "version", outlet, slug, number: version.number } as const)
        : ({ kind: "diff", outlet, slug, from: previous.number, to: version.number } as const);
    changes.push({
      outlet,
      outletName: context.outlet.text,
      slug,
      number: version.number,
      time: version.time,
      headline: headlineOf(version),
      previousHeadline: previous === undefined ? null : headlineOf(previous),
      headlineChanged: changed,
      revertsTo,
      wordsAdded: diffIn?.wordsAdded ?? 0,
      wordsRemoved: diffIn?.wordsRemoved ?? 0,
      labels: context.labels[i] ?? [],
      diffHtml: body === null ? null : feedDiffHtml(body, urls.absolute(ref)),
      href: urls.href(ref),
      url: urls.absolute(ref),
      articleHref: context.article.href,
      articleUrl: context.articleUrl,
      firstToLatestHref: context.firstToLatestLink?.href ?? null,
    });
  });
  if (versions.length > 2 && input.firstToLatest !== null) {
    const body = diffBody(first, last, input.firstToLatest);
    const labels = changeLabels(input.firstToLatest).map(describeLabel);
    diffPages.push(diffPage(context, 0, versions.length - 1, body, labels));
  }

  return {
    history: historyPage(context),
    versions: versions.map((_, i) => versionPage(context, i)),
    diffs: diffPages,
    compare: comparePage(context),
    api: articleApi(context),
    changes,
    gone:
      gone === null
        ? null
        : {
            outlet,
            outletName: context.outlet.text,
            slug,
            time: gone.since,
            status: gone.status,
            headline: context.headline,
            id: `${context.articleUrl}#gone-${new Date(gone.since).toISOString()}`,
            articleHref: context.article.href,
            articleUrl: context.articleUrl,
          },
    summary: {
      outlet,
      slug,
      headline: context.headline,
      href: context.article.href,
      versionCount: versions.length,
      firstSeen: first.time,
      lastChanged: last.time,
      gone,
    },
  };
}
