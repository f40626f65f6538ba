import { posix } from 'node:path';
import type { Finding } from '../model/finding.js';
import type { Page } from '../model/page.js';
import type { TypeMatcher } from '../normalize/doc-type.js';
import type { SitePage } from '../site.js';
import { conditionalCheck } from './checks/conditional.js';
import type { ConditionalOptions } from './checks/conditional-options.js';
import {
  type FieldsOptions,
  fieldsCheck,
  folderFields,
  folderFieldsOptional,
  folderFieldsSlotted,
  folderFieldsWritten,
} from './checks/fields.js';
import {
  familyOf,
  type SectionSpec,
  type SectionsOptions,
  sectionsCheck,
  writesSection,
} from './checks/sections.js';
import { folderFieldsChosen, folderFieldsOffered, folderFieldsUnnamed } from './checks/template-fields.js';
import { optionalInTemplate, saysSectionsMayGo } from './deletable-sections.js';
import { levelFor, type PathOverride, ruleApplies } from './engine.js';
import { dropOfferedValues, dropOmittedAcrossFolders, dropOmittedFields } from './folder-fields.js';
import { withParentTemplates } from './folder-parent-template.js';
import { dropSectionFindings } from './folder-sections.js';
import {
  conditionalOmits,
  namedTemplate,
  omittedByTree,
  typeFolderNames,
  writtenApart,
} from './folder-tree.js';
import type { ActiveRule } from './load.js';
import { adrToolsTemplate, readmeTemplate } from './readme-template.js';

/**
 * What a rule judged against the folder's own template saw on a page, carried from the page stage to
 * the site stage: for a `sections` rule with `families`, the family it took the page for (none: the
 * rule's own `sections` judged it) and which of those own sections the page writes; for a `fields`
 * rule, which of its `unless-folder-omits` fields the page writes; for a `conditional` rule with
 * `unless-folder-omits`, whether it holds on the page (`writes: [HOLDS]`).
 */
export interface TemplateRecord {
  rule: string;
  family?: string;
  /** Headings of the rule's own `sections` the page has, under any of their names; or field names. */
  writes: string[];
  /** The page is the folder's template (document type `template`): what it writes, its records are asked; what it leaves out, not. */
  template?: true;
  /** Headings of its family's sections the page has (a `sections` record of a family). */
  familyWrites?: string[];
  /** Fields a template page, or a record that kept its template's marks, marks optional (`Deciders: … <!-- optional -->`). */
  optional?: string[];
  /** Fields a record writes only as its template's slot (`Deciders: {list everyone …}`): not filled in. */
  slots?: string[];
  /** The values a template lists for a field (`Status: Vorschlag / Abgeschlossen`), and those a record chose. */
  offers?: Record<string, string[]>;
  chosen?: Record<string, string>;
  /** The fields a template page never names under any key (template-fields.ts). */
  unnamed?: string[];
  /** The template a folder's README shows in a code block: it is the README's own folder's. */
  readme?: true;
  /** A template page of the rule's sections that tells its authors to delete those that do not apply. */
  deletable?: true;
}

const options = (rule: ActiveRule) => rule.options as SectionsOptions;
const fieldOptions = (rule: ActiveRule) => rule.options as FieldsOptions;

/** The document type of a folder's template page (`0000-template.md`, `TEMPLATE.md`). */
const TEMPLATE_TYPE = 'template';

/** What a `conditional` record writes when its rule holds on it. */
const HOLDS = 'holds';

function conditionalByFolder(rule: ActiveRule): boolean {
  const opts = rule.options as ConditionalOptions;
  return rule.kind === conditionalCheck && (opts['unless-folder-omits'] || !!opts['unless-folder-template']);
}

