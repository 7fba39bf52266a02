// Builds the data of the listing pages — the front page of recent changes and each outlet's
// paginated list of articles — from every article's summary and change records. Pure.

import { compareStrings } from "./compare-strings.ts";
import type { LabelText } from "./describe-label.ts";
import { type TimeText, timeText } from "./format-time.ts";
import { type MostEditedItem, mostEdited } from "./most-edited.ts";
import type { ArticleSummary, ChangeRecord, GoneText, Link, PageBase } from "./page-types.ts";
import { type PageNavItem, pageNav, paginate } from "./paginate.ts";
import type { SiteUrls } from "./site-urls.ts";

const RECENT_CHANGES = 50;
const RECENT_HEADLINES = 20;
const ARTICLES_PER_PAGE = 50;
/** Headline changes on /headlines/; the headlines feed has the latest too. */
const HEADLINES_PAGE = 200;

/** A change as a listing shows it. */
export interface ChangeItem {
  time: TimeText;
  outlet: Link;
  number: number;
  headline: string;
  previousHeadline: string | null;
  /** The earlier version whose headline this one returns to (an A/B flip back). */
  revertsTo: number | null;
  href: string;
  articleHref: string;
  wordsAdded: number;
  wordsRemoved: number;
  labels: LabelText[];
  /** The article's first-versus-latest diff, when it has one. */
  firstToLatestHref: string | null;
}

/** `/`: recent changes across outlets. */
export interface HomePage extends PageBase {
  changes: ChangeItem[];
  headlines: ChangeItem[];
  /** The articles with the most new versions in the week up to the newest change. */
  mostEdited: { since: TimeText | null; until: TimeText | null; items: MostEditedItem[] };
  headlinesPage: string;
  totals: { outlets: number; articles: number; versions: number; changes: number };
  outlets: { name: string; href: string; feed: string; articles: number }[];
}

/** `/<outlet>/` and `/<outlet>/page/<N>/`: one page of an outlet's articles. */
export interface OutletPage extends PageBase {
  name: string;
  pageNumber: number;
  pageCount: number;
  articleCount: number;
  articles: {
    headline: string;
    href: string;
    versionCount: number;
    firstSeen: TimeText;
    lastChanged: TimeText;
    /** Set while the source answers 404/410. */
    gone: GoneText | null;
  }[];
  nav: (PageNavItem & { href?: string })[];
  previous: Link | null;
  next: Link | null;
}

/** `/headlines/`: the latest headline changes across outlets, each as was and now. */
export interface HeadlinesPage extends PageBase {
  changes: ChangeItem[];
  /** How many headline changes there are in all (the page shows the latest). */
  total: number;
}

/** Everything the listing pages are made from. */
export interface ListingInput {
  /** In display order; outlets without articles included. */
  outlets: readonly { id: string; name: string }[];
  summaries: readonly ArticleSummary[];
  /** Every version of every article (the first versions included). */
  changes: readonly ChangeRecord[];
  urls: SiteUrls;
}

