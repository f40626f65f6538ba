import type { ListItem } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { z } from 'zod';
import type { Hit, PageCheckKind } from '../check.js';
import { ACTION_SECTIONS, actionItems } from './task-items.js';
import { truncate } from './values.js';

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sept?|oct|nov|dec)[a-z]*\\.?';
const WEEKDAY = '(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?';

/** Ways an action item names who does it: "@alex", "Owner: Sam", "(assignee: Kim)", a Notion user mention. */
const OWNER = [
  /(?:^|[^\w.@])@[\p{L}\p{N}_]/u,
  /\b(?:owners?|assignees?|assigned to|dri|responsible)\s*:/iu,
  /<mention-user\b/i,
];

/** A leading "Alex:" or "**Alex and Sam**:" names the owner, as meeting notes write it. */
const LEADING_NAME = /^\s*(\p{Lu}[\p{L}'’.-]*(?:(?:\s+(?:and|&)\s+|,\s*|\s+)\p{Lu}[\p{L}'’.-]*){0,3})\s*:/u;

/** Leading labels that look like a name but are not one ("Note: ...", "Decision: ..."). */
const NOT_NAMES = new Set([
  'note',
  'notes',
  'todo',
  'to do',
  'action',
  'action item',
  'ai',
  'decision',
  'due',
  'deadline',
  'update',
  'fix',
  'question',
  'next',
  'next step',
  'next steps',
  'status',
  'summary',
  'follow up',
  'follow-up',
  'done',
  'blocked',
  'idea',
  'topic',
  'tbd',
  'goal',
  'context',
]);

/** Ways an action item gives a date: ISO or written dates, "Due: ...", "by Friday", "by end of week". */
const DUE = [
  /\b\d{4}-\d{2}-\d{2}\b/,
  /\b\d{1,2}\/\d{1,2}(?:\/\d{2,4})?\b/,
  new RegExp(
    `\\b${MONTH}\\s+\\d{1,2}(?:st|nd|rd|th)?\\b|\\b\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH}(?![a-z])`,
    'i',
  ),
  /\b(?:due|deadline)\b(?!\s+to\b)\s*(?::|by|on|date\s*:?)?\s*[\p{L}\p{N}]/iu,
  new RegExp(
    `\\bby\\s+(?:${WEEKDAY}\\b|today|tomorrow|tonight|eo[dwm]\\b|end of|next\\b|this\\b|the end|\\d)`,
    'i',
  ),
];

const options = z.object({
  sections: z.array(z.string()).default(ACTION_SECTIONS),
  'require-owner': z.boolean().default(true),
  'require-due': z.boolean().default(true),
  'include-checked': z.boolean().default(false),
});

/** The `tasks` rule keys after defaults. */
export type TasksOptions = z.output<typeof options>;

function hasOwner(head: string, full: string): boolean {
  if (OWNER.some((re) => re.test(full))) return true;
  const name = LEADING_NAME.exec(head)?.[1];
  return name !== undefined && !NOT_NAMES.has(name.toLowerCase());
}

function texts(item: ListItem): { head: string; full: string } {
  const first = item.children[0];
  const head = first?.type === 'paragraph' ? mdToString(first) : '';
  return { head, full: item.children.map((child) => mdToString(child)).join('\n') };
}

/** Action items nobody owns or that have no date do not get done; in async teams nobody is in the room to notice. */
export const tasksCheck: PageCheckKind<TasksOptions> = {
  name: 'tasks',
  options,
  run(page, opts): Hit[] {
    if (page.unreadable) return [];
    const hits: Hit[] = [];
    for (const item of actionItems(page, opts.sections)) {
      if (item.checked === true && !opts['include-checked']) continue;
      const { head, full } = texts(item);
      if (!full.trim()) continue;
      const noOwner = opts['require-owner'] && !hasOwner(head, full);
      const noDue = opts['require-due'] && !DUE.some((re) => re.test(full));
      if (!noOwner && !noDue) continue;
      const missing = noOwner && noDue ? 'owner and due date' : noOwner ? 'owner' : 'due date';
      const text = truncate(head || full);
      hits.push({
        data: { missing, item: text },
        excerpt: text,
        matched: `task ${truncate(head || full, 200)}`,
        ...(item.position ? { position: item.position } : {}),
      });
    }
    return hits;
  },
};
