import { posix } from 'node:path';
import type { Code } from 'mdast';
import type { Page } from '../model/page.js';
import { buildPage } from '../normalize/page.js';
import { headingKey } from './checks/find-section.js';

/** A folder's index page, whose code block may hold the template its records follow. */
const INDEX_FILE = /^(?:readme|index|_index)\.(?:md|markdown)$/i;

/** A code block that may be a page written in Markdown: marked so, or not marked at all (not `text`: shell sessions). */
const MARKDOWN_LANG = /^(?:md|markdown|gfm)?$/i;

/** Headings a decision record's template has: a code block without one (a CHANGELOG sample) is no template. */
const RECORD_HEADINGS =
  /^(?:status|context|context and problem statement|problem statement|decision|decision outcome|consequences|considered options|options considered|alternatives|summary|motivation|rationale)$/;

/** A Markdown heading line inside the code block. */
const HEADING_LINE = /^#{1,6}[ \t]+\S/;

/** More than this is no template a README shows: a long sample or a pasted document. */
const MAX_TEMPLATE_CHARS = 20_000;

/**
 * The template a folder's README shows in a code block (the record's skeleton: Title, Status, Context,
 * Decision, Consequences, as lit's and adr-tools' READMEs and Spotify's RFC README write it), as a
 * page of type `template`: its records are then judged against it as against a template file beside
 * them. The first Markdown code block with two or more headings, when it has a status or a heading a
 * record's template has; none on a wiki page, whose folder is its parent page.
 */
export function readmeTemplate(page: Page): Page | undefined {
  if (page.source !== 'markdown' || page.file === undefined || !INDEX_FILE.test(posix.basename(page.file)))
    return undefined;
  const block = page.tree.children.find(
    (node): node is Code =>
      node.type === 'code' &&
      MARKDOWN_LANG.test(node.lang ?? '') &&
      node.value.length <= MAX_TEMPLATE_CHARS &&
      node.value.split('\n').filter((line) => HEADING_LINE.test(line)).length >= 2,
  );
  if (!block) return undefined;
  const template = buildPage(
    {
      source: page.source,
      id: `${page.id}#template`,
      url: page.url,
      path: page.path,
      markdown: block.value,
      fallbackTitle: 'template',
      file: page.file,
    },
    () => 'template',
  );
  const recordLike =
    'status' in template.fields ||
    template.emptyFields.includes('status') ||
    template.headings.some((heading) => RECORD_HEADINGS.test(headingKey(heading.text)));
  return recordLike ? template : undefined;
}

/** The record `adr init` writes first (adr-tools): its file name, and its link to the tool. */
export const ADR_TOOLS_FIRST = /^0*1-record-architecture-decisions\.md$/i;
const ADR_TOOLS_LINK = 'github.com/npryce/adr-tools';

/**
 * The template of a folder adr-tools keeps, shown by the record `adr init` writes (`0001-record-architecture-decisions.md`,
 * which links the tool): the tool's own template (Date, Status, Context, Decision, Consequences), as a page of
 * type `template`. Its fields are the folder's however few records it has yet: adr-tools names no owner, so
 * a folder of two records written with it is not asked one, as one of three or more is not.
 */
export function adrToolsTemplate(page: Page): Page | undefined {
  if (page.source !== 'markdown' || page.file === undefined || page.type === 'template') return undefined;
  if (!ADR_TOOLS_FIRST.test(posix.basename(page.file)) || !page.markdown.includes(ADR_TOOLS_LINK))
    return undefined;
  return { ...page, id: `${page.id}#template`, type: 'template' };
}
