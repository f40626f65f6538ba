import type { Element, ElementContent } from 'hast';
import type { Rewrite, Scope } from './convert-types.js';
import { attr, child, el, elements, textOf, txt } from './hast.js';

/**
 * `<ac:task-list>`: GFM task items, checked when complete. Inside a task the assignee mention reads
 * "@Name" and the date "(due YYYY-MM-DD)", the form the tasks check recognizes.
 */
export function taskList(rewriter: Rewrite, node: Element, scope: Scope): Element {
  const inTask: Scope = { ...scope, inTask: true };
  const items = elements(node, 'ac:task').map((task) => {
    const status = child(task, 'ac:task-status');
    const done = status !== undefined && textOf(status).trim() === 'complete';
    const body = child(task, 'ac:task-body');
    const nested = elements(task, 'ac:task-list').map((list) => taskList(rewriter, list, scope));
    const text = body ? rewriter.all(body.children, inTask) : [];
    return el('li', {}, [el('input', { type: 'checkbox', checked: done }, []), ...text, ...nested]);
  });
  return el('ul', {}, items);
}

const adfNodes = (node: Element, type: string) =>
  elements(node, 'ac:adf-node').filter((n) => attr(n, 'type') === type);

function adfAttribute(node: Element, key: string): string | undefined {
  const found = elements(node, 'ac:adf-attribute').find((a) => attr(a, 'key') === key);
  return found ? textOf(found).trim() : undefined;
}

/**
 * `<ac:adf-extension>`: Cloud's decision lists become "Decision: ..." items, which the meeting and
 * decision rules read as recorded decisions. Other extensions show their stored fallback HTML.
 */
export function decisions(rewriter: Rewrite, node: Element, scope: Scope): ElementContent[] {
  const [list] = adfNodes(node, 'decision-list');
  if (!list) {
    const fallback = child(node, 'ac:adf-fallback');
    return fallback ? rewriter.all(fallback.children, scope) : [];
  }
  const items = adfNodes(list, 'decision-item').map((item) => {
    const decided = adfAttribute(item, 'state') === 'DECIDED';
    const content = child(item, 'ac:adf-content');
    const text = content ? rewriter.all(content.children, scope) : [];
    return el('li', {}, [txt(decided ? 'Decision: ' : 'Undecided: '), ...text]);
  });
  return [el('ul', {}, items)];
}
