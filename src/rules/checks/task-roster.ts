// Who a meeting page names: its roster (the attendee line, list, section or table row) and the name labels of its
// items, which the owner signals of task-signals.ts check a name against.

import type { RootContent } from 'mdast';

/** A roster line, in front matter or a list: nothing but a person's full name ("  - Carlton Gibson"). */
const ROSTER_LINE = /^[ \t]*(?:[-*+][ \t]+)?(\p{Lu}\p{Ll}+)(?:[ \t]+\p{Lu}[\p{L}'’-]*){1,2}[ \t]*$/gmu;
/**
 * A roster written as one list item of three or more names, initials among them: "- Richard, Abby, KV and Dann" under
 * an "In attendance:" line. Each entry is a first name or initials, as the notes then use them ("KV talk with Izzy").
 */
const NAMES_ITEM =
  /^[ \t]*[-*+][ \t]+((?:\p{Lu}\p{Ll}{1,20}|\p{Lu}{2,3})(?:(?:[ \t]*,[ \t]*(?:and[ \t]+)?|[ \t]+(?:and|&)[ \t]+)(?:\p{Lu}\p{Ll}{1,20}|\p{Lu}{2,3})){2,12})[ \t]*$/gmu;

/** A roster's label or heading, misspelt too ("In attendence:"), as over a `NAMES_ITEM`. */
export const ROSTER_LABEL =
  /(?<!\p{L})(?:attend\p{L}{0,6}|present|participants?|members|teilnehm\p{L}{0,6}|anwesend\p{L}{0,2}|aanwezig\p{L}{0,2}|participantes|presentes|asistentes|membros|miembros|présents|membres)(?!\p{L})|参加者|出席者/iu;

/**
 * Whether the list item at `offset` stands under a roster label or heading: the nearest line above it that is no
 * list item. "- API, CI and Docs" under "## Agenda" is a list of topics, not who came.
 */
function underRosterLabel(markdown: string, offset: number): boolean {
  const above = markdown
    .slice(Math.max(0, offset - 2000), offset)
    .split('\n')
    .reverse();
  const label = above.find((line) => line.trim() !== '' && !/^[ \t]*[-*+][ \t]/.test(line));
  return label !== undefined && ROSTER_LABEL.test(label);
}

/** A list item that opens with a name label: "- Tim: invite the fellows", "- **Ana**: ship it". */
const LABEL_LINE = /^[ \t]*(?:[-*+]|\d+[.)])[ \t]+(?:\*\*|__)?(\p{Lu}\p{Ll}+)(?:\*\*|__)?[ \t]*:/gmu;
/**
 * What minutes call their roster, in English ("Attending: Cody, Toby"), Portuguese, Spanish, French, German, Dutch
 * and Japanese.
 */
const ROSTER_NAMES =
  '(?:attendees|attendance|attending|present|participants|members|participantes|presentes|asistentes|membros|miembros|présents|membres|teilnehmer(?:innen)?|teilnehmende|anwesend(?:e)?|aanwezig(?:en)?|参加者|出席者)';

/** "Attendees: Dillan Merchant, Baban Hamesalh", "参加者：田中、佐藤": a roster written on one line. */
const ROSTER_FIELD = new RegExp(
  `^[ \\t]*(?:[-*+][ \\t]+)?(?:\\*\\*|__)?${ROSTER_NAMES}(?:\\*\\*|__)?[ \\t]*[:：](?:\\*\\*|__)?[ \\t]*([^\\n]+)$`,
  'gimu',
);

/**
 * A roster section: "## Participants" (after an emoji too: "## 👥 Attendees") over "Andrzej Stencel, Jade Guiton", a list of "- Jade Guiton (Datadog)", or
 * a table of "| Amanda Cruz | Membro | ✔️ |".
 */
const ROSTER_SECTION = new RegExp(
  `^#{1,6}[ \\t]+(?:[\\p{Extended_Pictographic}\\u200D\\uFE0F]{1,8}[ \\t]*)?(?:\\*\\*|__)?${ROSTER_NAMES}(?![\\p{L}])[^\\n]*\\n([\\s\\S]*?)(?=^#{1,6}[ \\t]|(?![\\s\\S]))`,
  'gimu',
);
/** A roster entry that is one lower-case handle ("dpaasman"). */
const HANDLE = /^[\p{Ll}\p{N}_][\p{L}\p{N}_.-]*$/u;

/**
 * A roster entry written in a script without capitals ("田中", "佐藤さん"): the whole entry is the name (an
 * honorific after it left out), as Japanese minutes then label the owner ("田中: 会場を予約する").
 */
const UNCASED_NAME = /^([\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{1,12}?)(?:さん|様|氏)?$/u;

/** Initials after a full name on the attendee line: "Rowan Manning RM", "Andrew Mee (AM)". */
export const AFTER_NAME_INITIALS =
  /^\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}\s+\(?(\p{Lu}{2,3})\)?(?:\s|$)/u;

/** What minutes call their roster, as a table row's first cell names it (`ROSTER_NAMES`, word by word). */
const ROSTER_WORDS = new Set(
  'attendees attendance attending present participants members participantes presentes asistentes membros miembros présents membres teilnehmer teilnehmerinnen teilnehmende anwesend anwesende aanwezig aanwezigen 参加者 出席者'.split(
    ' ',
  ),
);

/**
 * The roster in a table row, as a minutes template's header table writes it: "| **Attendance** | SN RC AU MB |".
 * Read cell by cell, not by a pattern: a pattern over the table with the roster's names and no case is judged
 * by recheck's fuzzer, whose verdict varies under load.
 */
export function rosterCells(markdown: string): string[] {
  const cells: string[] = [];
  for (const line of markdown.split('\n')) {
    if (!line.trimStart().startsWith('|')) continue;
    const [, name, value] = line.split('|');
    const key = name
      ?.replace(/\*\*|__/g, '')
      .trim()
      .toLowerCase();
    if (key !== undefined && ROSTER_WORDS.has(key) && value?.trim()) cells.push(value.trim());
  }
  return cells;
}

/** Adds each entry's first name (or its handle, when the entry is one) to `people`. */
function addRoster(people: Set<string>, roster: string, separators: RegExp): void {
  for (const entry of roster.split(separators)) {
    const plain = entry.replace(/^[ \t]*(?:[-*+][ \t]+)?(?:\[[ xX]\][ \t]+)?/, '').trim();
    const first = /\p{Lu}\p{Ll}+/u.exec(plain)?.[0] ?? UNCASED_NAME.exec(plain)?.[1];
    if (first) people.add(first);
    // "JT Nelson" goes by "JT" in the notes ("(JT) Poll for interest"), as the first name is used elsewhere.
    // "Rowan Manning RM": the initials after the name, as the notes then use them ("RM to make available ...").
    const initials =
      /^(\p{Lu}{2,3})\s+\p{Lu}\p{Ll}/u.exec(plain)?.[1] ?? AFTER_NAME_INITIALS.exec(plain)?.[1];
    if (/^\p{Lu}{2,3}(?:\s+\p{Lu}{2,3})+$/u.test(plain))
      for (const one of plain.split(/\s+/)) people.add(one); // "SN RC AU MB": initials only.
    else if (initials) people.add(initials);
    else if (HANDLE.test(plain)) people.add(plain);
  }
}

/** The people a page's roster (an "Attendees" section or line) lists: first names, handles, uncased names. */
export function pageRoster(markdown: string): Set<string> {
  const roster = new Set<string>();
  for (const m of markdown.matchAll(ROSTER_FIELD)) addRoster(roster, m[1] as string, /[,;、，]/);
  for (const cell of rosterCells(markdown)) addRoster(roster, cell, /[,;、，]/);
  for (const m of markdown.matchAll(ROSTER_SECTION)) addRoster(roster, m[1] as string, /[,;、，\n]/);
  return roster;
}

/**
 * A name that opens a sentence of the discussion as who spoke or presented: "Jose was explaining the proposal",
 * "Justin and Elaine have been explaining", "Danny said". Only such verbs: "Build was failing" names no one. A past
 * form (group 3) is a past participle too: the word after it tells the passive (`PASSIVE_NEXT`).
 * Single spaces and no look-around, so recheck judges it by its automaton.
 */
export const SPEAKER =
  /(?:^[ \t]*(?:(?:[-*+]|\d{1,3}[.)]) )?|[.!?;] )(\p{Lu}\p{Ll}+)(?: (?:and|&) (\p{Lu}\p{Ll}+))? (?:(?:was|were|has been|have been) (?:explain|giv|comment|present|talk|ask|suggest|propos|show|describ|demo|shar|mention|discuss)ing|(said|asked|explained|mentioned|suggested|proposed|presented|commented|noted|shared|reported|showed|demoed))\b/gmu;

