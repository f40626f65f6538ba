import { type Document, isScalar, visit } from 'yaml';

/** The YAML library's message for a key written twice in one mapping, kept so findings read as before. */
export const DUPLICATE_KEY_MESSAGE = 'Map keys must be unique';

/**
 * The offsets of the keys that repeat an earlier key of their mapping, in order, for a document parsed with
 * `uniqueKeys: false`. The library's own check compares each new key with every earlier one, so a
 * mapping of 60,000 keys (590 KB) cost 56 s and a page of 5 MiB hours; this one remembers the keys
 * it has seen. Keys are equal as the library's default makes them: scalars by value (`1` is not `'1'`).
 */
export function duplicateKeys(doc: Document): number[] {
  const offsets: number[] = [];
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        const key = pair.key;
        if (!isScalar(key) || Number.isNaN(key.value)) continue;
        if (!seen.has(key.value)) seen.add(key.value);
        else if (key.range) offsets.push(key.range[0]);
      }
    },
  });
  return offsets.sort((a, b) => a - b);
}
