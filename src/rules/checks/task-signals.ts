const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\b\\.?';
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?';

/** Ways an action item names who does it: "@alex", "Owner: Sam", "(assignee: Kim)", a Notion user mention. */
const OWNER = [
  /(?:^|[^\w.@])@[\p{L}\p{N}_]/u,
  /\b(?:owners?|assignees?|assigned to|dri|responsible)\s*:/iu,
  /<mention-user\b/i,
];

/** A leading "Alex:" or "**Alex and Sam**:" names the owner, as meeting notes write it. */
const LEADING_NAME = /^\s*(\p{Lu}[\p{L}'’.-]*(?:(?:\s+(?:and|&)\s+|,\s*|\s+)\p{Lu}[\p{L}'’.-]*){0,3})\s*:/u;

/** A leading name doing the task, as minutes write it: "Oskar drafts ADR 0012", "Kim reviews the PR". */
const NAME_DOES = /^\s*(\p{Lu}\p{Ll}+)\s+\p{Ll}+[^s\W]s\b/u;

/** A trailing handle in parentheses names the owner, as minutes write it: "collect numbers (mw)". */
const TRAILING_HANDLE = /\(\s*@?\p{L}[\w.-]*(?:\s*(?:[/,&]|and)\s*@?\p{L}[\w.-]*){0,3}\s*\)[.!]?\s*$/u;

/**
 * An owner in parentheses or brackets before the task: "(Ashley) Poll the channel", "(JT) Poll for interest in an
 * AMA", "[Erik] do another review", "[Ramiz & Erik] think of a new name" (up to four names, the first one kept).
 */
