/**
 * The path globs of the default document types that need a word of explanation: record numbers, numbered
 * folders' pages, proposal state folders, German minutes folders and dated minutes folders; and the titles of a
 * template in another language.
 */

import { SITE_LANGUAGES } from './index-pages.js';

/** A record's number: 2+ digits before a hyphen, 3+ before an underscore but no date (`2026_03_01_x`), no `00_x`. */
export const RECORD_NUMBERS = ['[0-9][0-9]*([0-9])-*', '[0-9][0-9][0-9]*([0-9])_!([0-9][0-9]_*)'];

/**
 * A page's language as i18n site plugins suffix it (`index.es.md`, `README.pt-BR.md`, Hugo's `_index.zh-Hans.md`):
 * two letters, with a region or a script as people spell them; other suffixes (`README.draft.md`) name pages.
 */
const LOCALE = '[a-z][a-z]?([-_][A-Za-z][A-Za-z]|-[A-Z][a-z][a-z][a-z])';

/** A site's language (SITE_LANGUAGES) with its region or script: not any two letters (`go.README.md`). */
const SITE_LOCALE = `@(${SITE_LANGUAGES.join('|')})?([-_][A-Za-z][A-Za-z]|-[A-Z][a-z][a-z][a-z])`;

/** A folder's index in one language of an i18n site (`index.fr.md`, Gatsby's `fr.index.md`): the folder's index, as `index.md` is. */
export const LOCALE_INDEX_PAGES = [
  `**/@(index|README|_index).${SITE_LOCALE}.md`,
  `**/${SITE_LOCALE}.@(index|README).md`,
];

/**
 * A handbook's table of contents by name (MkDocs' and Jekyll's `table-of-contents.md`, `toc.md`, `目次.md`,
 * `Inhaltsverzeichnis.md`, `sommaire.md`): the links a reader starts from, as GitBook's SUMMARY.md.
 */
export const CONTENTS_PAGES = [
  '**/@([Tt]able[-_ ]of[-_ ][Cc]ontents|TABLE[-_]OF[-_]CONTENTS|[Tt]oc|TOC|[Cc]ontents|CONTENTS|目次|目录|目錄|[Ii]nhaltsverzeichnis|[Ss]ommaire|[Tt]able-des-mati[eè]res).md',
];

/**
 * The index of a decision folder named as its record zero (`ADR-000-索引.md`, `0000-index.md`): the word for an
 * index or a table of contents after a number of zeros. A record numbered so is the template's or the first
 * adopted (`0000-use-markdown-records.md`); one numbered otherwise may be about an index (`0012-search-index.md`).
 */
export const ZERO_NUMBERED_INDEX_PAGES = [
  '**/?(+([A-Za-z])[-_])+(0)[-_]@([Ii]ndex|INDEX|[Iií]ndice|[IÍ]NDICE|[Üü]bersicht|[Uu]ebersicht|[Oo]verview|OVERVIEW|[Tt]oc|TOC|索引|目录|目錄|目次|一覧).md',
];

/** The page that is a numbered folder's record: `1441-kubectl-debug/README.md`, `NNNN-kep-template/README.md`. */
export const NUMBERED_FOLDER_PAGES = [
  ...RECORD_NUMBERS.flatMap((n) => [`**/${n}/README?(.${LOCALE}).md`, `**/${n}/index?(.${LOCALE}).md`]),
  '**/NNNN-*/README.md',
];

/**
 * A Gateway API enhancement proposal (GEP): `geps/gep-4071/index.md`, its status and authors also in the
 * `metadata.yaml` beside it (`kind: GEPDetails`), as a KEP's are in `kep.yaml`.
 */
export const GEP_PAGES = ['**/gep-[0-9]*/index.md', '**/gep-[0-9]*/README.md'];

/** A page in a proposals folder's state folder: `Proposals/Accepted/x.md`, `proposals/implemented/x.md`. */
export const PROPOSAL_STATE_PAGES =
  '**/[Pp]roposal?(s)/@([Aa]ccepted|[Aa]pproved|[Dd]one|[Ii]mplemented|[Ff]inished|[Cc]ompleted|[Rr]ejected|[Dd]eclined|[Ww]ithdrawn|[Dd]eferred|[Pp]ostponed|[Aa]bandoned|[Ss]uperseded|[Dd]eprecated|[Oo]bsolete|[Dd]raft?(s)|[Pp]roposed|[Ss]ubmitted|[Aa]ctive)/*.md';

