// Frees quoted posts (tweets, Instagram captions, quoted statements) from the wrappers embed
// widgets put around them: the wrappers' class names ("social-embed") make Readability discard
// quotes that the article relies on.

/** Replaces each blockquote's text-less wrappers with the blockquote itself, unclassed, in place. */
export function unwrapEmbeds(document: Document): void {
  for (const quote of [...document.getElementsByTagName("blockquote")]) {
    const length = textLength(quote);
    if (length === 0) continue;
    let wrapper: Element = quote;
    for (let parent = wrapper.parentElement; parent; parent = parent.parentElement) {
      const tag = parent.localName.toLowerCase();
      if (tag === "body" || tag === "article" || tag === "main" || textLength(parent) !== length)
        break;
      wrapper = parent;
    }
    if (wrapper !== quote) wrapper.replaceWith(quote);
    // The quote's own class ("social-post") would get it discarded just the same.
    quote.removeAttribute("class");
    quote.removeAttribute("id");
  }
}

function textLength(el: Element): number {
  return (el.textContent ?? "").replace(/\s+/g, "").length;
}
