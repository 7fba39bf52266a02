// Keeps the diff HTML of only the changes a site-wide feed can show. Each change record is built
// with its diff for feeds (up to a few kilobytes), but a feed shows just its newest FEED_ENTRIES
// changes: a build offers every change it renders here and keeps, per feed, the newest ones
// with their diff, so memory stays bounded by the feeds, not by the archive. Whatever a feed
// shows of the articles the build rendered is among what this keeps.

import { byNewest, keepNewest } from "./listing-pages.ts";
import type { ChangeRecord } from "./page-types.ts";
import { feedNamesOf } from "./site-feeds.ts";

/** The name of one change across builds: its article's site path and its version number. */
export function changeKey(change: { outlet: string; slug: string; number: number }): string {
  return `${change.outlet}/${change.slug}#${change.number}`;
}

export class FeedDiffs {
  readonly #limit: number;
  /** Per feed, the newest changes offered (with a diff), newest first, at most `limit`. */
  readonly #feeds = new Map<string, ChangeRecord[]>();

  constructor(limit: number) {
    this.#limit = limit;
  }

  /** Keeps `change`'s diff while it is among the newest of a feed it appears in. */
  offer(change: ChangeRecord): void {
    if (change.diffHtml === null) return;
    for (const name of feedNamesOf(change)) {
      let kept = this.#feeds.get(name);
      if (kept === undefined) {
        kept = [];
        this.#feeds.set(name, kept);
      }
      keepNewest(kept, change, this.#limit, byNewest);
    }
  }

  /** The diff HTML of every change kept, by `changeKey`. */
  kept(): Map<string, string> {
    const result = new Map<string, string>();
    for (const list of this.#feeds.values()) {
      for (const change of list) result.set(changeKey(change), change.diffHtml as string);
    }
    return result;
  }
}
