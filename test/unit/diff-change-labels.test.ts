import { describe, expect, it } from "vitest";
import { changeLabels } from "../../src/diff/change-labels.ts";
import { diffVersions } from "../../src/diff/diff-versions.ts";
import { describeLabel } from "../../src/render/describe-label.ts";
import type { Article } from "../../src/types.ts";

const BASE: Article = {
  title: "Council raises ferry fares",
  byline: "Marta Keane",
  published: null,
  paragraphs: [
    "The council voted 5-4 to raise fares by 12% from January.",
    "The ferry service faces a $1.2 million shortfall next year.",
    "“We have put this off for as long as we responsibly could,” said Rob Castellano.",
    "Opponents said the town should draw on its reserve fund first.",
  ],
};
const edit = (changes: Partial<Article>): Article => ({ ...BASE, ...changes });
const withParagraph = (index: number, text: string): Article => {
  const paragraphs = [...BASE.paragraphs];
  paragraphs[index] = text;
  return edit({ paragraphs });
};
const labelsOf = (after: Article, revertsTo: number | null = null, before: Article = BASE) =>
  changeLabels(diffVersions(before, after), revertsTo).map((l) => describeLabel(l).text);

describe("changeLabels", () => {
  it("says nothing of two identical versions", () => {
    expect(labelsOf(BASE)).toEqual([]);
  });

  it("says the headline changed", () => {
    expect(labelsOf(edit({ title: "Council approves higher ferry fares" }))).toEqual([
      "Headline changed",
    ]);
  });

  it("says the headline reverted to version N instead of just changed", () => {
    expect(labelsOf(edit({ title: "Ferry fares rise" }), 1)).toEqual([
      "Headline reverted to version 1",
    ]);
  });

  it("says the byline changed", () => {
    expect(labelsOf(edit({ byline: "Marta Keane and Tomas Quill" }))).toEqual(["Byline changed"]);
  });

  it("counts paragraphs added, removed and edited", () => {
    const [a, b, c, d] = BASE.paragraphs as [string, string, string, string];
    const after = edit({
      paragraphs: [
        a.replace("January", "February"),
        c,
        d,
        "A new closing paragraph about the vote.",
      ],
    });
    expect(labelsOf(after)).toEqual([
      "1 paragraph edited",
      "1 paragraph added",
      "1 paragraph removed",
    ]);
    expect(labelsOf(edit({ paragraphs: [c, d] }))).toEqual(["2 paragraphs removed"]);
    void b;
  });

  it("says a paragraph moved", () => {
    const [a, b, c, d] = BASE.paragraphs as [string, string, string, string];
    expect(labelsOf(edit({ paragraphs: [b, c, d, a] }))).toEqual(["1 paragraph moved"]);
  });

  it("gives a changed figure before and after, with its currency sign", () => {
    expect(
      labelsOf(withParagraph(1, "The ferry service faces a $2.1 million shortfall next year.")),
    ).toEqual(["Figure changed: $1.2 → $2.1", "1 paragraph edited"]);
  });

  it("keeps a percent sign and lists several figures in reading order", () => {
    expect(
      labelsOf(withParagraph(0, "The council voted 6-3 to raise fares by 15% from January.")),
    ).toEqual(["Figures changed: 5 → 6, 4 → 3, 12% → 15%", "1 paragraph edited"]);
  });

  it("does not call a number that only moved within a rewritten sentence a figure change", () => {
    expect(
      labelsOf(withParagraph(0, "From January, fares rise by 12% after a 5-4 council vote.")),
    ).toEqual(["1 paragraph edited"]);
  });

  it("says a quote changed when words inside quotation marks did", () => {
    expect(
      labelsOf(
        withParagraph(
          2,
          "“We have put this off for as long as we possibly could,” said Rob Castellano.",
        ),
      ),
    ).toEqual(["Quote changed", "1 paragraph edited"]);
  });

  it("does not call an edit outside the quotation marks a quote change", () => {
    expect(
      labelsOf(
        withParagraph(
          2,
          "“We have put this off for as long as we responsibly could,” said council member Rob Castellano.",
        ),
      ),
    ).toEqual(["1 paragraph edited"]);
  });

  it("says a correction was added", () => {
    const note =
      "Correction: An earlier version of this article misstated the size of the shortfall.";
    expect(labelsOf(edit({ paragraphs: [...BASE.paragraphs, note] }))).toEqual([
      "Correction added",
      "1 paragraph added",
    ]);
  });

  it("says an update or an editor’s note was added", () => {
    expect(
      labelsOf(
        edit({
          paragraphs: ["Update, 4:15 p.m.: The mayor has vetoed the increase.", ...BASE.paragraphs],
        }),
      ),
    ).toEqual(["Update note added", "1 paragraph added"]);
    expect(
      labelsOf(
        edit({
          paragraphs: [...BASE.paragraphs, "Editor’s note: Marta Keane is a ferry commuter."],
        }),
      ),
    ).toEqual(["Editor’s note added", "1 paragraph added"]);
  });

  it("does not take a paragraph that merely starts with “Updated” for an update note", () => {
    expect(
      labelsOf(
        edit({
          paragraphs: [...BASE.paragraphs, "Updated timetables will be posted at the pier."],
        }),
      ),
    ).toEqual(["1 paragraph added"]);
  });

  it("says only that punctuation or spacing changed when no word did", () => {
    expect(
      labelsOf(withParagraph(3, "Opponents said the town should draw on its reserve fund, first.")),
    ).toEqual(["Punctuation or spacing only"]);
    expect(labelsOf(edit({ title: "Council raises ferry fares!" }))).toEqual([
      "Punctuation or spacing only",
    ]);
  });

  it("lists headline, byline, notes, figures, quotes and counts in that order", () => {
    const after = edit({
      title: "Council raises ferry fares by 12%",
      byline: "Marta Keane and Tomas Quill",
      paragraphs: [
        BASE.paragraphs[0] as string,
        "The ferry service faces a $2.1 million shortfall next year.",
        "“We have put this off for as long as we possibly could,” said Rob Castellano.",
        "Correction: An earlier version of this article misstated the shortfall.",
      ],
    });
    expect(labelsOf(after)).toEqual([
      "Headline changed",
      "Byline changed",
      "Correction added",
      "Figure changed: $1.2 → $2.1",
      "Quote changed",
      "2 paragraphs edited",
      "1 paragraph added",
      "1 paragraph removed",
    ]);
  });
});

describe("changeLabels at the worst case", () => {
  it("labels a 200,000-word paragraph of numbers and unclosed quotes rewritten end to end", () => {
    const numbers = (offset: number) =>
      Array.from({ length: 100_000 }, (_, i) => `“kept${i} ${i + offset}`).join(" ");
    const before = edit({ paragraphs: [numbers(0)] });
    const after = edit({ paragraphs: [numbers(500_000)] });
    const labels = changeLabels(diffVersions(before, after));
    // Every number changed: past the edit limit the paragraph shows as replaced after the shared
    // start, and the label names the first five figures.
    expect(labels).toEqual([
      {
        kind: "figures",
        changes: [0, 1, 2, 3, 4].map((i) => ({ before: `${i}`, after: `${i + 500_000}` })),
      },
      { kind: "edited", count: 1 },
    ]);
  });
});
