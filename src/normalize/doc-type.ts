import { compileRuleRegex, type RuleRegex } from '../rules/regex.js';
import { folderKey, NUMBERED_NAME, namedLikeFolder } from './page-names.js';
import { recordMark, recordShape } from './record-shape.js';
import { blank, ownPage, type TypeContent } from './type-content.js';
import { folderSegments, globHit, listed, rooted, typeTag } from './type-globs.js';

export { NUMBERED_NAME };

/** How config recognizes one document type; any matcher that hits classifies the page. */
export interface TypeMatcher {
  /** Folder names anywhere in the page's path (`decisions`, `adr`). */
  folders?: string[];
  /**
   * Folder names that type a page only when it gives a date near its top or has one of `sections`' kinds: a
   * folder named for the meetings (`reunions/`) also keeps pages about them, undated and without minutes sections.
   */
  datedFolders?: string[];
  /** Values of front matter / property `type` that mean this type (aliases). */
  frontMatter?: string[];
  /** Regular expressions tried against the title, case-insensitive. */
  titles?: string[];
  /**
   * Regular expressions that keep a title from matching `titles` (a dated title names one page made from a
   * template), and a page from being `folderNamed` (`adr/adr.md` titled "ADR 1: …" is a record).
   */
  exceptTitles?: string[];
  labels?: string[];
  /** Globs on the page's file or breadcrumb path. */
  paths?: string[];
  /**
   * Globs for pages of this type only when they carry one of `recordFields` (a numbered
   * `0042-x.md` or `0042-x/README.md` is a record when it states a status, a numbered how-to is not).
   * With `recordFields`, `folders` type only a page with a record's shape (src/normalize/record-shape.ts).
   */
  recordPaths?: string[];
  recordFields?: string[];
  /**
   * Sets of fields that type a page wherever it is when it carries every field of one: an enhancement proposal's
   * front matter (`status`, `approvers`, `creation-date`), where a `status` alone is any draft page's.
   */
  fieldSets?: string[][];
  /**
   * Globs for pages of this type only when they are mostly links: `toc.md` or `contents.md` is a table of contents
   * when it lists pages, not when it is about the Theory of Constraints or a kitchen's contents.
   */
  listPaths?: string[];
  /** Globs no matcher of this type may claim (a numbered proposal's README.md is no index page). */
  exceptPaths?: string[];
  /** A page named as the folder it is in (`adr/ADR.md`), not numbered: the folder's own page. */
  folderNamed?: boolean;
  /** Regular expressions tried against the page's first line, a heading's or plain text ("Daily Standup Template"). */
  firstLines?: string[];
  /**
   * Kinds of section a page of this type has, each a regular expression on a heading's or a bold label's words
   * (lower case, no accents): the page is of the type when `min` kinds are there (2 unless given), one of them of
   * the `anchors` when given, and, with `dated`, it gives a date near its top; not when its title is one of
   * `exceptTitles`. Read only when no other matcher of any type typed the page.
   */
  sections?: SectionMatcher;
  /** Bracketed instructions ("[List the attendees]") that make a page of this type, when nothing else typed it. */
  instructions?: number;
}

/** How a page's sections type it (`sections`). */
export interface SectionMatcher {
  kinds: string[];
  /** Kinds only pages of the type have, of which one must be there; counted with `kinds`. */
  anchors?: string[];
  exceptTitles?: string[];
  min?: number;
  dated?: boolean;
}

/** How a record template stands to a page (platforms/markdown/record-templates.ts). */
export type RecordTemplateMark = 'beside' | 'series';

/** The inputs a classification needs; sources fill them from their own metadata. */
export interface TypeSignals {
  path: string;
  /**
   * The folder `path` is relative to, by its own name (the lint root's: a clone of a `decision-records`
   * repository linted as `.`): typed as the pages' parent folder, so a run on the decision or minutes folder
   * itself types its records and minutes as a run on the folder above does. Its folder names and globs only.
   */
  rootFolder?: string;
  title: string;
  labels: readonly string[];
  declaredType?: string;
  /** Names (normalized) of the fields the page carries, for `recordFields`. */
  fields?: readonly string[];
  /** How a record template (`0000-template.md`) stands to the page (platforms/markdown/record-templates.ts). */
  recordTemplate?: RecordTemplateMark;
  /** What its text says, for `firstLines`, `sections` and `instructions`. */
  content?: TypeContent;
}

