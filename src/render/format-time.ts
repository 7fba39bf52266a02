// Formats archive times for readers in one fixed way (UTC, English month names), so the same
// history always renders the same text whatever the build machine's locale or time zone.

/** A time as templates show it: machine-readable for `<time datetime>`, and formatted. */
export interface TimeText {
  iso: string;
  text: string;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "25 Nov 2026, 14:05 UTC" for an ISO 8601 time; the input itself when it does not parse. */
export function formatTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${formatDay(date)}, ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())} UTC`;
}

/** The time in both forms a page needs. */
export function timeText(iso: string): TimeText {
  return { iso, text: formatTime(iso) };
}

/** A day as a page shows it when the hour would claim more precision than there is. */
export function dateText(iso: string): TimeText {
  const date = new Date(iso);
  return { iso, text: Number.isNaN(date.getTime()) ? iso : formatDay(date) };
}

/**
 * A publication date as the page stated it: a bare ISO date as "25 Nov 2026", an ISO time as
 * {@link formatTime} does, anything else (an outlet's own wording) unchanged.
 */
export function formatPublished(text: string): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) {
    const date = new Date(`${text}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? text : formatDay(date);
  }
  return /^\d{4}-\d{2}-\d{2}T/.test(text) ? formatTime(text) : text;
}

function formatDay(date: Date): string {
  return `${date.getUTCDate()} ${MONTHS[date.getUTCMonth()]} ${date.getUTCFullYear()}`;
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
