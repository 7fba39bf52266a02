// The compare-any-two control: a plain GET form to the article's compare page, which renders the
// chosen pair with its script and, without one, lists the comparisons already rendered.

import type { ArticleContext } from "./article-context.ts";
import { formatTime } from "./format-time.ts";

/** The form's target and its choices, preselecting the first and latest versions. */
export interface CompareForm {
  action: string;
  versions: { number: number; text: string }[];
  from: number;
  to: number;
}

/** The form for the article in `context`; `null` when it has a single version. */
export function compareForm(context: ArticleContext): CompareForm | null {
  const { versions } = context.history;
  if (context.compare === null) return null;
  return {
    action: context.compare.href,
    versions: versions.map((v) => ({
      number: v.number,
      text: `Version ${v.number} (${formatTime(v.time)})`,
    })),
    from: 1,
    to: versions.length,
  };
}
