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

/** The commit that recorded a version, and links to it and to the archived file on the forge. */
export interface CommitLinks {
  commit: string;
  /** The first seven characters, as forges show them. */
  short: string;
  /** The archive file, relative to the repository. */
  file: string;
  /** `<repository>/commit/<commit>`; `null` when the repository is not known. */
  commitHref: string | null;
  /** `<repository>/blob/<commit>/<file>`; `null` when the repository is not known. */
  fileHref: string | null;
}

/** What a shared link previews as (Open Graph and Twitter cards): plain one-line texts. */
export interface Share {
  title: string;
  description: string;
  /** Absolute URL of the page. */
  url: string;
}

/** Fields every page has. */
export interface PageBase {
  /** Output file relative to the site root. */
  outputPath: string;
  /** The page's own part of `<title>`: plain text, one line. */
  title: string;
  /** The Atom feed the page advertises (its text is plain, for the link's title attribute). */
  feed: Link;
  /** Preview metadata for pages worth sharing; `null` for the others. */
  share: Share | null;
  /** Scripts the page loads (deferred), each a link into the site's assets. */
  scripts: string[];
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
  /** The article's first-versus-latest diff page, when it has three or more versions. */
  firstToLatestHref: string | null;
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