/**
 * Words that open such a sentence and are no one's name: pronouns, a group of people ("Customers asked for dark
 * mode"), a determiner ("The proposed design"), a clause with no subject ("As said last week, Tom …", "Having said
 * that").
 */
const NO_SPEAKER = new Set(
  'It This That There He She We They Everyone Everybody Nobody Someone Somebody Team Group All Who None The Our Their As Having Customers Users Members People Folks Participants Attendees Others'.split(
    ' ',
  ),
);

/**
 * What follows a past participle, not a verb with its object: "Slides presented by Ana", "Docs shared in the
 * channel", "Slides shared before the meeting", "Numbers reported weekly". Not "on", "at" or "for": "Lucas reported
 * on", "Olaf presented at KubeCon", "Dima asked for" are who spoke.
 */
const PASSIVE_NEXT = /^ (?:by|in|before|after|during|via|throughout|weekly|daily|monthly)\b/;

/**
 * The first names of the people a page names: its `roster`, the name labels of its list items, and who spoke in
 * its discussion (`SPEAKER`), as minutes with an empty attendee list name them ("Jose was explaining …", then "…,
 * Jose to propose during next week").
 */
export function pagePeople(markdown: string, roster = pageRoster(markdown)): Set<string> {
  const people = new Set(roster);
  for (const re of [ROSTER_LINE, LABEL_LINE])
    for (const m of markdown.matchAll(re)) people.add(m[1] as string);
  for (const m of markdown.matchAll(NAMES_ITEM)) {
    if (!underRosterLabel(markdown, m.index)) continue;
    for (const name of (m[1] as string).split(/\s*,\s*(?:and\s+)?|\s+(?:and|&)\s+/)) people.add(name);
  }
  for (const m of markdown.matchAll(SPEAKER)) {
    const end = m.index + m[0].length;
    if (m[3] !== undefined && PASSIVE_NEXT.test(markdown.slice(end, end + 16))) continue;
    for (const name of [m[1], m[2]]) if (name !== undefined && !NO_SPEAKER.has(name)) people.add(name);
  }
  return people;
}

