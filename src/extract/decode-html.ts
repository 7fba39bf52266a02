// Turns fetched bytes into a string using the charset the page declares, so that pages served as
// windows-1252 or Shift_JIS are read as their authors wrote them rather than as mojibake.

// How far into the document a `<meta charset>` may appear (the HTML spec's prescan looks at 1024
// bytes; real pages push it further with long comments and scripts).
const PRESCAN_BYTES = 4096;

/** Decodes an HTML response: charset from Content-Type, else a BOM, else `<meta>`, else UTF-8. */
export function decodeHtml(bytes: Uint8Array, contentType?: string | null): string {
  const bom = bomCharset(bytes);
  const label = headerCharset(contentType) ?? bom?.label ?? metaCharset(bytes) ?? "utf-8";
  const decoder = makeDecoder(label) ?? new TextDecoder("utf-8");
  // TextDecoder strips a BOM matching its own encoding; a mismatched one is left as text.
  const text = decoder.decode(bytes);
  return decoder.encoding === "windows-1252" ? fixWindows1252(text) : text;
}

// Bytes 0x80–0x9F in windows-1252 (which the web uses for every "latin1" label), in order.
// Node 20's decoder reads them as Latin-1 C1 controls, losing curly quotes, dashes and the euro.
const WINDOWS_1252_C1 =
  "\u20AC\u0081\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u008D\u017D\u008F" +
  "\u0090\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u009D\u017E\u0178";

function fixWindows1252(text: string): string {
  return text.replace(/[\u0080-\u009f]/g, (c) => WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c);
}

function headerCharset(contentType: string | null | undefined): string | null {
  const match = contentType?.match(/charset\s*=\s*["']?([^"';\s]+)/i);
  return match?.[1] && makeDecoder(match[1]) ? match[1] : null;
}

function bomCharset(bytes: Uint8Array): { label: string } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { label: "utf-8" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { label: "utf-16be" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { label: "utf-16le" };
  return null;
}

function metaCharset(bytes: Uint8Array): string | null {
  // Latin-1 maps every byte to one character, so ASCII markup reads correctly whatever the charset.
  const head = new TextDecoder("latin1").decode(bytes.subarray(0, PRESCAN_BYTES));
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = tag.match(/\bcharset\s*=\s*["']?\s*([^"'\s;/>]+)/i);
    const label = direct?.[1];
    if (label && makeDecoder(label)) return normalizeMetaLabel(label);
  }
  return null;
}

// A page that declares UTF-16 in a meta tag was necessarily read as ASCII-compatible bytes to find
// that tag, so the spec says to treat it as UTF-8.
function normalizeMetaLabel(label: string): string {
  return /^utf-?16/i.test(label) ? "utf-8" : label;
}

function makeDecoder(label: string): TextDecoder | null {
  try {
    return new TextDecoder(label.trim().toLowerCase());
  } catch {
    return null;
  }
}
