import type { Heading, Paragraph, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Page } from '../../model/page.js';
import { inEnglish } from './heading-translations.js';
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

/** Heading text as compared: no numbering ("1. Context"), no trailing colon, lower case, in English. */
export function headingKey(text: string): string {
  return inEnglish(
    text
      .replace(/^[^\p{L}]+/u, '')
      // Outline numbering in roman numerals or a letter ("IV. Decisions", "B) Options"), as digits above.
      .replace(/^(?:[IVXLC]{1,6}|[A-Z])[.)]\s+/, '')
      .replace(/(?<![\s:.])[\s:.]+$/, '')
      .replace(/\s+/g, ' ')
      .toLowerCase(),
  );
}

/** Splits a rule's `"Decisions|Decided"` into heading names. */
export function headingNames(spec: string): string[] {
  return spec
    .split('|')
    .map((name) => name.trim())
    .filter(Boolean);
}

/** Blocks whose children are blocks: their text is one line per child, not run together. */
const CONTAINERS = new Set(['list', 'listItem', 'blockquote', 'table', 'tableRow']);

/**
 * Between two blocks (paragraphs, list items, rows): a blank line, so a block's end is no wrapped line
 * that `WRAPPED` runs into the next block ("Upload the test results" / "In CI, …" is no "results in").
 */
const BLOCK_BREAK = '\n\n';

/**
 * A block's text with its items on lines of their own: mdast-util-to-string runs a list's items
 * together ("another passwordAuthorizing … much easierStubbing"), so a word at an item's end met no
 * word boundary and was neither counted apart nor matched.
 */
function blockText(node: RootContent): string {
  return CONTAINERS.has(node.type) && 'children' in node
    ? (node.children as RootContent[]).map(blockText).join(node.type === 'tableRow' ? ' ' : BLOCK_BREAK)
    : inlineText(node);
}

/**
 * A block's words as mdast-util-to-string reads them, but inline code without its braces and comment
 * openers: code is no template slot (`{status: ok}`, `import {Router, Route}`) nor an HTML comment
 * (`<!--`), which the sections rule drops from the text it reads.
 */
function inlineText(node: RootContent): string {
  if (node.type === 'inlineCode') return node.value.replace(/[{}]|<!--/g, ' ');
  return 'children' in node ? (node.children as RootContent[]).map(inlineText).join('') : mdToString(node);
}

function sectionAt(nodes: RootContent[], index: number): Section {
  const heading = nodes[index] as Heading;
  const own: RootContent[] = [];
  // By index: a copy of the rest of the page per section is quadratic in a page of many headings.
  for (let at = index + 1; at < nodes.length; at++) {
    const node = nodes[at] as RootContent;
    if (node.type === 'heading' && node.depth <= heading.depth) break;
    own.push(node);
  }
  const prose = own.filter(
    (n) => n.type !== 'heading' && !(n.type === 'html' && n.value.trimStart().startsWith('<!--')),
  );
  const text = prose.map(blockText).join(BLOCK_BREAK).trim();
  return { heading, title: mdToString(heading), nodes: own, text, words: countWords(text) };
}

/** A label set in bold on a line of its own: `**Decision Outcome**`, `**Context:**`. */
function boldLabel(node: RootContent): Paragraph['children'] | undefined {
  if (node.type !== 'paragraph') return undefined;
  const [first, ...rest] = node.children;
  if (first?.type !== 'strong' || rest.some((n) => n.type !== 'text' || !/^\s*:?\s*$/.test(n.value)))
    return undefined;
  const text = mdToString(first);
  return text.length <= 80 && !text.includes('\n') ? first.children : undefined;
}

/**
 * The decision templates' section names (in English, as `headingKey` reads any language's) that a record
 * may set as a bold run-in label opening a paragraph instead of a heading (`**Contexto.** O sistema …`,
 * `**Decision:** We …`). Not field names (`**Status:** Accepted` is a field), nor other bold lead-ins.
 */
