// Reads headline, author and publication date from `<meta>` tags (Open Graph, Dublin Core,
// Parse.ly, Sailthru…) and from `<time>`, `itemprop` and `rel=author` markup: the second most
// reliable source.

/** What a page's meta tags say; `null` where they say nothing. */
export interface MetaArticle {
  title: string | null;
  byline: string | null;
  published: string | null;
  siteName: string | null;
  /** From microdata or a `rel="author"` link rather than a `<meta>` tag. */
  markupByline: string | null;
  /** From a `<time datetime>` or microdata rather than a `<meta>` tag. */
  markupPublished: string | null;
}

const TITLE_KEYS = ["og:title", "twitter:title", "dc.title", "parsely-title", "sailthru.title"];
const AUTHOR_KEYS = [
  "author",
  "article:author",
  "byl",
  "parsely-author",
  "sailthru.author",
  "dc.creator",
  "dcterms.creator",
  "twitter:creator:name",
  "cxenseparse:author",
];
const DATE_KEYS = [
  "article:published_time",
  "og:article:published_time",
  "published_time",
  "datepublished",
  "parsely-pub-date",
  "sailthru.date",
  "dc.date.issued",
  "dcterms.issued",
  "dc.date",
  "dcterms.date",
  "dcterms.created",
  "pubdate",
  "publishdate",
  "publish-date",
  "publish_date",
  "date",
  "article.published",
  "originalpublicationdate",
  "cxenseparse:recs:publishtime",
];

/** Collects meta values keyed by lower-cased `property`/`name`/`itemprop`, first one wins. */
export function readMetaTags(document: Document): MetaArticle {
  const values = new Map<string, string>();
  for (const meta of document.getElementsByTagName("meta")) {
    const content = (meta.getAttribute("content") ?? "").trim();
    if (content === "") continue;
    for (const attr of ["property", "name", "itemprop"]) {
      for (const key of (meta.getAttribute(attr) ?? "").toLowerCase().split(/\s+/)) {
        if (key !== "" && !values.has(key)) values.set(key, content);
      }
    }
  }
  const first = (keys: string[], accept: (v: string) => boolean = () => true) =>
    keys.map((k) => values.get(k)).find((v): v is string => v !== undefined && accept(v)) ?? null;
  const notUrl = (v: string) => !/^(?:https?:)?\/\//.test(v) && !v.startsWith("@");
  return {
    title: first(TITLE_KEYS),
    byline: first(AUTHOR_KEYS, notUrl),
    published: first(DATE_KEYS),
    siteName: first(["og:site_name", "application-name"]),
    markupByline: itempropAuthor(document),
    markupPublished: timeElement(document),
  };
}

// Microdata, then the author link HTML defines (rel="author"), before Readability's guesses.
function itempropAuthor(document: Document): string | null {
  const el = document.querySelector(
    '[itemprop~="author"] [itemprop~="name"], [itemprop~="author"], a[rel~="author"]',
  );
  const text = el?.getAttribute("content") ?? el?.textContent ?? "";
  const clean = text.replace(/\s+/g, " ").trim();
  return clean !== "" && clean.length < 100 ? clean : null;
}

function timeElement(document: Document): string | null {
  const el =
    document.querySelector(
      '[itemprop~="datePublished"][datetime], [itemprop~="datePublished"][content]',
    ) ?? document.querySelector("article time[datetime], time[pubdate][datetime], time[datetime]");
  return el?.getAttribute("datetime") ?? el?.getAttribute("content") ?? null;
}
