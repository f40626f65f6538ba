import { z } from 'zod';
import { globSchema, regexSchema } from '../schemas.js';
import type { SectionMatcher, TypeMatcher } from './doc-type.js';
import { MINUTES_SECTIONS } from './meeting-sections.js';
import { AGENDA_TITLE, DATED_MEETING_TITLE, MINUTES_TITLES, NOT_MEETING_TITLES } from './meeting-titles.js';
import { RECORD_FIELDS } from './record-shape.js';
import { TEMPLATE_MATCHER } from './template-type.js';
import {
  CONTENTS_PAGES,
  DATED_MINUTES_READMES,
  FRENCH_MINUTES_PAGES,
  GEP_PAGES,
  JOURNAL_PAGES,
  LOCALE_INDEX_PAGES,
  NUMBERED_FOLDER_PAGES,
  PREFIXED_RECORD_PAGES,
  PROPOSAL_STATE_PAGES,
  PROTOKOLLE_LOGS,
  PROTOKOLLE_PAGES,
  RECORD_NUMBERS,
  TEAM_MEETING_PAGES,
  ZERO_NUMBERED_INDEX_PAGES,
} from './type-paths.js';

const typeMatcher = z.strictObject({
  folders: z.array(z.string()).optional(),
  'dated-folders': z.array(z.string()).optional(),
  'front-matter': z.array(z.string()).optional(),
  titles: z.array(regexSchema).optional(),
  'except-titles': z.array(regexSchema).optional(),
  labels: z.array(z.string()).optional(),
  paths: z.array(globSchema).optional(),
  'record-paths': z.array(globSchema).optional(),
  'record-fields': z.array(z.string()).optional(),
  'field-sets': z.array(z.array(z.string()).min(1)).optional(),
  'list-paths': z.array(globSchema).optional(),
  'except-paths': z.array(globSchema).optional(),
  'folder-named': z.boolean().optional(),
  'first-lines': z.array(regexSchema).optional(),
  sections: z
    .strictObject({
      kinds: z.array(regexSchema),
      anchors: z.array(regexSchema).optional(),
      'except-titles': z.array(regexSchema).optional(),
      min: z.number().int().min(1).optional(),
      dated: z.boolean().optional(),
    })
    .optional(),
  instructions: z.number().int().min(1).optional(),
});

/** `document-types:` in the config: replaces the defaults when given. */
export const documentTypesSchema = z.record(z.string(), typeMatcher).optional();

