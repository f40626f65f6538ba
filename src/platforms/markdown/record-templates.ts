import { posix } from 'node:path';
import type { RecordTemplateMark } from '../../normalize/doc-type.js';

/**
 * An RFC repository's template, numbered as the record before the first (rust-lang/rfcs' `0000-template.md`), or
 * a series' that names its records with a prefix (Open Data Hub's `ODH-ADR-0000-template.md`): the prefix.
 */
const RECORD_TEMPLATE = /^((?:[a-z]+[-_])*)0+[-_]template\.md$/i;

/** The rest of a series' name after its prefix: a kind's or an area's code at most, then the number (`MS-0005-x`). */
const SERIES_NUMBER = /^(?:[a-z]+[-_])*\d/;

/**
 * A zero-numbered page, a draft's "no number yet" (`0000-HoverButton.md`), numbered as the template is: three zeros
 * or more, so a guide's `00-introduction.md` or `0_welcome.md` is no draft.
 */
const ZERO_NUMBER = /^0{3,}[-_]/;

/** A second template or a folder's index, whatever its number (`0000-template-de.md`, `0000-overview.md`). */
const NO_DRAFT =
  /templat|vorlage|plantilla|mod[eè]le|modelo|skeleton|sample|example|blank|boilerplate|readme|index|overview|[uü]e?bersicht|intro|welcome|preface|guide/;

/**
 * How a record template stands to each page, for typing (normalize/doc-type.ts): `beside` when one is in the
 * page's folder or at the root (a numbered page there is a record written from it: JDim's `docs/0005-x.md`);
 * `series` when the page, under the template's folder, is named in its series (`ODH-ADR-0003-x.md`,
 * `model-serving/ODH-ADR-MS-0002-x.md` under `ODH-ADR-0000-template.md`) or numbered zero as a draft not yet
 * given its number (`react/0000-HoverButton.md` under the root's `0000-template.md`): a record, not a template.
 */
export function recordTemplateMarks(
  files: Iterable<string>,
): (file: string) => RecordTemplateMark | undefined {
  // The templates' prefixes by folder: a page looks only in the folders above it, never through every template
  // (a tree of 20,000 folders, each with its template, was 112 s of planning).
  const prefixes = new Map<string, { template: string; prefix: string }[]>();
  for (const file of files) {
    const prefix = RECORD_TEMPLATE.exec(posix.basename(file))?.[1];
    if (prefix === undefined) continue;
    const folder = posix.dirname(file);
    const list = prefixes.get(folder) ?? [];
    prefixes.set(folder, list);
    list.push({ template: file, prefix: prefix.toLowerCase() });
  }
  return (file) => {
    const name = posix.basename(file).toLowerCase();
    // Templates folders hold the templates of other kinds (`templates/0000-meeting.md`), no drafts of a series.
    const underTemplates = TEMPLATES_FOLDER.test(posix.dirname(file));
    for (let folder = posix.dirname(file); ; folder = posix.dirname(folder)) {
      const series = prefixes
        .get(folder)
        ?.some(({ template, prefix }) => template !== file && inSeries(name, prefix));
      if (series && !underTemplates) return 'series';
      if (folder === '.' || folder === '/') break;
    }
    return prefixes.has('.') || prefixes.has(posix.dirname(file)) ? 'beside' : undefined;
  };
}

/** A folder of templates (`templates/`, `_templates/`), anywhere in the page's path. */
const TEMPLATES_FOLDER = /(?:^|\/)_?templates?(?:\/|$)/i;

/** Whether the page's name continues the template's series: its prefix and a number, or a zero-numbered draft. */
function inSeries(name: string, prefix: string): boolean {
  if (NO_DRAFT.test(name)) return false;
  return prefix === ''
    ? ZERO_NUMBER.test(name)
    : name.startsWith(prefix) && SERIES_NUMBER.test(name.slice(prefix.length));
}
