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
 * `10/02`, `2024-12-28`. A month's number after a day's is written in two digits with its dot or slash, so a
 * bare number ("Meeting 3") or a version ("Release 3.4 meeting") is none.
 */
const DAY = `(?:\\b(?:${MONTH_NAME})\\.?\\s+\\d{1,2}\\b|\\b\\d{1,2}(?:st|nd|rd|th|er|º)?\\.?\\s+(?:de\\s+)?(?:${MONTH_NAME})\\b|\\b\\d{1,2}[./]\\d\\d\\b|\\b(?:19|20)\\d\\d-\\d\\d-\\d\\d\\b)`;

/**
 * The word for one meeting, in the languages minutes are written in ("SIG-Community Meeting", "Réunion
 * Hebdomadaire", "Notulen bestuursvergadering", "Meeting-Protokoll", "Sitzung"). A meeting's name with its
 * day is one meeting's page; "Meeting etiquette" or "Running a meeting" names none.
 */
const MEETING =
  '(?:meeting|r[ée]union|reuni[oó]n|reuni[aã]o|sitzung|treffen|besprechung|vergadering|notulen)';

/**
 * A title naming a meeting and its day, either first: one meeting's page. Not a day in brackets after the
 * meeting ("Meeting rooms (updated 3 May)"): the day a guide was revised.
 */
export const DATED_MEETING_TITLE = `\\b${MEETING}\\b[^\\n(]{0,80}${DAY}|${DAY}[^\\n]{0,80}\\b${MEETING}\\b`;

/**
 * Titles that name minutes by themselves: Dutch "Notulen …" (the word means nothing else), Spanish "Acta de
 * (la) reunión", Portuguese "Ata da/de reunião", French "Compte rendu de réunion" and the German or English
 * "Meeting-Protokoll".
 */
export const MINUTES_TITLES = [
  '^\\s*notulen\\b',
  '^\\s*actas?\\s+(?:de\\s+(?:la\\s+)?)?reuni[oó]n\\b',
  '^\\s*atas?\\s+d[ae]\\s+reuni[aã]o\\b',
  '^\\s*compte[-\\s]rendu\\s+de\\s+(?:la\\s+)?r[ée]union\\b',
  '\\bmeeting[-\\s]?protokoll\\b',
];
