// The fetch's decision, one outcome at a time: what a check means for the record given what the
// archive holds, what the page showed and what the state remembers.

import { describe, expect, it } from "vitest";
import { type DecideInput, decide, isRedirectAway } from "../../src/fetch/decide.ts";
import { textHash } from "../../src/fetch/fetch-state.ts";
import type { Observation } from "../../src/fetch/observe-page.ts";
import type { Article } from "../../src/types.ts";

const URL_ = "https://gazette.example/news/baths";
const NOW = "2026-11-20T09:00:00.000Z";
const EARLIER = "2026-11-20T08:00:00.000Z";

const text: Article = {
  title: "Millbrook to close its old swimming baths",
  byline: "Dora Penhallow",
  published: "2026-11-20T07:30:00Z",
  paragraphs: [
    "The Millbrook town council voted on Tuesday to close the old swimming baths on Quarry Lane after an engineer found cracks in the main pool's floor.",
    "Councillor Ines Aldana said the repairs would cost more than the town spends on all of its parks in a year, and that the money was not there.",
    "About two hundred people signed a letter asking the council to keep the baths open through the summer while a charity tries to raise funds.",
  ],
};
const edited: Article = {
  ...text,
  paragraphs: [
    text.paragraphs[0] ?? "",
    text.paragraphs[1] ?? "",
    "About three hundred people signed a letter asking the council to keep the baths open through the summer while a charity tries to raise funds.",
  ],
};
const cut: Article = { ...text, paragraphs: [text.paragraphs[0] ?? ""] };

function page(article: Article, extra: Partial<Extract<Observation, { kind: "page" }>> = {}) {
  return {
    kind: "page" as const,
    finalUrl: URL_,
    canonical: URL_,
    article,
    teaser: null,
    etag: '"v2"',
    lastModified: null,
    ...extra,
  };
}

function input(overrides: Partial<DecideInput>): DecideInput {
  const archived = { article: text, gone: null };
  return {
    url: URL_,
    known: archived,
    previous: archived,
    observation: page(text),
    remembered: {},
    now: NOW,
    typography: false,
    ...overrides,
  };
}

