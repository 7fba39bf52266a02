import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadState, pruneState, saveState, statePath } from "../../src/fetch/fetch-state.ts";

const DAY = 86_400_000;
const NOW = Date.parse("2026-11-25T12:00:00Z");

describe("fetch state", () => {
  it("forgets articles not checked for longer than it keeps them, and their aliases", () => {
    const state = {
      articles: {
        "https://a.example/fresh": { lastCheck: new Date(NOW - DAY).toISOString() },
        "https://a.example/stale": { lastCheck: new Date(NOW - 40 * DAY).toISOString() },
        "https://a.example/never": { failures: 3 },
      },
      aliases: {
        "https://a.example/fresh?ref=rss": "https://a.example/fresh",
        "https://a.example/stale?ref=rss": "https://a.example/stale",
      },
    };
    pruneState(state, NOW, 37 * DAY);
    expect(state).toEqual({
      articles: { "https://a.example/fresh": { lastCheck: new Date(NOW - DAY).toISOString() } },
      aliases: { "https://a.example/fresh?ref=rss": "https://a.example/fresh" },
    });
  });

  it("round-trips through the file and starts afresh from a corrupted one", async () => {
    const repo = await mkdtemp(join(tmpdir(), "stet-state-"));
    const state = {
      articles: { "https://a.example/x": { lastCheck: "2026-11-25T12:00:00.000Z", etag: '"1"' } },
      aliases: {},
    };
    await saveState(repo, state);
    expect(await loadState(repo, () => {})).toEqual(state);
    await writeFile(statePath(repo), "{ not json");
    const warnings: string[] = [];
    expect(await loadState(repo, (line) => warnings.push(line))).toEqual({
      articles: {},
      aliases: {},
    });
    expect(warnings[0]).toMatch(/unreadable; starting afresh/);
    expect(await readFile(statePath(repo), "utf8")).toBe("{ not json");
    await rm(repo, { recursive: true, force: true });
  });
});
