// `target.push(...items)` and `Math.max(...values)` pass each item as an argument of one call: an
// array a hostile input makes long (some 120,000 items: a rule file's problems, a wiki answer's ids,
// a ledger's runs) overflows it with "Maximum call stack size exceeded" (exit 70).

/** Appends `items` to `target` one by one, whatever their number. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values` and `floor`, whatever their number. */
export function maxOf(values: Iterable<number>, floor = Number.NEGATIVE_INFINITY): number {
  let max = floor;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** The smallest of `values`, whatever their number (Infinity for none). */
export function minOf(values: Iterable<number>): number {
  let min = Number.POSITIVE_INFINITY;
  for (const value of values) if (value < min) min = value;
  return min;
}

/** Appends `value` to the list `map` holds for `key`, starting one when there is none. */
export function addTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
