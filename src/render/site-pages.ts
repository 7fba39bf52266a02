// The data of the site's own pages that come from no article: the search page and the 404 page.
// Pure.

import type { PageBase } from "./page-types.ts";
import type { SiteUrls } from "./site-urls.ts";

/** `/search/`: full-text search over every article (Pagefind), which needs JavaScript. */
export interface SearchPage extends PageBase {
  /** Where Pagefind's files are, and the site's path prefix that its result links need. */
  bundle: string;
  base: string;
  stylesheet: string;
}

/** `/404.html`: what a reader sees at an address the site does not have. */
export interface NotFoundPage extends PageBase {
  home: string;
  search: string;
}

/** The search page and the 404 page. */
export function sitePages(urls: SiteUrls): { search: SearchPage; notFound: NotFoundPage } {
  const feed = { href: urls.href({ kind: "feed", name: "all" }), text: "All changes" };
  return {
    search: {
      outputPath: urls.file({ kind: "search" }),
      title: "Search",
      feed,
      share: null,
      scripts: [
        urls.href({ kind: "pagefind", name: "pagefind-ui.js" }),
        urls.href({ kind: "asset", name: "search.js" }),
      ],
      bundle: urls.href({ kind: "pagefind", name: "" }),
      base: urls.href({ kind: "home" }),
      stylesheet: urls.href({ kind: "pagefind", name: "pagefind-ui.css" }),
    },
    notFound: {
      outputPath: urls.file({ kind: "not-found" }),
      title: "Page not found",
      feed,
      share: null,
      scripts: [],
      home: urls.href({ kind: "home" }),
      search: urls.href({ kind: "search" }),
    },
  };
}