/** Document types handbooks commonly use; config may replace them. */
export const DEFAULT_DOCUMENT_TYPES: Record<string, TypeMatcher> = {
  // First, so a decisions/ or meetings/ folder's own index page is not taken for a record.
  index: {
    frontMatter: ['index'],
    // Wikis have no index.md: Confluence and Notion teams label their section pages instead.
    labels: ['index'],
    paths: [
      'index.md',
      '**/index.md',
      'README.md',
      '**/README.md',
      '_index.md',
      '**/_index.md',
      'SUMMARY.md',
      // A folder's readme in any case, and with the underscore that sorts it first (`adr/_readme.md`
      // beside `_template.md`): the folder's conventions, not one of its records.
      '**/[Rr]eadme.md',
      '**/_[Rr][Ee][Aa][Dd][Mm][Ee].md',
      // The index in Spanish, Portuguese and Italian (`adr/INDICE.md`).
      '**/INDICE.md',
      '**/[IiÍí]ndice.md',
      ...LOCALE_INDEX_PAGES,
      ...ZERO_NUMBERED_INDEX_PAGES,
    ],
    listPaths: CONTENTS_PAGES,
    // A page named as its folder (`docs/adr/ADR.md`, Docusaurus' category index `guides/guides.md`)
    // lists the folder's pages: NAV's ADR.md over its three records and how to add one.
    folderNamed: true,
    // Unless its title names one record or one meeting: "ADR 1: Use Kafka", "Team sync 2026-11-03", "Meeting Go
    // Code 07.05" (Wiki.js' `Meetings/Meetings.md`); a folder's index is titled by its folder, a year or a month.
    exceptTitles: [
      DATED_MEETING_TITLE,
      '^(?:ADR|RFC|KEP|GEP|PEP|SE)[-\\s]?\\d+',
      '\\b(?:19|20)\\d\\d-\\d\\d-\\d\\d\\b|\\b\\d{1,2}[./]\\d{1,2}[./](?:19|20)\\d\\d\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?,?\\s+(?:19|20)\\d\\d\\b|\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?\\s+\\d{1,2}(?:st|nd|rd|th)?,?\\s+(?:19|20)\\d\\d\\b',
    ],
    // A numbered folder's README is the proposal itself (keps/sig-x/1441-kubectl-debug/README.md), and so
    // is a Gateway API enhancement proposal's page (geps/gep-4071/index.md); a dated folder's in a minutes
    // folder is its notes.
    exceptPaths: [...NUMBERED_FOLDER_PAGES, ...GEP_PAGES, ...DATED_MINUTES_READMES],
  },
  template: TEMPLATE_MATCHER,
  decision: {
    folders: ['decisions', 'decision-log', 'decision-records', 'adr', 'adrs', 'rfc', 'rfcs'],
    frontMatter: ['adr', 'rfc', 'kep', 'decision-record', 'proposal'],
    // Not "GEP 12": a graduate entry programme's page is titled so too ("GEP 2025: Welcome pack"), and GEP
    // numbers reach four digits; Gateway API's GEPs are typed by their folder below.
    // "Enhancement Proposal-1630: Gateway Settings", "EP-1630: …": a proposal named by its issue, kept unnumbered in
    // `proposals/` (NGINX Gateway Fabric's process, from Gateway API's GEPs); the number and colon make it one record.
    titles: [
      '^(ADR|RFC|KEP|PEP|SE)[-\\s]?\\d+',
      '^(Decision|Decision record|Proposal)\\s*:',
      '^(?:Enhancement Proposal|EP)[-\\s]?\\d+\\s*:',
    ],
    labels: ['decision', 'adr', 'rfc'],
    // `architecture-decision-record-adrs/`: the folder GitBook names for a space "Architecture Decision
    // Record - ADRs"; `architecture-decision-records/` spelt out.
    // Proposals sorted into a folder per state (`Proposals/Accepted/202106-handbook.md`, `proposals/implemented/`,
    // `proposal/accepted/`): the folder's name is the state, so every page in it is a record. Not the page
    // beside those folders (`Proposals/process.md`), nor a state folder's README (the index above claims it).
    paths: [
      '**/adr-[0-9]*.md',
      '**/rfc-[0-9]*.md',
      '**/architecture-decision-record*/**',
      PROPOSAL_STATE_PAGES,
      // Gateway API's GEPs in their `geps/` folder, each in its own (`geps/gep-4071/index.md`) or, as the
      // site kept them before, a page (`site-src/geps/gep-1016.md`).
      '**/geps/gep-[0-9]*/index.md',
      '**/geps/gep-[0-9]*/README.md',
      '**/geps/gep-[0-9]*.md',
    ],
    // Numbered files and folders (proposals/0042-x.md, keps/…/1441-x/README.md) are records when
    // they state a status; numbered how-to pages and dated notes are not.
    // Records a folder names `DR_0001_x.md` or `DR-0001-x.md` (decision record, number, name) likewise.
    recordPaths: [
      ...RECORD_NUMBERS.map((n) => `**/${n}.md`),
      '**/@(DR|dr)[-_][0-9][0-9][0-9]*[-_]*.md',
      PREFIXED_RECORD_PAGES,
      ...NUMBERED_FOLDER_PAGES,
    ],
    recordFields: RECORD_FIELDS,
    // An enhancement proposal's front matter (OpenShift's, unnumbered in `enhancements/<area>/`): a status with
    // its approvers, or what it replaces or what superseded it, and the day it was written.
    fieldSets: ['approvers', 'replaces', 'superseded-by'].map((key) => ['status', key, 'creation-date']),
    // A MADR record nothing else typed (`ADR Tech Stack.md` at a repository's root, no number, no status): its
    // three headings together name the template; one alone is any page's "Considered options".
    sections: {
      kinds: ['^context and problem statement\\b', '^considered options\\b', '^decision outcome\\b'],
      min: 3,
    },
  },
  'meeting-notes': {
    // Minutes folders as French, Spanish, Portuguese, Dutch, German and Korean teams name them. 회의록 is
    // "minutes", as a Korean club's folder and its pages' titles ("동아리 회의록") say; it means nothing else.
    // `protokolle/` holds an association's or a student council's minutes (makerspace-gt/protokolle,
    // fsfw-dresden/protokolle), but as often an IT team's incident and maintenance logs: see PROTOKOLLE_PAGES.
    folders: [
      'meetings',
      'meeting-notes',
      'minutes',
      'comptes-rendus',
      // The singular-plural spelling French students write as often (`documents/compte-rendus/`).
      'compte-rendus',
      // One meeting's reports, in the singular (`compte-rendu-reunion/`); not `compte-rendu/`, as often a lab's report.
      'compte-rendu-reunion',
      'compte-rendu-reunions',
      'comptes-rendus-reunions',
      'proces-verbaux',
      'actas',
      'atas',
      'notulen',
      'sitzungsprotokolle',
      '회의록',
      // Japanese "minutes" (`議事録/`), a company's meetings by body (経営会議, 幹部会); it names nothing else.
      '議事録',
      // Chinese "meeting records" and "minutes" (`会议记录/`, `会议纪要/`, in traditional characters too): they
      // name nothing else.
      '会议记录',
      '会议纪要',
      '會議記錄',
      '會議紀要',
      // `meeting_minutes/` as folders compare.
      'meeting-minutes',
      // Italian minutes (`verbali/`, `verbali_riunioni/`), and a team's stand-up notes by their folder
      // (`standup-reports/`). Not `daily/`, which as often holds a person's daily notes, nor `retrospectives/` or
      // `standups/`, which hold the formats and guides too: see TEAM_MEETING_PAGES.
      'verbali',
      'verbali-riunioni',
      'standup-notes',
      'standup-reports',
    ],
    // "Meetings" in Spanish, Portuguese, French and Italian (`reuniones/`, `docs/reunioes/`, `reunions/`, `riunioni/`;
    // English "reunions", alumni or family, is no handbook's folder), and one meeting's agendas (`agendas/`): a dated
    // page there or one with a minutes section is a meeting's; the folder also keeps its rules, a hosting or a
    // transparency page, undated, which stays a page.
    datedFolders: ['reuniones', 'reunioes', 'reuniões', 'reunions', 'réunions', 'riunioni', 'agendas'],
    frontMatter: ['meeting', 'minutes', 'meeting notes'],
    // "Protokoll der ordentlichen Mitgliederversammlung", "Protokoll vom 08.01.2020", "Sitzungsprotokoll …";
    // not "Protokoll" alone, nor "Protokollübersicht" or a network protocol's page.
    titles: [
      '\\bmeeting notes\\b',
      '\\bminutes\\b',
      // "2016-06-07 - Monthly IACT DL3 telcon", "Telecon 2024-03-01": a telcon named by its date, the date first or
      // right after the word, is one call's page (`notes/`); "Telecon dial-in numbers (updated 2024-03-01)" is a guide.
      '^[ \\t]*(?:19|20)\\d\\d-\\d\\d-\\d\\d\\b[^\\n]{0,80}\\btele?con(?:ference)?\\b|^[ \\t]*tele?con(?:ference)?[ \\t:–—-]{0,5}(?:19|20)\\d\\d-\\d\\d-\\d\\d\\b',
      '회의록',
      // Japanese "minutes" closing the title or before its date ("第３回定例会議事録", the third regular meeting's
      // minutes; "議事録 2024-09-01"), as the folder `議事録/` is; not a guide on them ("議事録の書き方").
      '議事録(?:$|[\\s（(【\\[:：_\\d–—-])',
      // "Protokoll der/des/zur …" only of a meeting: not "Protokoll der Änderungen", "Protokoll zur Inbetriebnahme".
      // A results protocol of one too ("Ergebnisprotokoll der Strategietagung"), and a "Tagung" (Klausurtagung).
      '^(?:sitzungs|besprechungs|vorstands|ergebnis)?protokoll(?:[ \\t]+vom[ \\t]|[ \\t]+(?:der|des|von|zur|zum)[ \\t]+(?:\\p{L}{1,30}[ \\t]+){0,2}\\p{L}{0,30}(?:sitzung|versammlung|runde|treffen|plenum|besprechung|konferenz|klausur|tagung)|[ \\t:_-]+\\d)',
      '(?:sitzungs|besprechungs)protokoll',
      ...MINUTES_TITLES,
    ],
    exceptTitles: NOT_MEETING_TITLES,
    // An agenda titled by its day in a second-level heading ("## Agenda 22.03"), the page's first line.
    firstLines: [AGENDA_TITLE],
    labels: ['meeting-notes', 'meeting'],
    // Minutes no path or title names, by their content: a date near the top and two kinds of minutes sections.
    sections: MINUTES_SECTIONS,
    // Named for their meeting: `design-meeting-minutes/`, `sync-meeting-notes/`. Not `*-meetings/`,
    // which as often holds guides on running them.
    // `atas-reuniao/`, `actas_2024/`: a minutes folder named in Portuguese or Spanish with a suffix.
    // `Sitzungsprotokoll_2024-03-01.md`, `protokoll-fsfw-dd-20150211.md`: minutes named so in German.
    paths: [
      '**/*[-_]minutes/**',
      '**/*[-_]meeting[-_]notes/**',
      // A singular `meeting/` folder may be a video app's feature (`docs/meeting/join.md`): only its dated pages
      // (`Dokumente/Meeting/Meeting_Protokoll_2025-04-07.md`) are minutes.
      '**/[Mm]eeting/**/*@(19|20)[0-9][0-9]*.md',
      '**/atas[-_]*/**',
      '**/actas[-_]*/**',
      '**/*[Ss]itzungsprotokoll*.md',
      '**/*[Bb]esprechungsprotokoll*.md',
      '**/[Pp]rotokoll[-_ ]*.md',
      // Polish "Protokoły spotkań", also written without its accents (`Protokoly spotkan.md`).
      '**/[Pp]rotok[oó][lł]*[-_ ][Ss]potka*.md',
      ...PROTOKOLLE_PAGES,
      ...TEAM_MEETING_PAGES,
      ...FRENCH_MINUTES_PAGES,
    ],
    // A lab's, a test's or a handover's protocol (`tests/protokolle/`, `Versuchsprotokoll_3.md`,
    // `Übergabeprotokoll.md`), and a report kept beside the minutes (`Kassenprüfungsbericht Geschäftsjahr
    // 2019.md`, a `Jahresbericht`), an incident log in `protokolle/`: no meeting's notes. A person's journal (`journal/`, `Diary/`), whose "Daily –
    // 2025-11-03" is the day's own note.
    exceptPaths: [
      ...JOURNAL_PAGES,
      '**/@([Tt]est?(s)|[Pp]raktikum|[Ll]abor)/**/[Pp]rotokolle/**',
      '**/*@([Vv]ersuchs|[Pp]rüf|[Tt]est|[Mm]ess|[Ll]abor|[Üü]bergabe|[Aa]bnahme|[Ww]artungs)protokoll*',
      '**/*[Bb]ericht*.md',
      PROTOKOLLE_LOGS,
    ],
  },
};

