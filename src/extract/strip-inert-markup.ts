// Cuts scripts, styles, comments, SVG, noscript fallbacks and form controls out of a page's HTML
// before parsing: they never hold article text, and on news pages they are often most of the
// bytes, so building them into a DOM would dominate extraction time. JSON-LD scripts stay: data.

// Elements are matched whole, leftmost first, as the HTML tokenizer reads them, so that text like
// "<script>" inside a JSON-LD string or a raw <title> is never taken for a tag. Group 1 holds a
// script's attributes, group 2 the name of a raw-text element that must be kept as it is.
const INERT =
  /<script\b([^>]*)>[\s\S]*?<\/script\s*>|<(title|textarea)\b[^>]*>[\s\S]*?<\/\2\s*>|<style\b[^>]*>[\s\S]*?<\/style\s*>|<!--[\s\S]*?-->|<svg\b[^>]*>[\s\S]*?<\/svg\s*>|<noscript\b[^>]*>[\s\S]*?<\/noscript\s*>|<template\b[^>]*>[\s\S]*?<\/template\s*>|<(?:select|button|iframe)\b[^>]*>[\s\S]*?<\/(?:select|button|iframe)\s*>|<(?:link|input)\b[^>]*>/gi;

/** The page's HTML without elements that cannot contain article text. */
export function stripInertMarkup(html: string): string {
  return html.replace(INERT, (match, scriptAttributes?: string, kept?: string) => {
    if (kept !== undefined) return match;
    if (scriptAttributes !== undefined && /ld\+json/i.test(scriptAttributes)) return match;
    return "";
  });
}
