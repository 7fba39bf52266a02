// Tidies a headline found in meta tags or <title>: the site's or section's name beside a
// separator is branding, not part of the headline.

import { countWords } from "../diff/tokenize-words.ts";

const SEPARATORS = [" | ", " - ", " – ", " — ", " :: ", " · "];

/**
 * "Headline | The Courier" → "Headline", when the suffix (or prefix) is the site's name, or when
 * the page's <h1> is exactly the headline beside a short name ("Opinion | Headline").
 */
export function cleanTitle(
  title: string | null,
  siteName: string | null,
  h1: string | null,
): string | null {
  if (title === null) return null;
  const clean = title.replace(/\s+/g, " ").trim();
  const heading = h1?.replace(/\s+/g, " ").trim();
  if (heading && clean !== heading && countWords(heading) >= 3) {
    // A site or section name is a few words beside a real headline; an <h1> of one or two words
    // is only a label ("Live") in front of the headline, and does not count.
    if (clean.startsWith(heading)) {
      const rest = clean.slice(heading.length);
      if (countWords(rest) <= 6 && /^\s*[|\-–—:·•»]\s*\S/.test(rest)) return heading;
    }
    if (clean.endsWith(heading)) {
      const before = clean.slice(0, -heading.length);
      if (countWords(before) <= 4 && /\S\s*[|\-–—:·•»]\s*$/.test(before)) return heading;
    }
  }
  const site = siteName?.trim();
  if (site) {
    for (const sep of SEPARATORS) {
      if (clean.endsWith(`${sep}${site}`)) return clean.slice(0, -(sep.length + site.length));
      if (clean.startsWith(`${site}${sep}`)) return clean.slice(site.length + sep.length);
    }
  }
  return clean === "" ? null : clean;
}
