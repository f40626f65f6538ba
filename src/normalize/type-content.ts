import type { Root, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { RuleRegex } from '../rules/regex.js';
import { fieldKey } from './field-keys.js';

/** What a page's text says about its type, for the matchers that read content (`first-lines`, `sections`, `instructions`). */
export interface TypeContent {
  /** The page's first line of text, a heading's or a paragraph's, without its Markdown. */
  leadLine?: string;
  /**
   * The keys of the bullet list that opens the page (`- RFC PR:`), filled or not: an RFC's header leaves its pull
   * request empty until the pull request is opened, and the empty key still names the process.
   */
  headerKeys: string[];
  /**
   * Its section headings and bold labels ("**Participants** :"), lower case without accents, an emoji or a
   * number before the words and a colon after them dropped: `participantes`, `ordre du jour`. A label joining two
   * ("Discussions & Décisions", "Compromisos / Tareas") gives each part too.
   */
  sections: string[];
  /**
   * A date near the top: on a date line ("**Fecha:** 2025-10-19"), in the title, or in the file's or its folder's
   * name, but for a blog's, an incident's or a release's page, which their folders name by their day.
   */
  dated: boolean;
  /** Paragraphs that are a bracketed instruction to whoever fills the page in ("[Listar os participantes]"). */
  instructions: number;
  /** Paragraphs in all, bold labels aside: the instructions of a blank template are most of them. */
  paragraphs: number;
  /** Sections (under a heading or a bold label) with an instruction: a template asks for one in each part. */
  instructedSections: number;
  /** A line that names the option chosen ("Chosen option: …"), as a decision record's outcome does. */
  chosen: boolean;
  /** Whether the page is mostly links: at least half its paragraphs and list items hold one, as a table of contents. */
  linkList: boolean;
}

/** Headings and labels read, enough for any page's sections; a generated page may have thousands. */
const MAX_SECTIONS = 200;

/** Lines of the page's top a meeting's date is written in, under its title and a few fields. */
const TOP_LINES = 25;

const DAY = '(?:0?[1-9]|[12]\\d|3[01])';
const MONTH = '(?:0?[1-9]|1[0-2])';
const YEAR = '(?:19|20)\\d\\d';

/**
 * A day written with its year: ISO, day or month first with slashes, dots or hyphens, or with the month's name.
 * A form's slashes may stand apart from the numbers ("07 / 10 / 2024", a template's "_ / _ / _" filled in).
 * A month's name is read from a word's start only, so a title of one long word is read once, not from each letter.
 */
const DATE_VALUE = `(?:${YEAR}[-/.]${MONTH}[-/.]${DAY}|${DAY}[-/.]${MONTH}[-/.](?:${YEAR}|\\d\\d)\\b|${DAY} ?/ ?${MONTH} ?/ ?${YEAR}\\b|${MONTH}/${DAY}/${YEAR}|${DAY}\\.?\\s+(?:de\\s+)?\\p{L}{3,}\\.?,?\\s+(?:de\\s+)?${YEAR}|(?<!\\p{L})\\p{L}{3,}\\.?\\s+${DAY}(?:st|nd|rd|th)?,?\\s+${YEAR})`;

/**
 * A line that gives the meeting's date under a date's label, in the languages minutes are written in, in bold, in a
 * table's row, in a heading ("#### Data: 07/10/2024", as a student team's form sets it) or after a French space before
 * its colon: "Date: …", "**Fecha:** …", "**Date** : 24/06/2026". Not
 * "Last updated: …", the day a guide was revised.
 */
const DATE_LINE = new RegExp(
  `^[\\s>*_|-]*(?:#{1,6}[ \\t]+[*_]*)?(?:meeting date|date of (?:the )?meeting|date|fecha(?: de (?:la )?reuni[oó]n)?|data(?: da reuni[aã]o)?|datum|date de (?:la )?r[ée]union|when)[\\s*_]*[:：|][\\s*_:|]*${DATE_VALUE}`,
  'iu',
);
const DATE_IN_TEXT = new RegExp(DATE_VALUE, 'u');
/** A date in a file's or folder's name: `2026-03-11_note.md`, `2026-02-03/`, `20260311-sync.md`. */
const DATE_IN_NAME = new RegExp(`${YEAR}[-_.]?(?:0[1-9]|1[0-2])[-_.]?(?:0[1-9]|[12]\\d|3[01])`);

/** A bracketed instruction: a sentence of three words or more, not a ticked box nor a `[TOC]` marker. */
function isInstruction(text: string): boolean {
  return /^\[\s*\p{L}/u.test(text) && text.endsWith(']') && text.split(/\s+/).length >= 3;
}

/**
 * A label as sections are compared: lower case, no accents, the words only. The trailing trim starts only
 * where a run of non-letters begins, so a heading of 400,000 spaces is read once, not from each space.
 */
function sectionKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/^[^\p{L}]+|(?<![^\p{L})])[^\p{L})]+$/gu, '')
    .replace(/\s+/g, ' ');
}

