// Escapes text for HTML and XML, in element content and in quoted attribute values alike. The
// templates escape by themselves (Nunjucks autoescape); this is for the HTML that code writes:
// the diff body and the feeds' entry content.

/** `text` with `& < > " '` replaced by character references. */
export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
