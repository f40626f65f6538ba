import type { Root } from 'mdast';
import type { Field, Page, ParseProblem, SourceKind, Unreadable } from '../model/page.js';
import { DEFAULT_PAGE_BUDGET, overBudget, type PageBudget } from './budget.js';
import { otherDeclaredType, type RecordTemplateMark, type TypeClassifier } from './doc-type.js';
import { emptyFieldSlots, extractFields } from './extract-fields.js';
import {
  fieldAnywhere,
  firstField,
  normalizeKey,
  OWNER_FIELDS,
  OWNER_SOURCES,
  parseDate,
  REVIEWED_FIELDS,
  UPDATED_FIELDS,
} from './fields.js';
import { type FrontMatter, readFrontMatter } from './front-matter.js';
import { DAY_FIRST_LANGUAGES, textLanguage } from './language.js';
import { fromLeadLineOnly } from './lead-line.js';
import { extractOutline } from './links.js';
import { parseMarkdown } from './markdown.js';
import { nameStatus } from './name-status.js';
import { namesNobody } from './nobody.js';
import { readOrigin } from './origin.js';
import { keepIndentedHeader } from './proposal-header.js';
import { opensFolder, ownerSentence } from './prose-owner.js';
import { tomlHead } from './toml-head.js';
import { typeContent } from './type-content.js';

/** What a source knows about a page before parsing; the builder derives the rest from the Markdown. */
export interface PageInput {
  source: SourceKind;
  id: string;
  url: string;
  path: string;
  markdown: string;
  /** Used when neither front matter nor an H1 gives a title (e.g. the file name). */
  fallbackTitle: string;
  /** A title the platform states (Notion, Confluence) wins over the Markdown. */
  title?: string;
  file?: string;
  parent?: string;
  labels?: string[];
  /** Fields from platform properties; they win over fields found in the text. */
  fields?: Record<string, Field>;
  /** Platform properties the page has but leaves empty (normalized names). */
  emptyFields?: string[];
  /** Fields from a metadata file beside the page (`kep.yaml`); the page's own text wins over them. */
  sidecarFields?: Record<string, Field>;
  /** The owner the platform records (Confluence page owner) or CODEOWNERS gives, when no field names one. */
  owner?: string;
  /** Where `owner` came from (`codeowners`); the platform's own record when absent. */
  ownerSource?: string;
  author?: string;
  lastEditor?: string;
  createdAt?: Date;
  /** When the page was last edited, as a record says: its last commit, or its wiki's version. */
  updatedAt?: Date;
  /** A file's modification time: the edit time when no record gives one (no git history). */
  modifiedAt?: Date;
  declaredType?: string;
  /**
   * The name of the folder `path` is relative to (a Markdown root's own name: `decision-records` for a
   * clone of an ADR repository linted as `.`): the pages' parent folder for typing only, never in keys.
   */
  typingFolder?: string;
  /** How a record template stands to the page (platforms/markdown/record-templates.ts): for typing only. */
  recordTemplate?: RecordTemplateMark;
  unreadable?: Unreadable;
  /** Problems the source met reading the page (e.g. malformed Confluence storage), reported beside front matter problems. */
  problems?: ParseProblem[];
  /** Its site's Markdown reader (kramdown, MDX) reads an HTML block to its closing tag (links.ts). */
  htmlToClosingTag?: boolean;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** A numeric date that is one both ways round (`11/03/2026`): its day and month are both 12 or less. */
const EITHER_WAY = /^(?:0?[1-9]|1[0-2])[/-](?:0?[1-9]|1[0-2])[/-]\d{2,4}\b/;

/**
 * A written date, its day first when the page is written in a language that puts it first (French
 * `11/03/2026` is 11 March), month first on an English page. On a page whose language is unknown
 * (a short one) it is read month first, unless that day is after the file was last written (`written`:
 * its last commit, else its modification time) and the day-first one is not: no text names a day
 * still to come as its edit or review, so a day-first date is not put in the future.
 */
function fieldDate(field: Field | undefined, markdown: string, written: Date | undefined): Date | undefined {
  if (!field) return undefined;
  if (!EITHER_WAY.test(field.value.trim())) return parseDate(field.value);
  const language = textLanguage(markdown);
  if (language !== undefined) return parseDate(field.value, DAY_FIRST_LANGUAGES.has(language));
  const [monthFirst, dayFirst] = [parseDate(field.value), parseDate(field.value, true)];
  const after = (date: Date | undefined) => written !== undefined && date !== undefined && date > written;
  return after(monthFirst) && !after(dayFirst) ? dayFirst : monthFirst;
}

/**
 * When the page was last reviewed or edited. A stated review (`last_reviewed`) is the maintainers'
 * word and wins. A written edit date (`updated`, or a publish `date:` as Jekyll and Hugo write it)
 * counts only while no edit on a later day is recorded: a page edited since says so in git or the
 * wiki. Written dates name a day, so an edit on that same day is the one they record.
 */
function lastUpdated(
  fields: Record<string, Field>,
  recorded: Date | undefined,
  input: Pick<PageInput, 'markdown' | 'modifiedAt'>,
): Date | undefined {
  const onDisk = recorded ?? input.modifiedAt;
  const reviewed = fieldDate(firstField(fields, REVIEWED_FIELDS), input.markdown, onDisk);
  if (reviewed) return reviewed;
  const written = fieldDate(firstField(fields, UPDATED_FIELDS), input.markdown, onDisk);
  if (!written || !recorded) return written ?? recorded;
  return recorded.getTime() >= written.getTime() + DAY_MS ? recorded : written;
}

function listValue(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
  return [];
}

/** Where the owner field `key` was written: a sidecar file, a platform property, front matter or the page's text. */
function fieldOwnerSource(key: string, field: Field, input: PageInput, frontMatter: FrontMatter): string {
  if (field.source) return field.source;
  if (input.fields?.[key]) return OWNER_SOURCES.property;
  return Object.keys(frontMatter.data).some((name) => normalizeKey(name) === key)
    ? OWNER_SOURCES.frontMatter
    : OWNER_SOURCES.page;
}

const OWNER_KEYS: ReadonlySet<string> = new Set(OWNER_FIELDS);

/** A record's file or folder name that starts with the day it was written: `2022-08-11-use-x.md`, `20220811-use-x/README.md`. */
const NAME_DATE = /^((?:19|20)\d\d)(-?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])[-_]/;

