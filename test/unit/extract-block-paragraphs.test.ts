import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { blockParagraphs } from "../../src/extract/block-paragraphs.ts";

const blocksOf = (html: string) => {
  const { document } = parseHTML(`<html><body><div id="root">${html}</div></body></html>`);
  return blockParagraphs(document.getElementById("root") as Element);
};
const textsOf = (html: string) => blocksOf(html).map((b) => b.text);

describe("blockParagraphs", () => {
  it("ends a paragraph at every block element, not at inline markup", () => {
    expect(
      textsOf(
        "<p>One <b>bold</b> <a href='#'>link</a>.</p><h2>Sub</h2><ul><li>A</li><li>B</li></ul>",
      ),
    ).toEqual(["One bold link.", "Sub", "A", "B"]);
  });

  it("splits paragraphs separated by <br> and drops the empty ones between", () => {
    expect(textsOf("First line.<br><br>Second line.<br>\n<br>Third.")).toEqual([
      "First line.",
      "Second line.",
      "Third.",
    ]);
  });

  it("keeps text before and after a nested block as separate paragraphs", () => {
    expect(textsOf("Intro text<div>Inner</div>outro")).toEqual(["Intro text", "Inner", "outro"]);
  });

  it("leaves out scripts, styles, forms, buttons and captions", () => {
    expect(
      textsOf(
        "<p>Kept.</p><script>var x = '<p>no</p>';</script><style>p{}</style><figure><img alt='x'><figcaption>Caption</figcaption></figure><form><label>Email</label></form><button>Share</button>",
      ),
    ).toEqual(["Kept."]);
  });

  it("leaves out hidden elements", () => {
    expect(textsOf("<p>Kept.</p><p hidden>Hidden.</p>")).toEqual(["Kept."]);
  });

  it("keeps markup-like text as text, decoded once", () => {
    expect(textsOf("<p>Use &lt;script&gt; &amp;amp; friends</p>")).toEqual([
      "Use <script> &amp; friends",
    ]);
  });

  it("counts the characters inside links and records the block tag", () => {
    expect(blocksOf("<li>See <a href='#'>the map</a></li>")).toEqual([
      { text: "See the map", linkChars: 7, tag: "li" },
    ]);
  });
});
