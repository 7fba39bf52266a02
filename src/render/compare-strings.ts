// The one ordering of strings the site uses to break ties: by UTF-16 code units, the same on every
// machine and locale, so output never depends on input order or on where the build runs.

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
