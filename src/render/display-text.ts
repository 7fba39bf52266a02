// Makes archived text safe to place in HTML and XML as text: escaping is the templates' and the
// feed library's job, but some characters cannot be escaped at all (XML forbids most control
// characters and lone surrogates; HTML calls controls and noncharacters parse errors) and would
// make a page or feed invalid.

// C0/C1 controls except tab, line feed and carriage return; unpaired surrogates; noncharacters
// (U+FDD0–U+FDEF and the last two code points of every plane).
const UNREPRESENTABLE =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD83F\uD87F\uD8BF\uD8FF\uD93F\uD97F\uD9BF\uD9FF\uDA3F\uDA7F\uDABF\uDAFF\uDB3F\uDB7F\uDBBF\uDBFF][\uDFFE\uDFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** The text without characters that HTML and XML cannot carry; everything else is kept as is. */
export function displayText(text: string): string {
  return text.replace(UNREPRESENTABLE, "");
}
