// The volatility rule and the confirmation of held cuts, one outcome at a time.

import { describe, expect, it } from "vitest";
import { confirmationKey, confirmChange } from "../../src/fetch/confirm-change.ts";
import { judgePage } from "../../src/fetch/judge-page.ts";
import { shapeKey } from "../../src/fetch/shape-key.ts";
import type { Article } from "../../src/types.ts";

const NOW = "2026-11-20T10:00:00.000Z";
const EARLIER = "2026-11-20T09:00:00.000Z";
const LONG = [
  "The harbour master closed the north slipway on Monday after a survey found a crack in its concrete apron.",
  "Boat owners were told to use the ferry ramp until repairs are done, which the council expects by the end of the month.",
  "The slipway was rebuilt in 1998 and has been inspected every two years since, most recently in the spring.",
];
const article = (...paragraphs: string[]): Article => ({
  title: "Slipway closed after survey",
  byline: "Dora Penhallow",
  published: "2026-11-20T07:30:00Z",
  paragraphs,
});
const archived = article("1,204 shares", ...LONG);
const SHARES = shapeKey("1,204 shares");

// The judge's verdict on `next` against the archived text, which must be suspect.
function suspect(next: Article, previous: Article = archived) {
  const verdict = judgePage(previous, next);
  if (verdict.kind !== "suspect") throw new Error(`not suspect: ${verdict.kind}`);
  return verdict;
}

describe("confirmChange, for a change only in figures", () => {
  const ticked = article("1,310 shares", ...LONG);

  it("holds it at first sight, with the shapes that changed", () => {
    expect(confirmChange(undefined, suspect(ticked), ticked, NOW)).toEqual({
      action: "hold",
      held: {
        hash: confirmationKey(suspect(ticked), ticked),
        since: NOW,
        reason: "only figures or times changed, in 1 short paragraph",
        code: "figures-only",
        shapes: [SHARES],
      },
      volatile: [],
    });
  });

  it("commits it when the next check shows the same text again: a stable change", () => {
    const first = confirmChange(undefined, suspect(ticked), ticked, EARLIER);
    if (first.action !== "hold") throw new Error(first.action);
    expect(confirmChange(first.held, suspect(ticked), ticked, NOW)).toEqual({ action: "commit" });
  });

  it("finds it volatile when the next check changes the same paragraph again in figures", () => {
    const first = confirmChange(undefined, suspect(ticked), ticked, EARLIER);
    if (first.action !== "hold") throw new Error(first.action);
    const again = article("1,422 shares", ...LONG);
    expect(confirmChange(first.held, suspect(again), again, NOW)).toEqual({
      action: "ignore",
      volatile: [SHARES],
    });
  });

  it("holds anew the paragraphs that changed for the first time, beside a volatile one", () => {
    const withToll = article("1,204 shares", ...LONG, "The death toll rose to 12.");
    const ticked = article("1,310 shares", ...LONG, "The death toll rose to 12.");
    const first = confirmChange(undefined, suspect(ticked, withToll), ticked, EARLIER);
    if (first.action !== "hold") throw new Error(first.action);
    const next = article("1,422 shares", ...LONG, "The death toll rose to 13.");
    expect(confirmChange(first.held, suspect(next, withToll), next, NOW)).toMatchObject({
      action: "hold",
      held: { code: "figures-only", shapes: [shapeKey("The death toll rose to 12.")] },
      volatile: [SHARES],
    });
  });

  it("holds it afresh after a held cut, whatever the hashes", () => {
    const cut = {
      hash: confirmationKey(suspect(ticked), ticked),
      since: EARLIER,
      reason: "body shrank",
      code: "shrank" as const,
    };
    expect(confirmChange(cut, suspect(ticked), ticked, NOW).action).toBe("hold");
  });
});

describe("confirmChange, for a drastic cut", () => {
  const cut = article("1,310 shares", LONG[0] ?? "");

  it("commits a cut seen again, though the counter beside it ticked", () => {
    const first = confirmChange(undefined, suspect(cut), cut, EARLIER);
    if (first.action !== "hold") throw new Error(first.action);
    expect(first.held.code).toBe("shrank");
    const again = article("1,422 shares", LONG[0] ?? "");
    expect(confirmChange(first.held, suspect(again), again, NOW)).toEqual({ action: "commit" });
  });

  it("holds a different cut afresh", () => {
    const first = confirmChange(undefined, suspect(cut), cut, EARLIER);
    if (first.action !== "hold") throw new Error(first.action);
    const other = article("1,310 shares", LONG[1] ?? "");
    expect(confirmChange(first.held, suspect(other), other, NOW).action).toBe("hold");
  });

  it("reads a held cut from a state written before codes as a cut", () => {
    const legacy = {
      hash: confirmationKey(suspect(cut), cut),
      since: EARLIER,
      reason: "body shrank",
    };
    expect(confirmChange(legacy, suspect(cut), cut, NOW)).toEqual({ action: "commit" });
  });
});
