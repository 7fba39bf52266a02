// The build cache's files: what a build writes, the next one reads back as it was, and an
// article whose state did not change is written back byte for byte as it was read.

import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  type CachedState,
  readCacheState,
  serializeCacheState,
  writeCacheState,
} from "../../src/build-cache/build-cache.ts";
import type { CacheHead } from "../../src/build-cache/cache-verdict.ts";
import {
  type CompactRecords,
  compactOf,
  lazySummaryOf,
  StoredRecords,
  summaryOf,
  timesOf,
} from "../../src/render/article-records.ts";
import type { ArticleState, OutletState, SiteState } from "../../src/render/build-site.ts";
import { SiteUrls } from "../../src/render/site-urls.ts";

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "stet-build-cache-"));
});

afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const records = (headline: string, times: string[]): CompactRecords => ({
  c: times.map((time, i) => [time, i === 0 ? headline : 0, 0, 0, i, 0, 0]),
  g: null,
});

const outletState = (articles: number): OutletState => ({
  totals: { articles, versions: articles },
  skipped: 0,
  counts: { versions: articles, edits: 0, headlineChanges: 0 },
  files: 4 * articles,
  lines: [],
  share: [],
});

/** A state of two outlets, with the characters a line must survive: tabs, newlines, quotes. */
function state(): SiteState {
  const article = (file: string, extra: Partial<ArticleState>): [string, ArticleState] => [
    file,
    {
      key: `key-of-${file}`,
      outlet: file.split("/")[1] ?? "",
      slug: file.replace(/^archive\/[^/]+\//, "").replace(/\.md$/, ""),
      notes: [],
      problem: null,
      versionCount: 1,
      records: records("Headline", ["2026-03-01T06:00:00.000Z"]),
      ...extra,
    },
  ];
  return {
    articles: Object.fromEntries([
      article("archive/harbor/news/ferry.md", {
        versionCount: 2,
        records: {
          ...records("Ferry “late”\tagain\nand again", [
            "2026-03-01T06:00:00.000Z",
            "2026-03-01T07:00:00.000Z",
          ]),
          g: ["2026-03-02T06:00:00.000Z", 410],
        },
      }),
      article("archive/harbor/news/bridge.html.md", { slug: "news/bridge" }),
      article("archive/harbor/news/tab\there.md", {
        problem: 'slug "news/tab\there" cannot be a site path',
        notes: ["skipped it at commit 0123456789: line\nbreak"],
        records: null,
      }),
      article("archive/ridge/local/school.md", {}),
    ]),
    outlets: { harbor: outletState(2), ridge: outletState(1) },
    aggregates: { "index.html": "digest" },
    feedDiffs: {},
  };
}

async function write(site: SiteState, previous: CachedState | null): Promise<CacheHead> {
  const serialized = serializeCacheState(site, previous);
  const head = { format: 0, inputs: {}, commit: "c", body: serialized.digest } as CacheHead;
  await writeCacheState(dir, head, serialized);
  return head;
}

async function read(head: CacheHead): Promise<CachedState> {
  const cached = await readCacheState(dir, head);
  if (cached === null) throw new Error("no cached state");
  expect(await cached.loadAll()).toBe(true);
  return cached;
}

/** The articles with their records parsed, as a build would see them. */
function plain(articles: Record<string, ArticleState>) {
  return Object.fromEntries(
    Object.entries(articles).map(([file, a]) => [
      file,
      { ...a, records: a.records === null ? null : compactOf(a.records) },
    ]),
  );
}

describe("the build cache's articles files", () => {
  it("reads back every article as it was written, records parsed only when asked for", async () => {
    const written = state();
    const cached = await read(await write(written, null));
    const ferry = cached.state.articles["archive/harbor/news/ferry.md"];
    expect(ferry?.records).toBeInstanceOf(StoredRecords);
    expect(plain(cached.state.articles)).toEqual(plain(written.articles));
    expect(cached.state.outlets).toEqual(written.outlets);
  });

  it("lists a stored article from its times, and shows it as its records say", async () => {
    const cached = await read(await write(state(), null));
    const urls = new SiteUrls("https://example.github.io/repo/");
    for (const article of Object.values(cached.state.articles)) {
      if (article.records === null) continue;
      const { records } = article;
      expect(records).toBeInstanceOf(StoredRecords);
      const lazy = lazySummaryOf(records, { ...article, urls });
      const times = { ...lazy };
      expect(times).toEqual({
        outlet: article.outlet,
        slug: article.slug,
        versionCount: article.versionCount,
        firstSeen: timesOf(compactOf(records)).first,
        lastChanged: timesOf(compactOf(records)).last,
      });
      const summary = summaryOf(compactOf(records), { ...article, urls });
      expect({ ...times, headline: lazy.headline, href: lazy.href, gone: lazy.gone }).toEqual(
        summary,
      );
    }
  });

  it("writes an unchanged article back as read, and a changed one anew", async () => {
    const first = await read(await write(state(), null));
    const harbor = join(dir, "articles/harbor.tsv");
    const before = await readFile(harbor);
    // Copied as a build copies the articles it does not render.
    const again: SiteState = {
      ...first.state,
      articles: Object.fromEntries(
        Object.entries(first.state.articles).map(([file, a]) => [file, { ...a }]),
      ),
    };
    const rewritten = serializeCacheState(again, first);
    expect(rewritten.outlets.size).toBe(0);
    const ferry = again.articles["archive/harbor/news/ferry.md"] as ArticleState;
    ferry.records = records("Ferry on time", ["2026-03-01T06:00:00.000Z"]);
    ferry.versionCount = 1;
    const changed = serializeCacheState(again, first);
    expect([...changed.outlets.keys()]).toEqual(["harbor"]);
    const fresh = serializeCacheState(
      { ...again, articles: plain(again.articles) as Record<string, ArticleState> },
      null,
    );
    expect(changed.outlets.get("harbor")?.equals(fresh.outlets.get("harbor") as Buffer)).toBe(true);
    expect(changed.outlets.get("harbor")?.equals(before)).toBe(false);
  });

  it("refuses an articles file that is not the one the state names", async () => {
    const head = await write(state(), null);
    await writeFile(join(dir, "articles/ridge.tsv"), "{}");
    const cached = await readCacheState(dir, head);
    expect(await cached?.load(["harbor"])).toBe(true);
    expect(await cached?.load(["ridge"])).toBe(false);
  });
});
