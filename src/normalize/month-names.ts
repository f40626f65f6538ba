/**
 * Month names in the languages whose records the rules read (Spanish, Portuguese, German, French,
 * Italian, Dutch), so `15 de diciembre de 2023` or `3. März 2024` is a date; English ones Date reads.
 */
export const MONTHS: readonly (readonly string[])[] = [
  ['enero', 'janeiro', 'januar', 'jänner', 'janvier', 'gennaio', 'januari'],
  ['febrero', 'fevereiro', 'februar', 'février', 'febbraio', 'februari'],
  ['marzo', 'março', 'märz', 'mars', 'maart'],
  ['abril', 'april', 'avril', 'aprile'],
  ['mayo', 'maio', 'mai', 'maggio', 'mei'],
  ['junio', 'junho', 'juni', 'juin', 'giugno'],
  ['julio', 'julho', 'juli', 'juillet', 'luglio'],
  ['agosto', 'august', 'août', 'augustus'],
  ['septiembre', 'setiembre', 'setembro', 'september', 'septembre', 'settembre'],
  ['octubre', 'outubro', 'oktober', 'octobre', 'ottobre'],
  ['noviembre', 'novembro', 'november', 'novembre'],
  ['diciembre', 'dezembro', 'dezember', 'décembre', 'dicembre', 'december'],
];

const MONTH_BY_NAME = new Map(MONTHS.flatMap((names, month) => names.map((name) => [name, month] as const)));

// Day, month name, year: `15 de diciembre de 2023`, `3. März 2024`, `1er janvier 2025`, `7 mei 2024`.
const DAY_MONTH_YEAR = /^(\d{1,2})(?:\.|er|º|ª)?\s+(?:de\s+)?(\p{L}+)\.?,?\s+(?:de\s+|del\s+)?(\d{4})\b/u;

/** Weekdays in those languages, as a date may begin (`jeudi 10 juin 2022`, `Donnerstag, 10. Juni 2022`). */
const WEEKDAYS = new Set(
  [
    'lunes martes miércoles miercoles jueves viernes sábado sabado domingo',
    'segunda-feira terça-feira terca-feira quarta-feira quinta-feira sexta-feira segunda terça quarta quinta sexta',
    'montag dienstag mittwoch donnerstag freitag samstag sonnabend sonntag',
    'lundi mardi mercredi jeudi vendredi samedi dimanche',
    'lunedì martedì mercoledì giovedì venerdì lunedi martedi mercoledi giovedi venerdi sabato domenica',
    'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag',
  ].flatMap((names) => names.split(' ')),
);

/** A leading word, maybe hyphened (`quinta-feira`), a comma and spaces: a weekday when WEEKDAYS has it. */
export const LEADING_WORD = /^(\p{L}{1,20}(?:-\p{L}{1,10})?),?[^\S\n]{1,4}(?=\d)/u;

/** The value without the weekday it begins with, if it does. */
function withoutWeekday(value: string): string {
  const word = LEADING_WORD.exec(value);
  return word?.[1] && WEEKDAYS.has(word[1].toLowerCase()) ? value.slice(word[0].length) : value;
}

/** The date of a day, a month named in one of those languages and a year; undefined if it is none. */
export function namedMonthDate(value: string): Date | undefined {
  const match = DAY_MONTH_YEAR.exec(withoutWeekday(value.trim()));
  const month = match?.[2] === undefined ? undefined : MONTH_BY_NAME.get(match[2].toLowerCase());
  if (!match || month === undefined) return undefined;
  const [day, year] = [Number(match[1]), Number(match[3])];
  const date = new Date(Date.UTC(year, month, day));
  return date.getUTCMonth() === month && date.getUTCDate() === day ? date : undefined;
}
