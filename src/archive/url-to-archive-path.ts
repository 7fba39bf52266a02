// Maps an article's canonical URL to its archive file, `archive/<outlet>/<path>.md`: readable when
// the URL path is already tame, otherwise sanitized and suffixed with `--` and a hash of the whole
// URL. A tame path never contains `--` (sanitizing folds runs of dashes), so a hashed path can never
// equal a tame one; every path stays inside archive/<outlet>/ and checks out on Linux, macOS
// (case-insensitive) and Windows (no reserved device names, no trailing dots).

import { createHash } from "node:crypto";

const SAFE_SEGMENT = /^[a-z0-9][a-z0-9._-]*$/;
// Names the site uses below an article page (v1/, diff/, feed.atom, page/2/), or that would clash
// with the `index.md` a trailing slash maps to.
const RESERVED_SEGMENT = /^(index|v\d+|diff|feed\.atom|page)$/;
// Windows device names, reserved with any extension ("con.md", "nul.tar.gz") and in any case.
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[0-9]|lpt[0-9]|conin\$|conout\$)(\.|$)/i;
const MAX_SEGMENT = 80;
const MAX_PATH = 180;

/** Separates a hashed path from its hash; never part of a tame path. */
export const HASH_SEPARATOR = "--";

/**
 * `url` must be canonical (see canonicalUrl). `forceHash` asks for the hashed form even when the
 * path is tame (for a URL on another host of the outlet whose tame path is taken);
 * chooseArchivePath decides between the forms.
 */
export function urlToArchivePath(url: string, outletId: string, forceHash = false): string {
  const parsed = new URL(url);
  const raw = parsed.pathname.split("/").slice(1);
  let lossy = forceHash || parsed.search !== "";
  if (raw.length === 0 || raw[raw.length - 1] === "") {
    raw[raw.length === 0 ? 0 : raw.length - 1] = "index";
  } else if (RESERVED_SEGMENT.test(safeDecode(raw[raw.length - 1] ?? ""))) {
    lossy = true;
  }
  const segments: string[] = [];
  for (const [index, encoded] of raw.entries()) {
    const decoded = safeDecode(encoded);
    const isLast = index === raw.length - 1;
    let clean = sanitizeSegment(decoded);
    if (clean === "") {
      lossy = true;
      continue;
    }
    if (clean !== decoded || !SAFE_SEGMENT.test(clean)) lossy = true;
    if (!isLast && RESERVED_SEGMENT.test(clean)) lossy = true;
    // A folder named x.md would clash with the file of the URL that ends in /x.
    if (!isLast && clean.endsWith(".md")) {
      clean = `${clean.slice(0, -3)}_md`;
      lossy = true;
    }
    if (WINDOWS_DEVICE.test(clean)) {
      clean = clean.replace(/^([^.]*)/, "$1_");
      lossy = true;
    }
    segments.push(clean);
  }
  if (segments.length === 0) segments.push("index");
  let path = segments.join("/");
  if (path.length > MAX_PATH) {
    path = path.slice(0, MAX_PATH).replace(/[/._-]+$/, "");
    lossy = true;
  }
  if (lossy) path = `${path}${HASH_SEPARATOR}${hashOf(url)}`;
  return `archive/${outletId}/${path}.md`;
}

function sanitizeSegment(segment: string): string {
  return segment
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/-{2,}/g, "-")
    .replace(/^[._-]+/, "")
    .slice(0, MAX_SEGMENT)
    .replace(/[._-]+$/, "");
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The first 10 hex digits of the SHA-256 of `text`. */
export function hashOf(text: string): string {
  return createHash("sha256").update(text).digest("hex").slice(0, 10);
}