/**
 * The members of a team after its bold name, two first names or more: "**Control Team** (Francesca, Ian, Siera)
 * A good first project …". One name in brackets is checked against the page's people (`namesOwner`); "()" is none.
 */
export const TEAM_MEMBERS =
  /^\( ?\p{Lu}\p{Ll}{1,30}(?:(?:, ?| & | and |, and )\p{Lu}\p{Ll}{1,30}){1,11} ?\)/u;

/** A team's name in the title: "Control Team", "Design group", "Arbeitsgruppe". */
const TEAM_WORD =
  /(?<!\p{L})(?:sub-?)?(?:teams?|groups?|squad|crew|committee|wg)(?!\p{L})|gruppe|équipe|equipo/iu;

/**
 * Whether the bold title's brackets (`TEAM_MEMBERS`) are a team's members: the title names a team ("Control Team",
 * "Design group", "Arbeitsgruppe"), or a name in them is one the page names. Not "**Browser support** (Chrome,
 * Firefox, Safari)", what the task is about.
 */
export function teamMembers(head: string, body: string, people: ReadonlySet<string>): boolean {
  const names = TEAM_MEMBERS.exec(body)?.[0].match(/\p{Lu}\p{Ll}+/gu);
  if (!names) return false;
  const title = head.slice(0, Math.max(0, head.length - body.length));
  return TEAM_WORD.test(title) || names.some((name) => people.has(name));
}

/**
 * A roster's label alone on the last line of a paragraph, as the list of who came follows it: "**Participantes:**",
 * "Attendees:", "Anwesend:", "参加者:", "참가자:". Minutes that tick attendance in checkboxes ("- [ ] Paulo Junior")
 * write it so as often as under a heading.
 */
const ROLL_CALL_LABEL = new RegExp(
  `^[ \\t]*(?:\\*\\*|__)?(?:${ROSTER_NAMES}|참가자|참석자)(?:\\*\\*|__)?[ \\t]*[:：][ \\t]*(?:\\*\\*|__)?[ \\t]*$`,
  'iu',
);

/**
 * The `nodes` without the lists under a roster's label (`ROLL_CALL_LABEL`), read from `markdown` at the paragraph's
 * last line: an unticked name there is someone absent, not an open task.
 */
export function notRollCalls(nodes: RootContent[], markdown: string): RootContent[] {
  return nodes.filter((node, i) => {
    const before = nodes[i - 1];
    if (node.type !== 'list' || before?.type !== 'paragraph') return true;
    const source = markdown.slice(before.position?.start.offset ?? 0, before.position?.end.offset ?? 0);
    return !ROLL_CALL_LABEL.test(source.slice(source.lastIndexOf('\n') + 1));
  });
}