/** A label and, when it joins several with "&", "/" or "+", each of them (its spaces are single already). */
function withParts(key: string): string[] {
  const parts = key.split(/ ?[&/+] ?/);
  return parts.length > 1 ? [key, ...parts] : [key];
}

/** The bold label a paragraph starts with ("**Participants** :", "**Fecha:**"), or the bold line it is. */
function boldLabel(node: RootContent): string | undefined {
  if (node.type !== 'paragraph') return undefined;
  const [first, second] = node.children;
  if (first?.type !== 'strong') return undefined;
  const label = mdToString(first);
  const after = second?.type === 'text' ? second.value : '';
  return label.trim().endsWith(':') || /^\s*[:：]/.test(after) || !second ? label : undefined;
}

function collect(nodes: readonly RootContent[], out: string[]): void {
  for (const node of nodes) {
    if (out.length >= MAX_SECTIONS) return;
    if (node.type === 'heading') out.push(mdToString(node));
    const label = boldLabel(node);
    if (label) out.push(label);
    if (node.type === 'list') for (const item of node.children) collect(item.children, out);
  }
}

/** How many paragraphs are instructions, of how many, in how many sections (a heading or a bold label opens one). */
function instructionCounts(
  nodes: readonly RootContent[],
): Pick<TypeContent, 'instructions' | 'paragraphs' | 'instructedSections'> {
  let instructions = 0;
  let paragraphs = 0;
  let section = 0;
  const instructed = new Set<number>();
  for (const node of nodes) {
    if (node.type === 'heading' || boldLabel(node)) section += 1;
    else if (node.type === 'paragraph') {
      paragraphs += 1;
      if (!isInstruction(mdToString(node).trim())) continue;
      instructions += 1;
      instructed.add(section);
    }
  }
  return { instructions, paragraphs, instructedSections: instructed.size };
}

/** Whether a node holds a link, inline or by reference. */
function hasLink(node: RootContent): boolean {
  if (node.type === 'link' || node.type === 'linkReference') return true;
  return 'children' in node && node.children.some((child) => hasLink(child as RootContent));
}

/** Whether at least half of the page's paragraphs and list items (a link list's entries) hold a link. */
function isLinkList(nodes: readonly RootContent[]): boolean {
  let entries = 0;
  let linked = 0;
  const visit = (node: RootContent): void => {
    if (node.type === 'list') for (const item of node.children) visit(item);
    else if (node.type === 'paragraph' || node.type === 'listItem') {
      entries += 1;
      if (hasLink(node)) linked += 1;
    }
  };
  for (const node of nodes) visit(node);
  return linked > 0 && linked * 2 >= entries;
}

/** A MADR record's outcome line: "Chosen option: …", in bold or not. */
const CHOSEN = /^[ \t*_]*chosen option[ \t*_]*:/im;

/** Whether the page's front matter gives its title, so a paragraph that opens the page is a sentence, not its title. */
function titledByFrontMatter(tree: Root): boolean {
  const first = tree.children[0];
  return first?.type === 'yaml' && /^title\s*:/m.test(first.value);
}

