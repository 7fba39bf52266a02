// Where every page and feed of the site lives: its file below the output directory, its link
// (with the base URL's path prefix, e.g. `/repo/`) and its absolute URL for feeds.

import { RESERVED_OUTLET_IDS } from "../config/reserved-outlet-ids.ts";
import { BuildError } from "../errors.ts";

/** A page or file of the site, by what it shows. */
export type SiteRef =
  | { kind: "home" }
  | { kind: "outlet"; outlet: string }
  /** Articles first seen on `day` (YYYY-MM-DD, UTC); `part` ≥ 2 continues a busy day. */
  | { kind: "day"; outlet: string; day: string; part: number }
  | { kind: "article"; outlet: string; slug: string }
  | { kind: "version"; outlet: string; slug: string; number: number }
  | { kind: "diff"; outlet: string; slug: string; from: number; to: number }
  /**
   * The first version next to the latest, `diff/1..latest/`: one address whatever the count, so
   * the pages that link it stay as they are when a version is added.
   */
  | { kind: "first-to-latest"; outlet: string; slug: string }
  /** The article's compare-any-two page, `diff/` above its pre-rendered diffs. */
  | { kind: "compare"; outlet: string; slug: string }
  | { kind: "article-feed"; outlet: string; slug: string }
  | { kind: "feed"; name: string }
  /** `/api/<outlet>/<slug>.json`: every version of one article. */
  | { kind: "api-article"; outlet: string; slug: string }
  /** `/api/index.json` and `/api/<outlet>.json`: what the API holds. */
  | { kind: "api-index" }
  | { kind: "api-outlet"; outlet: string }
  /** `/api/<outlet>/page/<YYYY-MM-DD>.json`: the outlet's articles first seen that day. */
  | { kind: "api-day"; outlet: string; day: string }
  | { kind: "headlines" }
  | { kind: "search" }
  | { kind: "status" }
  | { kind: "not-found" }
  | { kind: "stylesheet" }
  /** A file in `/assets/`: icons and scripts. */
  | { kind: "asset"; name: string }
  /** A file of the search index and its interface, which Pagefind writes to `/pagefind/`. */
  | { kind: "pagefind"; name: string };

/**
 * A page in an article's own folder, `/<outlet>/<slug>/`: the folder, and where the page lives
 * below it ("" for the folder's index page, a path ending in "/" for a directory page; its
 * characters need no encoding in a link). Null for a page elsewhere.
 */
function inArticleFolder(ref: SiteRef): { outlet: string; slug: string; below: string } | null {
  switch (ref.kind) {
    case "article":
      return { outlet: ref.outlet, slug: ref.slug, below: "" };
    case "version":
      return { outlet: ref.outlet, slug: ref.slug, below: `v${ref.number}/` };
    case "diff":
      return { outlet: ref.outlet, slug: ref.slug, below: `diff/${ref.from}..${ref.to}/` };
    case "first-to-latest":
      return { outlet: ref.outlet, slug: ref.slug, below: "diff/1..latest/" };
    case "compare":
      return { outlet: ref.outlet, slug: ref.slug, below: "diff/" };
    case "article-feed":
      return { outlet: ref.outlet, slug: ref.slug, below: "feed.atom" };
    default:
      return null;
  }
}

/** An API day file's name below `api/<outlet>/page/`. */
const DAY_FILE = /^\d{4}-\d{2}-\d{2}\.json$/;

/** Builds the file, link and absolute URL of any site page from one base URL. */
export class SiteUrls {
  readonly #base: URL;
  readonly #folders = new Map<string, { file: string; href: string }>();

  constructor(baseUrl: string) {
    let base: URL;
    try {
      base = new URL(baseUrl);
    } catch (cause) {
      throw new BuildError(
        `The site's base URL "${baseUrl}" is not an absolute URL; set site.baseUrl to one such as https://example.github.io/repo/.`,
        { cause },
      );
    }
    if (
      !/^https?:$/.test(base.protocol) ||
      !base.pathname.endsWith("/") ||
      base.search ||
      base.hash
    ) {
      throw new BuildError(
        `The site's base URL "${baseUrl}" must be an http(s) URL ending with "/" and without query or fragment, e.g. https://example.github.io/repo/.`,
      );
    }
    this.#base = base;
  }

  /** The output file, relative to the output directory, with raw (unencoded) path segments. */
  file(ref: SiteRef): string {
    const page = inArticleFolder(ref);
    if (page !== null) {
      const { below } = page;
      return (
        this.#folder(page).file +
        (below === "" || below.endsWith("/") ? `${below}index.html` : below)
      );
    }
    const segments = this.#segments(ref);
    const last = segments.at(-1);
    return last === "" ? [...segments.slice(0, -1), "index.html"].join("/") : segments.join("/");
  }

