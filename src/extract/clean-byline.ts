// Tidies a byline found on the page: the "By" in front of the names, a date glued after them and
// a social-media handle are layout, not authorship.

const LEADING_BY = /^(?:by|from|von|por|par|door|di|av|af)\s*:?\s+/i;
const MONTH = "(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?";
// Where a date starts: "Apr 16, 2015", "16 April 2015", "11/18/19", "2015-04-16", "Updated …".
const DATE_START = new RegExp(
  `(?:^|[\\s,|·•–—-])(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)day\\b|${MONTH}\\s+\\d|\\d{1,2}\\.?\\s+${MONTH}\\s+\\d{4}|\\d{1,2}/\\d{1,2}/\\d{2,4}|\\d{4}-\\d{2}-\\d{2}|(?:updated|published|posted)\\b)`,
  "i",
);

/** "By Dan Goodin - Apr 16, 2015 8:02 pm UTC" → "Dan Goodin"; `null` when nothing is left. */
export function cleanByline(byline: string | null): string | null {
  if (byline === null) return null;
  let text = byline.replace(/\s+/g, " ").trim().replace(LEADING_BY, "");
  const date = text.search(DATE_START);
  if (date >= 0) text = text.slice(0, date);
  text = text
    .replace(/(?:\s+@\w+)+$/, "")
    .replace(/[\s,|·•–—-]+$/u, "")
    .trim();
  return text === "" ? null : text;
}