/** What each of the page's rules judged per folder saw (page stage: it needs the full page and its findings). */
export function recordTemplates(
  page: Page,
  rules: readonly ActiveRule[],
  overrides: readonly PathOverride[],
  findings: readonly Finding[],
): TemplateRecord[] {
  if (page.unreadable) return [];
  const shown = readmeTemplate(page);
  // adr-tools' first record shows the tool's template: for the fields only (its sections are a record's).
  const tool = adrToolsTemplate(page);
  const fieldRules = () => rules.filter((rule) => rule.kind === fieldsCheck);
  const records: TemplateRecord[] = shown
    ? recordTemplates(shown, rules, overrides, []).map((record) => ({ ...record, readme: true }))
    : tool
      ? // The tool's template is inferred, not the folder's text: what it does not name says nothing of the house.
        recordTemplates(tool, fieldRules(), overrides, []).map(({ unnamed, ...record }) => record)
      : [];
  for (const rule of rules) {
    const sections = rule.kind === sectionsCheck && options(rule).families.length > 0;
    const fields = rule.kind === fieldsCheck && folderFields(fieldOptions(rule)).length > 0;
    const conditional = conditionalByFolder(rule);
    if (!(sections || fields || conditional)) continue;
    if (fields && page.type === TEMPLATE_TYPE) {
      const optional = folderFieldsOptional(page, fieldOptions(rule));
      const offers = folderFieldsOffered(page, fieldOptions(rule));
      const unnamed = folderFieldsUnnamed(page, fieldOptions(rule));
      records.push({
        rule: rule.id,
        writes: folderFieldsWritten(page, fieldOptions(rule)),
        template: true,
        ...(optional.length ? { optional } : {}),
        ...(Object.keys(offers).length ? { offers } : {}),
        ...(unnamed.length ? { unnamed } : {}),
      });
      continue;
    }
    if (conditional && page.type === TEMPLATE_TYPE) {
      // The template the rule names is its records' own: it "holds" for the folder below (withParentTemplates).
      if (namedTemplate(rule, page)) records.push({ rule: rule.id, writes: [HOLDS], template: true });
      // A template that leaves out what the rule asks for (an acta's with no agenda) is its folder's house style.
      else if (conditionalOmits(rule, page)) records.push({ rule: rule.id, writes: [], template: true });
      continue;
    }
    if (sections && page.type === TEMPLATE_TYPE) {
      const written = sectionsWritten(page, rule, true);
      // Only a template of the rule's sections speaks for the records: a handbook page's template
      // (Purpose, Steps) kept beside the ADRs says nothing about theirs.
      const own = written.writes.length > 0 || (written.familyWrites?.length ?? 0) > 0;
      const deletable = own && saysSectionsMayGo(page.markdown) ? { deletable: true as const } : {};
      records.push({ ...written, template: true, ...deletable });
      continue;
    }
    if (!ruleApplies(rule, page) || levelFor(rule, page, overrides) === 'off') continue;
    if (fields) {
      // A record that kept its template's `<!-- optional -->` marks shows what the template marks.
      const optional = folderFieldsOptional(page, fieldOptions(rule));
      const slots = folderFieldsSlotted(page, fieldOptions(rule));
      const chosen = folderFieldsChosen(page, fieldOptions(rule));
      records.push({
        rule: rule.id,
        writes: folderFieldsWritten(page, fieldOptions(rule)),
        ...(optional.length ? { optional } : {}),
        ...(slots.length ? { slots } : {}),
        ...(Object.keys(chosen).length ? { chosen } : {}),
      });
      continue;
    }
    if (conditional) {
      const fails = findings.some((finding) => finding.ruleId === rule.id);
      const apart = !fails && writtenApart(rule, page) ? { template: true as const } : {};
      records.push({ rule: rule.id, writes: fails ? [] : [HOLDS], ...apart });
      continue;
    }
    records.push(sectionsWritten(page, rule));
  }
  return records;
}

/** The family a `sections` rule takes the page for, and which of its sections the page writes (a template: asks). */
function sectionsWritten(page: Page, rule: ActiveRule, template = false): TemplateRecord {
  const family = familyOf(page, options(rule));
  const asks = (spec: SectionSpec) =>
    writesSection(page, spec) && !(template && optionalInTemplate(page, spec, options(rule)));
  const written = (specs: readonly SectionSpec[]) => specs.filter(asks).map((spec) => spec.heading);
  const writes = written(options(rule).sections);
  return family === undefined
    ? { rule: rule.id, writes }
    : { rule: rule.id, family: family.name, writes, familyWrites: written(family.sections) };
}

const INDEX_FILE = /^(?:readme|index|_index)\.(?:md|markdown)$/i;

/**
 * A folder a process sorts its records into by their state (`rfcs/approved/`, `adr/_superseded/`,
 * `archive/`, `Proposals/Done/`): its records keep the template of the folder above.
 */
const STATE_FOLDER =
  /^_?(?:superseded|deprecated|obsolete|rejected|retired|withdrawn|archived?|approved|accepted|implemented|proposed|drafts?|deferred|postponed|declined|abandoned|active|final|completed|done|finished|submitted)$/i;

/** A folder of one year's records (`decisions/2024/`, `minutes/2025/`): the same log as the years beside it. */
const YEAR_FOLDER = /^(?:19|20)\d\d$/;

/** A folder of templates inside the records' folder (`adr/templates/`): its template is theirs. */
const TEMPLATES_FOLDER = /^_?(?:templates?|page_templates)$/i;

/**
 * The folder whose records a page is compared with: a Markdown file's folder (the folder above for
 * a record that is its folder's index, `0017-x/README.md`, one sorted into a state's or a year's
 * folder, or a template in the records' `templates/` folder), a wiki page's parent page or database.
 * A wiki page whose parent is not known is compared with no other page.
 */
