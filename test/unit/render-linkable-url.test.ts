import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayText } from "../../src/render/display-text.ts";
import { linkableUrl } from "../../src/render/linkable-url.ts";

describe("linkableUrl", () => {
  it("links http and https URLs", () => {
    expect(linkableUrl("https://harbor.example/news/vote?x=1")).toBe(
      "https://harbor.example/news/vote?x=1",
    );
    expect(linkableUrl(" http://harbor.example ")).toBe("http://harbor.example/");
  });

  it("never links javascript:, data: or relative URLs", () => {
    expect(linkableUrl("javascript:alert(1)")).toBeNull();
    expect(linkableUrl(" JavaScript:alert(1)")).toBeNull();
    expect(linkableUrl("data:text/html,<script>alert(1)</script>")).toBeNull();
    expect(linkableUrl("/news/vote")).toBeNull();
  });

  it("returns only http(s) URLs whatever the input", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("http:", "HTTPS:", "javascript:", " jAvAsCrIpT:", "data:", "ftp:", ""),
        fc.string(),
        (scheme, rest) => {
          const url = linkableUrl(scheme + rest);
          return url === null || /^https?:\/\//.test(url);
        },
      ),
    );
  });
});

/** Any UTF-16 code unit, lone surrogates included. */
const codeUnit = fc.nat(0xffff).map((c) => String.fromCharCode(c));

describe("displayText", () => {
  it("drops characters HTML and XML cannot carry and keeps all other text", () => {
    expect(displayText("a\u0000b\u0007c\td\ne\uFFFEf\uD800g")).toBe("abc\td\nefg");
    // Noncharacters, in the BMP and in the other planes; a character beside them stays.
    expect(displayText("x\uFDD0y\u{1FFFE}z\u{10FFFF}\u{1F600}")).toBe("xyz\u{1F600}");
    expect(displayText("<script>é 😀")).toBe("<script>é 😀");
  });

  it("leaves no control characters or lone surrogates in any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: codeUnit }), (text) => {
        return [...displayText(text)].every((char) => {
          const code = char.codePointAt(0) ?? 0;
          const control = code < 0x20 && char !== "\t" && char !== "\n" && char !== "\r";
          const loneSurrogate = code >= 0xd800 && code <= 0xdfff;
          return !control && !loneSurrogate;
        });
      }),
    );
  });
});
