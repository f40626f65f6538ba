import type { Root } from 'mdast';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml']);

/** The one parsing path for every source: Markdown (native or converted) to mdast with real positions. */
export function parseMarkdown(markdown: string): Root {
  return processor.parse(markdown);
}
