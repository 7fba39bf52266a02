import { describe, expect, it } from "vitest";
import type { DiffBody } from "../../src/render/diff-body.ts";
import { diffBodyHtml, feedDiffHtml, wordsHtml } from "../../src/render/diff-html.ts";

const body = (rows: DiffBody["rows"]): DiffBody => ({
  headline: { changed: false, words: [{ kind: "same", text: "Ferry <resumes>" }] },
  byline: null,
  rows,
  wordsAdded: 0,
  wordsRemoved: 0,
  paragraphs: { added: 0, removed: 0, edited: 0, moved: 0 },
});
const options = { from: 1, to: 2, labels: [], headlineRevertsTo: null };
const diffOf = (html: string) =>
  html.slice(html.indexOf("</div>\n") + 7, html.lastIndexOf("\n</div>"));

describe("wordsHtml", () => {
  it("marks removed words with del and added ones with ins, escaping every text", () => {
    const words = [
      { kind: "same", text: "Fees <b>rise</b> " },
      { kind: "removed", text: '"today"' },
      { kind: "added", text: "tomorrow & after" },
    ] as const;
    expect(wordsHtml(words, "both")).toBe(
      "Fees &lt;b&gt;rise&lt;/b&gt; <del>&quot;today&quot;</del><ins>tomorrow &amp; after</ins>",
    );
    expect(wordsHtml(words, "before")).toBe(
      "Fees &lt;b&gt;rise&lt;/b&gt; <del>&quot;today&quot;</del>",
    );
    expect(wordsHtml(words, "after")).toBe(
      "Fees &lt;b&gt;rise&lt;/b&gt; <ins>tomorrow &amp; after</ins>",
    );
  });
});

describe("diffBodyHtml", () => {
  it("folds unchanged paragraphs into a details element that opens in place", () => {
    expect(
      diffOf(diffBodyHtml(body([{ kind: "skipped", paragraphs: ["One.", "<Two>"] }]), options)),
    ).toBe(
      '<details class="row skipped"><summary>2 unchanged paragraphs</summary><p>One.</p><p>&lt;Two&gt;</p></details>',
    );
  });

  it("links a moved paragraph's old and new places to each other, saying which way it went", () => {
    const html = diffOf(
      diffBodyHtml(
        body([
          { kind: "moved-from", text: "Tide tables.", move: 1 },
          { kind: "same", text: "Kept." },
          {
            kind: "moved-to",
            before: "Tide tables.",
            after: "Tide tables.",
            words: [{ kind: "same", text: "Tide tables." }],
            move: 1,
          },
        ]),
        options,
      ),
    );
    expect(html.split("\n")).toEqual([
      '<div class="row moved-from" id="moved-from-1"><p class="old"><span class="tag">Moved paragraph</span> <a href="#moved-to-1">Moved further down</a>: <span class="moved-text">Tide tables.</span></p></div>',
      '<div class="row same"><p>Kept.</p></div>',
      '<div class="row moved-to" id="moved-to-1"><p class="both"><span class="tag">Moved paragraph</span> <a href="#moved-from-1">Moved here from further up</a>: Tide tables.</p><p class="old"><span class="tag">Before</span> <a href="#moved-from-1">Moved here from further up</a>: Tide tables.</p><p class="new"><span class="tag">After</span> Tide tables.</p></div>',
    ]);
  });

  it("says a paragraph moved up and marks its own edits", () => {
    const html = diffOf(
      diffBodyHtml(
        body([
          {
            kind: "moved-to",
            before: "Sails at 9.",
            after: "Sails at 10.",
            words: [
              { kind: "same", text: "Sails at " },
              { kind: "removed", text: "9" },
              { kind: "added", text: "10" },
              { kind: "same", text: "." },
            ],
            move: 1,
          },
          { kind: "moved-from", text: "Sails at 9.", move: 1 },
        ]),
        options,
      ),
    );
    expect(html).toContain(
      '<p class="both"><span class="tag">Moved and edited paragraph</span> <a href="#moved-from-1">Moved here from further down</a>: Sails at <del>9</del><ins>10</ins>.</p>',
    );
    expect(html).toContain('<a href="#moved-to-1">Moved further up</a>');
  });

  it("names the version a headline reverted to, and says when there is no body", () => {
    const html = diffBodyHtml(
      {
        ...body([]),
        headline: {
          changed: true,
          words: [
            { kind: "removed", text: "B" },
            { kind: "added", text: "A" },
          ],
        },
      },
      { ...options, headlineRevertsTo: { href: "/r/v1/", text: "version 1" } },
    );
    expect(html).toContain(
      '<p class="field"><span class="tag">Changed</span> <del>B</del><ins>A</ins></p>\n<p class="revert"><span class="tag">Reverted</span> Headline reverted to <a href="/r/v1/">version 1</a>: it is the same as that version’s headline.</p>',
    );
    expect(html).toContain('<div class="row skipped"><p>Neither version has body text.</p></div>');
    expect(html).not.toContain("byline-heading");
  });
});

describe("feedDiffHtml", () => {
  const diffUrl = "https://example.github.io/repo/harbor/news/ferry/diff/1..2/";

  it("shows a changed headline and each changed paragraph inline, and links the whole diff", () => {
    const html = feedDiffHtml(
      {
        ...body([
          { kind: "same", text: "Kept." },
          { kind: "removed", text: "Gone <now>." },
          { kind: "moved-from", text: "Moved.", move: 1 },
          { kind: "added", text: "New." },
          {
            kind: "moved-to",
            before: "Moved.",
            after: "Moved.",
            words: [{ kind: "same", text: "Moved." }],
            move: 1,
          },
        ]),
        headline: {
          changed: true,
          words: [
            { kind: "same", text: "Ferry " },
            { kind: "removed", text: "resumes" },
            { kind: "added", text: "sails" },
          ],
        },
      },
      diffUrl,
    );
    expect(html.split("\n")).toEqual([
      "<p><strong>Headline:</strong> Ferry <del>resumes</del><ins>sails</ins></p>",
      "<p><strong>Removed paragraph:</strong> <del>Gone &lt;now&gt;.</del></p>",
      "<p><strong>Added paragraph:</strong> <ins>New.</ins></p>",
      "<p><strong>Moved paragraph:</strong> Moved.</p>",
      `<p><a href="${diffUrl}">see the whole diff</a>.</p>`,
    ]);
  });

  it("shows at most 12 changed paragraphs of 50,000 and counts the rest", () => {
    const rows = Array.from(
      { length: 50_000 },
      (_, i) => ({ kind: "added", text: `P${i}.` }) as const,
    );
    const html = feedDiffHtml(body(rows), diffUrl);
    expect(html.match(/<ins>/g)).toHaveLength(12);
    expect(html.split("\n").at(-1)).toBe(
      `<p>49,988 more changed paragraphs: <a href="${diffUrl}">see the whole diff</a>.</p>`,
    );
  });

  it("cuts one huge changed paragraph to a few thousand characters, never inside a character", () => {
    const huge = "😀".repeat(500_000);
    const html = feedDiffHtml(body([{ kind: "added", text: huge }]), diffUrl);
    expect(html).toBe(
      `<p><strong>Added paragraph:</strong> <ins>${"😀".repeat(2_000)}…</ins></p>\n<p>The rest of this change: <a href="${diffUrl}">see the whole diff</a>.</p>`,
    );
  });
});