/**
 * The minutes in a `protokolle/` folder: pages named for a meeting (`2020-01-15 Werkstatt-Runde.md`,
 * `Vorstandssitzungen/`, `Mitgliederversammlung-2024.md`, `2026-08-16-strategietagung.md`, `klausur-2026.md`), by
 * their date alone (`2024-03-01.md`) or by their date first (`2019-10-16_Sprechstunde.md`, an association's office
 * hour), as the pages of other minutes folders are. Not the folder's other pages: an operations team's
 * `protokolle/2026-03-09-stoerung-vpn.md` is an incident log (`PROTOKOLLE_LOGS`).
 */
const MEETING_WORDS =
  '@(*[Ss]itzung*|*[Vv]ersammlung*|*[Rr]unde*|*[Tt]reffen*|*[Pp]lenum*|*[Bb]esprechung*|*[Tt]agung*|*[Kk]lausur*)';
export const PROTOKOLLE_PAGES = [
  `**/[Pp]rotokolle/**/${MEETING_WORDS}.md`,
  `**/[Pp]rotokolle/**/${MEETING_WORDS}/**/*.md`,
  '**/[Pp]rotokolle/**/+([0-9._-]).md',
  '**/[Pp]rotokolle/**/@(19|20)[0-9][0-9]-[0-9][0-9]-[0-9][0-9][-_ ]*.md',
];

/** An IT team's incident or maintenance log kept in a `protokolle/` folder: no meeting's minutes, dated or not. */
export const PROTOKOLLE_LOGS =
  '**/[Pp]rotokolle/**/*@([Ss]törung|[Ss]toerung|[Aa]usfall|[Ww]artung|[Vv]orfall|[Ii]ncident|[Oo]utage)*.md';

/**
 * Minutes kept as the README of a folder named for their date, in a minutes folder
 * (`meeting-minutes/minutes12032016/README.md`, `meetings/2024-03-01/README.md`): the notes, not an index. A
 * year's or a month's folder (`minutes/2024/README.md`, `minutes/202405/README.md`) stays an index: seven digits
 * in a row or more, six that are no year and month (`240501`), or a whole ISO date.
 */
const DATED_MINUTES_FOLDERS = '@(meetings|meeting-notes|minutes|*-minutes|*-meeting-notes)';
export const DATED_MINUTES_READMES = [
  '*[0-9][0-9][0-9][0-9][0-9][0-9][0-9]*',
  '*@(0[0-9]|1[0-8]|2[1-9]|[3-9][0-9])[0-9][0-9][0-9][0-9]*',
  '*@(19|20)[0-9][0-9]@(00|1[3-9]|[2-9][0-9])*',
  '*[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*',
].map((folder) => `**/${DATED_MINUTES_FOLDERS}/${folder}/@(README|readme|index)?(.${LOCALE}).md`);

/**
 * A team's retrospectives and stand-ups, in folders that hold the meeting's formats and guides beside its notes
 * (`retrospectives/starfish.md`, `standups/format.md`): only a sprint's or an iteration's numbered page
 * (`retrospectives/sprint3.md`) or a dated one (`standups/2022-03-22.md`, `retros/03-22-2022.md`) is notes.
 */
const TEAM_MEETING_FOLDERS = '@([Rr]etrospectives|[Rr]etros|[Ss]tandups|[Ss]tand-ups|[Ss]tand_ups)';
export const TEAM_MEETING_PAGES = [
  `**/${TEAM_MEETING_FOLDERS}/**/*@([Ss]print|[Ii]teration|[Rr]etro)*[0-9]*.md`,
  `**/${TEAM_MEETING_FOLDERS}/**/*@(19|20)[0-9][0-9]*.md`,
];

/**
 * French minutes by their abbreviation before their day (`CR-02.04.24.md`, `CR_2024-01-31.md`: "compte rendu"), and
 * an agenda by "ODJ" ("ordre du jour", `2023-12-04_ODJ.md`). "CR" alone is a change request's or a line end's.
 */
