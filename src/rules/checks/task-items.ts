import type { ListItem, Nodes } from 'mdast';
import type { Page } from '../../model/page.js';
import { findSections } from './find-section.js';
import { walk } from './text.js';

/** Headings under which a plain bullet is an action item, as meeting notes and templates write them. */
export const ACTION_SECTIONS = ['Action items', 'Actions', 'Next steps', 'To do', 'Todo'];

/**
 * The page's action items in document order: GFM task items (`- [ ]`) anywhere, plus the top-level
 * bullets of sections named like `sections` (their sub-bullets are details, not items of their own).
 */
export function actionItems(page: Page, sections: readonly string[]): ListItem[] {
  const items = new Set<ListItem>();
  walk(page.tree, (node: Nodes) => {
    if (node.type === 'listItem' && typeof node.checked === 'boolean') items.add(node);
  });
  for (const section of findSections(page, sections)) {
    for (const node of section.nodes)
      if (node.type === 'list') for (const item of node.children) items.add(item);
  }
  const offset = (item: ListItem) => item.position?.start.offset ?? 0;
  return [...items].sort((a, b) => offset(a) - offset(b));
}
