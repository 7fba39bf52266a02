// Says how long after the previous version a version was fetched, the way a reader would:
// "about 4 hours later". Rounded, never precise, because fetch times are only as exact as the
// schedule that produced them.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** "about 4 hours later" for the time from `fromIso` to `toIso` (both ISO 8601). */
export function describeInterval(fromIso: string, toIso: string): string {
  const ms = Date.parse(toIso) - Date.parse(fromIso);
  if (Number.isNaN(ms)) return "at an unknown time";
  const direction = ms < 0 ? "earlier" : "later";
  const span = Math.abs(ms);
  if (span < MINUTE) return `less than a minute ${direction}`;
  const minutes = Math.round(span / MINUTE);
  if (minutes < 60) return `about ${count(minutes, "a minute", "minutes")} ${direction}`;
  const hours = Math.round(span / HOUR);
  if (hours < 24) return `about ${count(hours, "an hour", "hours")} ${direction}`;
  const days = Math.round(span / DAY);
  return `about ${count(days, "a day", "days")} ${direction}`;
}

function count(n: number, one: string, many: string): string {
  return n === 1 ? one : `${n.toLocaleString("en-US")} ${many}`;
}
