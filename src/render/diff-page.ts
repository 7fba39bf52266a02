// The data of a diff page, `/<outlet>/<slug>/diff/<M>..<N>/`: what changed between two
// consecutive versions, with links to the neighbouring changes. Pure.

import { type ArticleContext, headlineChangeAt, headlineOf } from "./article-context.ts";
import { describeInterval } from "./describe-interval.ts";
import type { LabelText } from "./describe-label.ts";
import type { DiffBody } from "./diff-body.ts";
import { diffBodyHtml } from "./diff-html.ts";
import { type TimeText, timeText } from "./format-time.ts";
import type { Link, PageBase } from "./page-types.ts";

/** `/<outlet>/<slug>/diff/<M>..<N>/`: what changed between consecutive versions. */
export interface DiffPage extends PageBase {
  outlet: Link;
  article: Link;
  from: { number: number; href: string; time: TimeText };
  to: { number: number; href: string; time: TimeText };
  interval: string;
  headlineChanged: boolean;
  /** The earlier version whose headline the newer version returns to. */
  headlineRevertsTo: Link | null;
  /** What the newer version changed, in words. */
  labels: LabelText[];
  wordsAdded: number;
  wordsRemoved: number;
  paragraphs: DiffBody["paragraphs"];
  /** The headline, byline and body sections, as `diffBodyHtml` writes them (escaped). */
  changesHtml: string;
  previousDiff: Link | null;
  nextDiff: Link | null;
}

/**
 * The page of the change into version `index` (0-based, ≥ 1) of the article in `context`, whose
 * diff from the version before, ready to show, is `body`.
 */
export function diffPage(context: ArticleContext, index: number, body: DiffBody): DiffPage {
  const { history, urls } = context;
  const { outlet, slug, versions } = history;
  const previous = versions[index - 1];
  const version = versions[index];
  if (previous === undefined || version === undefined) {
    throw new RangeError(`${history.file} has no versions ${index} and ${index + 1}`);
  }
  const before = versions[index - 2];
  const next = versions[index + 1];
  const { revertsTo } = headlineChangeAt(context, index);
  const headlineRevertsTo =
    revertsTo === null
      ? null
      : { href: context.versionHref(revertsTo), text: `version ${revertsTo}` };
  return {
    outputPath: urls.file({
      kind: "diff",
      outlet,
      slug,
      from: previous.number,
      to: version.number,
    }),
    title: `Changes in version ${version.number}: ${headlineOf(version)} — ${context.outlet.text}`,
    feed: context.feed,
    outlet: context.outlet,
    article: context.article,
    from: {
      number: previous.number,
      href: context.versionHref(previous.number),
      time: timeText(previous.time),
    },
    to: {
      number: version.number,
      href: context.versionHref(version.number),
      time: timeText(version.time),
    },
    interval: describeInterval(previous.time, version.time),
    headlineChanged: body.headline.changed,
    headlineRevertsTo,
    labels: context.labels[index] ?? [],
    wordsAdded: body.wordsAdded,
    wordsRemoved: body.wordsRemoved,
    paragraphs: body.paragraphs,
    changesHtml: diffBodyHtml(body, {
      from: previous.number,
      to: version.number,
      headlineRevertsTo,
    }),
    previousDiff:
      before === undefined
        ? null
        : {
            href: context.diffHref(before.number, previous.number),
            text: `Version ${before.number} → ${previous.number}`,
          },
    nextDiff:
      next === undefined
        ? null
        : {
            href: context.diffHref(version.number, next.number),
            text: `Version ${version.number} → ${next.number}`,
          },
  };
}