/** `document-types:` as matchers; the defaults when the config names none. */
export function toDocumentTypes(raw: z.output<typeof documentTypesSchema>): Record<string, TypeMatcher> {
  if (!raw) return DEFAULT_DOCUMENT_TYPES;
  return Object.fromEntries(
    Object.entries(raw).map(([type, m]) => {
      const {
        'front-matter': frontMatter,
        'dated-folders': datedFolders,
        'record-paths': recordPaths,
        'record-fields': recordFields,
        'field-sets': fieldSets,
        'list-paths': listPaths,
        'except-paths': exceptPaths,
        'except-titles': exceptTitles,
        'folder-named': folderNamed,
        'first-lines': firstLines,
        sections,
        ...rest
      } = m;
      return [
        type,
        {
          ...rest,
          ...(frontMatter ? { frontMatter } : {}),
          ...(datedFolders ? { datedFolders } : {}),
          ...(recordPaths ? { recordPaths } : {}),
          ...(recordFields ? { recordFields } : {}),
          ...(fieldSets ? { fieldSets } : {}),
          ...(listPaths ? { listPaths } : {}),
          ...(exceptPaths ? { exceptPaths } : {}),
          ...(exceptTitles ? { exceptTitles } : {}),
          ...(folderNamed ? { folderNamed } : {}),
          ...(firstLines ? { firstLines } : {}),
          ...(sections ? { sections: toSectionMatcher(sections) } : {}),
        },
      ];
    }),
  );
}

function toSectionMatcher({
  'except-titles': exceptTitles,
  ...rest
}: NonNullable<z.output<typeof typeMatcher>['sections']>): SectionMatcher {
  return { ...rest, ...(exceptTitles ? { exceptTitles } : {}) };
}
