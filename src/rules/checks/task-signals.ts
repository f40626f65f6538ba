import { beforeDue, MONTH } from './task-dates.js';
import { MARKED_DONE_TAIL } from './task-done.js';
import { namesNoOne } from './task-parens.js';
import { teamMembers } from './task-roster.js';

export { givesDate } from './task-dates.js';
export { CHECK_MARK, MARKED_DONE } from './task-done.js';
export { notRollCalls, pagePeople, pageRoster, TEAM_MEMBERS } from './task-roster.js';

/** Ways an action item names who does it: "@alex", "Owner: Sam", "(assignee: Kim)", a Notion user mention. */
const OWNER = [
  /(?:^|[^\w.@])@[\p{L}\p{N}_]/u,
  // "Lead: Seth Larson (PSF)": who leads the task owns it.
  /\b(?:owners?|assignees?|assigned to|dri|responsible|leads?)\s*:/iu,
  /<mention-user\b/i,
];

/** A leading "Alex:" or "**Alex and Sam**:" names the owner, as meeting notes write it. */
const LEADING_NAME = /^\s*(\p{Lu}[\p{L}'’.-]*(?:(?:\s+(?:and|&)\s+|,\s*|\s+)\p{Lu}[\p{L}'’.-]*){0,3})\s*:/u;

/** A leading name doing the task, as minutes write it: "Oskar drafts ADR 0012", "Kim reviews the PR". */
const NAME_DOES = /^\s*(\p{Lu}\p{Ll}+)\s+\p{Ll}+[^s\W]s\b/u;

/**
 * A French, Spanish or Portuguese task opens with an infinitive or a noun, then a plural article ("Étudier les
 * outils", "Envoyer des factures", "Revisar los tickets", "Rédaction des fiches"): the shape of `NAME_DOES`, with
 * no name. No verb a person does is such an article.
 */
const WORD_THEN_ARTICLE = /^\s*\p{Lu}\p{Ll}*\s+(?:les|des|aux|ces|los|las|unos|unas|das|dos|nas|nos)\b/u;

/**
 * A trailing handle in parentheses names the owner, as minutes write it: "collect numbers (mw)"; also names joined
 * in Spanish, Portuguese, German or French ("unificar (Fernando y Pizarro)"), or by "+" ("(Kyara + Antonio)"); a
 * name with accents ("(Víctor)") too. A joining word stands between spaces, so it is never read as part of a name
 * too (a run of "andand…" was read again from each "and"). A name may be an initial or two and a surname ("(F Renault & F Zwikel)", "(JJ Brucker)"), or a first name and an initial
 * ("(Michael B)"), not a label with a letter ("(Option B)", "(Plan B)"); thanks open the credit of whoever
 * does the work ("(Merci Laurent)", "(thanks Kim)").
 */
const HANDLE_NAME = String.raw`@?(?:\p{Lu}\.?\p{Lu}?\.?[ \t]\p{Lu}\p{Ll}{2,}|(?!(?:Option|Plan|Phase|Part|Step|Stage|Type|Level|Tier|Section|Appendix|Group|Team|Class|Version|Round|Track|Scenario|Variant|Proposal|Approach)[ \t])\p{Lu}\p{Ll}+[ \t]\p{Lu}\.?(?![\p{L}\p{N}])|\p{L}[\p{L}\p{N}_.-]*)`;
export const TRAILING_HANDLE = new RegExp(
  String.raw`\(\s*(?:(?:[Mm]erci|[Tt]hanks|[Tt]hx|[Dd]anke|[Gg]racias|[Oo]brigad[oa])\s+)?${HANDLE_NAME}(?:(?:\s*[/,&+]\s*|\s+(?:and|y|e|und|et)\s+)${HANDLE_NAME}){0,3}\s*\)[.!]?\s*$`,
  'u',
);

/**
 * An owner in parentheses or brackets before the task: "(Ashley) Poll the channel", "(JT) Poll for interest in an
 * AMA", "[Erik] do another review", "[Ramiz & Erik] think of a new name" (up to four names, the first one kept).
 */
