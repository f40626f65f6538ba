import type { Root } from 'mdast';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { type Processor, unified } from 'unified';

/**
 * GitHub Flavored Markdown without autolink literals: tables, task lists, strikethrough and
 * footnotes shape what rules see, while turning bare `www.`/`https://` text into link nodes roughly
 * doubled parse time (parsing dominates a run) and no rule needs it: external links are never
 * fetched, and video and placeholder checks read the text itself.
 */
function gfmWithoutAutolinks(this: Processor, { footnotes }: { footnotes: boolean }): void {
  const data = this.data();
  data.micromarkExtensions ??= [];
  data.micromarkExtensions.push(
    gfmTable(),
    gfmTaskListItem(),
    gfmStrikethrough(),
    ...(footnotes ? [gfmFootnote()] : []),
  );
  data.fromMarkdownExtensions ??= [];
  data.fromMarkdownExtensions.push(
    gfmTableFromMarkdown(),
    gfmTaskListItemFromMarkdown(),
    gfmStrikethroughFromMarkdown(),
    ...(footnotes ? [gfmFootnoteFromMarkdown()] : []),
  );
}

const parser = (footnotes: boolean) =>
  unified().use(remarkParse).use(gfmWithoutAutolinks, { footnotes }).use(remarkFrontmatter, ['yaml']);
const processor = parser(true);
// The footnote syntax looks back through the paragraph from every `]` for a call's opening, so a
// paragraph of 40,000 `]` took seconds and one of 400,000 minutes. Every footnote call and
// definition is written `[^`: without one, the page parses the same without the footnote syntax.
const withoutFootnotes = parser(false);

/** Whether a page is parsed with the footnote syntax: every footnote call and definition is written `[^`. */
export const writesFootnotes = (markdown: string): boolean => markdown.includes('[^');

/** The one parsing path for every source: Markdown (native or converted) to mdast with real positions. */
export function parseMarkdown(markdown: string): Root {
  return (writesFootnotes(markdown) ? processor : withoutFootnotes).parse(markdown);
}
