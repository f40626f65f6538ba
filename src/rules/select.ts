import { matchesGlob } from '../glob.js';
import type { Page } from '../model/page.js';

/** What selectors look at; both full and slim (site) pages have it. */
export type Selectable = Pick<Page, 'type' | 'labels' | 'source' | 'path' | 'file'>;

import type { Selector } from './load.js';

function globHit(page: Selectable, globs: readonly string[]): boolean {
  return globs.some(
    (glob) => matchesGlob(page.path, glob) || (page.file !== undefined && matchesGlob(page.file, glob)),
  );
}

/** Whether a page matches every list the selector gives (an empty selector matches all pages). */
export function matchesSelector(page: Selectable, selector: Selector): boolean {
  if (selector.types && !(page.type && selector.types.includes(page.type))) return false;
  if (selector.sources && !selector.sources.includes(page.source)) return false;
  if (selector.labels && !page.labels.some((l) => selector.labels?.includes(l.toLowerCase()))) return false;
  if (selector.paths && !globHit(page, selector.paths)) return false;
  return true;
}

/** Whether a page matches any list of an exclusion selector (an empty one excludes nothing). */
export function matchesExclusion(page: Selectable, selector: Selector): boolean {
  if (selector.types && page.type && selector.types.includes(page.type)) return true;
  if (selector.sources?.includes(page.source)) return true;
  if (selector.labels && page.labels.some((l) => selector.labels?.includes(l.toLowerCase()))) return true;
  if (selector.paths && globHit(page, selector.paths)) return true;
  return false;
}

/** Whether any of the globs matches the page, for config overrides per path. */
export function matchesPaths(page: Selectable, globs: readonly string[]): boolean {
  return globHit(page, globs);
}
