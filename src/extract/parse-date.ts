// Turns the many ways pages state a publication date into ISO 8601, without consulting the
// machine's time zone, so the same page always gives the same value.

const ISO =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
const HAS_ZONE = /(?:\b(?:GMT|UTC|Z)\b|[+-]\d{2}:?\d{2}\s*$|\b[ECMP][SD]T\b)/;
const HAS_TIME = /\d{1,2}:\d{2}/;

/**
 * ISO 8601 for a date as a page states it: an instant with a zone becomes UTC (`…Z`), a local
 * date-time stays local (no zone invented), a bare date stays a date. Unparseable text is `null`.
 */
export function parseDate(raw: string): string | null {
  const text = raw.trim();
  if (text === "") return null;
  const iso = text.match(ISO);
  if (iso) return fromIso(iso);
  if (/^\d{10}(\d{3})?$/.test(text)) {
    // Unix timestamps in seconds or milliseconds (some outlets' meta tags use them).
    const ms = text.length === 13 ? Number(text) : Number(text) * 1000;
    return new Date(ms).toISOString().replace(".000Z", "Z");
  }
  if (!/[a-z]/i.test(text) && !/\d{4}/.test(text)) return null;
  if (HAS_ZONE.test(text)) {
    const ms = Date.parse(text);
    return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace(".000Z", "Z");
  }
  // No zone stated: read the wall-clock fields as if UTC, then print them without a zone.
  const ms = Date.parse(`${text} UTC`);
  if (Number.isNaN(ms)) return null;
  const local = new Date(ms).toISOString();
  return HAS_TIME.test(text) ? local.slice(0, 19) : local.slice(0, 10);
}

function fromIso(m: RegExpMatchArray): string | null {
  const [, y, mo, d, h, mi, s, zone] = m;
  if (Number(mo) < 1 || Number(mo) > 12 || Number(d) < 1 || Number(d) > 31) return null;
  if (h === undefined) return `${y}-${mo}-${d}`;
  const local = `${y}-${mo}-${d}T${h}:${mi}:${s ?? "00"}`;
  if (zone === undefined) return local;
  const offset = zone.toUpperCase() === "Z" ? "Z" : normalizeOffset(zone);
  const ms = Date.parse(`${local}${offset}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString().replace(".000Z", "Z");
}

function normalizeOffset(zone: string): string {
  const digits = zone.slice(1).replace(":", "").padEnd(4, "0");
  return `${zone[0]}${digits.slice(0, 2)}:${digits.slice(2, 4)}`;
}
