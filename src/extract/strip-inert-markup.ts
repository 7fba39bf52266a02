// Cuts scripts, styles, comments, SVG, noscript fallbacks, form controls, navigation and sidebars
// out of a page's HTML before parsing: they never hold article text (the extractor would drop
// them anyway, see prune-furniture.ts), and on news pages they are most of the bytes and nodes, so
// building them into a DOM would dominate extraction time. JSON-LD scripts stay: they are data,
// and so does the canonical link, the article's identity. An SVG leaves an empty <svg> behind,
// the mark of an icon. Footers stay too: an article's own <footer> often holds its byline and
// <time>.

// Elements are matched whole, leftmost first, as the HTML tokenizer reads them, so that text like
// "<script>" inside a JSON-LD string or a raw <title> is never taken for a tag. Group 1 holds a
// script's attributes, group 2 the name of a raw-text element that must be kept as it is, group 3
// the name of a layout element (matched to its first closing tag: they are rarely nested).
const INERT =
  /<script\b([^>]*)>[\s\S]*?<\/script\s*>|<(title|textarea)\b[^>]*>[\s\S]*?<\/\2\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<svg\b[^>]*>[\s\S]*?<\/svg\s*>|<noscript\b[^>]*>[\s\S]*?<\/noscript\s*>|<template\b[^>]*>[\s\S]*?<\/template\s*>|<(?:select|button|iframe)\b[^>]*>[\s\S]*?<\/(?:select|button|iframe)\s*>|<(?:link|input)\b[^>]*>|<(nav|aside)\b[^>]*>[\s\S]*?<\/\3\s*>/gi;

/**
 * The page's HTML without elements that cannot contain article text. `keepLayout` keeps <nav> and
 * <aside>, for outlets whose configured selectors may point into them.
 */
export function stripInertMarkup(html: string, options: { keepLayout?: boolean } = {}): string {
  return html.replace(INERT, (match, scriptAttributes?: string, kept?: string, layout?: string) => {
    if (kept !== undefined || (layout !== undefined && options.keepLayout)) return match;
    if (scriptAttributes !== undefined && /ld\+json/i.test(scriptAttributes)) return match;
    if (/^<link\b[^>]*\brel\s*=\s*["']?[^"'>]*\bcanonical\b/i.test(match)) return match;
    // An icon's drawing goes, but not the fact that there was one: "<svg> 26" is a counter.
    if (/^<svg\b/i.test(match)) return "<svg></svg>";
    return "";
  });
}
