import type { List, ListItem, Paragraph, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { givesDate, namesOwner, opensWithVerb } from './task-signals.js';

// Lines of an action-item list that are no task of their own: a label over the tasks nested under it, a pointer
// to the tracker that holds the task, the next meeting's date, and the steps of instructions followed in the room
// (kept apart from task-items.ts and task-notes.ts to keep each module small).

/** A short line of up to five words, as a topic is ("Sovereign Tech Fund", "Group learning:"). */
const TOPIC = /^\s*\p{L}[\p{L}\p{N}'’&/-]*(?:\s+[\p{L}\p{N}'’&/()-]+){0,4}\s*:?\s*$/u;

/**
 * A German task closes with its verb ("Erste Hauptfeatures fertigstellen", "CI/CD-Pipeline vorantreiben"): the
 * infinitive's common endings, lower case as German writes its verbs (its nouns are capitalised). Read only on a
 * line of five words at most (`TOPIC`); the look-behind starts the word where it starts.
 */
const GERMAN_TASK_VERB =
  /(?<![\p{L}-])\p{Ll}*(?:ieren|stellen|setzen|legen|richten|treiben|führen|arbeiten|machen|suchen|bauen|schreiben|planen|prüfen|testen|klären|erfassen|laden|senden|holen|bringen|ändern|bereiten)\s*:?\s*$/u;

/**
 * A name written alone, in a script without capitals (あゆむ, みんな, 김하나): a Japanese or Korean minutes
 * template nests who takes the task under it ("- A について調べる" over "- あゆむ"). Six characters at most and no
 * object particle: "第二階層の名前の案を出す" nested so is a task of its own, written without spaces; nor a word that
 * says nobody has it yet or it is done ("担当者未定", "미정", "完了", "要確認").
 */
const BARE_NAME =
  /^(?!.*(?:を|未定|미정|完了|완료|保留|確認|無し|なし|없음))[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}ー・]{1,6}$/u;

/** Whether what is nested under a bullet is one item that only names who takes it: the bullet is the task. */
export function ownerNestedUnder(nested: readonly RootContent[]): boolean {
  const lists = nested.filter((child): child is List => child.type === 'list');
  const only = lists.length === 1 && lists[0]?.children.length === 1 ? lists[0].children[0] : undefined;
  return only !== undefined && BARE_NAME.test(mdToString(only).trim());
}

/**
 * A bullet that only names the topic of the tasks nested under it ("- Sovereign Tech Fund" over "Emma: get
 * the project ready", "Plan a meeting with Lexi"): a few words, no verb to open them, no owner or date of its
 * own. A task with details under it ("- Write the migration guide", "- Check/Contact the vendor:" over a link
 * and why) opens with its verb, the first of two joined by a slash too, or in German closes with it (its parts
 * nested under it, "Party erstellen", "Songs suchen", are judged with it).
 */
export function topicLabel(item: ListItem): boolean {
  if (typeof item.checked === 'boolean') return false;
  const [first, ...rest] = item.children;
  if (first?.type !== 'paragraph' || !rest.some((child) => child.type === 'list')) return false;
  if (ownerNestedUnder(rest)) return false;
  const text = mdToString(first);
  if (!TOPIC.test(text)) return false;
  const opening =
    text
      .trim()
      .split(/[\s/]+/)[0]
      ?.toLowerCase() ?? '';
  return (
    !opensWithVerb(opening) && !GERMAN_TASK_VERB.test(text) && !namesOwner(text, text) && !givesDate(text)
  );
}

/**
 * A line that names the list of tasks under it: "Open ToDos (see github issues):", "Action items:", "Tasks for the
 * sprint:". Its first word may be a verb's form ("Open"), so it is read by the words for a list of tasks.
 */
export const TASK_LIST =
  /\b(?:to-?dos?|tasks|action items|action points|actions|open (?:items|points|issues)|next steps|follow-?ups)\b/i;

/**
 * Whether the item introduces the tasks after it (`TASK_LIST`, ending with a colon): those nested under it, or the
 * items after it when they are indented too little to nest (" - High level overview …" under "- Open ToDos:"). The
 * list's words open the line (after "Open", "All", "The"), or no verb does: "Move the open TODOs to the tracker:"
 * is a task with its details under it.
 */
export function taskListLeadIn(item: ListItem): boolean {
  if (typeof item.checked === 'boolean') return false;
  const first = item.children[0];
  if (first?.type !== 'paragraph') return false;
  const text = mdToString(first);
  const list = /:\s*$/.test(text) && text.length <= 120 ? TASK_LIST.exec(text) : null;
  if (!list) return false;
  const opening = text.trim().split(/[\s/]+/)[0] ?? '';
  return (
    /^\s*(?:(?:open|all|the|our|remaining|pending)\s+)?$/i.test(text.slice(0, list.index)) ||
    !opensWithVerb(opening)
  );
}

