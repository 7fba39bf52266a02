// Decodes HTML character references in text that the HTML parser never saw (JSON-LD strings),
// without interpreting anything that looks like a tag: `&lt;b&gt;` becomes the text `<b>`.

import { parseHTML } from "linkedom";

const { document } = parseHTML("<!doctype html><html><body></body></html>");
const scratch = document.createElement("div");

/** Decodes `&amp;`, `&#8217;`, `&rsquo;`… once; markup-like text stays text. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  // Escaping `<` first means the parser can only decode references, never build elements.
  scratch.innerHTML = text.replace(/</g, "&lt;");
  return scratch.textContent ?? text;
}