const RUN_IN_SECTIONS: ReadonlySet<string> = new Set([
  'context',
  'context and problem statement',
  'problem',
  'problem statement',
  'background',
  'decision',
  'decisions',
  'decision outcome',
  'consequences',
  'alternatives',
  'alternatives considered',
  'considered options',
  'options considered',
  'rationale',
  'recommendation',
  'risks',
  'accepted risks',
  'known issues',
]);

/** The period or colon that closes a run-in label when it follows the bold, and the spaces after it. */
export const RUN_IN_STOP = /^[.:]?[^\S\n]*/;

/** Longest bold text read as a run-in label: a section name, not a sentence. */
const RUN_IN_MAX_CHARS = 60;

/** The headings `runIn` made of bold labels: a heading the page writes for the section wins over them. */
const RUN_INS = new WeakSet<RootContent>();

/**
 * A paragraph opened by a section's name in bold and a period or colon (inside the bold or right after it),
 * then the section's first words: the heading it stands for, and the paragraph without its label.
 */
function runIn(node: RootContent): [Heading, Paragraph] | undefined {
  if (node.type !== 'paragraph') return undefined;
  const [first, second, ...rest] = node.children;
  if (first?.type !== 'strong') return undefined;
  const label = mdToString(first).trim();
  const after = second?.type === 'text' ? RUN_IN_STOP.exec(second.value)?.[0] : '';
  const stopped = /[.:]$/.test(label) || (after ?? '').startsWith('.') || (after ?? '').startsWith(':');
  if (!stopped || label.length > RUN_IN_MAX_CHARS || !RUN_IN_SECTIONS.has(headingKey(label)))
    return undefined;
  const tail = second?.type === 'text' ? second.value.slice((after ?? '').length) : undefined;
  const body = [
    ...(second && second.type !== 'text' ? [second] : tail ? [{ ...second, value: tail }] : []),
    ...rest,
  ];
  const heading: Heading = {
    type: 'heading',
    depth: 2,
    children: first.children,
    ...(first.position ? { position: first.position } : {}),
  };
  RUN_INS.add(heading);
  return [heading, { ...node, children: body as Paragraph['children'] }];
}

/**
 * A decision record's run-in labels as its sections: those before any heading of its own, or under one
 * that names no section the templates know (a topic of the record's own), and only for a section no
 * heading of the page has: under `## Decision` a `**Consequences:**` paragraph is part of the Decision.
 */
function withRunIns(nodes: RootContent[], page: Page): RootContent[] {
  if (page.type !== 'decision') return nodes;
  const headed = new Set(
    nodes.flatMap((node) => (node.type === 'heading' ? [headingKey(mdToString(node))] : [])),
  );
  let inKnown = false;
  // Before the page's first section heading is its header block, where `**Risks:** low.` is a field.
  let inHeader = nodes.some((node) => node.type === 'heading' && node.depth >= 2);
  return nodes.flatMap((node): RootContent[] => {
    if (node.type === 'heading' && node.depth >= 2) {
      inKnown = RUN_IN_SECTIONS.has(headingKey(mdToString(node)));
      inHeader = false;
    }
    const split = inKnown ? undefined : runIn(node);
    const key = split ? headingKey(mdToString(split[0])) : '';
    if (!split || headed.has(key) || (inHeader && TOP_LEVEL_ONLY.has(key))) return [node];
    return split[1].children.length ? split : [split[0]];
  });
}

const outlines = new WeakMap<Page, RootContent[]>();

/**
 * The page's top-level nodes with its sections marked. A page with no heading below its title that
 * sets its section names in bold on lines of their own (a document pasted from a word processor)
 * has those lines as its `##` headings; a decision record's run-in labels (`**Contexto.** …`) are its
 * sections too (`withRunIns`).
 */
function outline(page: Page): RootContent[] {
  const known = outlines.get(page);
  if (known) return known;
  const nodes = page.tree.children;
  const hasSections = nodes.some((node) => node.type === 'heading' && node.depth >= 2);
  const marked = hasSections
    ? nodes
    : nodes.map((node): RootContent => {
        const label = boldLabel(node);
        return label
          ? {
              type: 'heading',
              depth: 2,
              children: label,
              ...(node.position ? { position: node.position } : {}),
            }
          : node;
      });
  const sections = withRunIns(marked, page);
  outlines.set(page, sections);
  return sections;
}

