// The data of a diff page, `/<outlet>/<slug>/diff/<M>..<N>/`: what changed between two versions
// (consecutive ones, or the first and the latest at `diff/1..latest/`), the commits that recorded
// them, and links to the neighbouring changes. Pure. A consecutive diff depends on nothing after
// the change that follows it, so a new version rewrites only its own diff and the one before.

import {
  type ArticleContext,
  articlePageHead,
  commitLinks,
  contextAsOf,
  headlineChangeAt,
} from "./article-context.ts";
import { describeInterval } from "./describe-interval.ts";
import type { LabelText } from "./describe-label.ts";
import type { DiffBody } from "./diff-body.ts";
import { diffBodyHtml } from "./diff-html.ts";
import { type TimeText, timeText } from "./format-time.ts";
import type { CommitLinks, Link, OriginalUrl, PageBase } from "./page-types.ts";

/** One side of a comparison. */
export interface DiffSide {
  number: number;
  href: string;
  time: TimeText;
  commit: CommitLinks;
}

/** `/<outlet>/<slug>/diff/<M>..<N>/`: what changed between two versions. */
export interface DiffPage extends PageBase {
  outlet: Link;
  article: Link;
  /** The article's URL at the source. */
  original: OriginalUrl;
  from: DiffSide;
  to: DiffSide;
  /** Whether the versions are neighbours (M + 1 = N), rather than the first and the latest. */
  consecutive: boolean;
  interval: string;
  headlineChanged: boolean;
  /** The earlier version whose headline the newer version returns to. */
  headlineRevertsTo: Link | null;
  /** What the newer version changed, in words. */
  labels: LabelText[];
  wordsAdded: number;
  wordsRemoved: number;
  paragraphs: DiffBody["paragraphs"];
  /** The counts, labels, headline, byline and body, as `diffBodyHtml` writes them (escaped). */
  changesHtml: string;
  /** The change before and after this one, for consecutive versions. */
  earlier: Link | null;
  later: Link | null;
  /** The first-versus-latest page, from every other diff page of an article that has one. */
  firstToLatest: Link | null;
  compare: Link | null;
}

/**
 * The page of the change from version `fromIndex` to `toIndex` (0-based) of the article in
 * `latestContext` (a consecutive change as of its newer version): `body` is their diff ready to
 * show, `labels` what it changed in words.
 */
export function diffPage(
  latestContext: ArticleContext,
  fromIndex: number,
  toIndex: number,
  body: DiffBody,
  labels: LabelText[],
): DiffPage {
  const consecutive = toIndex === fromIndex + 1;
  const context = consecutive ? contextAsOf(latestContext, toIndex) : latestContext;
  const { history, urls } = context;
  const { outlet, slug, versions } = history;
  const previous = versions[fromIndex];
  const version = versions[toIndex];
  if (previous === undefined || version === undefined) {
    throw new RangeError(`${history.file} has no versions ${fromIndex + 1} and ${toIndex + 1}`);
  }
  const before = consecutive ? versions[fromIndex - 1] : undefined;
  const next = consecutive ? versions[toIndex + 1] : undefined;
  const revertsTo = consecutive ? headlineChangeAt(context, toIndex).revertsTo : null;
  const headlineRevertsTo =
    revertsTo === null
      ? null
      : { href: context.versionHref(revertsTo), text: `version ${revertsTo}` };
  const ref = consecutive
    ? ({ kind: "diff", outlet, slug, from: previous.number, to: version.number } as const)
    : ({ kind: "first-to-latest", outlet, slug } as const);
  const what = consecutive
    ? `what changed in version ${version.number}`
    : `version ${previous.number} → ${version.number}`;
  const said = labels.map((l) => l.text).join(", ");
  const side = (v: typeof version): DiffSide => ({
    number: v.number,
    href: context.versionHref(v.number),
    time: timeText(v.time),
    commit: commitLinks(context, v),
  });
  return {
    ...articlePageHead(
      context,
      ref,
      `${context.headline} — ${what}`,
      `Version ${previous.number} → ${version.number} of this article at ${context.outlet.text}, ${describeInterval(previous.time, version.time)}${said === "" ? "" : `: ${said}`}.`,
    ),
    scripts: [urls.href({ kind: "asset", name: "diff-view.js" })],
    outlet: context.outlet,
    article: context.article,
    original: context.original,
    from: side(previous),
    to: side(version),
    consecutive,
    interval: describeInterval(previous.time, version.time),
    headlineChanged: body.headline.changed,
    headlineRevertsTo,
    labels,
    wordsAdded: body.wordsAdded,
    wordsRemoved: body.wordsRemoved,
    paragraphs: body.paragraphs,
    changesHtml: diffBodyHtml(body, {
      from: previous.number,
      to: version.number,
      labels,
      headlineRevertsTo,
    }),
    earlier:
      before === undefined
        ? null
        : {
            href: context.diffHref(before.number, previous.number),
            text: `Earlier change: version ${before.number} → ${previous.number}`,
          },
    later:
      next === undefined
        ? null
        : {
            href: context.diffHref(version.number, next.number),
            text: `Later change: version ${version.number} → ${next.number}`,
          },
    firstToLatest: consecutive ? context.firstToLatestLink : null,
    compare: context.compare,
  };
}
