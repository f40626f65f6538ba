import type { Root } from 'mdast';
import type { Page } from '../model/page.js';
import { assemblePage, NO_FRONT_MATTER, type PageInput } from './assemble.js';
import { DEFAULT_PAGE_BUDGET, overBudget, type PageBudget } from './budget.js';
import type { TypeClassifier } from './doc-type.js';
import { readFrontMatter } from './front-matter.js';
import { parseMarkdown } from './markdown.js';

export type { PageInput } from './assemble.js';

/**
 * A page listed without its content: what is known before reading it (path, title from the file name,
 * parent) and why it could not be read. Its text is dropped, so a huge page holds no memory.
 */
export function unreadablePage(input: PageInput, reason: string, classify: TypeClassifier): Page {
  const empty: Root = { type: 'root', children: [] };
  return assemblePage({ ...input, markdown: '', unreadable: { reason } }, empty, NO_FRONT_MATTER, classify);
}

/**
 * Turns one source page into the shared Page model: one parse of its Markdown, front matter, then the
 * model. A page over `budget` or one the parser fails on (a stack overflow, say) is unreadable: one page
 * never ends the run.
 */
export function buildPage(
  input: PageInput,
  classify: TypeClassifier,
  budget: PageBudget = DEFAULT_PAGE_BUDGET,
): Page {
  const refused = overBudget(input.markdown, budget);
  if (refused) return unreadablePage(input, refused, classify);
  try {
    const tree = parseMarkdown(input.markdown);
    return assemblePage(input, tree, readFrontMatter(tree), classify);
  } catch (error) {
    return unreadablePage(input, `the page could not be parsed: ${(error as Error).message}`, classify);
  }
}
