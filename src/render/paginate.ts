// Splits a listing into numbered pages, so a long list (a busy day's articles) stays lean.

/** One page of a listing. */
export interface ListPage<T> {
  /** 1-based. */
  number: number;
  items: T[];
}

/** Pages of at most `size` items, in order; always at least one page (an empty listing). */
export function paginate<T>(items: readonly T[], size: number): ListPage<T>[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`page size must be ≥ 1: ${size}`);
  const pages: ListPage<T>[] = [];
  for (let start = 0; start < items.length || start === 0; start += size) {
    pages.push({ number: pages.length + 1, items: items.slice(start, start + size) });
  }
  return pages;
}
