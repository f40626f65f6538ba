import { createHash } from 'node:crypto';
import { dirname, relative, sep } from 'node:path';
import type { LintResult } from '../model/result.js';
import type { Target } from '../model/writeback.js';
import { formatMarkdown, mostFindingsThatFit } from '../report/markdown.js';
import { escapeMarkdown } from '../report/markdown-text.js';
import { formatStorage } from './storage.js';

/** Notion refuses more than 1000 blocks in one write; a line of the report is at most one block. */
export const NOTION_MAX_BLOCKS = 900;
/** Notion refuses request bodies over 500 KB; the JSON around the markdown and its escaping need room. */
export const NOTION_MAX_BYTES = 400_000;

/** A short hash of a page's content, kept in the ledger so an unchanged report costs no write. */
export function contentHash(content: string): string {
  return createHash('sha256').update(content).digest('hex').slice(0, 16);
}

function notionBlocks(markdown: string): number {
  return markdown.split('\n').filter((line) => line.trim()).length;
}

/**
 * The Notion findings page within the API's limits: as many findings as fit in 1000 blocks and
 * 500 KB (binary search on the number listed; the rest are counted on the page).
 */
function notionContent(result: LintResult, title: string): string {
  const render = (maxFindings: number) =>
    formatMarkdown(result, result.coverage, { title, flavor: 'notion', maxFindings });
  const fits = (text: string) =>
    notionBlocks(text) <= NOTION_MAX_BLOCKS && Buffer.byteLength(JSON.stringify(text)) <= NOTION_MAX_BYTES;
  const whole = render(result.findings.length);
  return fits(whole) ? whole : mostFindingsThatFit(result.findings.length, render, fits);
}

/** Links from a Markdown findings file lead to the pages relative to where the file is. */
function linkBase(file: string, markdownRoot: string | undefined): string {
  if (!markdownRoot) return '';
  const base = relative(dirname(file), markdownRoot).split(sep).join('/');
  return base ? `${base}/` : '';
}

/** Where the findings page of each target is and what it is called. */
export interface ContentOptions {
  title: string;
  /** The Markdown target's file and the Markdown source's root, for relative links. */
  file?: string;
  markdownRoot?: string;
}

function render(target: Target, result: LintResult, options: ContentOptions): string {
  if (target === 'confluence') return formatStorage(result, result.writeback?.deferred);
  if (target === 'notion') return notionContent(result, options.title);
  return formatMarkdown(result, result.coverage, {
    title: options.title,
    linkBase: options.file ? linkBase(options.file, options.markdownRoot) : '',
  });
}

/** A findings page to publish: its body, and the digest that decides whether the page is rewritten. */
export interface FindingsPageBody {
  content: string;
  hash: string;
}

/**
 * The findings page for one target in that target's format: GitHub Markdown, Notion's markdown, or
 * storage XHTML. The digest leaves the comparison with the previous run out (new / still open,
 * fixed, metric changes, "since the run of <date>"): running again alone changes those, and a page
 * rewritten every night for them is noise in the wiki's history and its watchers' inboxes. So the
 * page is rewritten when the handbook's findings, coverage or waiting pages change, and then says
 * what changed since the run before.
 */
export function renderFindingsPage(
  target: Target,
  result: LintResult,
  options: ContentOptions,
): FindingsPageBody {
  const content = render(target, result, options);
  const { history, ...steady } = result;
  const hash = contentHash(history ? render(target, steady, options) : content);
  // A wiki page carries its digest too, so a run without the ledger (CI without a cache) can tell
  // an unchanged page from the page itself rather than rewrite it.
  const line = `Written by handbook-lint, digest ${hash}`;
  if (target === 'notion') return { content: `${content.trimEnd()}\n\n${line}\n`, hash };
  if (target === 'confluence') return { content: `${content}<p><sub>${line}</sub></p>`, hash };
  return { content, hash };
}

/** The digest a findings page carries, read back from its current content. */
export function digestOn(content: string): string | undefined {
  return /Written by handbook-lint, digest ([0-9a-f]{16})/.exec(content)?.[1];
}

/** The first line of a Markdown findings file titled `title`: how a file of ours is told from a person's. */
export const findingsFileHeading = (title: string) => `# ${escapeMarkdown(title)}`;
