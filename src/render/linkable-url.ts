// Decides whether a URL taken from a fetched page may become a link: only http(s) does, so a
// `javascript:` or `data:` URL in an archive is shown as text and never followed.

/** The URL, normalized, if it is an absolute http(s) URL; otherwise `null`. */
export function linkableUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
}
