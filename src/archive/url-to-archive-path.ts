// Maps an article's canonical URL to its archive file, `archive/<outlet>/<path>.md`: readable when
// the URL path is already tame, otherwise sanitized and suffixed with a hash of the whole URL, so
// the mapping never escapes archive/, stays file-system safe and never puts two URLs on one path.

import { createHash } from "node:crypto";

const SAFE_SEGMENT = /^[a-z0-9][a-z0-9._-]*$/;
// Names the site uses below an article page (v1/, diff/, feed.atom, page/2/), or that would clash
// with the `index.md` a trailing slash maps to.
const RESERVED_SEGMENT = /^(index|v\d+|diff|feed\.atom|page)$/;
const MAX_SEGMENT = 80;
const MAX_PATH = 180;

/**
 * `url` must be canonical (see canonicalUrl). `forceHash` asks for the hashed form even when the
 * path is tame: the fetcher uses it when the tame path already holds another URL (same path on
 * another host of the outlet).
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
    const clean = sanitizeSegment(decoded);
    if (clean === "") {
      lossy = true;
      continue;
    }
    if (clean !== decoded || !SAFE_SEGMENT.test(clean)) lossy = true;
    if (!isLast && (clean.endsWith(".md") || RESERVED_SEGMENT.test(clean))) lossy = true;
    segments.push(clean);
  }
  if (segments.length === 0) segments.push("index");
  let path = segments.join("/");
  if (path.length > MAX_PATH) {
    path = path.slice(0, MAX_PATH).replace(/[/._-]+$/, "");
    lossy = true;
  }
  if (lossy) path = `${path}-${hashOf(url)}`;
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

function hashOf(url: string): string {
  return createHash("sha256").update(url).digest("hex").slice(0, 10);
}