  /** A link usable from any page of the site: the base path plus the encoded page path. */
  href(ref: SiteRef): string {
    const page = inArticleFolder(ref);
    if (page !== null) return this.#folder(page).href + page.below;
    return this.#base.pathname + this.#segments(ref).map(encodeURIComponent).join("/");
  }

  /**
   * Every file one article occupies: its history page, feed and API file, a page per version and
   * per consecutive diff, and with two or more versions its compare page, with three or more its
   * first-versus-latest diff. The one list of them: a build checks that an article writes exactly
   * these, claims them against other articles, and removes them when it is taken down.
   */
  articleFiles(outlet: string, slug: string, versionCount: number): string[] {
    const files = [
      this.file({ kind: "article", outlet, slug }),
      this.file({ kind: "article-feed", outlet, slug }),
      this.file({ kind: "api-article", outlet, slug }),
    ];
    for (let number = 1; number <= versionCount; number++) {
      files.push(this.file({ kind: "version", outlet, slug, number }));
      if (number > 1) {
        files.push(this.file({ kind: "diff", outlet, slug, from: number - 1, to: number }));
      }
    }
    if (versionCount > 1) files.push(this.file({ kind: "compare", outlet, slug }));
    if (versionCount > 2) {
      files.push(this.file({ kind: "first-to-latest", outlet, slug }));
    }
    return files;
  }

  /**
   * The outlet whose own listing `file` is (its page, one of its day pages, or its API list or
   * day files), or null for any other file.
   */
  outletListingOf(file: string): string | null {
    const [first = "", second = ""] = file.split("/", 2);
    const outlet = first === "api" ? second.replace(/\.json$/, "") : first;
    const own =
      !RESERVED_OUTLET_IDS.has(outlet) &&
      (file === this.file({ kind: "outlet", outlet }) ||
        file === this.file({ kind: "api-outlet", outlet }) ||
        file.startsWith(`${outlet}/page/`) ||
        (file.startsWith(`api/${outlet}/page/`) &&
          DAY_FILE.test(file.slice(`api/${outlet}/page/`.length))));
    return own ? outlet : null;
  }

  /** How many files `articleFiles` lists, without listing them. */
  articleFileCount(versionCount: number): number {
    return 2 * versionCount + 2 + (versionCount > 1 ? 1 : 0) + (versionCount > 2 ? 1 : 0);
  }

  /** The absolute URL, as feeds need it. */
  absolute(ref: SiteRef): string {
    return this.#base.origin + this.href(ref);
  }

  /**
   * An article's folder as a file path and as a link, each ending in "/". Kept per article: a
   * build addresses every version and diff of every article (listings, feeds, page claims), and
   * only the folder needs splitting and encoding.
   */
  #folder(ref: { outlet: string; slug: string }): { file: string; href: string } {
    const key = `${ref.outlet}/${ref.slug}`;
    let folder = this.#folders.get(key);
    if (folder === undefined) {
      const segments = [ref.outlet, ...ref.slug.split("/")];
      folder = {
        file: `${segments.join("/")}/`,
        href: `${this.#base.pathname}${segments.map(encodeURIComponent).join("/")}/`,
      };
      this.#folders.set(key, folder);
    }
    return folder;
  }

  // A page's path as segments, for pages outside an article's folder; a trailing "" marks a
  // directory page (served as index.html).
  #segments(ref: SiteRef): string[] {
    switch (ref.kind) {
      case "home":
        return [""];
      case "outlet":
        return [ref.outlet, ""];
      case "day":
        return ref.part <= 1
          ? [ref.outlet, "page", ref.day, ""]
          : [ref.outlet, "page", ref.day, String(ref.part), ""];
      case "article":
      case "version":
      case "diff":
      case "first-to-latest":
      case "compare":
      case "article-feed":
        throw new RangeError(`${ref.kind} pages are addressed below their article's folder`);
      case "feed":
        return ["feeds", `${ref.name}.atom`];
      case "api-article": {
        const segments = ref.slug.split("/");
        return ["api", ref.outlet, ...segments.slice(0, -1), `${segments.at(-1)}.json`];
      }
      case "api-index":
        return ["api", "index.json"];
      case "api-outlet":
        return ["api", `${ref.outlet}.json`];
      case "api-day":
        return ["api", ref.outlet, "page", `${ref.day}.json`];
      case "headlines":
        return ["headlines", ""];
      case "search":
        return ["search", ""];
      case "status":
        return ["status", ""];
      case "not-found":
        return ["404.html"];
      case "stylesheet":
        return ["assets", "style.css"];
      case "asset":
        return ["assets", ref.name];
      case "pagefind":
        return ["pagefind", ref.name];
    }
  }
}
