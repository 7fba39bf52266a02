import { describe, expect, it } from "vitest";
import { BuildError } from "../../src/errors.ts";
import { usableHistories } from "../../src/render/usable-histories.ts";
import type { ArticleHistory, Version } from "../../src/types.ts";

function history(outlet: string, slug: string, versions = 2): ArticleHistory {
  return {
    outlet,
    slug,
    file: `archive/${outlet}/${slug}.md`,
    url: `https://${outlet}.example/${slug}`,
    versions: Array.from(
      { length: versions },
      (_, i): Version => ({
        number: i + 1,
        commit: `c${i}`,
        time: `2026-02-0${i + 1}T08:00:00Z`,
        url: `https://${outlet}.example/${slug}`,
        title: "Bridge opens",
        byline: null,
        published: null,
        paragraphs: ["Text."],
      }),
    ),
  };
}

const outlets = [
  { id: "harbor", name: "The Harbor Courier" },
  { id: "ridge", name: "Ridge Daily" },
];

function run(histories: ArticleHistory[]) {
  const log: string[] = [];
  const result = usableHistories(histories, outlets, (line) => log.push(line));
  return { ...result, log, slugs: result.histories.map((h) => `${h.outlet}/${h.slug}`) };
}

describe("usableHistories", () => {
  it("sorts articles by outlet and slug whatever the input order", () => {
    const { slugs } = run([history("ridge", "b"), history("harbor", "z"), history("harbor", "a")]);
    expect(slugs).toEqual(["harbor/a", "harbor/z", "ridge/b"]);
  });

  it("skips, and names, an article whose slug would leave its outlet's folder", () => {
    const { slugs, log } = run([history("harbor", "../ridge/x"), history("harbor", "ok")]);
    expect(slugs).toEqual(["harbor/ok"]);
    expect(log).toEqual([
      'skipped archive/harbor/../ridge/x.md: slug "../ridge/x" cannot be a site path',
    ]);
  });

  it("skips an article whose pages would overwrite another article's pages", () => {
    const { slugs, log } = run([history("harbor", "news/vote/v1"), history("harbor", "news/vote")]);
    expect(slugs).toEqual(["harbor/news/vote"]);
    expect(log[0]).toMatch(
      /^skipped archive\/harbor\/news\/vote\/v1\.md: its page .* would replace/,
    );
  });

  it("skips an article whose folder would sit where another article's feed file is", () => {
    const { slugs } = run([history("harbor", "a"), history("harbor", "a/feed.atom")]);
    expect(slugs).toEqual(["harbor/a"]);
  });

  it("skips a slug that would take the place of a listing page", () => {
    expect(run([history("harbor", "page/2")]).slugs).toEqual([]);
    expect(run([history("harbor", "page/two")]).slugs).toEqual(["harbor/page/two"]);
  });

  it("skips articles with no versions, misnumbered versions or unreadable times", () => {
    const empty = history("harbor", "empty", 0);
    const misnumbered = history("harbor", "gap");
    (misnumbered.versions[1] as Version).number = 3;
    const badTime = history("harbor", "time");
    (badTime.versions[0] as Version).time = "not a time";
    const { slugs, log } = run([empty, misnumbered, badTime]);
    expect(slugs).toEqual([]);
    expect(log).toHaveLength(3);
  });

  it("keeps articles of outlets no longer configured, named by their id after the others", () => {
    const { outlets: shown, slugs, log } = run([history("old-times", "a"), history("harbor", "b")]);
    expect(shown.map((o) => o.id)).toEqual(["harbor", "ridge", "old-times"]);
    expect(shown[2]?.name).toBe("old-times");
    expect(slugs).toEqual(["harbor/b", "old-times/a"]);
    expect(log).toEqual(["outlets not in the config, shown under their ids: old-times"]);
  });

  it("refuses a configured outlet id that would replace the site's own feeds", () => {
    expect(() => usableHistories([], [{ id: "all", name: "All" }], () => {})).toThrow(BuildError);
  });
});
