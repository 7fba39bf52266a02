// Flattens an article's DOM into paragraphs: every block boundary (`<p>`, `<li>`, headings,
// `<br>`, table rows…) ends one, inline markup never does, and non-content elements add no text.

/** One paragraph of text with what the cleaning rules need to know about where it came from. */
export interface Block {
  text: string;
  /** Characters of `text` that sit inside links: a paragraph that is all link is navigation. */
  linkChars: number;
  /** Lower-case tag name of the nearest block element (`p`, `li`, `h2`…). */
  tag: string;
}

/** Elements that start and end a paragraph of their own. */
export const BLOCK_TAGS: ReadonlySet<string> = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "body",
  "caption",
  "center",
  "dd",
  "details",
  "dialog",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figure",
  "footer",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "hgroup",
  "hr",
  "li",
  "main",
  "menu",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "tfoot",
  "th",
  "thead",
  "tr",
  "ul",
]);

// Never article text: code, media, controls, and the caption under a photo.
const SKIP = new Set([
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "math",
  "iframe",
  "object",
  "embed",
  "canvas",
  "video",
  "audio",
  "picture",
  "img",
  "button",
  "select",
  "textarea",
  "input",
  "form",
  "figcaption",
  "head",
  "title",
  "meta",
  "link",
]);

/** Splits `root`'s text into blocks; whitespace inside a block collapses to single spaces. */
export function blockParagraphs(root: Element): Block[] {
  const blocks: Block[] = [];
  let text = "";
  let linkChars = 0;
  const tags: string[] = [];

  const flush = () => {
    const trimmed = text.replace(/\s+/g, " ").trim();
    if (trimmed !== "") {
      blocks.push({
        text: trimmed,
        linkChars: Math.min(linkChars, trimmed.length),
        tag: tags.at(-1) ?? "div",
      });
    }
    text = "";
    linkChars = 0;
  };

  const walk = (node: Node, inLink: boolean) => {
    for (let child = node.firstChild; child !== null; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const value = child.nodeValue ?? "";
        text += value;
        if (inLink) linkChars += value.replace(/\s+/g, " ").trim().length;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      const tag = element.localName.toLowerCase();
      if (SKIP.has(tag) || element.hasAttribute("hidden")) continue;
      if (tag === "br") {
        flush();
        continue;
      }
      if (tag === "td" || tag === "th") {
        // A table row reads as one line: its cells, space-separated.
        text += " ";
        walk(element, inLink);
        text += " ";
        continue;
      }
      if (BLOCK_TAGS.has(tag)) {
        flush();
        tags.push(tag);
        walk(element, inLink);
        flush();
        tags.pop();
      } else {
        walk(element, inLink || tag === "a");
      }
    }
  };

  tags.push(root.localName?.toLowerCase() ?? "div");
  walk(root, false);
  flush();
  return blocks;
}
