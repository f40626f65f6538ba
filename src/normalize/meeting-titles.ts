import { MONTHS } from './month-names.js';

/** Month names as a dated title writes them, in English too and shortened (`Jan`, `Sept.`). */
const MONTH_NAME = [
  ...MONTHS.flat(),
  'january february march may june july october',
  'jan feb mar apr jun jul aug sep sept oct nov dec',
]
  .flatMap((names) => names.split(' '))
  .join('|');

/**
 * A day of the year in a title, with or without its year: `June 4`, `28 Décembre 2024`, `24 mei`, `07.05`,
 * `10/02`, `12/25`, `2024-12-28`. A month's number after a day's is written in two digits with its dot or slash, so
 * a bare number ("Meeting 3") or a version ("Release 3.4 meeting") is none, and a month is 12 at most: "Daily
 * meeting at 09.30" gives its time. With its year, in either order and with a hyphen or a dot too: `03-22-2022`,
 * `22.03.2022`, `2015.03.04`; and an ISO week, the day of a weekly meeting (`2019w16`, `2019-W16`).
 */
const DAY = `(?:\\b(?:${MONTH_NAME})\\.?\\s+\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?(?:${MONTH_NAME})\\b|\\b(?:0?[1-9]|[12]\\d|3[01])[./](?:0[1-9]|1[0-2])\\b|\\b(?:0?[1-9]|1[0-2])/(?:0[1-9]|[12]\\d|3[01])\\b|\\b(?:19|20)\\d\\d-\\d\\d-\\d\\d\\b|\\b\\d{1,2}[-.]\\d{1,2}[-.](?:19|20)\\d\\d\\b|\\b(?:19|20)\\d\\d\\.\\d\\d\\.\\d\\d\\b|\\b(?:19|20)\\d\\d-?w(?:0?[1-9]|[1-4]\\d|5[0-3])\\b)`;

/**
 * The word for one meeting, in the languages minutes are written in ("SIG-Community Meeting", "Réunion
 * Hebdomadaire", "Riunione", "Spotkanie zespołu", "Notulen bestuursvergadering", "Meeting-Protokoll", "Sitzung"),
 * and the kinds of meeting a team holds by their own name ("Stand-up", "Daily scrum", "Retrospective", "Sprint retro").
 * A bare "retro" names as often a style ("Retro theme", "Retro-compatibility notes"). A meeting's name with its day is
 * one meeting's page; "Meeting etiquette" or "Running a meeting" names none. German "Tagung" closes the words it is
 * made with ("Strategietagung", "Klausurtagung"): one association's meeting by its day.
 */
const MEETING =
  '(?:meeting|r[ée]union|reuni[oó]n|reuni[aã]o|riunione|spotkani[ea]|sitzung|treffen|besprechung|vergadering|notulen|stand-?up|daily\\s+scrum|retrospective|(?:sprint|team)\\s+retro|\\p{L}{0,30}tagung)';

/**
 * A title naming a meeting and its day, either first: one meeting's page. Not a day in brackets after the
 * meeting ("Meeting rooms (updated 3 May)"): the day a guide was revised.
 */
export const DATED_MEETING_TITLE = `\\b${MEETING}\\b[^\\n(]{0,80}${DAY}|${DAY}[^\\n]{0,80}\\b${MEETING}\\b`;

/**
 * One meeting's agenda by its day ("Agenda 22.03", "Agenda – 4 March"), written before the meeting and kept with
 * its minutes: a meeting's page, judged as its minutes are (meeting-outcomes spares an agenda by its title). Also
 * the first line of a page whose title is a second-level heading. "Agenda template" or "Agenda" alone names none.
 */
export const AGENDA_TITLE = `^\\s*agenda\\s*[-–—:|]?\\s*${DAY}`;

/**
 * Titles that name minutes: a meeting with its day, and by themselves Dutch "Notulen …" (the word means nothing
 * else), Spanish "Acta de (la) reunión", Portuguese "Ata da/de reunião", French "Compte rendu de réunion" and the
 * German or English "Meeting-Protokoll", Italian "Verbale riunione", Polish "Protokół ze spotkania", a numbered
 * sprint's retrospective, one meeting's agenda by its topic and a "Daily" with its day.
 */
export const MINUTES_TITLES = [
  DATED_MEETING_TITLE,
  '^\\s*notulen\\b',
  '^\\s*actas?\\s+(?:de\\s+(?:la\\s+)?)?reuni[oó]n\\b',
  '^\\s*atas?\\s+d[ae]\\s+reuni[aã]o\\b',
  // "Compte rendu de réunion", and a running log of them: "Comptes-rendus des réunions client".
  '^\\s*comptes?[-\\s]rendus?\\s+(?:de\\s+(?:la\\s+)?|des\\s+)r[ée]unions?\\b',
  // "CR - 31.01.24" (compte rendu), "ODJ 04/12" (ordre du jour): by their abbreviation with the day only.
  `^\\s*(?:cr|odj)\\s*[-–—:]?\\s*${DAY}`,
  // A French team's numbered meeting with its client: "Rendez-vous n°1", "Rendez-vous nº 3".
  '^\\s*rendez-vous\\s+n\\s?[°º]\\s?\\d{1,3}\\b',
  '\\bmeeting[-\\s]?protokoll\\b',
  // Italian "Verbale (della) riunione", Polish "Protokół ze spotkania" / "Protokoły spotkań": minutes by their word.
  '\\bverbale\\s+(?:della\\s+|di\\s+)?riunione\\b',
  '^\\s*protok[oó][lł]y?\\s+(?:ze?\\s+)?spotka',
  // One sprint's retrospective, by its number ("Sprint 3 Retrospective"): the sprint names the meeting.
  '^\\s*sprint\\s+\\d{1,3}\\s*[-–—:]?\\s*retro(?:spective)?\\b',
  // One meeting's agenda by its topic ("Meeting-Agenda: Contract consolidation", "Meeting agenda – Q3 kick-off"), as
  // its dated siblings are by their day; not "Meeting agenda guidelines" nor `meeting-agenda-tips.md`.
  '^\\s*meeting[-\\s]agenda\\s*(?::|–|—|\\s-)\\s*\\S',
  // A stand-up called by its kind and its day: "Daily – 2025-12-02", "Daily 03.12.2025"; not a daily note or log.
  `^\\s*daily\\s*[-–—:|]?\\s*${DAY}`,
  AGENDA_TITLE,
];

/**
 * Titles with a meeting's word and a day that name no meeting: a room booked for meetings, by its number ("Meeting
 * room 2.05", "Salle de réunion 1.12"), a guide with the day it was revised ("Meeting etiquette, last revised
 * June 4"), and a release's notes. "Revised minutes of the 3 May meeting" are minutes.
 */
export const NOT_MEETING_TITLES = [
  '\\bmeeting[- ]?rooms?\\b|\\bsalle[- ]de[- ]r[ée]union\\b|\\bsala[- ]de[- ]reuni',
  `\\b(?:updated|revised|reviewed)[ \\t:,]+(?:on[ \\t]+)?${DAY}`,
  // A release's page with its day ("Standup bot 1.4 release notes, 2022-03-22", "Changelog 2022.03.04").
  '\\brelease[ \\t]+notes\\b|\\breleased\\b|\\bchange[ \\t-]?log\\b',
];