export const FRENCH_MINUTES_PAGES = [
  '**/@(CR|cr)[-_ ][0-3][0-9][-_.][01][0-9][-_.]*.md',
  '**/@(CR|cr)[-_ ]@(19|20)[0-9][0-9][-_.]*.md',
  '**/*[-_ ]@(ODJ|odj).md',
  '**/@(ODJ|odj)[-_ ]*.md',
];

/** A person's journal or diary, its daily notes included: no team's minutes. */
export const JOURNAL_PAGES = ['**/@([Jj]ournal|[Jj]ournals|[Dd]iary|[Dd]iaries|[Dd]aily[-_ ][Nn]otes)/**'];

/**
 * A template in one language of a folder that keeps translations side by side (`0000-adr-template-de.md` beside
 * `0000-adr-template.md`, `template-fr.md`, `adr-template.pt-BR.md`): the word template, then the language.
 */
export const LOCALE_TEMPLATE_PAGES = [
  `**/@([Tt]emplate|TEMPLATE)[-_.]${LOCALE}.md`,
  `**/*[-_]@([Tt]emplate|TEMPLATE)[-_.]${LOCALE}.md`,
];

/**
 * A draft numbered 0000 until it is accepted, named in three words or more (`0000-detailed-quota-limits.md`), is
 * a record, not the template; but not when its last word is of one or two letters, a language's
 * (`0000-adr-template-de.md`). So is one named in two words neither of which says template, tmpl, blank,
 * boilerplate or readme, or is the word format, index or empty (`0000-aligned-timestamp.md`,
 * `0000-search-reindex.md` and `0000-use-kafka-de.md`, not `0000-adr-template.md`, `0000-modele-adr.md`,
 * `0000-readme-first.md` or `0000-adr-index.md`: a folder's read-me or index is no record). A one-word name
 * (`0000-rfc.md`) stays a template.
 */
export const ZERO_NUMBERED_DRAFTS = [
  '**/0000-*-*-[^_.-][^_.-][^_.-]*([^_.-]).md',
  '**/0000-!(*@([Tt]emplate|TEMPLATE|[Mm]od[eè]le|[Pp]lantilla|[Vv]orlage|[Ss]ample|[Ee]xample|[Ss]keleton|[Tt]mpl|[Bb]lank|[Bb]oilerplate|[Rr]eadme|README)*|@([Ff]ormat|[Ii]ndex|[Ee]mpty))-!(*@([Tt]emplate|TEMPLATE|[Mm]od[eè]le|[Pp]lantilla|[Vv]orlage|[Ss]ample|[Ee]xample|[Ss]keleton|[Tt]mpl|[Bb]lank|[Bb]oilerplate|[Rr]eadme|README)*|@([Ff]ormat|[Ii]ndex|[Ee]mpty).md)',
];

/**
 * A template's title in German, Spanish and French, after a number at most ("ADR-0000: Vorlage für
 * Architekturentscheidungen", "Plantilla de ADR"). `Modèle` is also a model ("Modèle de données"): only of a
 * decision or of minutes.
 */
export const TRANSLATED_TEMPLATE_TITLES = [
  '^(?:[^:]{0,24}:\\s*)?(?:vorlage|plantilla)\\s+(?:für|fuer|de|del|para)\\s',
  "^(?:[^:]{0,24}:\\s*)?mod[eè]le\\s+(?:de\\s+|d['’]\\s*|pour\\s+)(?:l['’]\\s*)?(?:une?\\s+)?(?:adr|d[ée]cision|registre|compte[- ]rendu|proc[eè]s|r[ée]union)",
];

/**
 * A proposal numbered after its series' short name, with the zeros that pad it (`ifa-0004.md`, `bip-0032.md`,
 * `zip_0215-x.md`): a record when it states a status, as a bare `0004-x.md` is. Not an unpadded number
 * (`issue-1234.md`, `release-2024.md`), nor a longer word (`sprint-0012.md`).
 */
export const PREFIXED_RECORD_PAGES =
  '**/@([A-Za-z][A-Za-z]|[A-Za-z][A-Za-z][A-Za-z]|[A-Za-z][A-Za-z][A-Za-z][A-Za-z])[-_]0[0-9][0-9]*([0-9])?([-_.]*).md';
