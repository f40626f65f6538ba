import { NUMBERED_NAME } from './page-names.js';
import type { TypeContent } from './type-content.js';

/** What the shape is read from: a page's type signals (`TypeSignals`), in part. */
export interface ShapeSignals {
  path: string;
  title: string;
  fields?: readonly string[];
  content?: Pick<TypeContent, 'sections' | 'chosen'>;
}

/**
 * The fields that make a numbered page a decision record. An RFC process's record has no status (its pull
 * request's merge is): its bullet header names it, the Rust-style keys (`- Feature Name:`, `- RFC PR:`) or Vue's
 * (`- Target Major Version:`, `- Implementation PR:`, in French `- Version majeure cible :`, `- PR d'implémentation
 * :`), Cloud Native Buildpacks' `# Meta` block (`- RFC Pull Request:`, `- CNB Pull Request:`, `- Supersedes:`).
 * Not `Start Date:`, which a numbered plan has.
 */
export const RECORD_FIELDS = [
  'status',
  'feature-name',
  'rfc-pr',
  'rfc-pull-request',
  'cnb-pull-request',
  'supersedes',
  'target-major-version',
  'implementation-pr',
  'version-majeure-cible',
  'pr-d-implementation',
];

/** A record's file name: its number, or its kind first (`ADR Tech Stack.md`, `rfc-search.md`). */
const RECORD_NAME = /^(?:adr|dr|rfc)\b/i;

/** Whether the page bears a record's mark: one of `recordFields` or a date, a record's name, or a chosen option. */
export function recordMark(signals: ShapeSignals, recordFields: readonly string[]): boolean {
  return (signals.fields ?? []).includes('date') || namedOrFielded(signals, recordFields);
}

/** Whether the page has one of `recordFields`, a record's name or a chosen option. */
function namedOrFielded(signals: ShapeSignals, recordFields: readonly string[]): boolean {
  const name = signals.path.slice(signals.path.lastIndexOf('/') + 1);
  const fields = signals.fields ?? [];
  return (
    recordFields.some((f) => fields.includes(f)) ||
    NUMBERED_NAME.test(name) ||
    RECORD_NAME.test(name) ||
    signals.content?.chosen === true
  );
}

/**
 * A decision record's own headings, whole (lower case, no accents, as TypeContent keeps them): Nygard's and
 * MADR's, in the languages read. Not one that only starts so ("Contexte du développement effectué" over a
 * process's steps).
 */
const RECORD_HEADING =
  /^(?:context|contexte|contexto|kontext|context and problem statement|decision|decisions|decision outcome|decisao|entscheidung|consequences|consecuencias|consequencias|konsequenzen|considered options|options envisagees|opciones consideradas|opcoes consideradas)$/;

/**
 * A title that names a record: ADR or RFC as a word ("Use Kafka (ADR)"), or a decision's word before a colon or
 * a dash ("Décision : …"). Not "Decision process", a page about how records are made.
 */
const RECORD_TITLE =
  /(?<!\p{L})(?:adr|rfc)(?!\p{L})|^(?:decision|décision|decisión|decisão|entscheidung)(?:\s+record)?\s*[:：–—-]/iu;

/**
 * Whether the page has a decision record's shape: one of `recordFields`, a record's name, heading or chosen option,
 * or a title that names one. A folder of records (`doc/adr/`) also keeps a team's charter or a process
 * page, which have none: the folder alone does not make them records, from the repository's root as from the
 * folder. Nor does a date: a site generator dates every page (Hugo's `date:` beside `draft: true` over a process
 * guide in `docs/adrs/`). A page whose text is not at hand keeps its folder's type.
 */
export function recordShape(signals: ShapeSignals, recordFields: readonly string[]): boolean {
  if (!signals.content) return true;
  return (
    namedOrFielded(signals, recordFields) ||
    RECORD_TITLE.test(signals.title) ||
    signals.content.sections.some((section) => RECORD_HEADING.test(section))
  );
}
