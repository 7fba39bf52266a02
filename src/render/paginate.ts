// Splits a listing into numbered pages and picks which page numbers its navigation shows, so
// long outlet listings stay lean and the navigation stays short on a phone.

/** One page of a listing. */
export interface ListPage<T> {
  /** 1-based. */
  number: number;
  items: T[];
}

/** A link in the page navigation, or a gap ("…") standing for the page numbers left out. */
export type PageNavItem = { kind: "page"; number: number; current: boolean } | { kind: "gap" };

/** Pages of at most `size` items, in order; always at least one page (an empty listing). */
export function paginate<T>(items: readonly T[], size: number): ListPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be ≥ 1: ${size}`);
  const pages: ListPage<T>[] = [];
  for (let start = 0; start < items.length || start === 0; start += size) {
    pages.push({ number: pages.length + 1, items: items.slice(start, start + size) });
  }
  return pages;
}

/**
 * The page numbers to link from page `current` of `total`: the first and last page, and the
 * pages within `reach` of the current one, with gaps where numbers are left out. A gap never
 * stands for a single page: that page is shown instead.
 */
export function pageNav(current: number, total: number, reach = 2): PageNavItem[] {
  const shown = new Set<number>([1, total]);
  for (let n = current - reach; n <= current + reach; n++) if (n >= 1 && n <= total) shown.add(n);
  const numbers = [...shown].sort((a, b) => a - b);
  const nav: PageNavItem[] = [];
  let previous = 0;
  for (const n of numbers) {
    if (n - previous === 2) nav.push({ kind: "page", number: n - 1, current: false });
    else if (n - previous > 2) nav.push({ kind: "gap" });
    nav.push({ kind: "page", number: n, current: n === current });
    previous = n;
  }
  return nav;
}
