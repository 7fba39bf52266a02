// Decides what one check of an article means for the record, from what the archive holds, what
// the check saw and what the state remembers: a new article or version, the same text, a suspect
// page held back, a cut confirmed, gone or back at the source. Pure: the fetch applies the
// decision (commits, state) elsewhere, and each outcome has its own unit test.

import { siteOf } from "../archive/canonical-url.ts";
import type { Article, GoneMark } from "../types.ts";
import { type ArticleState, textHash } from "./fetch-state.ts";
import { judgePage } from "./judge-page.ts";
import type { Observation } from "./observe-page.ts";

// Where a site sends readers it will not show the article to.
const AWAY_PATH =
  /^\/?$|\/(login|log-in|signin|sign-in|subscribe|subscription|register|consent|paywall|account|auth)(\/|$|\?|\.)/i;

/** What the archive holds for an article, as of HEAD. */
export interface ArchivedText {
  article: Article;
  gone: GoneMark | null;
}

export interface DecideInput {
  /** The URL that was checked (the state's key). */
  url: string;
  /** What the archive holds at the checked URL. */
  known: ArchivedText | null;
  /** What the archive holds at the page's canonical URL (the same as `known` unless they differ). */
  previous: ArchivedText | null;
  observation: Observation;
  /** What the state remembers about the checked URL. */
  remembered: ArticleState;
  /** Fetch time, ISO 8601. */
  now: string;
  /** Whether curly-vs-straight quote edits count as a change. */
  typography: boolean;
}

/** What a check means for the record. */
export type Outcome =
  /** robots.txt forbids it: not a check at all. */
  | { kind: "disallowed" }
  | { kind: "failed"; reason: string }
  /**
   * A 304, but the archive does not hold the text its validators were seen with (a lost push, a
   * state from another history): fetch again without validators.
   */
  | { kind: "refetch" }
  | { kind: "unchanged" }
  /** The same text, served again after the source had dropped it: an event to commit. */
  | { kind: "back" }
  /** 404/410 on an archived article; `mark` is set the first time (an event to commit). */
  | { kind: "gone"; status: number; mark: GoneMark | null }
  /** A suspect page: never a version. */
  | { kind: "held"; reason: string }
  | { kind: "new-article"; article: Article }
  | { kind: "new-version"; article: Article; confirmedCut: boolean; back: boolean };

export interface Decision {
  outcome: Outcome;
  /** What the state remembers about the checked URL afterwards; `null` to leave it as it is. */
  state: ArticleState | null;
}

export function decide(input: DecideInput): Decision {
  const { url, known, previous, observation, remembered, now } = input;
  // A completed check: a held cut and a held streak survive only when `extra` sets them again.
  const checked = (extra: ArticleState = {}): ArticleState => {
    const { held: _held, heldStreak: _streak, ...rest } = remembered;
    return { ...rest, ...extra, lastCheck: now, failures: 0 };
  };
  const hold = (reason: string, extra: ArticleState = {}): Decision => {
    const streak = remembered.heldStreak;
    const heldStreak =
      streak?.reason === reason
        ? { ...streak, checks: streak.checks + 1 }
        : { reason, since: now, checks: 1 };
    return { outcome: { kind: "held", reason }, state: checked({ ...extra, heldStreak }) };
  };
  switch (observation.kind) {
    case "disallowed":
      return { outcome: { kind: "disallowed" }, state: null };
    case "failed":
      return {
        outcome: { kind: "failed", reason: observation.reason },
        state: { ...remembered, failures: (remembered.failures ?? 0) + 1 },
      };
    case "not-modified": {
      if (known === null || remembered.textHash !== textHash(known.article)) {
        return { outcome: { kind: "refetch" }, state: null };
      }
      const { etag, lastModified, textHash: hash } = remembered;
      return {
        outcome: { kind: "unchanged" },
        state: checked({ etag, lastModified, textHash: hash }),
      };
    }
    case "gone": {
      if (known === null) {
        return {
          outcome: { kind: "failed", reason: `HTTP ${observation.status} (never archived)` },
          state: null,
        };
      }
      const mark = known.gone === null ? { since: now, status: observation.status } : null;
      return { outcome: { kind: "gone", status: observation.status, mark }, state: checked() };
    }
    case "page":
      break;
  }
  const { article, finalUrl } = observation;
  if (isRedirectAway(url, finalUrl, known !== null)) {
    return hold(`redirected away from the article to ${finalUrl}`);
  }
  if (observation.teaser !== null) return hold(observation.teaser);
  const validators = (archived: Article): ArticleState => ({
    ...(observation.etag === null ? {} : { etag: observation.etag }),
    ...(observation.lastModified === null ? {} : { lastModified: observation.lastModified }),
    textHash: textHash(archived),
  });
  const verdict = judgePage(previous?.article ?? null, article, { typography: input.typography });
  switch (verdict.kind) {
    case "unchanged": {
      const archived = (previous as ArchivedText).article;
      const state = checked(validators(archived));
      return { outcome: previous?.gone ? { kind: "back" } : { kind: "unchanged" }, state };
    }
    case "new-article":
      return { outcome: { kind: "new-article", article }, state: checked(validators(article)) };
    case "new-version":
      return {
        outcome: {
          kind: "new-version",
          article,
          confirmedCut: false,
          back: previous?.gone != null,
        },
        state: checked(validators(article)),
      };
    case "suspect": {
      if (!verdict.confirmable) return hold(verdict.reason);
      const hash = textHash(article);
      if (remembered.held?.hash === hash) {
        return {
          outcome: {
            kind: "new-version",
            article,
            confirmedCut: true,
            back: previous?.gone != null,
          },
          state: checked(validators(article)),
        };
      }
      return hold(`${verdict.reason}; held until the next check confirms it`, {
        held: { hash, since: now, reason: verdict.reason },
      });
    }
  }
}

/**
 * A redirect to a login, subscribe or consent page or the home page, or (for an article already
 * archived) to another site. A new article may arrive through another site's redirector.
 */
export function isRedirectAway(requested: string, final: string, archived: boolean): boolean {
  if (requested === final) return false;
  if (archived && siteOf(requested) !== siteOf(final)) return true;
  return AWAY_PATH.test(new URL(final).pathname) && !AWAY_PATH.test(new URL(requested).pathname);
}
