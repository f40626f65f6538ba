import type { Heading, ListItem, Nodes, Root, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { lastAtOrBefore } from './last-before.js';
import { nextMeetingLine, TRACKED_AT, trackerPointer } from './task-lists.js';
import { notRollCalls, opensWithVerb, ownerAfterDash } from './task-signals.js';

/**
 * A line about the list, not an item of it: "All previous actions closed or carried over to a sub-group level
 * below.", "All action items completed".
 */
const STATUS_LINE =
  /^\s*(?:all|the|no)\s+(?:\p{L}+\s+){0,2}(?:actions?|action\s+items?|tasks?|to-?dos?)\s+(?:(?:were|are|is|have\s+been|has\s+been)\s+)?(?:closed|completed|done|resolved|carried\s+(?:over|forward))\b/iu;

/**
 * A pointer to where the work is tracked ("See: ready for launch milestone in the website repo"), or a standing
 * invitation ("Contributes to the proposals folder via Pull requests", "Contributions welcome via PRs"): no task
 * anyone took on.
 */
export const POINTER_OR_INVITATION =
  /^\s*(?:(?:see|cf\.?|ref|refs|reference|tracked (?:in|at))\s*:|contribut(?:e|es|ions?)\b[^.\n]*\bvia (?:pull requests?|prs?|merge requests?)\b)/;

/** "Thank you to Dana for driving the submission": thanks, written where the item's news goes. */
const THANKS = /^\s*(?:thanks\b|thank\s+you\b|kudos\b|shout-?outs?\b)/i;

/**
 * Thanks for what someone will do sets the task: "Thanks to Vera, who will send the deck". (COMMITMENT's "Ana to
 * draft" reads every "Thanks to Dana" as a commitment.)
 */
const THANKS_FOR_TASK =
  /\bwho\s+(?:will|['’]ll|is\s+going\s+to|agreed\s+to|volunteered\s+to|offered\s+to)\b/i;

/**
 * What was said rather than what is to be done: "Pavel & Jonas did some work on this", "A topic around identity
 * came up", "Vera's case study would be good to add to the blog", "some material can be contributed".
 */
const REMARK =
  /\b(?:came\s+up|did|would\s+be\s+(?:good|nice|great|useful|helpful|worth|interesting)|can\s+be|could\s+be)\b/i;

/** Someone takes something on: "will share", "would like to write", "agreed to", "Ana to draft". */
const COMMITMENT =
  /\b(?:will|shall|must|should|going\s+to|would\s+like\s+to|wants?\s+to|plans?\s+to|needs?\s+to|agreed\s+to|volunteer(?:s|ed)?|offered\s+to|asked\s+to|assigned|tasked)\b|['’]ll\b|^\s*\p{Lu}\p{Ll}+(?:\s+\p{Lu}\p{Ll}+)?\s+to\s+\p{Ll}/iu;

/** Verbs that open a task beside the ones `opensWithVerb` knows. */
const MORE_VERBS = new Set(
  'figure understand clarify determine identify assess consider think arrange invite'.split(' '),
);

/** A leading "Jonas:" or "Ana and Ben:" label, as minutes put the speaker or owner first. */
const NAME_LABEL = /^\s*\p{Lu}[\p{L}'’.-]*(?:\s*(?:&|and|,)\s*\p{Lu}[\p{L}'’.-]*){0,3}\s*:\s*/u;

/** The item's first paragraph, and the text after its bold title when it opens with one. */
function leadText(item: ListItem): string {
  const first = item.children[0];
  if (first?.type !== 'paragraph') return '';
  const [lead, ...rest] = first.children;
  if (lead?.type !== 'strong') return mdToString(first);
  return rest
    .map((child) => mdToString(child))
    .join('')
    .replace(/^[\s:–—-]+/, '');
}

/**
 * A bold label over what follows, alone on its item: "**Next Innovation Day** -" over the question the notes
 * ask about it, "**Actions from meeting 13 July 2026**" as the last item of its list over the next list
 * (`detached`: the list is followed by a paragraph or list of its own). No checkbox; a label that opens with a
 * verb ("**Publish the blog post**") is a task set in bold, and "- **Migration guide**" among others is an item.
 */
export function boldLabelOnly(item: ListItem, detached: boolean): boolean {
  if (typeof item.checked === 'boolean') return false;
  const first = item.children[0];
  if (first?.type !== 'paragraph') return false;
  // "- Prioridad de tareas:" closing its list over the numbered list of them: a plain line that introduces.
  if (detached && item.children.length === 1 && /:\s*$/.test(mdToString(first)))
    return !opensWithVerb(mdToString(first).trim().split(/\s+/)[0] ?? '');
  const [label, ...rest] = first.children;
  if (label?.type !== 'strong' || rest.some((n) => n.type !== 'text' || !/^[\s:–—-]*$/.test(n.value)))
    return false;
  // A label says so with a dash or colon after it, or by what follows it outside its list.
  const marked =
    /[:–—-]\s*$/.test(rest.map((n) => mdToString(n)).join('')) || /:\s*$/.test(mdToString(label));
  return (marked || detached) && !opensWithVerb(mdToString(label).trim().split(/\s+/)[0] ?? '');
}

/**
 * A scrum ceremony named alone, as a weekly sync lists what comes next ("Sprint 2 Planning", "Sprint 1 Review &
 * Retrospective"): the team's standing meeting, which nobody owns as a task. "Plan sprint 2" opens with its verb.
 */
const CEREMONY =
  /^\s*(?:sprint[ \t]*\d{0,3}[ \t]+)?(?:planning|review|retrospective|retro|demo|stand-?up)(?:[ \t]*(?:&|\+|\/|and|und)[ \t]*(?:planning|review|retrospective|retro|demo))?[ \t]*$/i;

/**
 * A topic parked on a later agenda ("Agenda for future meeting: retirement criteria"), or a decision written among
 * the actions, after its owner or not ("LCGC — adopt decision to make review optional", "Decided: keep the
 * format"): nothing for anyone to do. "Ana agreed to draft it" takes a task on, and stays one; so does each task
 * under an "Agreed:" label alone (what was agreed to do).
 */
const PARKED_OR_DECIDED =
  /^[ \t]*(?:[Aa]genda (?:items? )?for (?:a |the )?(?:future|next|later|upcoming) (?:meeting|call|session)s?[ \t]*:|(?:\p{Lu}[\p{L}'’.-]*(?:(?:, | and | & |\/| )\p{Lu}[\p{L}'’.-]*){0,3}(?::| [—–-]) )?(?:[Aa]dopt(?:s|ed)? (?:the |a )?decision|[Dd]ecided\b|[Aa]greed\b(?! to\b)(?![ \t]*:?[ \t]*$)))/u;

/**
 * A line under an action-item heading that sets no task: a status of the list, thanks, a ceremony, or a remark carried
 * from the discussion (no commitment, and words that report or suggest). An item that opens with a verb, after
 * its name label or not, is a task; so is thanks for what someone will do ("Thanks to Vera, who will send the
 * deck"), and a remark that ends with who takes it on, a person the page names (`people`: "Blog post on the
 * work Pavel did - Vera").
 */
export function notAnAction(item: ListItem, people: ReadonlySet<string>): boolean {
  if (typeof item.checked === 'boolean') return false;
  // When the team meets next, and a link to the issue that holds the task (its owner and date are there).
  if (nextMeetingLine(item) || trackerPointer(item, people)) return true;
  const text = leadText(item);
  if (CEREMONY.test(text) || PARKED_OR_DECIDED.test(text)) return true;
  if (STATUS_LINE.test(text) || (THANKS.test(text) && !THANKS_FOR_TASK.test(text))) return true;
  const plain = text.toLowerCase().replace(/[ \t]+/g, ' ');
  if (POINTER_OR_INVITATION.test(plain) || TRACKED_AT.test(plain.trim())) return true;
  const said = text.replace(NAME_LABEL, '');
  const first = said.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
  if (opensWithVerb(first) || MORE_VERBS.has(first)) return false;
  // What a question asks is no remark: "Figure out why the deploy did not run", "... whether it can be reused".
  const main = said.split(/\b(?:why|whether|if|how|what|when|where|which)\b/i)[0] ?? said;
  return REMARK.test(main) && !COMMITMENT.test(said) && !ownerAfterDash(said, people);
}

/**
 * A bullet that only names who the list under it belongs to, as notes group action items by person:
 * "- **Hiroto**", "- @kim:", "- Ana Lima:", "- **Jackson and Cameron:**" over their tasks. Bold, a handle or a
 * trailing colon, and names of one to three capitalized words (up to four names joined by "and", "&" or a
 * comma), so a topic line ("- follow up with legal") is not taken for a name.
 */
const OWNER_NAME = "(?:@[\\w.-]+|\\p{Lu}[\\p{L}'’.-]*(?:\\s+\\p{Lu}[\\p{L}'’.-]*){0,2})";
export const OWNER_LABEL = new RegExp(
  `^\\s*${OWNER_NAME}(?:\\s*(?:,|&|,?\\s+and\\s+)\\s*${OWNER_NAME}){0,3}\\s*:?\\s*$`,
  'u',
);

/** A line that is a handle and a colon: "@dean:", "**@ana-k**:". */
const HANDLE_LINE = /^@[\p{L}\p{N}_.-]+[ \t]*:$/u;

/**
 * A name set in bold (or bold italic) on a line of its own over that person's list, as a science group's template
 * writes its action items ("***Erik***" over "* do another review"): a person its attendees list names (`roster`),
 * so a topic in bold over its list ("**Backend**") is not taken for one, even one the notes label a line with.
 */
export function ownerLine(node: Nodes, roster: ReadonlySet<string>): string | undefined {
  if (node.type !== 'paragraph') return undefined;
  // A handle and its colon on a line of their own ("@dean:" over the list): a handle names a person whatever the roster.
  const line = mdToString(node).trim();
  if (HANDLE_LINE.test(line)) return line.slice(0, -1).trim();
  if (node.children.length !== 1) return undefined;
  const only = node.children[0];
  if (only?.type !== 'strong' && only?.type !== 'emphasis') return undefined;
  return OWNER_LABEL.test(line) && roster.has(line.split(/[\s,&:]/)[0] as string) ? line : undefined;
}

/** A GitHub-style handle as a heading: "lestrrat", "richard-imaoka", "@uzulla". */
const HANDLE_HEADING = /^(?:@[\p{L}\p{N}_.-]+|(?=[a-z0-9_.-]{3})[a-z][a-z0-9]*(?:[-_.][a-z0-9]+)*)$/u;

/** Lower-case headings that are sections, not people. */
const SECTION_WORDS = new Set(
  'todo todos to do doing done blocker blockers notes note misc random agenda action actions item items step steps follow ups up summary updates update links other general next questions decisions decision attendees minutes meeting announcements discussion topics topic news backend frontend infra docs design ops team status plans plan progress issues ideas retro review points goals tasks task risks demo release roadmap budget sprint standup intro welcome housekeeping aob open closed wins'.split(
    ' ',
  ),
);

/**
 * The headings of a report written person by person (a weekly report, an async standup): two or more headings of
 * one level that are people's handles, or names the page lists among its people. Each person's TODO under their
 * own heading is their plan until the next report: its owner is the heading, its date the report's period.
 * A bare lower-case word reads as a handle ("lestrrat", "uzulla": organisers' reports keep no roster) as well
 * as a team ("platform", "mobile"): on a page whose `roster` lists who attended, it is a person only when the
 * roster lists it. A handle with "@" or a separator ("ana-k") is one either way.
 */
export function personHeadings(
  tree: Root,
  people: ReadonlySet<string>,
  roster: ReadonlySet<string>,
): Heading[] {
  const listed = new Set([...roster].map((name) => name.toLowerCase()));
  const byDepth = new Map<number, Heading[]>();
  for (const node of tree.children) {
    if (node.type !== 'heading') continue;
    const text = mdToString(node).trim();
    const handle =
      HANDLE_HEADING.test(text) &&
      !text.split(/[-_.]/).some((part) => SECTION_WORDS.has(part)) &&
      (/^@|[-_.]/.test(text) || listed.size === 0 || listed.has(text));
    const person =
      handle ||
      (/^\p{Lu}\p{Ll}+(?:\s+\p{Lu}[\p{L}'’-]+){0,2}$/u.test(text) && people.has(text.split(/\s+/)[0] ?? ''));
    if (!person) continue;
    const level = byDepth.get(node.depth);
    if (level) level.push(node);
    else byDepth.set(node.depth, [node]);
  }
  return [...byDepth.values()].filter((headings) => headings.length >= 2).flat();
}

/** A heading over what someone means to do in the coming period: "TODO", "Plans", "Next week", "Today". */
const PLAN_HEADING = /^\s*(?:to-?\s?dos?|plans?|next\s+week|this\s+week|today)\s*:?\s*$/i;

/** Where each top-level heading starts, and whose section and which heading are open from there. */
interface SectionMark {
  offset: number;
  owner: Heading | undefined;
  nearest: Heading;
}

/**
 * Whether an item stands in a person's own section (`personHeadings`, until the next heading as high): its
 * owner is that person; under a heading of their plans for the period ("### TODO") it is due by the next report.
 * The page's headings are walked once, each item then found among them by its offset: a page of many headings
 * and items costs no walk per item.
 */
export function personSections(
  tree: Root,
  persons: readonly Heading[],
): (item: ListItem) => { plan: boolean } | undefined {
  if (persons.length === 0) return () => undefined;
  const own = new Set(persons);
  const marks: SectionMark[] = [];
  let owner: Heading | undefined;
  for (const node of tree.children) {
    if (node.type !== 'heading' || node.position?.start.offset === undefined) continue;
    if (own.has(node)) owner = node;
    else if (owner && node.depth <= owner.depth) owner = undefined;
    marks.push({ offset: node.position.start.offset, owner, nearest: node });
  }
  return (item) => {
    const at = item.position?.start.offset;
    if (at === undefined) return undefined;
    const mark = lastAtOrBefore(marks, at);
    if (!mark?.owner) return undefined;
    return { plan: mark.nearest !== mark.owner && PLAN_HEADING.test(mdToString(mark.nearest)) };
  };
}

/**
 * Items left for the next meeting to vote on, as a board's heading or lead-in says it ("## Pending — First Formal
 * Board Meeting", "The following items require a formal vote and are scheduled for the next board meeting:"): that
 * meeting's agenda, the board's to settle, no task anyone here took on. Not "To do before the next meeting".
 */
const NEXT_MEETING_VOTE =
  /\b(?:(?:pending|scheduled|deferred|tabled|postponed)[ \t—–:-]{1,5}(?:(?:for|to|until)[ \t]+)?(?:the[ \t]+)?(?:next|first)[ \t]+(?:formal[ \t]+)?(?:board[ \t]+)?meeting|requires?[ \t]+an?[ \t]+(?:formal[ \t]+)?vote)\b/i;

/**
 * The `nodes` without the lists that are no tasks by the paragraph over them: the roll call under a roster's label
 * (`notRollCalls`), and the next meeting's vote under a lead-in that leaves the items to it (`NEXT_MEETING_VOTE`).
 */
export function notAgendas(nodes: RootContent[], markdown: string): RootContent[] {
  return notRollCalls(nodes, markdown).filter((node, i, kept) => {
    const before = kept[i - 1];
    return (
      node.type !== 'list' || before?.type !== 'paragraph' || !NEXT_MEETING_VOTE.test(mdToString(before))
    );
  });
}

const AGENDA_WORD = /\b(?:agenda|topics|ordre du jour|tagesordnung|orden del d[ií]a)\b/gi;
const NEXT_WORD = /\b(?:next|prochaine|nächste[nrs]?|próxima)\b/gi;

/** Where `words` first and last start in `line` (-1 when nowhere). */
function span(words: RegExp, line: string): [number, number] {
  let first = -1;
  let last = -1;
  for (const match of line.matchAll(words)) {
    if (first < 0) first = match.index;
    last = match.index;
  }
  return [first, last];
}

/**
 * A heading over the next meeting's agenda ("## Agenda for Next Meeting", "Topics for the next call"): a
 * line that names both, in either order. The words are found once each and compared by place: one
 * pattern with `.*` between them read the rest of the line again from each "next" (a heading of 400 KB
 * repeating it: 45 s).
 */
export function nextAgenda(text: string): boolean {
  if (NEXT_MEETING_VOTE.test(text)) return true;
  return text.split('\n').some((line) => {
    const [firstAgenda, lastAgenda] = span(AGENDA_WORD, line);
    if (firstAgenda < 0) return false;
    const [firstNext, lastNext] = span(NEXT_WORD, line);
    return firstNext >= 0 && (firstAgenda < lastNext || firstNext < lastAgenda);
  });
}