/**
 * The first heading's or paragraph's first line; not a paragraph under a front matter title ("Write emails with the
 * template" opens a guide titled "Email guidelines").
 */
function leadLine(tree: Root): string | undefined {
  const first = tree.children.find((node) => node.type === 'heading' || node.type === 'paragraph');
  if (first?.type === 'paragraph' && titledByFrontMatter(tree)) return undefined;
  const line = first ? mdToString(first).split('\n')[0]?.trim() : undefined;
  return line || undefined;
}

/**
 * Folders whose pages are named by their day as a matter of course: a blog's posts, news, incidents and their
 * postmortems, releases and their notes. A date in such a name is the day of a post or an outage, not a meeting's.
 */
const DATED_BY_NAME_FOLDERS = new Set([
  '_posts',
  'blog',
  'posts',
  'news',
  'incidents',
  'postmortems',
  'post-mortems',
  'releases',
  'release-notes',
  'changelog',
]);

function isDated(tree: Root, markdown: string, file: string, title: string): boolean {
  const segments = file.split('/');
  const names = segments.slice(-2);
  const datedByName = segments.slice(0, -1).some((s) => DATED_BY_NAME_FOLDERS.has(s.toLowerCase()));
  if (DATE_IN_TEXT.test(title)) return true;
  if (!datedByName && names.some((name) => DATE_IN_NAME.test(name))) return true;
  const top = tree.children.find((node) => node.type !== 'yaml')?.position?.start.line ?? 1;
  return markdown
    .split('\n', top + TOP_LINES)
    .slice(top - 1)
    .some((line) => DATE_LINE.test(line));
}

/** The longest key a bullet header writes (`- Дата создания:`, `- Implementation PR:`). */
const HEADER_KEY_MAX = 40;

function headerKeys(tree: Root): string[] {
  const first = tree.children.find((node) => node.type !== 'yaml');
  if (first?.type !== 'list') return [];
  return first.children.flatMap((item) => {
    const line = mdToString(item).split('\n')[0] ?? '';
    // A Chinese header writes the full-width colon (`- 开始日期：2024-05-30`).
    const colon = line.search(/[:：]/);
    return colon > 0 && colon <= HEADER_KEY_MAX ? [fieldKey(line.slice(0, colon))] : [];
  });
}

/** What `tree` (the page's Markdown, `markdown`) says about its type; `file` is its path, `title` its title. */
export function typeContent(tree: Root, markdown: string, file: string, title: string): TypeContent {
  const labels: string[] = [];
  collect(tree.children, labels);
  const lead = leadLine(tree);
  return {
    ...instructionCounts(tree.children),
    chosen: CHOSEN.test(markdown),
    linkList: isLinkList(tree.children),
    headerKeys: headerKeys(tree),
    ...(lead ? { leadLine: lead } : {}),
    sections: [...new Set(labels.map(sectionKey).flatMap(withParts).filter(Boolean))],
    dated: isDated(tree, markdown, file, title),
  };
}

/** Fields a filled page states in its header, which a blank template leaves to its copies. */
const FILLED_FIELDS = ['owner', 'status'];

/**
 * Whether the page is a blank template by its `min` instructions or more: they are at least half its paragraphs, in
 * two parts of it or more, and it states no owner or status. A half-written runbook keeps a few between its steps,
 * a style guide may bracket its rules under one heading; neither is a template.
 */
export function blank(content: TypeContent, fields: ReadonlySet<string>, min: number): boolean {
  return (
    content.instructions >= min &&
    content.instructions * 2 >= content.paragraphs &&
    content.instructedSections >= 2 &&
    !FILLED_FIELDS.some((f) => fields.has(f))
  );
}

/**
 * Whether a page in a folder named for a type's pages (`datedFolders`) is one of them: it gives a date near its top
 * or has one of the type's section kinds. Read when its text is at hand; a listing's page keeps its folder's type.
 */
export function ownPage(content: TypeContent | undefined, ...kinds: RuleRegex[][]): boolean {
  if (!content) return true;
  return content.dated || kinds.flat().some((re) => content.sections.some((s) => re.test(s)));
}
