import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The project's shared folder (real corpora), beside the checkout: present in CI, absent in a fresh clone. */
export const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));

export interface SharedCorpus {
  /** Absolute path of the corpus folder. */
  path: string;
  present: boolean;
}

/**
 * A corpus under ../shared/corpora. When it is missing, says so in one line, so a run without
 * ../shared names what it skipped (use `describe.skipIf(!corpus.present)`).
 */
export function sharedCorpus(name: string): SharedCorpus {
  const path = `${SHARED}corpora/${name}`;
  const present = existsSync(path);
  if (!present) console.log(`skipped: ../shared/corpora/${name} not found`);
  return { path, present };
}