/** The front page, every outlet page and the headline-changes page. */
export function listingPages(input: ListingInput): {
  home: HomePage;
  outlets: OutletPage[];
  headlines: HeadlinesPage;
} {
  const { outlets, summaries, changes, urls } = input;
  const byOutlet = new Map<string, ArticleSummary[]>(outlets.map((o) => [o.id, []]));
  for (const summary of summaries) byOutlet.get(summary.outlet)?.push(summary);

  const outletPages: OutletPage[] = [];
  for (const outlet of outlets) {
    const articles = [...(byOutlet.get(outlet.id) ?? [])].sort(byLastChanged);
    const pages = paginate(articles, ARTICLES_PER_PAGE);
    const pageHref = (page: number) => urls.href({ kind: "outlet", outlet: outlet.id, page });
    const feed = {
      href: urls.href({ kind: "feed", name: outlet.id }),
      text: `Changes at ${outlet.name}`,
    };
    for (const page of pages) {
      outletPages.push({
        outputPath: urls.file({ kind: "outlet", outlet: outlet.id, page: page.number }),
        title: page.number === 1 ? outlet.name : `${outlet.name}, page ${page.number}`,
        feed,
        share: null,
        scripts: [],
        name: outlet.name,
        pageNumber: page.number,
        pageCount: pages.length,
        articleCount: articles.length,
        articles: page.items.map((a) => ({
          headline: a.headline,
          href: a.href,
          versionCount: a.versionCount,
          firstSeen: timeText(a.firstSeen),
          lastChanged: timeText(a.lastChanged),
          gone: a.gone === null ? null : { since: timeText(a.gone.since), status: a.gone.status },
        })),
        nav: pageNav(page.number, pages.length).map((item) =>
          item.kind === "page" ? { ...item, href: pageHref(item.number) } : item,
        ),
        previous:
          page.number > 1
            ? { href: pageHref(page.number - 1), text: `Page ${page.number - 1}` }
            : null,
        next:
          page.number < pages.length
            ? { href: pageHref(page.number + 1), text: `Page ${page.number + 1}` }
            : null,
      });
    }
  }

  const edits = changes.filter((c) => c.number > 1).sort(byNewest);
  const toItem = (c: ChangeRecord): ChangeItem => ({
    time: timeText(c.time),
    outlet: { href: urls.href({ kind: "outlet", outlet: c.outlet, page: 1 }), text: c.outletName },
    number: c.number,
    headline: c.headline,
    previousHeadline: c.previousHeadline,
    revertsTo: c.revertsTo,
    href: c.href,
    articleHref: c.articleHref,
    wordsAdded: c.wordsAdded,
    wordsRemoved: c.wordsRemoved,
    labels: c.labels,
    firstToLatestHref: c.firstToLatestHref,
  });
  const home: HomePage = {
    outputPath: urls.file({ kind: "home" }),
    title: "Recent changes",
    feed: { href: urls.href({ kind: "feed", name: "all" }), text: "All changes" },
    share: null,
    scripts: [],
    changes: edits.slice(0, RECENT_CHANGES).map(toItem),
    headlines: edits
      .filter((c) => c.headlineChanged)
      .slice(0, RECENT_HEADLINES)
      .map(toItem),
    mostEdited: mostEdited(changes, urls),
    headlinesPage: urls.href({ kind: "headlines" }),
    totals: {
      outlets: outlets.length,
      articles: summaries.length,
      versions: changes.length,
      changes: edits.length,
    },
    outlets: outlets.map((o) => ({
      name: o.name,
      href: urls.href({ kind: "outlet", outlet: o.id, page: 1 }),
      feed: urls.href({ kind: "feed", name: o.id }),
      articles: byOutlet.get(o.id)?.length ?? 0,
    })),
  };
  const headlineChanges = edits.filter((c) => c.headlineChanged);
  const headlines: HeadlinesPage = {
    outputPath: urls.file({ kind: "headlines" }),
    title: "Headline changes",
    feed: { href: urls.href({ kind: "feed", name: "headlines" }), text: "Headline changes" },
    share: null,
    scripts: [],
    changes: headlineChanges.slice(0, HEADLINES_PAGE).map(toItem),
    total: headlineChanges.length,
  };
  return { home, outlets: outletPages, headlines };
}

/** Newest change first; ties in a fixed order so output never depends on input order. */
export function byNewest(a: ChangeRecord, b: ChangeRecord): number {
  return (
    Date.parse(b.time) - Date.parse(a.time) ||
    compareStrings(a.outlet, b.outlet) ||
    compareStrings(a.slug, b.slug) ||
    b.number - a.number
  );
}

function byLastChanged(a: ArticleSummary, b: ArticleSummary): number {
  return (
    Date.parse(b.lastChanged) - Date.parse(a.lastChanged) ||
    Date.parse(b.firstSeen) - Date.parse(a.firstSeen) ||
    compareStrings(a.slug, b.slug)
  );
}