/**
 * The address of one issue, pull request or ticket, or of a repository's issue list: GitHub's and Gitea's
 * `/issues/8`, `/pull/12`, GitLab's `/-/merge_requests/3`, Jira's `/browse/OPS-12`, Linear's `/issue/ENG-4`.
 */
export const TRACKER_URL =
  /\/(?:issues|pulls?|merge_requests)(?:\/\d{1,9})?\/?(?:[?#]|$)|\/(?:browse|issue)\/[A-Z][A-Z0-9]{0,20}-\d{1,9}(?:[/?#]|$)/;

/**
 * "Issues are being tracked/assigned at <the tracker>", "Tasks are tracked in Jira": where the tasks are, set by
 * none. Lower case, single spaces and trimmed, as `notAnAction` gives the text.
 */
export const TRACKED_AT =
  /^(?:the |all |open )?(?:issues|tasks|todos|to-dos|action items|tickets) (?:are|is) (?:being )?(?:tracked|assigned|managed)(?:\/assigned)? (?:in|at|on|via) /;

/**
 * A line whose task is a link to an issue or pull request, after a label or none: "Biggest open issue: [Node
 * Controller](…/issues/8)", "Node controller: https://…/issues/8". The owner and the date live in the tracker, as the
 * notes point there. Not when the label names a person the page names (`people`): "Ana: […](…/issues/8)" assigns it.
 */
export function trackerPointer(item: ListItem, people: ReadonlySet<string>): boolean {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return false;
  const parts = first.children.filter((child) => !(child.type === 'text' && /^[\s.!]*$/.test(child.value)));
  const link = parts.at(-1);
  // A bare address the parser left as text: "Node controller: https://…/issues/8".
  const bare = link?.type === 'text' ? BARE_POINTER.exec(link.value.trim().replace(/\.$/, '')) : null;
  if (bare && parts.length === 1) return TRACKER_URL.test(bare[2] as string) && labelPoints(bare[1], people);
  if (link?.type !== 'link' || !TRACKER_URL.test(link.url) || parts.length > 2) return false;
  if (parts.length === 1) return true;
  const label = parts[0]?.type === 'text' || parts[0]?.type === 'strong' ? mdToString(parts[0]) : '';
  return labelPoints(label, people);
}

/** A label and a bare address after it, as text: "Node controller: https://…". */
export const BARE_POINTER = /^([^:\n]{1,60}:)?[ \t]*(https?:\/\/\S+)$/;

/** A label before the link ("Biggest open issue:"), or none; not a person the page names ("Ana:"). */
function labelPoints(label: string | undefined, people: ReadonlySet<string>): boolean {
  const text = label?.trim() ?? '';
  if (!text) return true;
  return /^[^:]{1,60}:$/.test(text) && !people.has(text.split(/[\s:]/)[0] ?? '');
}

/**
 * The words of a date or a time, in the languages the meeting rules know: TBD and its kin, a time of day's word, a
 * word that joins them ("on the", "um"), a weekday or a month (`WHEN_NUMBER` reads the numbers).
 */
const WHEN_WORDS = new Set(
  `tbd tba tbc 未定 미정 待定 uhr am pm noon utc gmt cet cest et pt on at the of and to from um ab bis le el em
  il op à de du mon monday tue tues tuesday wed wednesday thu thurs thursday fri friday sat saturday sun
  sunday mo di mi do fr sa so montag dienstag mittwoch donnerstag freitag samstag sonntag lundi mardi
  mercredi jeudi vendredi samedi dimanche lunes martes miércoles jueves viernes sábado domingo segunda
  terça quarta quinta sexta feira lunedì martedì mercoledì giovedì venerdì sabato domenica maandag dinsdag
  woensdag donderdag vrijdag zaterdag zondag jan january januar janvier enero janeiro gennaio januari feb
  february februar février febrero fevereiro febbraio februari mar march märz mars marzo março maart apr
  april avril abril aprile may mai mayo maio maggio mei jun june juni juin junio junho giugno jul july
  juli juillet julio julho luglio aug august août agosto augustus sep sept september septembre septiembre
  setembro settembre oct october oktober octobre octubre outubro ottobre nov november novembre noviembre
  novembro dec december dezember décembre diciembre dezembro dicembre`.split(/\s+/),
);

/** A number of a date or a time ("16", "14th", "10am", "3月8日", "2026年6月9日"), or a weekday's name in Japanese or Korean. */
const WHEN_NUMBER =
  /^(?:\d{1,4}(?:st|nd|rd|th|h|am|pm|uhr)?|(?:\d{1,4}[年月日년월일時시分분]){1,6}|[月火水木金土日]曜日|[월화수목금토일]요일)$/u;

/** What separates the words of a date ("09.06.2026", "11:15 – 12:15", "15:00〜"), and a remark in brackets. */
const WHEN_SEPARATOR = /[\s.,:/–—~〜!-]+/u;
const BRACKETED = /[(（][^()（）\n]*[)）]/gu;

/**
 * The next meeting's line in a next-steps list: "Next Meeting: TBD (after reading week)", "Nächstes Treffen 16.
 * April 11:15 – 12:15 Uhr", "Prochaine réunion : mardi", "次回：3月8日（火）". A label, then a colon, a dash or
 * none, and (`whenOnly`) only a date, a word that says when or nothing to the line's end: when the team meets
 * again, no task. Not "Next meeting, Ana presents the roadmap", nor a task written after the label ("Next meeting:
 * send the invite", "Next meeting in Berlin: book the flights"). The words are read one by one in code, as one
 * pattern of them all is beyond recheck.
 */
export const NEXT_MEETING =
  /^\s*(?:next (?:meeting|call|sync|session)|nächste[snr]? (?:treffen|termin|sitzung|meeting)|prochaine (?:réunion|rencontre|séance)|próxima (?:reunión|reunião|sesión|sessão)|prossima riunione|volgende (?:vergadering|bijeenkomst)|다음 ?회의|次回(?:の)?(?:会議|ミーティング|打ち合わせ)?|下次会议)[ \t]*(?:[:：–—-][ \t]*)?([^\s:：–—-][^\n]{0,200})?$/iu;

/** Whether the text after the label is only the words of a date or a time (`WHEN_WORDS`, `WHEN_NUMBER`), or none. */
function whenOnly(rest: string): boolean {
  return rest
    .replace(BRACKETED, ' ')
    .split(WHEN_SEPARATOR)
    .every((word) => word === '' || WHEN_WORDS.has(word.toLowerCase()) || WHEN_NUMBER.test(word));
}

/**
 * The next meeting's label alone in bold, a template's field ("- **Next Meeting:** [Date / Time]", qbmet's): what
 * follows it is the date, or what that meeting will take up ("**Next Meeting:** Play with the new single link
 * system"), no task of this meeting's either way.
 */
function nextMeetingField(first: Paragraph, text: string): boolean {
  const label = first.children[0];
  if (label?.type !== 'strong') return false;
  const bold = NEXT_MEETING.exec(mdToString(label));
  return bold !== null && bold[1] === undefined && /^[^:：\n]{0,60}[:：]/.test(text);
}

/** Whether the item is the next meeting's line (`NEXT_MEETING`), or its bold field's label and what follows. */
export function nextMeetingLine(item: ListItem): boolean {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return false;
  const text = mdToString(first);
  const line = NEXT_MEETING.exec(text);
  return (line !== null && whenOnly(line[1] ?? '')) || nextMeetingField(first, text);
}

/**
 * A lead-in over steps to follow in the room: "Instructions:" (in bold as a bullet of its own, or a paragraph), in
 * the languages the meeting rules know.
 */
export const INSTRUCTIONS =
  /^\s*(?:setup |installation )?(?:instructions|anleitung|consignes|instrucciones|instruções|istruzioni|instructies)[ \t]*:\s*$/i;

function introducesSteps(before: RootContent | undefined): boolean {
  if (before?.type === 'paragraph') return INSTRUCTIONS.test(mdToString(before));
  const last = before?.type === 'list' ? before.children.at(-1) : undefined;
  return last?.children.length === 1 && INSTRUCTIONS.test(mdToString(last));
}

/**
 * The lists of a section that are instructions followed in the meeting ("Instructions:" over "1. Clone the repo",
 * "2. Add your contact info below"): steps everyone took there, no tasks. A numbered list that goes on counting them
 * after a table or a sub-heading ("3. Push updates to remote") is one of them.
 */
export function instructionLists(nodes: readonly RootContent[]): Set<List> {
  const steps = new Set<List>();
  let next: number | undefined;
  nodes.forEach((node, i) => {
    if (node.type !== 'list') return;
    const start = node.ordered ? (node.start ?? 1) : undefined;
    const isSteps = introducesSteps(nodes[i - 1]) || (start !== undefined && start === next);
    if (isSteps) steps.add(node);
    next = isSteps && start !== undefined ? start + node.children.length : undefined;
  });
  return steps;
}
