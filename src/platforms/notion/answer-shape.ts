// The Notion SDK checks no schema: a 200 whose fields are missing or of another type reached the crawl
// and write-back as typed, and ended the run on the first field read (exit 70). Each answer the crawl
// reads is checked here first, so a malformed one is a failed request with a reason.

type Fields = Record<string, unknown>;

const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** An object with a string `key`. */
const hasText = (value: unknown, key: string) => isObject(value) && typeof value[key] === 'string';

/** A list result that is no object (null, a number) is no answer of the list. */
export function checkResults(results: readonly unknown[]): void {
  if (!results.every(isObject)) throw new Error('the list answered a result that is no object');
}

/** What a page object lacks of the fields the listing reads; undefined when it has them. */
function pageDefect(page: Fields): string | undefined {
  if (!hasText(page.parent, 'type')) return 'its parent';
  if (!hasText(page.created_by, 'id')) return 'its creator';
  if (!isObject(page.properties)) return 'its properties';
  return undefined;
}

/** What a data source object lacks of the fields the listing reads; undefined when it has them. */
function dataSourceDefect(source: Fields): string | undefined {
  if (!hasText(source.parent, 'type')) return 'its parent';
  if (!hasText(source.database_parent, 'type')) return 'its database parent';
  if (!Array.isArray(source.title)) return 'its title';
  return undefined;
}

/** Throws when a page (or data source) object lacks a field the listing reads. */
export function checkListed(kind: 'page' | 'data source', value: object): void {
  const fields = value as Fields;
  const defect = kind === 'page' ? pageDefect(fields) : dataSourceDefect(fields);
  if (defect) throw new Error(`${kind} ${String(fields.id)} was answered without ${defect}`);
}

/** A page's Markdown answer as the crawl reads it: its text and the ids of its truncated parts. */
export interface MarkdownAnswer {
  markdown: string;
  unknown_block_ids: string[];
}

/** The Markdown answer, or an error saying what it lacks: without the list of parts a cut page would read as whole. */
export function markdownAnswer(answer: unknown): MarkdownAnswer {
  if (!isObject(answer) || typeof answer.markdown !== 'string')
    throw new Error("Notion's answer for the page has no Markdown text");
  const ids = answer.unknown_block_ids;
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string'))
    throw new Error("Notion's answer for the page has no list of its truncated parts beside the Markdown");
  return { markdown: answer.markdown, unknown_block_ids: ids };
}
