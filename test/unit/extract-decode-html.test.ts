import { describe, expect, it } from "vitest";
import { decodeHtml } from "../../src/extract/decode-html.ts";

const latin = (s: string) => new Uint8Array([...s].map((c) => c.charCodeAt(0)));
const utf8 = (s: string) => new TextEncoder().encode(s);

describe("decodeHtml", () => {
  it("defaults to UTF-8", () => {
    expect(decodeHtml(utf8("<p>Café – “ok”</p>"))).toBe("<p>Café – “ok”</p>");
  });

  it("uses the charset from the Content-Type header first", () => {
    expect(
      decodeHtml(latin("<meta charset=utf-8><p>caf\xe9</p>"), "text/html; charset=ISO-8859-1"),
    ).toBe("<meta charset=utf-8><p>café</p>");
  });

  it("reads the charset from a meta charset tag", () => {
    expect(decodeHtml(latin('<meta charset="iso-8859-2"><p>\xb1</p>'))).toBe(
      '<meta charset="iso-8859-2"><p>ą</p>',
    );
  });

  it("reads the charset from a meta http-equiv tag", () => {
    const html = '<meta http-equiv="Content-Type" content="text/html; charset=shift_jis"><p>';
    const bytes = new Uint8Array([...latin(html), 0x82, 0xa0]);
    expect(decodeHtml(bytes)).toBe(`${html}<p>あ`.replace("<p><p>", "<p>"));
  });

  it("maps windows-1252 quotes, dashes and the euro sign correctly", () => {
    expect(decodeHtml(latin("<meta charset=windows-1252>\x93Hi\x94 \x96 \x80 5"))).toBe(
      "<meta charset=windows-1252>“Hi” – € 5",
    );
  });

  it("lets a byte-order mark win over a meta tag and strips it", () => {
    expect(
      decodeHtml(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("<meta charset=iso-8859-1>é")])),
    ).toBe("<meta charset=iso-8859-1>é");
  });

  it("ignores an unknown charset label and falls back to UTF-8", () => {
    expect(decodeHtml(utf8("<meta charset=klingon>é"), "text/html; charset=nonsense")).toBe(
      "<meta charset=klingon>é",
    );
  });
});
