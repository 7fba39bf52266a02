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
    gone: null,
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

  it("publishes an article without its URL's page extension, and keeps its archive file", () => {
    const { histories } = run([history("harbor", "news/story.html"), history("ridge", "a/b.php")]);
    expect(histories.map((h) => [h.slug, h.file])).toEqual([
      ["news/story", "archive/harbor/news/story.html.md"],
      ["a/b", "archive/ridge/a/b.php.md"],
    ]);
  });

  it("keeps the extension where dropping it would take another article's path", () => {
    const { slugs } = run([
      history("harbor", "news/story"),
      history("harbor", "news/story.html"),
      history("harbor", "news/other.htm"),
      history("harbor", "news/other.html"),
      history("harbor", "news/v1.html"),
    ]);
    expect(slugs).toEqual([
      "harbor/news/other",
      "harbor/news/other.html",
      "harbor/news/story",
      "harbor/news/story.html",
      "harbor/news/v1.html",
    ]);
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

  it("keeps a readable gone mark and drops, naming it, one with an unreadable time", () => {
    const kept = {
      ...history("harbor", "kept"),
      gone: { since: "2026-02-05T08:00:00Z", status: 404 },
    };
    const broken = { ...history("harbor", "odd"), gone: { since: "last week", status: 404 } };
    const { histories, log } = run([kept, broken]);
    expect(histories.map((h) => [h.slug, h.gone])).toEqual([
      ["kept", { since: "2026-02-05T08:00:00Z", status: 404 }],
      ["odd", null],
    ]);
    expect(log).toEqual([
      'ignored the gone mark of archive/harbor/odd.md: time "last week" or status "404" is unreadable',
    ]);
    expect(broken.gone).toEqual({ since: "last week", status: 404 });
  });

  it("keeps a true headline revert and drops, naming them, reverts the headlines do not bear out", () => {
    const titles = [
      "Bridge opens",
      "Bridge delayed",
      "Bridge opens",
      "Bridge opens",
      "Bridge shut",
    ];
    const h = history("harbor", "flip", titles.length);
    titles.forEach((title, i) => {
      (h.versions[i] as Version).title = title;
    });
    const withRevert = (n: number, to: number) => {
      (h.versions[n - 1] as Version).revertsTo = to;
    };
    withRevert(2, 1); // adjacent: a plain change, not a flip back
    withRevert(3, 1); // true: back to version 1's headline after version 2's
    withRevert(4, 1); // same headline as version 3: nothing flipped
    withRevert(5, 2); // different headline from version 2's
    const { histories, log } = run([h]);
    expect(histories[0]?.versions.map((v) => v.revertsTo)).toEqual([
      undefined,
      undefined,
      1,
      undefined,
      undefined,
    ]);
    expect(log).toEqual([
      'ignored "reverted to version 1" on version 2 of archive/harbor/flip.md: that is not an earlier, non-adjacent version',
      `ignored "reverted to version 1" on version 4 of archive/harbor/flip.md: the headline is the same as the previous version's`,
      'ignored "reverted to version 2" on version 5 of archive/harbor/flip.md: the headlines differ',
    ]);
    expect(h.versions[1]?.revertsTo).toBe(1);
  });
});
