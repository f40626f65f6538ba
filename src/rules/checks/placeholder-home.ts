import type { Page } from '../../model/page.js';
import type { Hit } from '../check.js';
import type { RuleRegex } from '../regex.js';
import { spanPosition } from './text.js';
import { truncate } from './values.js';

/** A VitePress home page (`layout: home`): its hero and feature cards are written in its front matter. */
const HOME_LAYOUT = /^layout:[ \t]*["']?home["']?[ \t]*$/m;
/** The front matter keys whose text the home page shows. */
const SHOWN = new Set(['hero', 'features']);
/** A top-level key of the front matter (`hero:`), or a line of text under one (`  tagline: ...`, `- details: ...`). */
const TOP_KEY = /^([\w-]+):/;
const VALUE_LINE = /^[ \t]*(?:-[ \t]+)?[\w-]+:[ \t]*(?=\S)/;

/**
 * The rule's patterns in the hero and feature cards of a VitePress home page, which its front matter holds, not
 * its body: the scaffold's "Lorem ipsum" cards left on a published home page.
 */
export function homeFrontMatterHits(page: Page, patterns: RuleRegex[]): Hit[] {
  const yaml = page.tree.children[0];
  const from = yaml?.type === 'yaml' ? yaml.position?.start.offset : undefined;
  if (yaml?.type !== 'yaml' || from === undefined || !HOME_LAYOUT.test(yaml.value)) return [];
  // The value starts after the opening `---` line.
  let offset = page.markdown.indexOf('\n', from) + 1;
  let shown = false;
  const hits: Hit[] = [];
  for (const line of yaml.value.split('\n')) {
    const at = offset;
    offset += line.length + 1;
    const top = TOP_KEY.exec(line)?.[1];
    if (top !== undefined) shown = SHOWN.has(top);
    const key = shown && top === undefined ? VALUE_LINE.exec(line)?.[0] : undefined;
    if (key === undefined) continue;
    const value = line.slice(key.length).trimEnd();
    const first = patterns
      .map((re) => re.matchAll(value).next().value)
      .filter((m) => m !== undefined)
      .map((m) => ({ index: m.index, text: m[0] }))[0];
    if (first === undefined) continue;
    const start = at + key.length + first.index;
    hits.push({
      data: { placeholder: first.text },
      position: spanPosition(page, start, start + first.text.length),
      excerpt: truncate(value, 120),
      matched: `${first.text} in ${truncate(value, 80)}`,
    });
  }
  return hits;
}
