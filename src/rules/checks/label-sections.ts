import type { Heading, ListItem, Paragraph, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Page } from '../../model/page.js';
import { headingKey, type Section } from './find-section.js';
import { countWords } from './values.js';

// Sections minutes open with a label alone on its line instead of a heading ("📅 **Próximos Passos**",
// "**Action items:**", "Action items:") over the list they name: kept apart from find-section.ts, which turns
// bold lines into headings only on pages with no heading of their own.

/** Longest label read as a section's name: a name, not a sentence. */
const LABEL_MAX_CHARS = 60;

/**
 * The label a paragraph is, if it is only one: a run in bold after nothing but an emoji or a mark ("📅 "),
 * closed by nothing but a colon; or a plain line of a few words that ends with a colon ("Action items:").
 */
function labelOf(node: RootContent): Paragraph['children'] | undefined {
  if (node.type !== 'paragraph') return undefined;
  const parts = node.children.filter(
    (child) => !(child.type === 'text' && /^[^\p{L}\p{N}]*$/u.test(child.value)),
  );
  const text = mdToString(node).trim();
  if (text.length > LABEL_MAX_CHARS || text.includes('\n')) return undefined;
  const [only] = parts;
  if (parts.length !== 1) return undefined;
  if (only?.type === 'strong') return only.children;
  return only?.type === 'text' && /:\s*$/.test(only.value) ? [only] : undefined;
}

/**
 * The lists under a label named like one of `names` (by `headingKey`, as headings are), each as a section of its
 * own: the label's heading, and the list that follows it at once.
 */
export function labelSections(page: Page, names: readonly string[]): Section[] {
  const keys = new Set(names.map(headingKey));
  const sections: Section[] = [];
  const nodes = page.tree.children;
  nodes.forEach((node, i) => {
    const next = nodes[i + 1];
    const label = labelOf(node);
    if (!label || next?.type !== 'list' || !keys.has(headingKey(mdToString(node)))) return;
    const heading: Heading = {
      type: 'heading',
      depth: 6,
      children: label as Heading['children'],
      ...(node.position ? { position: node.position } : {}),
    };
    const text = mdToString(next);
    sections.push({ heading, title: mdToString(node).trim(), nodes: [next], text, words: countWords(text) });
  });
  return sections;
}

/**
 * A sub-label that names what was decided ("**Decisões**", "Decisions:", "Décisions") inside a section that mixes
 * next steps and decisions: the list under it records decisions, no tasks. "Agreed:" or "Decided:" is left out: such a
 * label heads the actions a meeting agreed on as often as its decisions, and reading those as decisions drops tasks.
 */
const DECIDED =
  /^(?:decisions?(?: made| taken)?|decis(?:ões|oes|iones)|décisions?|acuerdos|beschlüsse|entscheidungen|besluiten|decisioni)$/;

/** Whether a label's text (a bullet's or a paragraph's) names decisions (`DECIDED`). */
export function decisionLabel(text: string): boolean {
  return DECIDED.test(text.replace(/^[^\p{L}]+|(?<!\P{L})\P{L}+$/gu, '').toLowerCase());
}

/** A bullet that only labels the decisions nested under it ("- **Decisões**" over them). */
export function decidedBullet(item: ListItem): boolean {
  const [first, ...rest] = item.children;
  return (
    first?.type === 'paragraph' &&
    rest.some((child) => child.type === 'list') &&
    decisionLabel(mdToString(first))
  );
}
