// Appends one array to another in place. `target.push(...items)` passes every item as an
// argument and overflows the call stack somewhere past 100,000 items, which a hostile page of
// short paragraphs or a long paragraph's tokens easily reach.

/** Pushes every item of each list onto `target`, in order, and returns `target`. */
export function appendAll<T>(target: T[], ...lists: readonly (readonly T[])[]): T[] {
  for (const list of lists) for (const item of list) target.push(item);
  return target;
}
