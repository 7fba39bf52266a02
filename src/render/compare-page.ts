// The data of an article's compare page, `/<outlet>/<slug>/diff/`: the landing page of the
// compare-any-two form. Its script renders the chosen pair from the article's API file with the
// build's own diff code; without a script, it lists the comparisons already rendered. Pure.

import type { ArticleContext } from "./article-context.ts";
import { type CompareForm, compareForm } from "./compare-form.ts";
import type { Link, PageBase } from "./page-types.ts";
import { plainText } from "./plain-text.ts";

/** `/<outlet>/<slug>/diff/`: compare any two versions. */
export interface ComparePage extends PageBase {
  outlet: Link;
  article: Link;
  form: CompareForm;
  /** The article's API file, which the script reads the versions from. */
  api: string;
  /** The comparisons rendered at build time: first → latest, then each consecutive pair. */
  ready: Link[];
}

/** The compare page of the article in `context`; `null` for an article with one version. */
export function comparePage(context: ArticleContext): ComparePage | null {
  const { history, urls } = context;
  const { outlet, slug, versions } = history;
  const form = compareForm(context);
  if (form === null) return null;
  const ready: Link[] = [];
  if (context.firstToLatestLink !== null) ready.push(context.firstToLatestLink);
  for (let i = 1; i < versions.length; i++) {
    const [a, b] = [versions[i - 1], versions[i]];
    if (a === undefined || b === undefined) continue;
    ready.push({
      href: context.diffHref(a.number, b.number),
      text: `Version ${a.number} → ${b.number}`,
    });
  }
  return {
    outputPath: urls.file({ kind: "compare", outlet, slug }),
    title: plainText(`${context.headline} — compare versions`),
    feed: context.feed,
    share: null,
    scripts: [urls.href({ kind: "asset", name: "compare.js" })],
    outlet: context.outlet,
    article: context.article,
    form,
    api: urls.href({ kind: "api-article", outlet, slug }),
    ready,
  };
}
