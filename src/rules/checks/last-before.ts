/** The last of `marks` (sorted by `offset`) at or before `offset`, found by binary search; none before the first. */
export function lastAtOrBefore<T extends { offset: number }>(
  marks: readonly T[],
  offset: number,
): T | undefined {
  if (marks.length === 0) return undefined;
  let [low, high] = [0, marks.length - 1];
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    if ((marks[middle]?.offset ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  const mark = marks[low];
  return mark !== undefined && mark.offset <= offset ? mark : undefined;
}
