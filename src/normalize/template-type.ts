import type { TypeMatcher } from './doc-type.js';
import { LOCALE_TEMPLATE_PAGES, TRANSLATED_TEMPLATE_TITLES, ZERO_NUMBERED_DRAFTS } from './type-paths.js';

/** How the built-in `template` type knows a template: its folder, its name, its title, its first line, its instructions. */
export const TEMPLATE_MATCHER: TypeMatcher = {
  // `minutes/_template/YYYY-MM-DD.md`: the one template, singular; `plantillas/` (es), `Vorlagen/` (de).
  // GitHub's issue and pull request templates are filled in from the issue chooser and the pull request form.
  folders: [
    'templates',
    'page_templates',
    '_templates',
    'template',
    '_template',
    'plantillas',
    'vorlagen',
    'issue_template',
    'pull_request_template',
  ],
  frontMatter: ['template'],
  titles: ['\\btemplate\\b', ...TRANSLATED_TEMPLATE_TITLES],
  // A title with a date names one page made from a template ("Meeting Notes Template - Sync 14 Mar
  // 2024"); "ADR Template (v2)" is still one.
  exceptTitles: [
    '\\b(?:19|20)\\d\\d\\b|\\b\\d{1,2}/\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}\\b',
  ],
  // TEMPLATE.md beside README.md: the file name in the case the folder's other meta files use.
  paths: [
    // `Meeting-Template.md`, `Protokoll-Vorlage.md`: the word in the case of the rest of the name.
    '**/@([Tt]emplate|TEMPLATE).md',
    // GitHub's pull request template, in the root or `docs/` as in `.github/`.
    '**/@(pull_request_template|PULL_REQUEST_TEMPLATE).md',
    '**/*[-_]@([Tt]emplate|TEMPLATE).md',
    ...LOCALE_TEMPLATE_PAGES,
    // Run together with the kind of record (`DecisionRecords/drtemplate.md`, `adrtemplate.md`).
    '**/@([Aa]dr|ADR|[Dd]r|DR|[Rr]fc|RFC)@([Tt]emplate|TEMPLATE).md',
    // The word ending a name in CamelCase (`AcmeAdrTemplate.md`, a company's ADR template at its log's root).
    '**/*[a-z]Template.md',
    '**/NNNN-*/**',
    '**/0000-*.md',
    // The template in Spanish and German (`adr/PLANTILLA.md`, `protokolle/vorlage.md`).
    '**/@([Pp]lantilla|PLANTILLA).md',
    '**/*[-_]@([Pp]lantilla|PLANTILLA).md',
    '**/@([Pp]lantilla|PLANTILLA|[Vv]orlage|VORLAGE)[-_]*.md',
    '**/@([Vv]orlage|VORLAGE).md',
    '**/*[-_]@([Vv]orlage|VORLAGE).md',
    // Chinese 模板, the whole name or its end, as Chinese names run words together (`会议记录/模板.md`,
    // `会议纪要模板.md`).
    '**/*模板.md',
    // Norwegian (NAV's `adr/mal.md`), Danish and Dutch: words that name nothing else as a page's whole name.
    '**/@([Mm]al|MAL|[Ss]kabelon|SKABELON|[Ss]jabloon|SJABLOON).md',
    // French and Spanish or Portuguese `modèle`, `modelo` are also a model (`docs/modelo.md`, "Modelo de
    // dados"): as a page's whole name, only among decision records and minutes ("Modelo de ata").
    '**/@(adr|adrs|decisions|decision-records|rfc|rfcs|meetings|meeting-notes|minutes|actas|atas|reuniones|reunioes|reuniões|comptes-rendus|compte-rendus|proces-verbaux|notulen)/@([Mm]od[eè]le|MOD[EÈ]LE|[Mm]odelo|MODELO).md',
    '**/*[-_]@([Mm]al|MAL|[Ss]kabelon|SKABELON|[Ss]jabloon|SJABLOON|[Mm]od[eè]le|MOD[EÈ]LE|[Mm]odelo|MODELO).md',
    // Swedish `mall` is also English (a shopping mall): only among decision records.
    '**/@(adr|adrs|decisions|beslut)/@([Mm]all|MALL).md',
  ],
  // MADR numbers its own first record 0000: the record that adopts MADR, not a template. A record
  // numbered other than 0000 and named in more than one word is one record even when its name or
  // title says template ("ADR 1: Use the ADR template", `adr-0001-adopt-adr-template.md`);
  // `0001-template.md` is a template. The page of a folder numbered other than 0000 and named in more
  // than one word is one record too (`71-hub-templates-auto-reconcile/README.md`, an enhancement about
  // the product's templates); `0000-template-rfc/README.md` is the template.
  exceptPaths: [
    '**/0000-use-markdown-*.md',
    ...ZERO_NUMBERED_DRAFTS,
    '**/[1-9]*-*-*/README.md',
    '**/[1-9]*-*-*/index.md',
    '**/0*[1-9]-*-*/README.md',
    '**/0*[1-9]-*-*/index.md',
    '**/*[0-9][0-9][0-9][1-9]-*-*.md',
    '**/*[0-9][0-9][1-9][0-9]-*-*.md',
    '**/*[0-9][1-9][0-9][0-9]-*-*.md',
    '**/*[1-9][0-9][0-9][0-9]-*-*.md',
  ],
  // A plain first line as a template kit writes its title, a few words ending in the word ("Daily Standup Template",
  // "Protokoll-Vorlage"); not "Template engine comparison", nor a sentence ("Copy the template.", "Fill in this
  // template:"). Spanish and Portuguese "modelo", French "modèle" are also a model: only of minutes or a record.
  firstLines: [
    '^\\W*(?:[^\\s.!?:]+\\s+){0,5}[^\\s.!?:]*\\b(?:template|vorlage|plantilla)\\s*$',
    '^\\W*(?:acta|ata|minuta|compte[- ]rendu|proc[eè]s[- ]verbal|adr)\\s+mod[eè]l[eo]\\s*$',
    "^\\W*mod[eè]l[eo]\\s+(?:de\\s+|d'\\s*)?(?:acta|ata|minuta|compte[- ]rendu|proc[eè]s[- ]verbal|adr)\\b",
  ],
  // A page that is mostly what its writer is told to fill in ("[Registrar os compromissos …]"), as a guide folder's
  // minutes template ("Ata Padrão"); a filled page keeps one left over now and then, typed by its folder first.
  instructions: 3,
};
