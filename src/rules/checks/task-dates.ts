// When an action item is due: the dates and deadline words `tasks` reads (kept apart from task-signals.ts, the
// owners, to keep each module small).

/** A month's name in English, as dates in action items write it. */
export const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';
/**
 * A month after "by", "until", "in" as a due window: written out, or short where the short form is no given name
 * ("reviewed by Jan", "notes by Mar Garcia", "by May Chen" name a person).
 */
const WINDOW_MONTH =
  '(?:january|feb(?:ruary)?|march|apr(?:il)?|may|june|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';
/** A weekday's name, whole or short. */
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?';

/**
 * A date as Japanese notes write it: "2023/11/29", "11/29", "11月29日", "2023年11月29日", a weekday after it
 * ("(水)"). No look-around: recheck then judges the pattern by its automaton, not by timing it.
 */
const JA_DATE = '(?:\\d{4}[/／.年-])?\\d{1,2}[/／月]\\d{1,2}日?(?:[(（][月火水木金土日](?:曜日?)?[)）])?';
/**
 * A time after a Japanese date, after a space that may be ideographic ("　18:00", "18時"). One space at most
 * between the parts: with runs of them recheck's automaton grows past its limit and it falls back to timing.
 */
const JA_TIME = '(?:[ \\t\\u3000]?\\d{1,2}[:：時]\\d{0,2}分?)?';

/**
 * Japanese dates with a word that makes them a deadline after them (まで, 迄: by; 締切, 〆切, 期限: deadline)
 * or before them ("期限：11/29"): "(2023/11/29　18:00まで)", "11月29日(水)まで", "12/1〆切"; also 次回まで (by next
 * time). A date alone is often the day something happened.
 */
export const JA_DUE = new RegExp(
  `${JA_DATE}${JA_TIME}[ \\t\\u3000]?(?:まで|迄|締め?切り?|〆切り?|〆|期限|必着)|(?:期限|締め?切り?|〆切り?|納期)[ \\t\\u3000]?[:：は]?[ \\t\\u3000]?${JA_DATE}|次回(?:の(?:会議|授業|ミーティング|打ち合わせ|MTG))?まで`,
  'u',
);

/**
 * "to be performed before the hackathon", "by the workshop": due at an event the team meets at. Case written out
 * and single spaces, no `i` or `u` flag: recheck then judges it by its automaton, not by a fuzzer that varies
 * under load (so too ES_DUE).
 */
export const EVENT_DUE =
  /\b(?:[Bb]efore|[Bb]y|[Uu]ntil|[Aa]head of) the (?:hackathon|workshop|conference|summit|offsite|off-site|retreat|kick-?off|launch|demo day)\b/;

/** Spanish: "antes del martes", "para el lunes", "(primera semana)", "(segunda/tercera semana)", "próxima semana". */
export const ES_DUE =
  /\b(?:[Aa]ntes del?|[Pp]ara el|[Hh]asta el) (?:lunes|martes|mi[ée]rcoles|jueves|viernes|s[áa]bado|domingo|d[íi]a \d)|\b(?:[Pp]rimera|[Ss]egunda|[Tt]ercera|[Cc]uarta|[Pp]r[óo]xima|[Ee]sta)(?:\/(?:primera|segunda|tercera|cuarta))? semana\b/;

/**
 * Portuguese: "no sábado", "até sexta", "até a sexta-feira", "na próxima release", "para a próxima reunião". A
 * "segunda" (Monday, also "second") only as "segunda-feira". "terça" to "sexta" are ordinals too ("na quarta etapa",
 * "a quinta versão"): alone they are a weekday only when no word follows but a linking one ("até sexta às 10h", "na
 * quinta de manhã"), since the nouns an ordinal can count are too many to list.
 */
