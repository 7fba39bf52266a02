// What becomes of each of a run's commits when origin moved on: replayed whole, or dropped.

import { describe, expect, it } from "vitest";
import { type OriginFile, planReplay, type RunCommit } from "../../src/publish/plan-replay.ts";

const base = {
  url: "https://gazette.example/news/baths",
  title: "Baths to close",
  byline: null,
  published: null,
  paragraphs: ["The baths close in May."],
};
const ours: RunCommit = {
  sha: "abc",
  file: "archive/gazette/news/baths.md",
  kind: "version",
  article: { ...base, paragraphs: ["The baths close in June."] },
  time: "2026-11-20T10:15:00.000Z",
};
const origin: OriginFile = {
  article: base,
  deleted: false,
  newestTime: "2026-11-20T10:00:00.000Z",
  versions: 2,
};

describe("planReplay", () => {
  it("replays a version as the whole text fetched, numbered after origin's versions", () => {
    expect(planReplay(ours, origin)).toEqual({
      action: "replay",
      article: ours.article,
      version: 3,
    });
  });

  it("replays the first version of an article origin does not have", () => {
    const none = { article: null, deleted: false, newestTime: null, versions: 0 };
    expect(planReplay(ours, none)).toEqual({ action: "replay", article: ours.article, version: 1 });
  });

  it("drops a version origin already holds", () => {
    expect(planReplay(ours, { ...origin, article: ours.article })).toEqual({
      action: "drop",
      reason: "origin already holds this text",
    });
  });

  it("drops a version older than origin's newest check of the article", () => {
    expect(planReplay(ours, { ...origin, newestTime: "2026-11-20T10:30:00.000Z" })).toMatchObject({
      action: "drop",
    });
  });

  it("drops anything about an article origin took down", () => {
    const takenDown = { article: null, deleted: true, newestTime: origin.newestTime, versions: 2 };
    expect(planReplay(ours, takenDown)).toEqual({
      action: "drop",
      reason: "the article was taken down on origin",
    });
  });

  it("puts a gone mark on origin's own latest text, numbered as its latest version", () => {
    const gone = { since: "2026-11-20T10:15:00.000Z", status: 404 };
    const event: RunCommit = {
      ...ours,
      kind: "gone",
      article: { ...base, paragraphs: ["older"], gone },
    };
    expect(planReplay(event, origin)).toEqual({
      action: "replay",
      article: { ...base, gone },
      version: 2,
    });
    expect(planReplay(event, { ...origin, article: { ...base, gone } })).toMatchObject({
      action: "drop",
    });
  });

  it("takes a gone mark off origin's latest text for a 'back' event, only when origin has one", () => {
    const event: RunCommit = { ...ours, kind: "back", article: base };
    const gone = { since: "2026-11-20T09:00:00.000Z", status: 404 };
    expect(planReplay(event, { ...origin, article: { ...base, gone } })).toEqual({
      action: "replay",
      article: base,
      version: 2,
    });
    expect(planReplay(event, origin)).toEqual({
      action: "drop",
      reason: "origin does not mark it gone",
    });
  });
});
