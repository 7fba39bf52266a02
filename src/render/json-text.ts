// JSON as the site writes it: compact, one line, and with `<`, `>`, `&`, U+2028 and U+2029
// written as \u escapes, so that a file holding page text such as "</script>" stays inert even if
// it is ever pasted into HTML or served as the wrong type. Parsing gives back the same values.

/** `value` as JSON text, followed by a newline. */
export function jsonText(value: unknown): string {
  const json = JSON.stringify(value).replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `${json}\n`;
}
