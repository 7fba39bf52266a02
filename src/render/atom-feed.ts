// Writes an Atom feed of article changes with npm `feed`: one entry per new version, newest
// first, dated by fetch time so the same history always gives the same bytes.

import { Feed } from "feed";
import type { ChangeRecord } from "./article-pages.ts";
import { formatTime } from "./format-time.ts";
import { byNewest } from "./listing-pages.ts";

/** Feeds keep the newest entries only, so they stay small however long the history. */
export const FEED_ENTRIES = 100;

/** What one feed is about. */
export interface AtomFeedSpec {
  /** Absolute URL of the feed itself; also its id. */
  url: string;
  /** Absolute URL of the page the feed follows. */
  pageUrl: string;
  title: string;
  author: string;
  /** Any order; the feed sorts and caps them. */
  entries: readonly ChangeRecord[];
  /** Name each entry's outlet (for feeds that span outlets). */
  withOutlet: boolean;
  /** `updated` of a feed without entries: a time from the history, never the clock. */
  emptyUpdated: string;
}

/** The feed's XML. */
export function atomFeed(spec: AtomFeedSpec): string {
  const entries = [...spec.entries].sort(byNewest).slice(0, FEED_ENTRIES);
  const feed = new Feed({
    id: spec.url,
    title: spec.title,
    link: spec.pageUrl,
    feed: spec.url,
    updated: new Date(entries[0]?.time ?? spec.emptyUpdated),
    author: { name: spec.author },
    generator: false,
  });
  for (const entry of entries) {
    feed.addItem({
      // The library marks titles and content as type="html": page text must arrive escaped.
      title: escapeHtml(entryTitle(entry, spec.withOutlet)),
      id: entry.url,
      link: entry.url,
      date: new Date(entry.time),
      content: entryContent(entry),
    });
  }
  return feed.atom1();
}

function entryTitle(entry: ChangeRecord, withOutlet: boolean): string {
  const what =
    entry.number === 1
      ? "New article"
      : entry.headlineChanged
        ? "Headline changed"
        : `Version ${entry.number}`;
  return `${withOutlet ? `${entry.outletName} · ` : ""}${what}: ${entry.headline}`;
}

function entryContent(entry: ChangeRecord): string {
  const article = `<a href="${escapeHtml(entry.articleUrl)}">${escapeHtml(entry.headline)}</a>`;
  const when = escapeHtml(formatTime(entry.time));
  const parts = [
    entry.number === 1
      ? `<p>First seen at ${escapeHtml(entry.outletName)} on ${when}: ${article}</p>`
      : `<p>Version ${entry.number} of ${article} at ${escapeHtml(entry.outletName)}, fetched ${when}: ${words(entry.wordsAdded, "added")}, ${words(entry.wordsRemoved, "removed")}.</p>`,
  ];
  if (entry.headlineChanged && entry.previousHeadline !== null) {
    parts.push(`<p>The headline was: ${escapeHtml(entry.previousHeadline)}</p>`);
  }
  return parts.join("\n");
}

function words(n: number, what: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? "word" : "words"} ${what}`;
}

function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