export const LEADING_PAREN =
  /^\s*[([](\p{Lu}[\p{L}'’.-]{0,40})(?:\s+\p{Lu}[\p{L}'’.-]{0,40}){0,2}(?:\s*(?:&|,|\/|and(?=\s))\s*\p{Lu}[\p{L}'’.-]{0,40}){0,3}[)\]]/u;

/** A due date before an owner in parentheses: "May 15 (Duane): three checks go public", "before May 15 (all) test". */
export const DATE_BEFORE_PAREN = new RegExp(
  `^\\s*(?:(?:before|by|until)\\s+)?(?:${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}(?:/\\d{2,4})?)[ \\t]*(?=\\()`,
  'i',
);

/** A parenthesis that names no one: "(TBD)" (nobody yet), "(all)" (everyone, so no one), "(optional)". */
export const NO_ONE = /^\(\s*@?(?:tbd|tba|tbc|all|everyone|everybody|optional|none|n\/?a)\s*\)/i;

/** Leading labels that look like a name but are not one ("Note: ...", "Decision: ..."). */
const NOT_NAMES = new Set(
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

/** Ways an action item gives a date: ISO or written dates, "Due: ...", "by Friday", "by end of week". */
const DUE = [
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
  // "20-Apr-2026 meeting", "1-APR-2026 DEADLINE"; not a dated update that opens a sentence ("9/Mar/2026: we met").
  new RegExp(`\\b\\d{1,2}[-/. ]${MONTH}[-/. ]?(?:19|20)\\d\\d\\b(?!\\s*:)`, 'i'),
  // German "bis nächste Woche", "bis zum nächsten Treffen", "bis Freitag", "bis 23.01." (not "bis 10 Leute");
  // Japanese 今週 (this week), 来週 (next week), 今月中 (within the month), 明日 (tomorrow), までに ("by" after a date).
  /\bbis\s+(?:zu[mr]\s+)?(?:nächste[nrsm]?|kommende[nrsm]?|ende|morgen|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|\d{1,2}\.(?:\d{1,2}\.?)?(?!\d))|\b(?:nächste|kommende)\s+woche\b|今週|来週|今月中|来月|明日(?!香)|までに/iu,
];

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
 * so it names the owner only when the page names that person elsewhere (`people`).
 */
const NAME_SHORTHAND =
  /^\s*(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}[\p{L}'’-]+){0,2}(?:(?:\s*,\s*|\s*,?\s+(?:and|&)\s+)\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}){0,4}(?:\s+to\s+\p{Ll}|\s*[-–—]\s+\p{L})/u;

/**
 * The owner after the task, as sprint minutes write it: "Página 404 - Rafael e Isaque.", "Testes unitários - Felipe
 * Duarte.". Any words could end a line after a dash ("Deploy - Done"), so it names the owner only when the page
 * names that person elsewhere (`people`).
 */
const TRAILING_NAME =
  /\s[-–—]\s+(\p{Lu}\p{Ll}+)(?:\s+\p{Lu}[\p{L}'’-]+){0,2}(?:\s*(?:,|&|\s(?:and|e|y|und|et|en)\s)\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}){0,4}\s*[.!]?\s*$/u;

/**
 * A leading name label in a script without capitals, as Japanese minutes put the owner first ("田中: 会場を予約する",
 * "佐藤さん：…"). Any short word could open a line so ("メモ: …", a note), so it names the owner only when the page
 * lists that person (`people`, from its roster).
 */
const UNCASED_LABEL =
  /^\s*([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{1,12}?)(?:さん|様|氏)?\s*[:：]/u;

/** The same shorthand with a lower-case handle for the name ("dpaasman to discuss the bug"). */
const HANDLE_SHORTHAND = /^\s*([\p{Ll}\p{N}_][\p{L}\p{N}_.-]*)\s+to\s+\p{Ll}/u;

/** A roster line, in front matter or a list: nothing but a person's full name ("  - Carlton Gibson"). */
const ROSTER_LINE = /^[ \t]*(?:[-*+][ \t]+)?(\p{Lu}\p{Ll}+)(?:[ \t]+\p{Lu}[\p{L}'’-]*){1,2}[ \t]*$/gmu;
/** A list item that opens with a name label: "- Tim: invite the fellows", "- **Ana**: ship it". */
const LABEL_LINE = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\*\*|__)?(\p{Lu}\p{Ll}+)(?:\*\*|__)?[ \t]*:/gmu;
/** What minutes call their roster, in English, Portuguese, Spanish, French, German, Dutch and Japanese. */
const ROSTER_NAMES =
  '(?:attendees|attendance|present|participants|members|participantes|presentes|asistentes|membros|miembros|présents|membres|teilnehmer(?:innen)?|teilnehmende|anwesend(?:e)?|aanwezig(?:en)?|参加者|出席者)';

/** "Attendees: Dillan Merchant, Baban Hamesalh", "参加者：田中、佐藤": a roster written on one line. */
const ROSTER_FIELD = new RegExp(
  `^[ \\t]*(?:[-*+][ \\t]+)?(?:\\*\\*|__)?${ROSTER_NAMES}(?:\\*\\*|__)?[ \\t]*[:：](?:\\*\\*|__)?[ \\t]*([^\\n]+)$`,
  'gimu',
);

/**
 * A roster section: "## Participants" over "Andrzej Stencel, Jade Guiton", a list of "- Jade Guiton (Datadog)", or
 * a table of "| Amanda Cruz | Membro | ✔️ |".
 */
const ROSTER_SECTION = new RegExp(
  `^#{1,6}[ \\t]+(?:\\*\\*|__)?${ROSTER_NAMES}(?![\\p{L}])[^\\n]*\\n([\\s\\S]*?)(?=^#{1,6}[ \\t]|(?![\\s\\S]))`,
  'gimu',
);
/** A roster entry that is one lower-case handle ("dpaasman"). */
const HANDLE = /^[\p{Ll}\p{N}_][\p{L}\p{N}_.-]*$/u;

/**
 * A roster entry written in a script without capitals ("田中", "佐藤さん"): the whole entry is the name (an
 * honorific after it left out), as Japanese minutes then label the owner ("田中: 会場を予約する").
 */
const UNCASED_NAME = /^([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{1,12}?)(?:さん|様|氏)?$/u;

/** Adds each entry's first name (or its handle, when the entry is one) to `people`. */
function addRoster(people: Set<string>, roster: string, separators: RegExp): void {
  for (const entry of roster.split(separators)) {
    const plain = entry.replace(/^[ \t]*(?:[-*+][ \t]+)?(?:\[[ xX]\][ \t]+)?/, '').trim();
    const first = /\p{Lu}\p{Ll}+/u.exec(plain)?.[0] ?? UNCASED_NAME.exec(plain)?.[1];
    if (first) people.add(first);
    // "JT Nelson" goes by "JT" in the notes ("(JT) Poll for interest"), as the first name is used elsewhere.
    const initials = /^(\p{Lu}{2,3})\s+\p{Lu}\p{Ll}/u.exec(plain)?.[1];
    if (initials) people.add(initials);
    else if (HANDLE.test(plain)) people.add(plain);
  }
}

/** The people a page's roster (an "Attendees" section or line) lists: first names, handles, uncased names. */
export function pageRoster(markdown: string): Set<string> {
  const roster = new Set<string>();
  for (const m of markdown.matchAll(ROSTER_FIELD)) addRoster(roster, m[1] as string, /[,;、，]/);
  for (const m of markdown.matchAll(ROSTER_SECTION)) addRoster(roster, m[1] as string, /[,;、，\n]/);
  return roster;
}

/** The first names of the people a page names: its `roster` and the name labels of its list items. */
export function pagePeople(markdown: string, roster = pageRoster(markdown)): Set<string> {
  const people = new Set(roster);
  for (const re of [ROSTER_LINE, LABEL_LINE])
    for (const m of markdown.matchAll(re)) people.add(m[1] as string);
  return people;
}

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
  if (handle !== undefined && !NO_ONE.test(handle)) return true;
  if (OWNER.some((re) => re.test(full)) || NAME_WILL.test(head)) return true;
  const shorthand =
    NAME_SHORTHAND.exec(head)?.[1] ?? HANDLE_SHORTHAND.exec(head)?.[1] ?? TRAILING_NAME.exec(head)?.[1];
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
  const uncased = UNCASED_LABEL.exec(head)?.[1];
  if (uncased !== undefined && people.has(uncased)) return true;
  const leading = LEADING_NAME.exec(head)?.[1];
  if (leading !== undefined) return !NOT_NAMES.has(leading.toLowerCase());
  const doer = NAME_DOES.exec(head)?.[1];
  return doer !== undefined && !NOT_NAMES.has(doer.toLowerCase()) && !IMPERATIVES.has(doer.toLowerCase());
}

/** "Olaf assess the consultation", "Olaf share the shortlist": a name, then the task as a bare verb. */
const NAME_VERB = new RegExp(`^\\s*(\\p{Lu}\\p{Ll}+)\\s+(?:${[...IMPERATIVES, 'assess'].join('|')})\\b`, 'u');

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

/** "with no specific deadline set", "no due date yet": a task that says it has no date. */
const NO_DUE = /\b(?:no|without)\s+(?:specific\s+|fixed\s+|set\s+|firm\s+)?(?:deadline|due date)\b/gi;

/** Whether an action item says when it is due. */
export function givesDate(text: string): boolean {
  const said = text.replace(NO_DUE, ' ');
  return DUE.some((re) => re.test(said));
}
