// Writes an Atom feed of article changes with npm `feed`: one entry per new version and one per
// article gone at the source, newest first, dated by fetch time so the same history always gives
// the same bytes.

import { Feed } from "feed";
import { compareStrings } from "./compare-strings.ts";
import { escapeHtml } from "./escape-html.ts";
import { formatTime } from "./format-time.ts";
import { byNewest } from "./listing-pages.ts";
import type { ChangeRecord, GoneRecord } from "./page-types.ts";
import { plainText } from "./plain-text.ts";

/** Feeds keep the newest entries only, so they stay small however long the history. */
export const FEED_ENTRIES = 100;

/** Categories that tell a feed reader a new article from a change to one it knows. */
const NEW_ARTICLE = { name: "New article", term: "new-article" };
const CHANGE = { name: "Change", term: "change" };

/** What one feed is about. */
export interface AtomFeedSpec {
  /** Absolute URL of the feed itself; also its id. */
  url: string;
  /** Absolute URL of the page the feed follows. */
  pageUrl: string;
  title: string;
  author: string;
  /** Any order; the feed sorts and caps them together with `gone`. */
  entries: readonly ChangeRecord[];
  /** Articles the source stopped serving: one entry each, dated when that was found. */
  gone: readonly GoneRecord[];
  /** Name each entry's outlet (for feeds that span outlets). */
  withOutlet: boolean;
  /** `updated` of a feed without entries: a time from the history, never the clock. */
  emptyUpdated: string;
}

/** The feed's XML. */
export function atomFeed(spec: AtomFeedSpec): string {
  const entries: FeedEntry[] = [
    ...spec.entries.map((record) => ({ kind: "version" as const, record })),
    ...spec.gone.map((record) => ({ kind: "gone" as const, record })),
  ]
    .sort(byNewestEntry)
    .slice(0, FEED_ENTRIES);
  const feed = new Feed({
    id: spec.url,
    title: spec.title,
    link: spec.pageUrl,
    feed: spec.url,
    updated: new Date(entries[0]?.record.time ?? spec.emptyUpdated),
    author: { name: spec.author },
    generator: false,
  });
  for (const { kind, record } of entries) {
    if (kind === "gone") {
      feed.addItem({
        title: escapeHtml(goneTitle(record, spec.withOutlet)),
        id: record.id,
        link: record.articleUrl,
        date: new Date(record.time),
        content: goneContent(record),
      });
      continue;
    }
    const entry = record;
    feed.addItem({
      // The library marks titles and content as type="html": page text must arrive escaped.
      title: escapeHtml(entryTitle(entry, spec.withOutlet)),
      id: entry.url,
      link: entry.url,
      date: new Date(entry.time),
      content: entryContent(entry),
      category: [entry.number === 1 ? NEW_ARTICLE : CHANGE],
    });
  }
  return feed.atom1();
}

type FeedEntry = { kind: "version"; record: ChangeRecord } | { kind: "gone"; record: GoneRecord };

/**
 * Newest first; at the same time, an article's disappearance before its versions (it happened
 * after them), and ties between articles in a fixed order so input order never shows.
 */
function byNewestEntry(a: FeedEntry, b: FeedEntry): number {
  if (a.kind === "version" && b.kind === "version") return byNewest(a.record, b.record);
  return (
    Date.parse(b.record.time) - Date.parse(a.record.time) ||
    compareStrings(a.record.outlet, b.record.outlet) ||
    compareStrings(a.record.slug, b.record.slug) ||
    (a.kind === b.kind ? 0 : a.kind === "gone" ? -1 : 1)
  );
}

function entryTitle(entry: ChangeRecord, withOutlet: boolean): string {
  const what =
    entry.number === 1
      ? "New article"
      : entry.labels.length > 0
        ? entry.labels.map((label) => label.text).join(", ")
        : `Version ${entry.number}`;
  return plainText(`${withOutlet ? `${entry.outletName} · ` : ""}${what}: ${entry.headline}`);
}

function entryContent(entry: ChangeRecord): string {
  const article = `<a href="${escapeHtml(entry.articleUrl)}">${escapeHtml(entry.headline)}</a>`;
  const when = escapeHtml(formatTime(entry.time));
  if (entry.number === 1 || entry.diffHtml === null) {
    return `<p>New article: first seen at ${escapeHtml(entry.outletName)} on ${when}: ${article}</p>`;
  }
  return [
    `<p>Version ${entry.number} of ${article} at ${escapeHtml(entry.outletName)}, fetched ${when}: ${words(entry.wordsAdded, "added")}, ${words(entry.wordsRemoved, "removed")}.</p>`,
    entry.diffHtml,
  ].join("\n");
}

function goneTitle(gone: GoneRecord, withOutlet: boolean): string {
  return plainText(
    `${withOutlet ? `${gone.outletName} · ` : ""}Gone at the source: ${gone.headline}`,
  );
}

function goneContent(gone: GoneRecord): string {
  const article = `<a href="${escapeHtml(gone.articleUrl)}">${escapeHtml(gone.headline)}</a>`;
  return `<p>${article} at ${escapeHtml(gone.outletName)} is gone at the source since ${escapeHtml(formatTime(gone.time))} (HTTP ${gone.status}); the archived versions remain.</p>`;
}

function words(n: number, what: string): string {
  return `${n.toLocaleString("en-US")} ${n === 1 ? "word" : "words"} ${what}`;
}
