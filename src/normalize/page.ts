import type { Page } from '../model/page.js';
import { assemblePage, type PageInput } from './assemble.js';
import type { TypeClassifier } from './doc-type.js';
import { readFrontMatter } from './front-matter.js';
import { parseMarkdown } from './markdown.js';

export type { PageInput } from './assemble.js';

/** Turns one source page into the shared Page model: one parse of its Markdown, front matter, then the model. */
export function buildPage(input: PageInput, classify: TypeClassifier): Page {
  const tree = parseMarkdown(input.markdown);
  return assemblePage(input, tree, readFrontMatter(tree), classify);
}