/**
 * Front matter keys beside `type` that name the page's type, as minutes templates write it ("Document type:
 * Minutes", `doctype: minutes`): read as `type` is, when the page has no `type`.
 */
const TYPE_KEYS = ['document-type', 'doctype', 'doc-type'];

/** The type a page's fields declare under another key than `type` (`TYPE_KEYS`), if any. */
export function otherDeclaredType(fields: Readonly<Record<string, { value: string }>>): string | undefined {
  for (const key of TYPE_KEYS) if (fields[key]?.value.trim()) return fields[key]?.value;
  return undefined;
}

/** The document type of a folder's template page, whatever type its front matter gives its copies. */
const TEMPLATE_TYPE = 'template';

/** A folder's readme in lower or capitalized case, as a handbook that names its pages so writes it. */
const LOWER_README = /(?:^|\/)[Rr]eadme\.md$/;

/** Compiled matchers, built once per run so regexes are not recompiled per page. */
export type TypeClassifier = (signals: TypeSignals) => string | undefined;

/** Builds the classifier: a declared type that is a known alias wins; an unknown one yields to a typed folder; otherwise matchers in config order. */
export function typeClassifier(matchers: Record<string, TypeMatcher>): TypeClassifier {
  const compiled = Object.entries(matchers).map(([type, m]) => ({
    type,
    folders: new Set((m.folders ?? []).map(folderKey)),
    datedFolders: new Set((m.datedFolders ?? []).map(folderKey)),
    aliases: new Set([type, ...(m.frontMatter ?? [])].map((a) => a.toLowerCase())),
    titles: (m.titles ?? []).map((t) => compileRuleRegex(t, 'i')),
    exceptTitles: (m.exceptTitles ?? []).map((t) => compileRuleRegex(t, 'i')),
    labels: new Set((m.labels ?? []).map((l) => l.toLowerCase())),
    paths: m.paths ?? [],
    recordPaths: m.recordPaths ?? [],
    recordFields: m.recordFields ?? [],
    fieldSets: m.fieldSets ?? [],
    listPaths: m.listPaths ?? [],
    exceptPaths: m.exceptPaths ?? [],
    folderNamed: m.folderNamed === true,
    firstLines: (m.firstLines ?? []).map((t) => compileRuleRegex(t, 'i')),
    sectionKinds: (m.sections?.kinds ?? []).map((t) => compileRuleRegex(t, 'i')),
    sectionAnchors: (m.sections?.anchors ?? []).map((t) => compileRuleRegex(t, 'i')),
    sectionExceptTitles: (m.sections?.exceptTitles ?? []).map((t) => compileRuleRegex(t, 'i')),
    sectionsMin: m.sections?.min ?? 2,
    sectionsDated: m.sections?.dated === true,
    instructions: m.instructions,
  }));
  return (signals) => {
    const declared = signals.declaredType?.trim().toLowerCase();
    if (!declared) return matched(signals) ?? byContent(signals);
    // A template's front matter is what its copies will carry (`templates/meeting.md` says `type:
    // meeting`): in a templates folder the page is the template.
    if (inTemplatesFolder(signals)) return TEMPLATE_TYPE;
    const known = compiled.find((c) => c.aliases.has(declared));
    if (known) return known.type;
    // A `type` no matcher knows may be a site generator's layout (Hugo's `type: docs` on minutes):
    // the folder the page sits in says more. Tags and titles do not overrule what the author declared.
    return inTypedFolder(signals) ?? declared;
  };

  function inTemplatesFolder(signals: TypeSignals): boolean {
    const template = compiled.find((c) => c.type === TEMPLATE_TYPE);
    return (
      template !== undefined &&
      !globHit(template.exceptPaths, signals) &&
      folderSegments(signals).some((s) => template.folders.has(s))
    );
  }

  function inTypedFolder(signals: TypeSignals): string | undefined {
    const segments = folderSegments(signals);
    return compiled.find(
      // A folder's own index page (Hugo's `_index.md`) is navigation, whatever its layout type says.
      (c) =>
        !globHit(c.exceptPaths, signals) &&
        (inFolder(c, segments, signals) ||
          (c.type === 'index' && (globHit(c.paths, signals) || listed(c.listPaths, signals)))),
    )?.type;
  }

  function matched(signals: TypeSignals): string | undefined {
    // Named in the series of the record template above it, the page is one of its records, before any word
    // of its name or title: a draft's `0000-x.md` is no template when the folder has its own.
    const series =
      signals.recordTemplate === 'series' &&
      compiled.find((c) => c.recordPaths.length > 0 && !globHit(c.exceptPaths, signals));
    if (series) return series.type;
    const segments = folderSegments(signals);
    const labels = signals.labels.map((l) => l.toLowerCase());
    const fields = new Set(signals.fields ?? []);
    for (const c of compiled) {
      if (globHit(c.exceptPaths, signals)) continue;
      if (
        inFolder(c, segments, signals) &&
        (c.recordFields.length === 0 || recordShape(signals, c.recordFields))
      )
        return c.type;
      if (
        c.titles.some((re) => re.test(signals.title)) &&
        !c.exceptTitles.some((re) => re.test(signals.title))
      )
        return c.type;
      const lead = signals.content?.leadLine;
      if (lead && c.firstLines.some((re) => re.test(lead)) && !c.exceptTitles.some((re) => re.test(lead)))
        return c.type;
      if (labels.some((l) => c.labels.has(l) || c.aliases.has(typeTag(l)))) return c.type;
      if (globHit(c.paths, signals) && !contentReadme(c.type, signals, segments)) return c.type;
      if (listed(c.listPaths, signals)) return c.type;
      if (
        c.folderNamed &&
        namedLikeFolder(rooted(signals), signals.rootFolder) &&
        !c.exceptTitles.some((re) => re.test(signals.title))
      )
        return c.type;
      const header = signals.content?.headerKeys ?? [];
      // An empty header key names the process (`- RFC PR:` before the pull request opens), but a status left
      // blank names no state: "RFC Status: -" heads the RFC that defines the states (round 19b).
      const recordField = (f: string) => fields.has(f) || (f !== 'status' && header.includes(f));
      const marked = signals.recordTemplate !== undefined || c.recordFields.some(recordField);
      if (marked && globHit(c.recordPaths, signals)) return c.type;
      // Under a record template, a page whose bullet header names the process (`- 目标主要版本：`) is a record.
      if (signals.recordTemplate && c.recordFields.some((f) => f !== 'status' && header.includes(f)))
        return c.type;
      if (c.fieldSets.some((set) => set.every(recordField))) return c.type;
    }
    return undefined;
  }

  /**
   * A lower-case `readme.md` that is no list of links, outside any typed folder (`devops/DRP/readme.md`, a procedure
   * in a folder of its own): a content page; one that lists pages, or in `adr/` or `templates/`, stays an index.
   */
  function contentReadme(type: string, signals: TypeSignals, segments: string[]): boolean {
    if (type !== 'index' || !LOWER_README.test(signals.path) || signals.content?.linkList !== false)
      return false;
    return !compiled.some((other) => other.type !== type && inFolder(other, segments, signals));
  }

  /** Whether a folder of the page types it: any of `folders`, or one of `datedFolders` for a page of its own. */
  function inFolder(c: (typeof compiled)[number], segments: string[], signals: TypeSignals): boolean {
    if (segments.some((s) => c.folders.has(s))) return true;
    return (
      segments.some((s) => c.datedFolders.has(s)) &&
      ownPage(signals.content, c.sectionAnchors, c.sectionKinds)
    );
  }

  /** The weaker evidence of the page's text, when no path, title, label or field typed it. */
  function byContent(signals: TypeSignals): string | undefined {
    const content = signals.content;
    if (!content) return undefined;
    const fields = new Set(signals.fields ?? []);
    return compiled.find((c) => {
      if (globHit(c.exceptPaths, signals)) return false;
      if (c.instructions !== undefined && blank(content, fields, c.instructions)) return true;
      if (c.sectionKinds.length === 0 || (c.sectionsDated && !content.dated)) return false;
      if (c.sectionExceptTitles.some((re) => re.test(signals.title))) return false;
      // A record's sections are also the headings of a guide that explains them: a record bears its mark too.
      if (c.recordFields.length > 0 && !recordMark(signals, c.recordFields)) return false;
      const found = (re: RuleRegex) => content.sections.some((s) => re.test(s));
      const anchors = c.sectionAnchors.filter(found).length;
      if (c.sectionAnchors.length > 0 && anchors === 0) return false;
      return anchors + c.sectionKinds.filter(found).length >= c.sectionsMin;
    })?.type;
  }
}