function folderOf(page: SitePage): string {
  if (page.source !== 'markdown' || page.file === undefined)
    // A page of no known parent is a folder of its own, not its sub-pages' (named by its key).
    return page.parent === undefined ? `alone:${page.key}` : `${page.source}:${page.parent}`;
  let folder = posix.dirname(page.file);
  if (INDEX_FILE.test(posix.basename(page.file))) folder = posix.dirname(folder);
  const name = posix.basename(folder);
  if (STATE_FOLDER.test(name) || YEAR_FOLDER.test(name) || TEMPLATES_FOLDER.test(name))
    folder = posix.dirname(folder);
  return `markdown:${folder}`;
}

/** The folder a README's own template is for: the one it sits in, as its records name it. */
function ownFolderOf(page: SitePage): string {
  const folder = posix.dirname(page.file ?? '');
  const name = posix.basename(folder);
  return `markdown:${STATE_FOLDER.test(name) || YEAR_FOLDER.test(name) ? posix.dirname(folder) : folder}`;
}

interface Placed extends TemplateRecord {
  key: string;
}

/**
 * Records judged against their folder's own template, folder by folder (site stage).
 *
 * `sections` rules: a record of no detected family in a folder whose records mostly follow one family
 * (records sorted into a state's folder, `approved/`, `_superseded/`, count in the folder above) is
 * judged as that family would judge it: a finding about one of the rule's own
 * sections stays only if that family also asks for the section, or if another record of the folder,
 * of that family or of none, writes it (the folder's template has it). In a folder of three or more
 * records with no known family in the majority, a section none of them writes is not asked of them;
 * nor is a section of a family that none of the folder's three or more records of that family writes.
 *
 * `fields` rules: a field marked `unless-folder-omits` that none of a folder's three or more records
 * writes, nor its template page, is not reported missing on them; nor one that none of the Markdown
 * folders' three or more records writes, however few each folder holds.
 *
 * `conditional` rules with `unless-folder-omits`: a rule that holds on none of a folder's three or
 * more pages, or of the three or more of the tree below the folder named for them (`minutes/`), is not reported on
 * them (the folder keeps its agendas elsewhere), nor on the pages of a folder in that tree that, as its template,
 * all leave out what the rule asks for; with
 * `unless-folder-template`, nor on the pages of a folder that keeps the template it names.
 */
export class FolderTemplates {
  /** @param documentTypes the run's document types: the folder names of a rule's types root its records' trees. */
  constructor(private readonly documentTypes: Readonly<Record<string, TypeMatcher>> = {}) {}

  /** Rule id -> folder -> its records. */
  private readonly folders = new Map<string, Map<string, Placed[]>>();
  /**
   * Folders with a page that could not be read: it may be the record that writes what the others
   * leave out, so those folders are judged by no template of their own this run. Judged without it,
   * the others' findings went away and the ledger called them fixed.
   */
  private readonly unread = new Set<string>();

  add(page: SitePage, records: readonly TemplateRecord[]): void {
    if (page.unreadable) this.unread.add(folderOf(page));
    if (!records.length) return;
    for (const record of records) {
      const folder = record.readme ? ownFolderOf(page) : folderOf(page);
      const folders = this.folders.get(record.rule) ?? new Map<string, Placed[]>();
      this.folders.set(record.rule, folders);
      const entry = { ...record, key: page.key };
      const list = folders.get(folder);
      if (list) list.push(entry);
      else folders.set(folder, [entry]);
    }
  }

  /** The findings without those the folder's own template would not give. */
  judge(findings: Finding[], rules: readonly ActiveRule[]): Finding[] {
    const drop = new Set<string>();
    /** Rule id -> keys of the pages none of whose findings of that rule stay. */
    const pages = new Map<string, Set<string>>();
    for (const [id, folders] of this.folders) {
      const rule = rules.find((r) => r.id === id);
      if (!rule) continue;
      const placed = withParentTemplates(folders, rule.kind === sectionsCheck);
      if (rule.kind === fieldsCheck && !this.unread.size) dropOmittedAcrossFolders(rule, placed, drop);
      if (conditionalByFolder(rule)) {
        const keys = pages.get(id) ?? new Set<string>();
        pages.set(id, keys);
        omittedByTree(placed, typeFolderNames(rule, this.documentTypes), this.unread, keys);
        continue;
      }
      for (const [folder, records] of placed) {
        if (this.unread.has(folder)) continue;
        if (rule.kind === fieldsCheck) {
          dropOmittedFields(rule, records, drop);
          dropOfferedValues(rule, records, drop);
          continue;
        }
        dropSectionFindings(rule, records, drop);
      }
    }
    const dropped = (finding: Finding) =>
      drop.has(finding.fingerprint) || pages.get(finding.ruleId)?.has(finding.page.key) === true;
    return drop.size || pages.size ? findings.filter((finding) => !dropped(finding)) : findings;
  }
}
