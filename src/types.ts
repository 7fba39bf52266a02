// The shapes that flow through stet's pipeline, in one place: config → fetch → extract → archive
// → history → diff → render.

/**
 * Where time comes from: the real clock in production, a fixed or manual one in tests, so that
 * nothing depends on the day a test runs or waits for real.
 */
export interface Clock {
  /** Milliseconds since the epoch, as `Date.now()`. */
  now(): number;
  /** Resolves after `ms` milliseconds of this clock's time. */
  sleep(ms: number): Promise<void>;
  /** A signal that aborts with a `TimeoutError` once `ms` milliseconds of this clock have passed. */
  timeout(ms: number): AbortSignal;
}

/** An article's text as stet stores and compares it: one string per paragraph, no markup. */
export interface Article {
  title: string | null;
  byline: string | null;
  /** Publication date as the page states it, ISO 8601 when it could be parsed. */
  published: string | null;
  paragraphs: string[];
}

/** Which layer of the extractor produced a field. */
export type ExtractionMethod = "selectors" | "json-ld" | "meta" | "readability" | "html" | "none";

/** An article extracted from one HTML page, with the method that produced each field. */
export interface ExtractedArticle extends Article {
  methods: {
    title: ExtractionMethod;
    byline: ExtractionMethod;
    published: ExtractionMethod;
    paragraphs: ExtractionMethod;
  };
  /** What the page says besides its article, read from the same parse. */
  page: PageSignals;
}

/** What a page says about itself besides its article: what the fetch needs to judge it. */
export interface PageSignals {
  /** The `<link rel=canonical>` address as the page writes it (maybe relative), or null. */
  canonical: string | null;
  /**
   * The text of the article's place, one line per block: the body's container (its <main>, or
   * the parent of its <article>) without page chrome, comment threads, account menus and cookie
   * banners. A paywall or login prompt that stands in for the article is found here.
   */
  placeLines: string[];
  /** The text of the whole page, one line per block. */
  pageLines: string[];
  /** A captcha or bot-challenge widget sits in the article's place. */
  challenge: boolean;
  /** schema.org markup says the article is not free to read. */
  notFree: boolean;
  /**
   * The section schema.org markup says is paywalled (`hasPart`): "empty" when the page has it
   * but with next to no text, "absent" when nothing on the page matches it, null when the page
   * names none (or it is there with its text).
   */
  paywalledSection: "empty" | "absent" | null;
}

/**
 * Why a page was held instead of archived: a stable code to count by (a page held for the same
 * code many checks in a row must be reported) and words for the log and the status page.
 */
export interface HeldReason {
  code: HeldCode;
  text: string;
}

/** The kinds of held page. */
export type HeldCode =
  /** A captcha or bot check instead of the article. */
  | "captcha"
  /** A paywall teaser: the article is cut short for non-subscribers. */
  | "paywall"
  | "login-wall"
  | "consent-wall"
  /** The page has no article text at all. */
  | "no-text"
  /** The body has more paragraphs than stet archives for one article (held whole, never cut). */
  | "too-long"
  /** The body lost most of its words at once: committed when the next check shows it again. */
  | "shrank"
  /** Only figures or times changed, in short paragraphs: committed when the next check agrees. */
  | "figures-only"
  /** The request ended on a login, subscribe or home page, or on another site. */
  | "redirected-away";

/** Per-outlet CSS selectors that override generic extraction. */
export interface Selectors {
  title?: string;
  byline?: string;
  published?: string;
  body?: string;
  remove?: string[];
}

/** A regular expression from the config, matched in linear time (RE2 syntax; RegExp fits too). */
export interface TextPattern {
  readonly source: string;
  /** Whether the pattern matches anywhere in `text`. */
  test(text: string): boolean;
}