export const PT_DUE =
  /\b(?:[Nn][oa]|[Aa]t[ée](?: [oa])?|[Pp]ara [oa]|[Aa]ntes d[oa]) (?:s[áa]bado|domingo|segunda-feira|(?:ter[çc]a|quarta|quinta|sexta)(?:-feira|(?![ \t]+(?!(?:[àa]s?|ao|d[aeo]|e|ou|que|pel[ao]|at[ée]|pr[óo]xima|passada)(?![A-Za-zÀ-ÿ]))[A-Za-zÀ-ÿ])))\b|\b(?:[Nn]a|[Pp]ara a|[Aa]t[ée] a|[Aa]ntes da) pr[óo]xima (?:release|reuni[ãa]o|sprint|semana|entrega|sess[ãa]o|aula)\b/;

/**
 * A meeting named by its month: "cancel the December sync", "slides for the March review": due by then. Not the
 * meeting a task reports on: its notes or recording after it ("share the December meeting notes", "the March
 * meeting’s notes", "the June call transcript", group 2) or before it ("the outcome of the March workshop", "the
 * recap of the May meeting", "from the May call", group 1), which are no date. No `i`: months in English are
 * capitalised, and recheck then judges the pattern by its automaton.
 */
export const MONTH_MEETING =
  /\b((?:notes|minutes|recording|summary|recap|outcomes?|results|transcript|report|readout|takeaways) of |from )?the (?:January|February|March|April|May|June|July|August|September|October|November|December) (?:meeting|sync|call|session|review|retro|workshop|offsite)(?:['’]s)?( (?:notes|minutes|recording|summary|recap|outcomes?|results|transcript|report|readout|slides|deck)\b)?/g;

/** Whether a month's meeting (`MONTH_MEETING`) is named as the time of the task, not as what it reports on. */
function byMonthMeeting(text: string): boolean {
  for (const m of text.matchAll(MONTH_MEETING)) if (m[1] === undefined && m[2] === undefined) return true;
  return false;
}

/** Words that make a task due now (`DUE`), unless a negation before them says it is not (`NOT_NOW`). */
const NOW =
  '(?:\\b(?:on an? (?:immediate|urgent) basis|immediately|asap|right away|sofort|de inmediato|inmediatamente|imediatamente)\\b|\\bdès que possible\\b)';

/**
 * "not immediately needed", "no need to do this ASAP", "doesn't have to happen right away", "nicht sofort": an
 * urgency word up to four words after a negation says there is no hurry, so no date. One to four spaces between
 * words, so a run of spaces is read once.
 */
const NOT_NOW = new RegExp(
  `(?:\\b(?:not|no|never|nicht|nie|kein|keine|nada|pas)\\b|n['’]t\\b)(?:[ \\t]{1,4}[\\p{L}'’-]{1,30}){0,4}?[ \\t]{1,4}${NOW}`,
  'giu',
);

/** Ways an action item gives a date: ISO or written dates, "Due: ...", "by Friday", "by end of week". */
export const DUE = [
  /\b\d{4}-\d{2}-\d{2}\b/,
  /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/,
  new RegExp(`\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}`, 'i'),
  /\b(?:due|deadline)\b(?!\s+to\b)\s*(?::|by|on|date\s*:?)?\s*[\p{L}\p{N}]/iu,
  // "Attend the retro (Friday 4-6 PM)": the day in parentheses is when it happens.
  new RegExp(`\\(\\s*(?:on\\s+)?${WEEKDAY}\\b`, 'i'),
  new RegExp(
    `\\bby\\s+(?:${WEEKDAY}\\b|today|tomorrow|tonight|eo[dwm]\\b|end of|next\\b|this\\b|the end|\\d{1,2}(?:[ap]m|st|nd|rd|th|[/.]\\d)|\\d{4}-)`,
    'i',
  ),
  // "present it in the next meeting", "for discussion at next WG meeting", "invite her along to the next group":
  // due at a point the team meets or plans by.
  /\b(?:before|by|until|at|in|for|to)\s+(?:the\s+)?(?:next|following|upcoming)\s+(?:[\p{L}\p{N}-]+\s+){0,2}?(?:meeting|call|sync|session|sprint|week|month|release|group(?!\s+of\b))\b(?!['’]s)/iu,
  /\bbefore\s+(?:the\s+)?end\s+of\s+(?:the\s+)?(?:day|week|month|sprint|quarter|year)\b/i,
  // "in 2 weeks", "in a couple of weeks", "within three days"; "this week", "next month", "tomorrow".
  /\b(?:in|within)\s+(?:the\s+next\s+)?(?:a|an|one|two|three|four|five|six|\d{1,2}|(?:a\s+)?(?:couple|few)(?:\s+of)?)\s+(?:(?:more|working|business)\s+)?(?:days?|weeks?|months?)\b/i,
  /\b(?:this|next|coming)\s+(?:week|month)\b(?!['’]s)|\b(?:tomorrow|tonight)\b(?!['’]s)/i,
  // A window rather than a day: "(late Sept / Oct window)", "early March", "by October", "in Q4" (round 24's
  // volunteers); not "the March report", nor "by May be", a month only after a word that says when, and not a
  // given name ("by Jan", "by May Chen").
  new RegExp(
    `\\b(?:early|mid|late|end of)[ -]+${MONTH}|\\b(?:in|by|during|before|until)\\s+(?:(?:early|mid|late)[ -]+)?(?!may\\s+\\p{L})${WINDOW_MONTH}(?![\\p{L}-])|\\b(?:in|by|during|before)\\s+(?:the\\s+)?Q[1-4]\\b`,
    'iu',
  ),
  // "ahead of Love Data Week": before a named event; not "ahead of time".
  /\b[Aa]head of (?:the )?\p{Lu}[\p{L}\p{N}]*(?: \p{Lu}[\p{L}\p{N}]*){0,3}/u,
  // "20-Apr-2026 meeting", "1-APR-2026 DEADLINE"; not a dated update that opens a sentence ("9/Mar/2026: we met").
  new RegExp(`\\b\\d{1,2}[-/. ]${MONTH}[-/. ]?(?:19|20)\\d\\d\\b(?!\\s*:)`, 'i'),
  // German "bis nächste Woche", "bis zum nächsten Treffen", "bis Freitag", "bis 23.01." (not "bis 10 Leute");
  // Japanese 今週 (this week), 来週 (next week), 今月中 (within the month), 明日 (tomorrow), までに ("by" after a date).
  /\bbis\s+(?:zu[mr]\s+)?(?:nächste[nrsm]?|kommende[nrsm]?|ende|morgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|\d{1,2}\.(?:\d{1,2}\.?)?(?!\d))|\b(?:nächste|kommende)\s+woche\b|今週|来週|今月中|来月|明日(?!香)|までに/iu,
  JA_DUE,
  EVENT_DUE,
  ES_DUE,
  PT_DUE,
  // Due now: "on an immediate basis", "ASAP", "right away", German "sofort", Spanish "de inmediato", French "dès que
  // possible". Single spaces, so a run of them is never split.
  new RegExp(NOW, 'iu'),
  // A protocol's "task – owner – 28.04.2026" row: the dotted date that closes it after a dash (`beforeDue`).
  /[ \t][–—-][ \t]{1,4}\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d[ \t]*$/,
];

/** "with no specific deadline set", "no due date yet": a task that says it has no date. */
const NO_DUE = /\b(?:no|without)\s+(?:specific\s+|fixed\s+|set\s+|firm\s+)?(?:deadline|due date)\b/gi;

/** Whether an action item says when it is due. */
export function givesDate(text: string): boolean {
  const said = text.replace(NO_DUE, ' ').replace(NOT_NOW, ' ');
  return DUE.some((re) => re.test(said)) || byMonthMeeting(said);
}

/** A date as German protocols write it: "28.04.2025". */
const DOTTED_DATE = /^\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d$/;

/**
 * The item without the due date that closes it after a dash, as a protocol's "task – owner – date" rows write it
 * ("TechStack-Vorschläge vorbereiten – Jannis – 28.04.2025"): the owner then closes what is left. Found from the
 * last dash by index, not by a pattern that would read on from each one.
 */
export function beforeDue(head: string): string {
  const text = head.trimEnd();
  const at = Math.max(text.lastIndexOf(' – '), text.lastIndexOf(' - '), text.lastIndexOf(' — '));
  const due = at < 0 ? '' : text.slice(at + 3).trim();
  return due && due.length <= 40 && (givesDate(due) || DOTTED_DATE.test(due)) ? text.slice(0, at) : head;
}