export const LEADING_PAREN =
  /^\s*[([](\p{Lu}[\p{L}'’.-]{0,40})(?:\s+\p{Lu}[\p{L}'’.-]{0,40}){0,2}(?:\s*(?:&|,|\/|and(?=\s))\s*\p{Lu}[\p{L}'’.-]{0,40}){0,3}[)\]]/u;

/**
 * An attendee in brackets after their role, before the task, as the attendee list writes them ("デザイナー（Design-Mio）
 * post the review", "Facilitator (Ana): book the room"): the name's first part, checked against the page's roster.
 * Japanese writes the particle right after the bracket ("開発者（Dev-Kai）がPRを作成する"); "Docs (Draft)s" is no name.
 */
export const ROLE_THEN_NAME =
  /^\s*[^\s()（）[\]]{1,20}[ \t]?[（(][ \t]?(\p{Lu}\p{Ll}+)(?:[-.'’ ][\p{L}\p{N}]{1,20}){0,2}[)）](?=[\s:：、\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}])/u;

/** A due date before an owner in parentheses: "May 15 (Duane): three checks go public", "before May 15 (all) test". */
export const DATE_BEFORE_PAREN = new RegExp(
  `^\\s*(?:(?:before|by|until)\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?)[ \\t]*(?=\\()`,
  'i',
);

/** Leading labels that look like a name but are not one ("Note: ...", "Decision: ..."). */
export const NOT_NAMES = new Set(
  'note|notes|todo|to do|action|action item|ai|decision|due|deadline|update|fix|question|next|next step|next steps|status|summary|follow up|follow-up|done|blocked|idea|topic|tbd|goal|context|please|also|then|just|and|so'.split(
    '|',
  ),
);

/** Verbs a task opens with: "Document changes to the API" and "Add tests" tell what to do, not who does it. */
const IMPERATIVES = new Set(
  'add|create|write|document|review|update|remove|delete|move|check|test|run|send|schedule|draft|prepare|share|merge|clean|research|investigate|implement|continue|explore|plan|attend|submit|work|make|set|get|find|open|close|ask|follow|collect|gather|publish|release|deploy|migrate|rename|refactor|track|monitor|measure|compare|evaluate|define|design|build|ship|file|post|reach|ping|email|contact|sync|finish|start|finalize|finalise|confirm|verify|validate|organize|organise|book|order|buy|reply|respond|answer|discuss|decide|write up|look|revisit|list|fix'.split(
    '|',
  ),
);

/** Whether a task opens with a verb ("Write the guide", "add tests"), so its first word is no name and no topic. */
export function opensWithVerb(word: string): boolean {
  return IMPERATIVES.has(word.toLowerCase());
}

/** "Emma will reach out to GSoC": a name, then what they will do. Not "It will", "This will be". */
const NAME_WILL =
  /^\s*(?!(?:It|This|That|There|These|Those|What|Which|We|They|Nothing|Something|Everything|Anything)\b)(\p{Lu}\p{Ll}+)(?:\s+(?:and|&)\s+(?:the\s+)?\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]*){0,2})?\s+will\s+(?!not\b|be\b|have\b|need\b)\p{Ll}/u;

/** "Pavel agreed to run it", "Ana volunteered to take notes": a name, then what they took on. */
const NAME_AGREES =
  /(?:^\s*|[,;]\s*|\band\s+)(?!(?:It|This|That|There|We|They|Everyone|Everybody|All|Nobody|Team|Group)\b)\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}\s+(?:agreed|volunteered|offered|promised|committed)\s+to\b/u;

/**
 * Minutes' shorthand that puts a name before the task: "Tim to reach out to Jeff", "Tim - ask for access",
 * "Frank and Emma- looking into bots". The first word could as well be "Time to review" or "Docs - update",
 * so it names the owner only when the page names that person elsewhere (`people`). The comma before "and" is
 * read with the spaces before it, or `\s*,?\s+` splits a run of spaces every way (a name and 20,000 spaces, 1 s).
 */
const NAME_SHORTHAND =
  /^\s*(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}[\p{L}'’-]+){0,2}(?:(?:\s*,\s*|(?:\s*,)?\s+(?:and|&)\s+)\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}){0,4}(?:\s+to\s+\p{Ll}|\s*[-–—]\s+\p{L})/u;

/**
 * The owner after the task, as sprint minutes write it: "Página 404 - Rafael e Isaque.", "Testes unitários - Felipe
 * Duarte.". Any words could end a line after a dash ("Deploy - Done"), so it names the owner only when the page
 * names that person elsewhere (`people`). The closing stop is read with the spaces before it, or `\s*[.!]?\s*$`
 * splits a run of spaces at the line's end every way.
 */
const TRAILING_NAME =
  /\s[-–—]\s+(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}[\p{L}'’-]+){0,2}(?:\s*(?:,|&|\s(?:and|e|y|und|et|en)\s)\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}){0,4}(?:\s*[.!])?\s*$/u;

/**
 * A leading name label in a script without capitals, as Japanese minutes put the owner first ("田中: 会場を予約する",
 * "佐藤さん：…"). Any short word could open a line so ("メモ: …", a note), so it names the owner only when the page
 * lists that person (`people`, from its roster).
 */
const UNCASED_LABEL =
  /^\s*([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{1,12}?)(?:さん|様|氏)?\s*[:：]/u;

/**
 * The same shorthand with a person's initials, as minutes write a name they give once on the attendee line ("RM
 * to make available his repo", "SN and RP to adjust the limits"): the page must list those initials (`people`).
 */
export const INITIALS_SHORTHAND = /^\s*(\p{Lu}{2,3})(?:\s*(?:,|&|\/|\band\b)\s*\p{Lu}{2,3}){0,3}\s+\p{Ll}/u;

/**
 * Owners in brackets after the task, as a team's TODO list writes them by their initials or names: "set up bank
 * account [K, D, J]", "speak about forking [K / Abby]", "admissions [J]". Not "[?]" (nobody yet), nor a tag that
 * names no one ("[WIP]", "[TBD]", "[optional]"). The words in them are then checked (`bracketNamesOwner`).
 */
export const TRAILING_BRACKET =
  /\[\s*(?!(?:WIP|TBD|TBA|TBC|DONE|TODO|NEW|DRAFT|BLOCKED|URGENT|OPTIONAL|Optional|All|ALL|None|NONE|N\/A)\s*[\],/&])\p{Lu}[\p{L}.'’-]{0,30}(?:\s*[/,&]\s*\p{Lu}[\p{L}.'’-]{0,30}){0,3}\s*\][.!]?\s*$/u;

/**
 * Whether the brackets closing the item name its owner: initials ("[K, D, J]", "[K / Abby]") or a person the page
 * names. Any capitalised word fits the pattern, and most name no one: "[Unassigned]", "[Anyone]", "[Everyone]", a
 * template's "[Name]", "[Owner]" or "[Link]" slot left unfilled.
 */
function bracketNamesOwner(head: string, people: ReadonlySet<string>): boolean {
  const bracket = TRAILING_BRACKET.exec(head.replace(MARKED_DONE_TAIL, ''))?.[0];
  if (bracket === undefined) return false;
  const inside = bracket.slice(bracket.indexOf('[') + 1, bracket.lastIndexOf(']'));
  return inside
    .split(/[/,&]/)
    .some((entry) => /^\p{Lu}{1,3}$/u.test(entry.trim()) || people.has(entry.trim()));
}

/**
 * A task each of some named organisations does ("Each NSI to select a use case"): each of them owns it. An
 * acronym only: "Each person to ...", "Everyone to ..." name no one.
 */
export const EACH_NAMED = /^\s*(?:[Ee]ach|[Ee]very)\s+\p{Lu}{2,6}s?\s+to\s+\p{Ll}/u;

/** The same shorthand with a lower-case handle for the name ("dpaasman to discuss the bug"). */
const HANDLE_SHORTHAND = /^\s*([\p{Ll}\p{N}_][\p{L}\p{N}_.-]*)\s+to\s+\p{Ll}/u;

/**
 * Whether an action item names who does it; `head` is its first line, `full` all its text, `people` the
 * names the page gives elsewhere (`pagePeople`), which the shorthand "Tim to reach out" needs, `roster` those
 * its attendees list names (`pageRoster`), which a name in brackets needs.
 */
export function namesOwner(
  head: string,
  full: string,
  people: ReadonlySet<string> = new Set(),
  roster: ReadonlySet<string> = people,
): boolean {
  const handle = TRAILING_HANDLE.exec(head)?.[0];
  if (handle !== undefined && !namesNoOne(handle, people)) return true;
  if (bracketNamesOwner(head, people)) return true;
  if (OWNER.some((re) => re.test(full)) || NAME_WILL.test(head)) return true;
  if (EACH_NAMED.test(head)) return true;
  const shorthand =
    NAME_SHORTHAND.exec(head)?.[1] ??
    HANDLE_SHORTHAND.exec(head)?.[1] ??
    INITIALS_SHORTHAND.exec(head)?.[1] ??
    TRAILING_NAME.exec(head)?.[1] ??
    TRAILING_NAME.exec(beforeDue(head))?.[1];
  if (shorthand !== undefined && people.has(shorthand)) return true;
  // "(Ashley) Poll the channel": a person the page names; "May 15 (Duane): ...", a group's "date (Name) task" form,
  // whoever it names. Not "(TBD)", nor "(all)" (everyone owns it, so no one does), "(optional)", "(PR #12)".
  // "[Erik] do another review" only for an attendee: "- Docs: ..." in the notes makes Docs one of `people`, and
  // "[Docs] Update the runbook" is a category tag, the common form of one, where "(Docs)" is rarer.
  const dated = DATE_BEFORE_PAREN.exec(head)?.[0];
  const paren = LEADING_PAREN.exec(dated === undefined ? head : head.slice(dated.length));
  const inParens = paren?.[1];
  const named = paren?.[0].trimStart().startsWith('[') ? roster : people;
  if (inParens !== undefined && !NOT_NAMES.has(inParens.toLowerCase()) && (dated || named.has(inParens)))
    return true;
  if (ownerAfterMark(head, people)) return true;
  const afterRole = ROLE_THEN_NAME.exec(head)?.[1];
  if (afterRole !== undefined && roster.has(afterRole)) return true;
  const uncased = UNCASED_LABEL.exec(head)?.[1];
  if (uncased !== undefined && people.has(uncased)) return true;
  const leading = LEADING_NAME.exec(head)?.[1];
  if (leading !== undefined) return !NOT_NAMES.has(leading.toLowerCase());
  const doer = NAME_DOES.exec(head)?.[1];
  if (doer === undefined || WORD_THEN_ARTICLE.test(head)) return false;
  return !NOT_NAMES.has(doer.toLowerCase()) && !IMPERATIVES.has(doer.toLowerCase());
}

/** A name as compared when the notes write it loosely: lower case, without accents ("raul" is Raúl). */
const fold = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/**
 * The owner after the task's last colon or arrow, as sprint minutes assign it: "Idea clave de negocio: Iñigo y
 * Paula", "Unir (primera semana) -> Fernando", "Análisis de costes: carlos varela". Any word could follow a colon,
 * so only a person the page names (`people`) counts, however the notes case or accent the name. Found from the
 * last mark by index, not by a pattern that would read on from each colon.
 */
function ownerAfterMark(head: string, people: ReadonlySet<string>): boolean {
  const arrow = head.lastIndexOf('->');
  const at = Math.max(head.lastIndexOf(':'), arrow < 0 ? -1 : arrow + 1, head.lastIndexOf('→'));
  if (at < 0) return false;
  const word = /^[\s>]*(\p{L}[\p{L}'’-]{1,40})/u.exec(head.slice(at + 1, at + 80))?.[1];
  if (word === undefined) return false;
  const name = fold(word);
  for (const person of people) if (fold(person) === name) return true;
  return false;
}

/** "Olaf assess the consultation", "Michael attempt to contact them": a name, then the task as a bare verb. */
const NAME_VERB = new RegExp(
  `^\\s*(\\p{Lu}\\p{Ll}+)\\s+(?:${[...IMPERATIVES, 'assess', 'attempt', 'try'].join('|')})\\b`,
  'u',
);

/** A dated update opening a sentence ("9/Mar/2026: Jacob will ..."): the date is when it was written. */
const UPDATE_STAMP = /^\s*[\p{N}][\p{L}\p{N}/.-]*\s*:\s*/u;

/** The name before a bare verb ("Olaf share ..."), not a verb or label itself ("Review design", "Update docs"). */
function personBeforeVerb(clause: string): string | undefined {
  const name = NAME_VERB.exec(clause.replace(UPDATE_STAMP, ''))?.[1];
  const word = name?.toLowerCase() ?? '';
  return name !== undefined && !IMPERATIVES.has(word) && !NOT_NAMES.has(word) ? name : undefined;
}

/** "Thanks to Vera, who will send the deck": a name, then a clause that says what they will do. */
const WHO_WILL =
  /(?<!\p{L})(\p{Lu}\p{Ll}+),?\s+who\s+(?:will|['’]ll|is\s+going\s+to|agreed\s+to|volunteered\s+to|offered\s+to)\s+\p{Ll}/gu;

/**
 * Whether a clause after a comma or a dash opens with the owner: "All items from last week are done, Dana will
 * file the rest", "Pages that could be clearer - Jonas to list them". A capitalised word opens such a clause as
 * often as a name ("…, Slack will notify them"), so only a person the page names counts.
 */
function ownerOpensClause(part: string, people: ReadonlySet<string>): boolean {
  const clause = part.replace(UPDATE_STAMP, '');
  const named = NAME_WILL.exec(clause)?.[1] ?? NAME_SHORTHAND.exec(clause)?.[1] ?? personBeforeVerb(clause);
  return named !== undefined && people.has(named);
}

/**
 * Whether the item's prose names its owner further on, as community groups' action logs write them: a later
 * sentence ("Agreed to hold a retro and Pavel agreed to run it.", "... Dana Holt to invite.", "9/Mar/2026: Jonas
 * and the subgroup will share a draft"), a later clause of a sentence with a person the page names ("…, Dana
 * will file the rest", "Thanks to Vera, who will send the deck"), or the text after the item's bold title
 * (`body`: "**Audit** - Olaf assess the consultation"), where a name then a bare verb is the owner even when
 * the page names nobody.
 */
export function ownerInProse(head: string, body: string | undefined, people: ReadonlySet<string>): boolean {
  if (body !== undefined && (namesOwner(body, body, people) || personBeforeVerb(body) !== undefined))
    return true;
  if (body !== undefined && teamMembers(head, body, people)) return true;
  for (const m of head.matchAll(WHO_WILL)) if (people.has(m[1] as string)) return true;
  return head.split(/(?<=[.;!?])\s+/).some((sentence) => {
    const clause = sentence.replace(UPDATE_STAMP, '');
    const named = NAME_SHORTHAND.exec(clause)?.[1] ?? personBeforeVerb(clause);
    if (NAME_WILL.test(clause) || NAME_AGREES.test(clause) || (named !== undefined && people.has(named)))
      return true;
    // One space before the dash: `\s+[-–—]` reads a run of spaces again from each of them (200,000 took 40 s).
    return sentence
      .split(/(?<=,)\s+|\s[-–—]\s+/)
      .slice(1)
      .some((part) => ownerOpensClause(part, people));
  });
}

/**
 * A person the page names, after a dash that closes the item: "Blog post on the work Pavel did - Vera", "Pages
 * that could be clearer - Jonas to list them". The item is theirs to do, whatever it says of the past.
 */
export function ownerAfterDash(text: string, people: ReadonlySet<string>): boolean {
  const trailing = TRAILING_NAME.exec(text)?.[1];
  if (trailing !== undefined && people.has(trailing)) return true;
  return text
    .split(/\s[-–—]\s+/)
    .slice(1)
    .some((part) => {
      const named = NAME_SHORTHAND.exec(part)?.[1];
      return named !== undefined && people.has(named);
    });
}