describe("decide", () => {
  it("records a page never archived as a new article, remembering its validators", () => {
    const decision = decide(input({ known: null, previous: null }));
    expect(decision.outcome).toEqual({ kind: "new-article", article: text });
    expect(decision.state).toEqual({
      etag: '"v2"',
      textHash: textHash(text),
      lastCheck: NOW,
      failures: 0,
    });
  });

  it("records an edited text as a new version", () => {
    const decision = decide(input({ observation: page(edited) }));
    expect(decision.outcome).toEqual({
      kind: "new-version",
      article: edited,
      confirmedCut: false,
      back: false,
    });
    expect(decision.state?.textHash).toBe(textHash(edited));
  });

  it("finds the same text unchanged, and remembers the validators with the archived text's hash", () => {
    const decision = decide(input({ remembered: { failures: 2, lastCheck: EARLIER } }));
    expect(decision).toEqual({
      outcome: { kind: "unchanged" },
      state: { etag: '"v2"', textHash: textHash(text), lastCheck: NOW, failures: 0 },
    });
  });

  it("takes a 304 as unchanged while the archive holds the text its validators were seen with", () => {
    const remembered = { etag: '"v1"', textHash: textHash(text), lastCheck: EARLIER };
    const decision = decide(input({ observation: { kind: "not-modified" }, remembered }));
    expect(decision).toEqual({
      outcome: { kind: "unchanged" },
      state: { ...remembered, lastCheck: NOW, failures: 0 },
    });
  });

  it("fetches again when a 304 answers validators seen with a text the archive does not hold", () => {
    // The version those validators came with was never pushed, or the state is another history's.
    const remembered = { etag: '"v2"', textHash: textHash(edited), lastCheck: EARLIER };
    const decision = decide(input({ observation: { kind: "not-modified" }, remembered }));
    expect(decision).toEqual({ outcome: { kind: "refetch" }, state: null });
  });

  it("fetches again when a 304 comes for validators remembered without any text hash", () => {
    const decision = decide(
      input({ observation: { kind: "not-modified" }, remembered: { etag: '"v1"' } }),
    );
    expect(decision.outcome).toEqual({ kind: "refetch" });
  });

  it("holds a teaser, counting the checks held in a row for the same reason", () => {
    const teaser = "paywall: subscribe prompt in a short body";
    const first = decide(input({ observation: page(cut, { teaser }) }));
    expect(first.outcome).toEqual({ kind: "held", reason: teaser });
    expect(first.state?.heldStreak).toEqual({ reason: teaser, since: NOW, checks: 1 });
    const second = decide(
      input({
        observation: page(cut, { teaser }),
        remembered: first.state ?? {},
        now: "2026-11-20T10:00:00.000Z",
      }),
    );
    expect(second.state?.heldStreak).toEqual({ reason: teaser, since: NOW, checks: 2 });
    const other = decide(
      input({ observation: page(cut, { teaser: "login wall" }), remembered: second.state ?? {} }),
    );
    expect(other.state?.heldStreak).toEqual({ reason: "login wall", since: NOW, checks: 1 });
  });

  it("forgets a held streak once a check is not held", () => {
    const remembered = { heldStreak: { reason: "login wall", since: EARLIER, checks: 4 } };
    expect(decide(input({ remembered })).state?.heldStreak).toBeUndefined();
  });

  it("holds a page with no article text, and never confirms it", () => {
    const empty = { ...text, paragraphs: [] };
    const decision = decide(input({ observation: page(empty) }));
    expect(decision.outcome).toEqual({ kind: "held", reason: "no article text on the page" });
    expect(decision.state?.held).toBeUndefined();
  });

  it("holds a drastic cut the first time, with a hash to confirm it by", () => {
    const decision = decide(input({ observation: page(cut) }));
    expect(decision.outcome.kind).toBe("held");
    expect(decision.state?.held).toEqual({
      hash: textHash(cut),
      since: NOW,
      reason: expect.stringMatching(/^body shrank from \d+ to \d+ words at once$/),
    });
  });

  it("confirms a cut seen again on the next check as a new version", () => {
    const remembered = { held: { hash: textHash(cut), since: EARLIER, reason: "body shrank" } };
    const decision = decide(input({ observation: page(cut), remembered }));
    expect(decision.outcome).toEqual({
      kind: "new-version",
      article: cut,
      confirmedCut: true,
      back: false,
    });
    expect(decision.state?.held).toBeUndefined();
  });

  it("holds a different cut afresh instead of confirming it", () => {
    const remembered = { held: { hash: "another", since: EARLIER, reason: "body shrank" } };
    const decision = decide(input({ observation: page(cut), remembered }));
    expect(decision.outcome.kind).toBe("held");
    expect(decision.state?.held?.hash).toBe(textHash(cut));
  });

  it("holds a redirect from an archived article to the home page", () => {
    const decision = decide(
      input({ observation: page(text, { finalUrl: "https://gazette.example/" }) }),
    );
    expect(decision.outcome).toEqual({
      kind: "held",
      reason: "redirected away from the article to https://gazette.example/",
    });
  });

  it("marks an archived article gone the first time the source answers 404", () => {
    const decision = decide(input({ observation: { kind: "gone", status: 404 } }));
    expect(decision.outcome).toEqual({
      kind: "gone",
      status: 404,
      mark: { since: NOW, status: 404 },
    });
  });

  it("marks nothing new while an article stays gone", () => {
    const archived = { article: text, gone: { since: EARLIER, status: 410 } };
    const decision = decide(
      input({ known: archived, previous: archived, observation: { kind: "gone", status: 410 } }),
    );
    expect(decision.outcome).toEqual({ kind: "gone", status: 410, mark: null });
  });

  it("reports a 404 for a page never archived as a failure, not as gone", () => {
    const decision = decide(
      input({ known: null, previous: null, observation: { kind: "gone", status: 404 } }),
    );
    expect(decision).toEqual({
      outcome: { kind: "failed", reason: "HTTP 404 (never archived)" },
      state: null,
    });
  });

  it("records the same text served again after a 404 as back at the source", () => {
    const archived = { article: text, gone: { since: EARLIER, status: 404 } };
    const decision = decide(input({ known: archived, previous: archived }));
    expect(decision.outcome).toEqual({ kind: "back" });
  });

  it("records an edited text served after a 404 as a new version that is also back", () => {
    const archived = { article: text, gone: { since: EARLIER, status: 404 } };
    const decision = decide(
      input({ known: archived, previous: archived, observation: page(edited) }),
    );
    expect(decision.outcome).toMatchObject({ kind: "new-version", back: true });
  });

  it("counts a failed check and keeps what it remembered", () => {
    const remembered = { etag: '"v1"', textHash: "abc", failures: 1 };
    const decision = decide(
      input({ observation: { kind: "failed", reason: "HTTP 503" }, remembered }),
    );
    expect(decision).toEqual({
      outcome: { kind: "failed", reason: "HTTP 503" },
      state: { ...remembered, failures: 2 },
    });
  });

  it("leaves the state alone for a page robots.txt forbids", () => {
    expect(decide(input({ observation: { kind: "disallowed" } }))).toEqual({
      outcome: { kind: "disallowed" },
      state: null,
    });
  });
});

describe("isRedirectAway", () => {
  it("tells a login or home page from an ordinary move", () => {
    const a = "https://gazette.example/news/baths";
    expect(isRedirectAway(a, "https://gazette.example/login?next=/news/baths", false)).toBe(true);
    expect(isRedirectAway(a, "https://gazette.example/", false)).toBe(true);
    expect(isRedirectAway(a, "https://gazette.example/news/baths-2", false)).toBe(false);
    expect(isRedirectAway(a, "https://other.example/news/baths", true)).toBe(true);
    expect(isRedirectAway(a, "https://other.example/news/baths", false)).toBe(false);
  });
});
