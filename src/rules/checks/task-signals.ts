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

/** Leading labels that look like a name but are not one ("Note: ...", "Decision: ..."). */
const NOT_NAMES = new Set(
  'note|notes|todo|to do|action|action item|ai|decision|due|deadline|update|fix|question|next|next step|next steps|status|summary|follow up|follow-up|done|blocked|idea|topic|tbd|goal|context'.split(
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
];

/** Whether an action item names who does it; `head` is its first line, `full` all its text. */
export function namesOwner(head: string, full: string): boolean {
  if (OWNER.some((re) => re.test(full)) || TRAILING_HANDLE.test(head)) return true;
  const leading = LEADING_NAME.exec(head)?.[1];
  if (leading !== undefined) return !NOT_NAMES.has(leading.toLowerCase());
  const doer = NAME_DOES.exec(head)?.[1];
  return doer !== undefined && !NOT_NAMES.has(doer.toLowerCase()) && !IMPERATIVES.has(doer.toLowerCase());
}

/** Whether an action item says when it is due. */
export function givesDate(text: string): boolean {
  return DUE.some((re) => re.test(text));
}
