// Turns one fetched page into what the fetch compares with the archive: the article's canonical
// URL, its normalized text (the outlet's ignore patterns applied), and whether the page stands in
// for the article (a teaser or wall). Pure: the same bytes always give the same observation.

import { decodeHtml } from "../extract/decode-html.ts";
import { extract } from "../extract/extract.ts";
import { normalizeArticle } from "../normalize/normalize-article.ts";
import type { Article, Outlet } from "../types.ts";
import { detectTeaser } from "./detect-teaser.ts";
import { findCanonical } from "./find-canonical.ts";
import type { PageResult } from "./polite-client.ts";

/** What one check saw, before it is compared with the archive. */
export type Observation =
  | { kind: "disallowed" }
  | { kind: "failed"; reason: string }
  | { kind: "not-modified" }
  | { kind: "gone"; status: number }
  | {
      kind: "page";
      /** The URL the page was finally served from, after redirects. */
      finalUrl: string;
      /** The article's identity: canonical link on the same site, else the final URL. */
      canonical: string;
      article: Article;
      /** Why the page stands in for the article (paywall, login wall…), or null. */
      teaser: string | null;
      etag: string | null;
      lastModified: string | null;
    };

/** The observation of a fetch result; pages are decoded, extracted and normalized. */
export function observePage(result: PageResult, outlet: Outlet): Observation {
  switch (result.kind) {
    case "disallowed":
      return { kind: "disallowed" };
    case "failed":
      return { kind: "failed", reason: result.reason };
    case "not-modified":
      return { kind: "not-modified" };
    case "gone":
      return { kind: "gone", status: result.status };
    case "ok": {
      const html = decodeHtml(result.body, result.contentType);
      const canonical = findCanonical(html, result.url);
      const extracted = normalizeArticle(extract(html, canonical, outlet.selectors));
      const article = {
        ...extracted,
        paragraphs: extracted.paragraphs.filter((p) => !outlet.ignore.some((r) => r.test(p))),
      };
      return {
        kind: "page",
        finalUrl: result.url,
        canonical,
        article,
        teaser: detectTeaser(html, article),
        etag: result.etag,
        lastModified: result.lastModified,
      };
    }
  }
}
