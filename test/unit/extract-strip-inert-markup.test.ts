import { describe, expect, it } from "vitest";
import { stripInertMarkup } from "../../src/extract/strip-inert-markup.ts";

describe("stripInertMarkup", () => {
  it("removes scripts, styles, comments, SVG, noscript and templates", () => {
    expect(
      stripInertMarkup(
        '<p>a</p><script src="x.js"></script><script>if (a < b) {}</script><style>p{}</style><!-- note --><svg><text>icon</text></svg><noscript><img src=x></noscript><template><p>t</p></template><p>b</p>',
      ),
    ).toBe("<p>a</p><svg></svg><p>b</p>");
  });

  it("removes form controls, frames and stylesheet links", () => {
    expect(
      stripInertMarkup(
        '<link rel="stylesheet" href="a.css"><p>a</p><button type="button">Share</button><select><option>UK</option></select><input type="email"><iframe src="x"></iframe><p>b</p>',
      ),
    ).toBe("<p>a</p><p>b</p>");
  });

  it("keeps the canonical link, the article's identity", () => {
    expect(
      stripInertMarkup(
        '<link rel="preload" href="a.js"><LINK REL="Canonical" href="/news/a"><p>a</p>',
      ),
    ).toBe('<LINK REL="Canonical" href="/news/a"><p>a</p>');
  });

  it("removes navigation and sidebars with their contents, but keeps footers", () => {
    expect(
      stripInertMarkup(
        '<nav class="menu"><a href="/">Home</a></nav><p>a</p><aside><h3>Most read</h3></aside><footer><time>1 May</time></footer>',
      ),
    ).toBe("<p>a</p><footer><time>1 May</time></footer>");
  });

  it("keeps navigation and sidebars when asked to keep the layout", () => {
    const html = "<nav><a>Home</a></nav><aside>Box</aside><script>x()</script>";
    expect(stripInertMarkup(html, { keepLayout: true })).toBe(
      "<nav><a>Home</a></nav><aside>Box</aside>",
    );
  });

  it("keeps JSON-LD scripts whole, even when their strings contain <script>", () => {
    const jsonLd = '<script type="application/ld+json">{"headline":"The <script> tag"}</script>';
    expect(stripInertMarkup(`${jsonLd}<p>text</p>`)).toBe(`${jsonLd}<p>text</p>`);
  });

  it("keeps a raw <title> whose text looks like a script tag", () => {
    const title = "<title>Why <script> breaks pages</title>";
    expect(stripInertMarkup(`${title}<p>text</p><script>x()</script>`)).toBe(`${title}<p>text</p>`);
  });

  it("leaves escaped markup-like text alone", () => {
    expect(stripInertMarkup("<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>")).toBe(
      "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    );
  });
});
