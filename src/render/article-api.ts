// The article's file in the site's JSON API, `/api/<outlet>/<slug>.json`: every version's text
// and metadata exactly as archived, with links to its pages and to its commit, for programs and
// for the compare page's script. Pure.

import { type ArticleContext, commitLinks } from "./article-context.ts";
import { jsonText } from "./json-text.ts";

/** One version in the API. Texts are exactly as archived; `null` where the page had none. */
export interface ApiVersion {
  number: number;
  /** Fetch time, ISO 8601 UTC. */
  time: string;
  commit: string;
  /** The commit and the archived file on the forge; `null` when the repository is unknown. */
  commitUrl: string | null;
  fileUrl: string | null;
  url: string;
  title: string | null;
  byline: string | null;
  published: string | null;
  paragraphs: string[];
  /** The earlier version whose headline this one returns to. */
  revertsTo: number | null;
  /** What the version changed, in words (as the site shows them). */
  labels: string[];
  /** The version's page and the diff page from the version before. */
  page: string;
  diff: string | null;
}

/** The whole file. */
export interface ApiArticle {
  outlet: { id: string; name: string };
  url: string;
  /** The archive file, relative to the repository. */
  file: string;
  page: string;
  feed: string;
  gone: { since: string; status: number } | null;
  versions: ApiVersion[];
}

/** The API file of the article in `context`: where it goes and its JSON text. */
export function articleApi(context: ArticleContext): { file: string; json: string } {
  const { history, urls } = context;
  const { outlet, slug, versions } = history;
  const data: ApiArticle = {
    outlet: { id: outlet, name: context.outlet.text },
    url: history.url,
    file: history.file,
    page: context.articleUrl,
    feed: urls.absolute({ kind: "article-feed", outlet, slug }),
    gone: history.gone,
    versions: versions.map((version, i) => {
      const links = commitLinks(context, version);
      const previous = versions[i - 1];
      return {
        number: version.number,
        time: version.time,
        commit: version.commit,
        commitUrl: links.commitHref,
        fileUrl: links.fileHref,
        url: version.url,
        title: version.title,
        byline: version.byline,
        published: version.published,
        paragraphs: version.paragraphs,
        revertsTo: version.revertsTo ?? null,
        labels: (context.labels[i] ?? []).map((label) => label.text),
        page: urls.absolute({ kind: "version", outlet, slug, number: version.number }),
        diff:
          previous === undefined
            ? null
            : urls.absolute({
                kind: "diff",
                outlet,
                slug,
                from: previous.number,
                to: version.number,
              }),
      };
    }),
  };
  return {
    file: urls.file({ kind: "api-article", outlet, slug }),
    json: jsonText(data),
  };
}
