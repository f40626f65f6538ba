import { existsSync } from 'node:fs';
import { join, posix, relative, resolve, sep } from 'node:path';
import type { Nodes } from 'mdast';
import { DEFAULT_PAGE_BUDGET, overBudget, type PageBudget } from './normalize/budget.js';
import { parseMarkdown } from './normalize/markdown.js';
import { ARCHIVE_NOTICES } from './normalize/stub.js';
import { bookSource } from './site-book-front.js';
import { readSiteFile, withinRoot } from './site-front-matter.js';
import { readMkdocsConfig } from './site-mkdocs.js';
import { RST_OPAQUE, sphinxSource } from './site-sphinx.js';

/** The names a handbook's front page goes by, in the order a site generator or GitHub picks one. */
const FRONT_PAGES = ['index.md', 'index.mdx', '_index.md', 'README.md', 'readme.md'];
/** A Sphinx site's front page: its root document. */
const SPHINX_FRONT_PAGES = ['index.rst', 'index.md'];
/** How far into the front page a notice about the whole handbook counts: it opens the page. */
const OPENING = 1200;

/** What a handbook's front page says of the whole handbook, when it says it is kept unchanged. */
export interface ArchiveNotice {
  /** The front page, from the lint root. */
  file: string;
  /** The words that say so. */
  quote: string;
}

/**
 * Whether the handbook's front page says the whole handbook is kept unchanged (archived, no longer maintained,
 * a history of the company at the time: ARCHIVE_NOTICES), read at the top of its text (no comment, no code).
 * The front page is the lint root's index or README, an mdBook's (`book.toml`'s `src` folder, `src` by
 * default) whose book is in the root, a Sphinx site's root document (`index.rst`) or a MkDocs site's
 * `docs_dir` index (not the repository's README). A notice on any other page speaks for that page only
 * (stub.ts reads it there).
 */
export function archiveNotice(root: string, maxPageBytes?: number): ArchiveNotice | undefined {
  // The crawl's own budget: a front page it refuses (unreadable) says nothing of the handbook here either.
  const budget = maxPageBytes ? { ...DEFAULT_PAGE_BUDGET, maxBytes: maxPageBytes } : DEFAULT_PAGE_BUDGET;
  for (const [folder, names] of frontFolders(root))
    for (const name of names) {
      const file = join(folder, name);
      if (!existsSync(file)) continue;
      const opening = openingText(readSiteFile(file), name.endsWith('.rst'), budget);
      for (const pattern of ARCHIVE_NOTICES) {
        const found = pattern.exec(opening);
        if (found) return { file: relative(root, file).split(sep).join(posix.sep), quote: found[0] };
      }
      // One front page a folder: the one its site shows.
      break;
    }
  return undefined;
}

/** The folders whose index is the handbook's front page, each with the names that index goes by. */
function frontFolders(root: string): [string, string[]][] {
  const sphinx = sphinxSource(root);
  if (sphinx !== undefined && withinRoot(root, sphinx)) return [[sphinx, SPHINX_FRONT_PAGES]];
  const mkdocs = join(root, 'mkdocs.yml');
  if (existsSync(mkdocs)) {
    const dir = readMkdocsConfig(readSiteFile(mkdocs))?.docs_dir;
    const docs = resolve(root, typeof dir === 'string' ? dir : 'docs');
    return withinRoot(root, docs) ? [[docs, FRONT_PAGES]] : [];
  }
  const folders: [string, string[]][] = [[root, FRONT_PAGES]];
  const book = bookSource(root);
  if (book !== undefined && book !== root) folders.push([book, FRONT_PAGES]);
  return folders;
}

/**
 * The page's first words as a reader sees them, a line a block (heading, paragraph, item): the parsed
 * Markdown's text without front matter, comments or code ("<!-- when this handbook is archived ... -->", a
 * banner shown in a code block), or the reStructuredText's lines without its comments and code blocks.
 */
function openingText(text: string, rst: boolean, budget: PageBudget): string {
  const blocks: string[] = [];
  if (rst) {
    let opaque: number | undefined;
    for (const line of text.split('\n')) {
      const content = line.trim();
      const depth = line.length - line.trimStart().length;
      if (opaque !== undefined && (content === '' || depth > opaque)) continue;
      opaque = undefined;
      if (RST_OPAQUE.test(content) || (content.endsWith('::') && !content.startsWith('..'))) opaque = depth;
      else blocks.push(content);
    }
    // The front page is parsed before the crawl, outside its page budget: a README of 20,000 lazy lines cost
    // 9 s here, one of a mebibyte hours. A page the crawl would refuse says nothing of the handbook here either.
  } else if (overBudget(text, budget) === undefined) blockTexts(parseMarkdown(text), blocks, []);
  return blocks
    .map((block) => block.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n')
    .slice(0, OPENING);
}

/** Collects the text of each block under `node` into `blocks` (`line` gathers the current one). */
function blockTexts(node: Nodes, blocks: string[], line: string[]): void {
  if (node.type === 'code' || node.type === 'html' || node.type === 'yaml') return;
  if (node.type === 'text' || node.type === 'inlineCode') line.push(node.value);
  if ('children' in node) for (const child of node.children) blockTexts(child, blocks, line);
  if (node.type === 'paragraph' || node.type === 'heading' || node.type === 'tableCell')
    blocks.push(line.splice(0).join(''));
}
