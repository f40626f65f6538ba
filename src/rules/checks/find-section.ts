import type { Heading, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Page } from '../../model/page.js';
import { countWords, startsWithWord } from './values.js';

/** A heading and the nodes it owns: everything until the next heading of the same or a higher level. */
export interface Section {
  heading: Heading;
  title: string;
  nodes: RootContent[];
  /** The section's prose without sub-headings and HTML comments, for emptiness, word counts and patterns. */
  text: string;
  words: number;
}

/** Heading text as compared: no numbering ("1. Context"), no trailing colon, lower case. */
export function headingKey(text: string): string {
  return text
    .replace(/^[^\p{L}]+/u, '')
    .replace(/(?<![\s:.])[\s:.]+$/, '')
    .replace(/\s+/g, ' ')
    .toLowerCase();
}

/** Splits a rule's `"Decisions|Decided"` into heading names. */
export function headingNames(spec: string): string[] {
  return spec
    .split('|')
    .map((name) => name.trim())
    .filter(Boolean);
}

function sectionAt(nodes: RootContent[], index: number): Section {
  const heading = nodes[index] as Heading;
  const own: RootContent[] = [];
  for (const node of nodes.slice(index + 1)) {
    if (node.type === 'heading' && node.depth <= heading.depth) break;
    own.push(node);
  }
  const prose = own.filter(
    (n) => n.type !== 'heading' && !(n.type === 'html' && n.value.trimStart().startsWith('<!--')),
  );
  const text = prose
    .map((n) => mdToString(n))
    .join('\n')
    .trim();
  return { heading, title: mdToString(heading), nodes: own, text, words: countWords(text) };
}

type Match = 'exact' | 'prefix' | undefined;

function matcher(page: Page, names: readonly string[]): (node: RootContent) => Match {
  const keys = names.map(headingKey).filter(Boolean);
  const title = page.tree.children.find((node) => node.type === 'heading');
  return (node) => {
    if (node.type !== 'heading') return undefined;
    const text = headingKey(mdToString(node));
    if (keys.includes(text)) return 'exact';
    // The page's title heading only counts when exact: "# Decision: Use Postgres" is no Decision section.
    if (node === title && node.depth === 1) return undefined;
    return keys.some((key) => startsWithWord(text, key)) ? 'prefix' : undefined;
  };
}

/**
 * Finds the section a rule means by any of its names (case-insensitive); a heading equal to a name wins
 * over the first one that merely starts with one ("Alternative Approaches" for "Alternative").
 */
export function findSection(page: Page, names: readonly string[]): Section | undefined {
  const match = matcher(page, names);
  const nodes = page.tree.children;
  const exact = nodes.findIndex((node) => match(node) === 'exact');
  const index = exact >= 0 ? exact : nodes.findIndex((node) => match(node) === 'prefix');
  return index >= 0 ? sectionAt(nodes, index) : undefined;
}

/** Every section with one of the names, for content that repeats per topic (an "Action items" under each agenda item). */
export function findSections(page: Page, names: readonly string[]): Section[] {
  const match = matcher(page, names);
  const nodes = page.tree.children;
  return nodes.flatMap((node, index) => (match(node) ? [sectionAt(nodes, index)] : []));
}