/** One watched news outlet, as configured. */
export interface Outlet {
  id: string;
  name: string;
  feeds: string[];
  sitemaps: string[];
  urls: string[];
  articleUrl?: TextPattern;
  selectors?: Selectors;
  /** Overrides the fetch schedule for this outlet. */
  schedule?: ScheduleTier[];
  /** Paragraphs matching any of these are page furniture: dropped before comparing. */
  ignore: TextPattern[];
  /**
   * Lets this outlet's feeds and pages be fetched from loopback, link-local and private addresses
   * (a test or demo outlet on 127.0.0.1); off, such addresses are refused, also after a redirect.
   */
  allowPrivateAddresses?: boolean;
}

/** While an article's last change is younger than `untilMs`, it is checked every `everyMs`. */
export interface ScheduleTier {
  untilMs: number;
  everyMs: number;
}

/** The validated contents of stet.config.yaml. */
export interface StetConfig {
  /** `repository`: the archive's repository on its forge, e.g. https://github.com/owner/repo. */
  site: { title: string; baseUrl: string; repository?: string };
  fetch: {
    userAgent: string;
    concurrency: number;
    perHostDelayMs: number;
    timeoutMs: number;
    maxBytes: number;
    /** Retries with exponential backoff on 5xx and network errors. */
    retries: number;
    retryDelayMs: number;
    /** Default schedule tiers; after the last tier an article is no longer checked. */
    schedule: ScheduleTier[];
    /** Whether typographic-only edits (curly vs straight quotes) count as a new version. */
    typography: boolean;
  };
  git: { authorName: string; authorEmail: string };
  outlets: Outlet[];
}

/** One archived version of an article, read back from git history. */
export interface Version extends Article {
  /** 1-based position among the article's versions, oldest first. */
  number: number;
  commit: string;
  /** Fetch time: the commit's author date, ISO 8601 UTC. */
  time: string;
  url: string;
  /**
   * Set when this version's headline returns to the headline of an earlier, non-adjacent version
   * (an A/B headline test flipping back): that version's number.
   */
  revertsTo?: number;
}

/** The source stopped serving the article (HTTP 404 or 410); archived text stays. */
export interface GoneMark {
  /** Fetch time of the check that found it gone, ISO 8601 UTC. */
  since: string;
  status: number;
}

/** Every recorded version of one article, oldest first. */
export interface ArticleHistory {
  outlet: string;
  /** Path of the archive file relative to the repository, e.g. `archive/harbor/news/vote.md`. */
  file: string;
  /** The article's site path below its outlet, e.g. `news/vote` (archive path without `.md`). */
  slug: string;
  url: string;
  versions: Version[];
  /** Set while the source answers 404/410 for the article (as of the newest commit). */
  gone: GoneMark | null;
}

/** A word-level piece of an edited paragraph or headline. */
export interface WordChange {
  kind: "same" | "added" | "removed";
  text: string;
}

/**
 * How one paragraph fared between two versions. A moved paragraph appears twice: `moved-from`
 * where it was (its old text) and `moved-to` where it is now (with its own word changes); the
 * two share `move`, numbered 1, 2, … in reading order of where the paragraphs now are.
 */
export type ParagraphChange =
  | { kind: "same"; text: string }
  | { kind: "added"; text: string }
  | { kind: "removed"; text: string }
  | { kind: "edited"; before: string; after: string; words: WordChange[] }
  | { kind: "moved-from"; text: string; move: number }
  | { kind: "moved-to"; before: string; after: string; words: WordChange[]; move: number };

/**
 * What a new version changed, as a reader would say it: computed once, at build time, from the
 * diff of two consecutive versions (see src/diff/change-labels.ts).
 */
export type ChangeLabel =
  | { kind: "headline" }
  | { kind: "byline" }
  /** The headline is again that of an earlier, non-adjacent version (an A/B test flipping back). */
  | { kind: "reverted"; to: number }
  | { kind: "note"; note: "correction" | "update" | "editor’s note" }
  /** Numbers that changed inside a sentence, in reading order: "$1.2" → "$2.1". */
  | { kind: "figures"; changes: { before: string; after: string }[] }
  /** Words inside quotation marks changed. */
  | { kind: "quote" }
  | { kind: "edited" | "added" | "removed" | "moved"; count: number }
  /** Nothing but punctuation or spacing changed. */
  | { kind: "punctuation" };

