// Makes archived text safe to place in HTML and XML as text: escaping is the templates' and the
// feed library's job, but some characters cannot be escaped at all (XML forbids most control
// characters and lone surrogates) and would make a page or feed invalid.

// C0/C1 controls except tab, line feed and carriage return; U+FFFE/U+FFFF; unpaired surrogates.
const UNREPRESENTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without characters that HTML and XML cannot carry; everything else is kept as is. */
export function displayText(text: string): string {
  return text.replace(UNREPRESENTABLE, "");
}
