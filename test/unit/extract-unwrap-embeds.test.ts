import { parseHTML } from "linkedom";
import { describe, expect, it } from "vitest";
import { unwrapEmbeds } from "../../src/extract/unwrap-embeds.ts";

const bodyOf = (html: string) => {
  const { document } = parseHTML(`<html><body><article>${html}</article></body></html>`);
  unwrapEmbeds(document);
  return document.querySelector("article")?.innerHTML;
};

describe("unwrapEmbeds", () => {
  it("replaces the wrappers around an embedded post with the quote itself", () => {
    expect(
      bodyOf(
        '<p>Before.</p><div class="social-embed"><div class="inner"><blockquote class="tweet"><p>Quoted post</p></blockquote></div></div><p>After.</p>',
      ),
    ).toBe("<p>Before.</p><blockquote><p>Quoted post</p></blockquote><p>After.</p>");
  });

  it("leaves a quote in place when its parent also holds other text", () => {
    const html = '<div class="story"><p>Text.</p><blockquote>A quote</blockquote></div>';
    expect(bodyOf(html)).toBe(html);
  });
});