/** Everything that changed between two versions of an article. */
export interface VersionDiff {
  title: WordChange[];
  byline: WordChange[];
  paragraphs: ParagraphChange[];
  wordsAdded: number;
  wordsRemoved: number;
}

/** What one outlet's part of a fetch run came to; printed as the summary, kept as its status. */
export interface OutletReport {
  outlet: string;
  checked: number;
  newArticles: number;
  newVersions: number;
  unchanged: number;
  /** Pages held as suspect: `code` is stable, to count a page held for the same reason. */
  held: { url: string; code: HeldCode; reason: string }[];
  gone: string[];
  back: string[];
  failed: { url: string; reason: string }[];
  /** Disallowed by robots.txt: never requested. */
  skipped: string[];
  /** Known articles not due yet. */
  notDue: number;
  /** Known articles past the last schedule tier: no longer checked. */
  retired: number;
  /** Archived articles still on the check schedule. */
  watched: number;
  /** Due, but not reached in the time budget: the backlog, checked first next run. */
  notReached: number;
  /** Feeds and sitemaps that answered: with none, nothing new can be found. */
  sourcesRead: number;
  /** Commits that failed: their versions were not recorded. */
  commitsFailed: number;
}

/**
 * What recent fetch runs found, per outlet: written by `stet fetch` to `.stet/status.json` next to
 * its state, read by `stet build` for the public status page. Not part of the record: losing it
 * only empties the status page until the next run.
 */
export interface FetchStatus {
  /** Fetch time of the run that wrote it, ISO 8601 UTC. */
  updated: string;
  outlets: OutletStatus[];
}

/** One outlet's health as of the latest fetch run that tried it. */
export interface OutletStatus {
  id: string;
  /** Fetch time of the latest run that tried this outlet. */
  lastRun: string;
  /** Fetch time of the latest run in which at least one feed or article answered; null if none. */
  lastSuccess: string | null;
  /** Runs in a row in which nothing of this outlet could be checked (0 when the last one worked). */
  failingRuns: number;
  /** Articles still on the check schedule. */
  watched: number;
  /** What the latest run did. */
  checked: number;
  newArticles: number;
  newVersions: number;
  /** Due but not reached in the time budget: a backlog that persists means the job should be split. */
  notReached: number;
  /** Pages held as suspect, with how many checks in a row gave the same reason. */
  held: { url: string; reason: string; since: string; checks: number }[];
  /** Feeds and articles that failed in the latest run, with why. */
  failed: { url: string; reason: string }[];
}

/** A version the build had to skip because its archive file could not be read, and why. */
export interface HistoryProblem {
  file: string;
  commit: string;
  message: string;
}

/** One article file of the archive, as a build sees it before reading any text. */
export interface ArticleRef {
  /** Path of the archive file, e.g. `archive/harbor/news/vote.md`. */
  file: string;
  /** From the file's path, as in ArticleHistory. */
  outlet: string;
  slug: string;
  /** Changes whenever the file's history does (new version, takedown, rewrite): a digest of it. */
  key: string;
}

/** One article read from the archive: its history (null when no version could be read). */
export interface ArticleRead {
  history: ArticleHistory | null;
  problems: HistoryProblem[];
}

/**
 * Where a build gets its articles: every current article file with its key, read lazily, so a
 * build reads the text of only the articles it renders.
 */
export interface HistorySource {
  /** Every article file that is not taken down. */
  articles: readonly ArticleRef[];
  /** Reads the given files (a subset of `articles`), in any order. */
  read(files: readonly string[]): Promise<Map<string, ArticleRead>>;
}
