import type { Page } from '../../../src/model/page.js';
import { formatPosition } from '../../../src/model/position.js';
import { typeClassifier } from '../../../src/normalize/doc-type.js';
import { buildPage, type PageInput } from '../../../src/normalize/page.js';
import type { PageCheckKind } from '../../../src/rules/check.js';

/** The clock every check test runs at, so ages never depend on the day the suite runs. */
export const NOW = new Date('2026-06-01T00:00:00Z');

/** A Markdown page as the markdown source would build it, with `extra` standing in for source metadata. */
export function page(markdown: string, extra: Partial<PageInput> = {}): Page {
  const input: PageInput = {
    source: 'markdown',
    id: 'doc.md',
    url: 'doc.md',
    path: 'doc.md',
    markdown,
    fallbackTitle: 'doc',
    ...extra,
  };
  return buildPage(input, typeClassifier({}));
}

/** A hit as tests compare it: where (or `page` for a whole-page hit) and the message data. */
export interface Seen {
  at: string;
  [key: string]: string | number;
}

/** Runs a check kind the way the engine does (options validated with defaults) and flattens its hits. */
export function check<O>(
  kind: PageCheckKind<O>,
  input: string | Page,
  options: object = {},
  now = NOW,
): Seen[] {
  const parsed = kind.options.strict().parse(options) as O;
  const target = typeof input === 'string' ? page(input) : input;
  return kind.run(target, parsed, { now }).map((hit) => ({
    at: hit.position ? formatPosition(hit.position) : 'page',
    ...hit.data,
  }));
}
