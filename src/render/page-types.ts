// Shapes of page data that several render modules share: links, the fields every page has, and
// the records of changes, disappearances and articles that listings and feeds are built from.

import type { GoneMark } from "../types.ts";
import type { LabelText } from "./describe-label.ts";
import type { TimeText } from "./format-time.ts";

/** A link with its text. */
export interface Link {
  href: string;
  text: string;
}

/** A URL from a page: shown as text, and linked only when it is http(s). */
export interface OriginalUrl {
  text: string;
  href: string | null;
}

/** The source no longer serves the article: since when, and its HTTP status (404, 410). */
export interface GoneText {
  since: TimeText;
  status: number;
}

/** Fields every page has. */
export interface PageBase {
  /** Output file relative to the site root. */
  outputPath: string;
  /** The page's own part of `<title>`. */
  title: string;
  /** The Atom feed the page advertises. */
  feed: Link;
}

/** One new version of an article, as listings and feeds report it. */
export interface ChangeRecord {
  outlet: string;
  outletName: string;
  slug: string;
  number: number;
  time: string;
  headline: string;
  /** The previous version's headline; `null` for the first version. */
  previousHeadline: string | null;
  headlineChanged: boolean;
  /** The number of the earlier, non-adjacent version whose headline this one returns to. */
  revertsTo: number | null;
  wordsAdded: number;
  wordsRemoved: number;
  /** What the version changed, in words; none for the first version. */
  labels: LabelText[];
  /** The change itself, for feeds (`feedDiffHtml`, escaped); `null` for the first version. */
  diffHtml: string | null;
  /** Link to the diff page (the version page for the first version). */
  href: string;
  /** Absolute URL of the same page, for feeds. */
  url: string;
  articleHref: string;
  /** Absolute URL of the article's history page, for feeds. */
  articleUrl: string;
}

/** An article the source stopped serving, as feeds report it. */
export interface GoneRecord {
  outlet: string;
  outletName: string;
  slug: string;
  /** When the source was found to answer 404/410 (`GoneMark.since`). */
  time: string;
  status: number;
  /** The newest version's headline. */
  headline: string;
  /** Stable entry id: the history page's URL with `#gone-<time>`, one per disappearance. */
  id: string;
  articleHref: string;
  /** Absolute URL of the article's history page, for feeds. */
  articleUrl: string;
}

/** An article as its outlet's listing shows it. */
export interface ArticleSummary {
  outlet: string;
  slug: string;
  headline: string;
  href: string;
  versionCount: number;
  firstSeen: string;
  lastChanged: string;
  gone: GoneMark | null;
}
