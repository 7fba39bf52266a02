// Reads the article links out of an RSS, RDF or Atom feed or a sitemap in one streaming pass, in
// time linear in its size and memory bounded by the item cap: a feed with 100,000 items costs one
// parse, not 100,000 re-reads of the channel (the quadratic path of a DOM feed parser), and a feed
// that is broken says so instead of quietly giving no links.

import { Parser } from "htmlparser2";

/** At most this many items are read from one feed or sitemap; feeds list their newest first. */
export const MAX_ITEMS_PER_SOURCE = 1000;

/** What a feed or sitemap gave. */
export type FeedLinks =
  | {
      kind: "links";
      /** Item links in document order (relative ones resolved against the channel link). */
      links: string[];
      /** Items counted in the whole document, read or not. */
      items: number;
      /** What was wrong with it, although some links may have been read: one line, or null. */
      problem: string | null;
    }
  | { kind: "invalid"; reason: string };

const ROOTS = { feed: ["rss", "rdf", "feed"], sitemap: ["urlset"] } as const;
const ITEMS = new Set(["item", "entry", "url"]);

/** Reads `xml` as a feed (RSS, RDF, Atom) or a sitemap (`<urlset>`). Never throws. */
export function feedLinks(
  xml: string,
  format: "feed" | "sitemap",
  maxItems = MAX_ITEMS_PER_SOURCE,
): FeedLinks {
  const stack: string[] = [];
  let root: string | null = null;
  let items = 0;
  let item: { link: string | null; text: string; inLink: boolean; atomRel: boolean } | null = null;
  let channelLink: string | null = null;
  let channelText: string | null = null;
  let malformed: { offset: number; why: string } | null = null;
  const raw: string[] = [];

  const parser = new Parser(
    {
      onopentag(qualified, attributes) {
        const name = localName(qualified);
        if (root === null) root = name;
        const parent = stack[stack.length - 1];
        stack.push(name);
        if (stack.length === 2 || (stack.length === 3 && root === "rss")) {
          if (ITEMS.has(name) && isItemOf(root, name)) {
            items++;
            item =
              items <= maxItems ? { link: null, text: "", inLink: false, atomRel: false } : null;
            return;
          }
        }
        if (item && item.link === null && isLinkElement(root, parent, name)) {
          if (root === "feed") {
            const rel = attributes.rel ?? "alternate";
            if (rel === "alternate" && attributes.href) item.link = attributes.href;
          } else {
            item.inLink = true;
            item.text = "";
          }
          return;
        }
        // The channel's own link, against which relative item links resolve.
        if (channelLink === null && name === "link" && !item && isChannel(root, parent)) {
          if (root === "feed") {
            if ((attributes.rel ?? "alternate") === "alternate" && attributes.href) {
              channelLink = attributes.href;
            }
          } else {
            channelText = "";
          }
        }
      },
      ontext(text) {
        if (item?.inLink) item.text += text;
        else if (channelText !== null) channelText += text;
      },
      onclosetag(qualified, isImplied) {
        const name = localName(qualified);
        // htmlparser2 reports a self-closing tag as implied too; only a real one is a fault.
        const implied =
          isImplied &&
          !(xml.startsWith(`<${qualified}`, parser.startIndex) && xml[parser.endIndex - 1] === "/");
        if (implied && malformed === null) {
          malformed = {
            offset: parser.startIndex,
            why:
              parser.endIndex >= xml.length - 1
                ? `it ends before <${qualified}> is closed (cut short?)`
                : `<${qualified}> is not closed where it should be`,
          };
        }
        stack.pop();
        if (item?.inLink && isLinkElement(root, stack[stack.length - 1], name)) {
          item.inLink = false;
          // A link whose element never closed may be cut short: not taken.
          const link = item.text.trim();
          if (link !== "" && !implied) item.link = link;
        } else if (channelText !== null && name === "link") {
          if (channelText.trim() !== "" && !implied) channelLink = channelText.trim();
          channelText = null;
        }
        if (
          item &&
          ITEMS.has(name) &&
          (stack.length === 1 || (stack.length === 2 && root === "rss"))
        ) {
          if (item.link !== null && !implied) raw.push(item.link);
          item = null;
        }
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);

  const kindName = format === "feed" ? "RSS or Atom feed" : "sitemap";
  if (root === null) {
    return { kind: "invalid", reason: `not a valid ${kindName}: no XML elements in it` };
  }
  if (!(ROOTS[format] as readonly string[]).includes(root)) {
    const hint = root === "sitemapindex" ? " (a sitemap index: list the sitemaps it names)" : "";
    return {
      kind: "invalid",
      reason: `not a valid ${kindName}: its root element is <${root}>${hint}`,
    };
  }
  const base = channelLink !== null && URL.canParse(channelLink) ? channelLink : undefined;
  const links = raw.map((link) =>
    base && URL.canParse(link, base) ? new URL(link, base).href : link,
  );
  const problems: string[] = [];
  const broken = malformed as { offset: number; why: string } | null;
  if (broken) {
    problems.push(`not well-formed XML at line ${lineAt(xml, broken.offset)}: ${broken.why}`);
  }
  if (items > maxItems) {
    problems.push(
      `${items} items; read the first ${maxItems}, the most stet reads from one ${format}`,
    );
  }
  if (items > 0 && links.length === 0 && !broken) {
    problems.push(`${plural(Math.min(items, maxItems), "item")}, none with a link`);
  }
  const problem =
    problems.length === 0
      ? null
      : `${problems.join("; ")}${broken ? `; ${plural(links.length, "link")} read from it` : ""}`;
  return { kind: "links", links, items, problem };
}

// "atom:link" → "link", "rdf:RDF" → "rdf".
function localName(qualified: string): string {
  return qualified.slice(qualified.indexOf(":") + 1).toLowerCase();
}

function isItemOf(root: string | null, name: string): boolean {
  if (root === "feed") return name === "entry";
  if (root === "urlset") return name === "url";
  return name === "item";
}

function isChannel(root: string | null, parent: string | undefined): boolean {
  return root === "rss" || root === "rdf"
    ? parent === "channel"
    : root === "feed" && parent === "feed";
}

// The element that carries an item's link: RSS <link>, Atom <link href>, sitemap <loc>.
function isLinkElement(root: string | null, parent: string | undefined, name: string): boolean {
  if (!parent || !ITEMS.has(parent)) return false;
  return root === "urlset" ? name === "loc" : name === "link";
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf("\n"); i !== -1 && i < offset; i = text.indexOf("\n", i + 1)) line++;
  return line;
}