type Match = 'exact' | 'prefix' | undefined;

/**
 * Sections of the decision templates whose names begin with another section's: MADR's "Decision
 * Drivers" are the forces behind the decision, not the Decision ("Decision: Use Postgres" is).
 */
const OWN_SECTIONS = ['decision drivers', 'decision makers', 'decision criteria'];

/**
 * Names that stand for a section only as one of the record's own sections, by exact name: a Risks or Known
 * issues section states what follows from the decision, but under the Context ("### Known issues with
 * the current setup") it is the problem, and `**Risks:** low.` among the header's fields is metadata.
 */
const TOP_LEVEL_ONLY: ReadonlySet<string> = new Set(['risks', 'accepted risks', 'known issues']);

/** The depth of the page's own sections: its shallowest heading after the title, at least `##` (a stray `#` part title mid-page changes nothing). */
export function sectionDepth(page: Page): number {
  // A loop, not Math.min(...depths): a page of some 125,000 headings overflows a call's arguments.
  let shallowest = Number.POSITIVE_INFINITY;
  page.headings.forEach((h, i) => {
    if (!(i === 0 && h.depth === 1)) shallowest = Math.min(shallowest, h.depth);
  });
  return Math.max(2, shallowest === Number.POSITIVE_INFINITY ? 2 : shallowest);
}

// Keys worked out once: every rule that looks for a section asks for the key of each heading (up to
// four times) and of its own names (from rule files and config: a bounded set) on every page.
const headingKeys = new WeakMap<Heading, string>();
const nameKeys = new Map<string, string>();

function keyOf(heading: Heading): string {
  const key = headingKeys.get(heading) ?? headingKey(mdToString(heading));
  headingKeys.set(heading, key);
  return key;
}

function nameKey(name: string): string {
  const key = nameKeys.get(name) ?? headingKey(name);
  nameKeys.set(name, key);
  return key;
}

function matcher(page: Page, names: readonly string[]): (node: RootContent) => Match {
  const all = names.map(nameKey).filter(Boolean);
  const keys = all.filter((key) => !TOP_LEVEL_ONLY.has(key));
  const topOnly = all.filter((key) => TOP_LEVEL_ONLY.has(key));
  const depth = topOnly.length ? sectionDepth(page) : 0;
  const title = page.tree.children.find((node) => node.type === 'heading');
  return (node) => {
    if (node.type !== 'heading') return undefined;
    const text = keyOf(node);
    if (keys.includes(text) || (node.depth <= depth && topOnly.includes(text))) return 'exact';
    // The page's title heading only counts when exact: "# Decision: Use Postgres" is no Decision section.
    if (node === title && node.depth === 1) return undefined;
    const own = OWN_SECTIONS.find((name) => startsWithWord(text, name));
    return keys.some((key) => startsWithWord(text, key) && (!own || startsWithWord(key, own)))
      ? 'prefix'
      : undefined;
  };
}

/**
 * Finds the section a rule means by any of its names (case-insensitive); a heading equal to a name wins
 * over the first one that merely starts with one ("Alternative Approaches" for "Alternative").
 */
export function findSection(page: Page, names: readonly string[]): Section | undefined {
  const match = matcher(page, names);
  const nodes = outline(page);
  // A run-in label only where no heading of the page names the section: a one-line `**Decision:** Kafka.`
  // summary above `## Decision Outcome` is no Decision of its own.
  const first = (how: Match, runIn: boolean) =>
    nodes.findIndex((node) => RUN_INS.has(node) === runIn && match(node) === how);
  const index = [
    first('exact', false),
    first('prefix', false),
    first('exact', true),
    first('prefix', true),
  ].find((at) => at >= 0);
  return index !== undefined ? sectionAt(nodes, index) : undefined;
}

/** Every section with one of the names, for content that repeats per topic (an "Action items" under each agenda item). */
export function findSections(page: Page, names: readonly string[]): Section[] {
  const match = matcher(page, names);
  const nodes = outline(page);
  return nodes.flatMap((node, index) => (match(node) ? [sectionAt(nodes, index)] : []));
}
