import { describe, expect, it } from "vitest";
import { alignParagraphs } from "../../src/diff/align-paragraphs.ts";
import { appendAll } from "../../src/diff/append-all.ts";
import { DIFF_WORK_LIMIT, DiffBudget } from "../../src/diff/diff-budget.ts";
import { diffVersions } from "../../src/diff/diff-versions.ts";
import { diffWords } from "../../src/diff/diff-words.ts";
import type { Article } from "../../src/types.ts";

const article = (paragraphs: string[]): Article => ({
  title: "Harbour dues",
  byline: null,
  published: null,
  paragraphs,
});
const sailing = (i: number) => `Paragraph ${i} says the ferry sails at ${i} past nine.`;
const leaving = (i: number) => `Paragraph ${i} says the ferry leaves at ${i} past nine.`;
const council = (i: number) => `Item ${i}: council members voted on harbour dues of ${i * 7}.`;
const kinds = (steps: { kind: string }[]) => {
  const counts: Record<string, number> = {};
  for (const step of steps) counts[step.kind] = (counts[step.kind] ?? 0) + 1;
  return counts;
};

describe("DiffBudget", () => {
  it("allows the longest Myers diff whose worst case fits what is left", () => {
    const budget = new DiffBudget(1_000_000);
    // d² + 10,000·d ≤ 1,000,000 → d = 99.
    expect(budget.editLimit(10_000)).toBe(99);
    expect(budget.editLimit(10_000, 0.5)).toBe(49);
    budget.charge(1_000_000);
    expect(budget.editLimit(10_000)).toBe(0);
  });

  it("charges every comparison and the diagonals of every edit it made", () => {
    const budget = new DiffBudget();
    expect(budget.diffArrays(["a", "b", "c"], ["a", "x", "c"])).toEqual([
      { count: 1, added: false, removed: false, value: ["a"] },
      { count: 1, added: false, removed: true, value: ["b"] },
      { count: 1, added: true, removed: false, value: ["x"] },
      { count: 1, added: false, removed: false, value: ["c"] },
    ]);
    // 2 edits (4 units) and a handful of comparisons.
    expect(budget.spent).toBeGreaterThan(4);
    expect(budget.spent).toBeLessThan(20);
  });

  it("gives up, and says so, when the arrays differ by more than it may pay for", () => {
    const budget = new DiffBudget(100);
    const before = Array.from({ length: 50 }, (_, i) => `a${i}`);
    const after = Array.from({ length: 50 }, (_, i) => `b${i}`);
    expect(budget.diffArrays(before, after)).toBeUndefined();
    expect(budget.spent).toBeLessThanOrEqual(100);
  });
});

describe("comparing versions within the work budget", () => {
  it("pairs 50,000 paragraphs, every one rewritten, within the budget", () => {
    const budget = new DiffBudget();
    const before = Array.from({ length: 50_000 }, (_, i) => sailing(i));
    const after = Array.from({ length: 50_000 }, (_, i) => leaving(i));
    const diff = diffVersions(article(before), article(after), budget);
    expect(kinds(diff.paragraphs)).toEqual({ edited: 50_000 });
    expect(diff.wordsAdded).toBe(50_000);
    expect(diff.wordsRemoved).toBe(50_000);
    expect(diff.paragraphs[49_999]).toEqual({
      kind: "edited",
      before: sailing(49_999),
      after: leaving(49_999),
      words: [
        { kind: "same", text: "Paragraph 49999 says the ferry " },
        { kind: "removed", text: "sails" },
        { kind: "added", text: "leaves" },
        { kind: "same", text: " at 49999 past nine." },
      ],
    });
    expect(budget.spent).toBeLessThanOrEqual(DIFF_WORK_LIMIT);
  });

  it("shows 50,000 paragraphs replaced by unrelated ones as removed and added, within the budget", () => {
    const budget = new DiffBudget();
    const before = Array.from({ length: 50_000 }, (_, i) => sailing(i));
    const after = Array.from({ length: 50_000 }, (_, i) => council(i));
    const diff = diffVersions(article(before), article(after), budget);
    expect(kinds(diff.paragraphs)).toEqual({ removed: 50_000, added: 50_000 });
    expect(budget.spent).toBeLessThanOrEqual(DIFF_WORK_LIMIT);
  });

  it("finds a one-word fix in 50,000 paragraphs at the cost of reading them", () => {
    const budget = new DiffBudget();
    const before = Array.from({ length: 50_000 }, (_, i) => sailing(i));
    const after = [...before];
    after[25_000] = leaving(25_000);
    const diff = diffVersions(article(before), article(after), budget);
    expect(kinds(diff.paragraphs)).toEqual({ same: 49_999, edited: 1 });
    expect(budget.spent).toBeLessThan(200);
  });

  it("anchors on paragraphs that occur once in each version when Myers' diff is over budget", () => {
    // Every other paragraph rewritten: 2,000 edits, far past a budget of 50,000 units.
    const before = Array.from({ length: 2_000 }, (_, i) => sailing(i));
    const after = before.map((p, i) => (i % 2 === 0 ? p : leaving(i)));
    const steps = alignParagraphs(before, after, new DiffBudget(50_000));
    expect(kinds(steps)).toEqual({ same: 1_000, edited: 1_000 });
    expect(steps.slice(0, 3)).toEqual([
      { kind: "same", text: sailing(0) },
      { kind: "edited", before: sailing(1), after: leaving(1) },
      { kind: "same", text: sailing(2) },
    ]);
  });

  it("keeps anchors in order when paragraphs that occur once changed places", () => {
    const before = ["a", "b", "c", "d", "e"].map((x) => `Paragraph ${x} of the report.`);
    const after = [before[3], before[0], before[1], before[2], before[4]] as string[];
    const steps = alignParagraphs(before, after, new DiffBudget(0));
    expect(steps.filter((s) => s.kind === "same").map((s) => ("text" in s ? s.text : ""))).toEqual([
      before[0],
      before[1],
      before[2],
      before[4],
    ]);
  });

  it("shows a paragraph as replaced once the budget is spent", () => {
    const budget = new DiffBudget(0);
    expect(diffWords("The ferry sails at nine.", "The ferry leaves at ten.", budget)).toEqual([
      { kind: "same", text: "The ferry " },
      { kind: "removed", text: "sails at nine" },
      { kind: "added", text: "leaves at ten" },
      { kind: "same", text: "." },
    ]);
  });
});

describe("appendAll", () => {
  it("appends a million items, where spreading them into push overflows the stack", () => {
    const items = Array.from({ length: 1_000_000 }, (_, i) => i);
    expect(() => [0].push(...items)).toThrow(RangeError);
    const target = [-1];
    expect(appendAll(target, items, [7])).toBe(target);
    expect(target).toHaveLength(1_000_002);
    expect(target.at(-2)).toBe(999_999);
    expect(target.at(-1)).toBe(7);
  });
});