/**
 * The `path-date` field: the date a Markdown page's name (or, for a `README.md` or `index.md`, its
 * folder's name) starts with, as records named by day write it; any date the page itself gives wins.
 */
function pathDate(file: string | undefined): Record<string, Field> {
  const parts = file?.split('/') ?? [];
  const name = parts.at(-1) ?? '';
  const own = /^(?:readme|index)\.(?:md|mdx|markdown)$/i.test(name) ? parts.at(-2) : name;
  const match = own ? NAME_DATE.exec(own) : null;
  if (!match) return {};
  const value = `${match[1]}-${match[3]}-${match[4]}`;
  // 2023-02-30 is no day.
  return parseDate(value)?.toISOString().startsWith(value) ? { 'path-date': { value } } : {};
}

/**
 * Turns one source page, its Markdown's mdast and front matter into the shared Page model: fields,
 * outline, owner, dates, type.
 */
function assemblePage(
  input: PageInput,
  tree: Root,
  frontMatter: FrontMatter,
  classify: TypeClassifier,
): Page {
  const read = {
    ...(input.source === 'markdown' ? pathDate(input.file) : {}),
    ...input.sidecarFields,
    ...extractFields(tree, input.markdown, frontMatter),
    ...input.fields,
  };
  nameStatus(input.source === 'markdown' ? input.file : undefined, read);
  const outline = extractOutline(tree, input.htmlToClosingTag === true);
  const h1 = outline.headings.find((h) => h.depth === 1)?.text.trim();
  const fmTitle = typeof frontMatter.data.title === 'string' ? frontMatter.data.title.trim() : undefined;
  // Hugo's TOML head, where a page has no YAML front matter: its title and tags, as YAML's are read.
  const toml = tree.children[0]?.type === 'yaml' ? { tags: [] } : tomlHead(input.markdown);
  const title = input.title ?? (fmTitle || toml.title || h1 || input.fallbackTitle);
  const labels = [
    ...new Set([
      ...(input.labels ?? []),
      ...listValue(frontMatter.data.tags),
      ...listValue(frontMatter.data.labels),
      ...toml.tags,
    ]),
  ];
  // A wiki page mirrored by `handbook-lint sync` brings what its wiki knew beyond the fields.
  const origin = input.source === 'markdown' ? readOrigin(frontMatter.data) : undefined;
  const declaredType = read.type?.value ?? input.declaredType ?? otherDeclaredType(read);
  // A mirrored page keeps the type its wiki gave it: the mirror's folder names must not give it one.
  const type =
    origin && !declaredType
      ? undefined
      : classify({
          path: input.path,
          ...(input.typingFolder ? { rootFolder: input.typingFolder } : {}),
          ...(input.recordTemplate ? { recordTemplate: input.recordTemplate } : {}),
          title,
          labels,
          // The state on the line under the title is read on a page typed a record, it types none.
          fields: Object.keys(read).filter((key) => !fromLeadLineOnly(read[key])),
          ...(declaredType ? { declaredType } : {}),
          content: typeContent(tree, input.markdown, input.file ?? input.path, title),
        });
  const fields = keepIndentedHeader(read, type);
  const ownerKey = OWNER_FIELDS.find((name) => fields[name]?.value);
  const ownerField = ownerKey ? fields[ownerKey] : undefined;
  // A policy states its owner at the end ("**Policy Owner:** Head of Security"), a service page in a table row.
  const ownerInText = ownerField
    ? undefined
    : (fieldAnywhere(tree, OWNER_KEYS) ??
      (input.source === 'markdown' && opensFolder(input.file) ? ownerSentence(tree) : undefined));
  // "Responsável: _preencher_" names nobody: the page is not owned, nor are the pages below it.
  const stated = ownerField?.value ?? ownerInText?.value;
  const named = stated !== undefined && !namesNobody(stated);
  const owner = (named ? stated : undefined) ?? input.owner ?? origin?.owner;
  const ownerSource =
    named && ownerKey && ownerField
      ? fieldOwnerSource(ownerKey, ownerField, input, frontMatter)
      : named && ownerInText
        ? OWNER_SOURCES.page
        : input.owner
          ? (input.ownerSource ?? OWNER_SOURCES.platform)
          : origin?.owner
            ? OWNER_SOURCES.platform
            : undefined;
  const updatedAt = lastUpdated(fields, origin?.updatedAt ?? input.updatedAt, input) ?? input.modifiedAt;
  const createdAt = input.createdAt ?? origin?.createdAt;
  const author = input.author ?? origin?.author;
  const unreadable = input.unreadable ?? origin?.unreadable;
  return {
    key: `${input.source}:${input.id}`,
    source: input.source,
    id: input.id,
    title,
    url: input.url,
    path: input.path,
    labels,
    fields,
    emptyFields: [...(input.emptyFields ?? []), ...emptyFieldSlots(tree, frontMatter)],
    markdown: input.markdown,
    tree,
    links: outline.links,
    headings: outline.headings,
    anchors: outline.anchors,
    ...(outline.generated ? { generated: true as const } : {}),
    ...(origin ? { mirrorOf: origin.source } : {}),
    problems: [
      ...(frontMatter.problem ? [frontMatter.problem] : []),
      ...(input.problems ?? []),
      ...(origin?.problems ?? []),
    ],
    ...(input.file !== undefined ? { file: input.file } : {}),
    ...(input.parent !== undefined ? { parent: input.parent } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(updatedAt ? { updatedAt } : {}),
    ...(author ? { author } : {}),
    ...(input.lastEditor ? { lastEditor: input.lastEditor } : {}),
    ...(owner ? { owner } : {}),
    ...(ownerSource ? { ownerSource } : {}),
    ...(type ? { type } : {}),
    ...(unreadable ? { unreadable } : {}),
  };
}

/**
 * A page listed without its content: what is known before reading it (path, title from the file name,
 * parent) and why it could not be read. Its text is dropped, so a huge page holds no memory.
 */
export function unreadablePage(input: PageInput, reason: string, classify: TypeClassifier): Page {
  const empty: Root = { type: 'root', children: [] };
  return assemblePage(
    { ...input, markdown: '', unreadable: { reason } },
    empty,
    { data: {}, keyLines: {} },
    classify,
  );
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
