// What every page shows around its content: the site's name, the outlets and the site's own
// pages in the header, the feeds in the footer, the stylesheet and the icon. Pure.

import type { SiteChrome } from "./page-renderer.ts";
import type { SiteUrls } from "./site-urls.ts";

/** The chrome of a site titled `title` with these outlets, in this order. */
export function siteChrome(input: {
  title: string;
  outlets: readonly { id: string; name: string }[];
  urls: SiteUrls;
}): SiteChrome {
  const { title, outlets, urls } = input;
  return {
    title,
    home: urls.href({ kind: "home" }),
    stylesheet: urls.href({ kind: "stylesheet" }),
    favicon: urls.href({ kind: "asset", name: "favicon.svg" }),
    outlets: outlets.map((o) => ({
      href: urls.href({ kind: "outlet", outlet: o.id }),
      text: o.name,
    })),
    pages: [
      { href: urls.href({ kind: "headlines" }), text: "Headline changes" },
      { href: urls.href({ kind: "search" }), text: "Search" },
      { href: urls.href({ kind: "status" }), text: "Status" },
    ],
    feeds: [
      { href: urls.href({ kind: "feed", name: "all" }), text: "all changes" },
      { href: urls.href({ kind: "feed", name: "headlines" }), text: "headline changes" },
    ],
  };
}
