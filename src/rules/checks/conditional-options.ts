import { z } from 'zod';
import { headingNames } from './find-section.js';
import { regexSource } from './values.js';

const condition = z
  .strictObject({
    field: z.string().optional(),
    matches: regexSource.optional(),
    type: z.string().optional(),
    /** A regex the page's title matches ("... Meeting Agenda ..." for `unless`). */
    title: regexSource.optional(),
    /** A regex the page's path (file or breadcrumb) matches. */
    path: regexSource.optional(),
    text: regexSource.optional(),
    link: regexSource.optional(),
  })
  .refine((c) => c.matches === undefined || c.field !== undefined, { message: '`matches` needs a `field`' });

const alternative = z
  .strictObject({
    link: regexSource.optional(),
    internal: z.boolean().default(false),
    section: z.string().optional(),
    text: regexSource.optional(),
    tasks: z.literal(true).optional(),
    /** A list item that labels a task with an attendee the page's roster lists ("- michael: improve publishing"). */
    'roster-tasks': z.literal(true).optional(),
    /** A sentence with one of the rule's `phrases` in one of its `languages` ("No objections, ratified."). */
    phrases: z.literal(true).optional(),
    field: z.string().optional(),
    /** Words of prose the paragraph holding the `if` match (for an HTML embed: the paragraph after it) must have. */
    'context-words': z.number().int().positive().optional(),
    /**
     * Words of prose (link texts left out) before the `if` match in its section, the match not in a list:
     * a video closing the text it accompanies (the values, then the talk on them).
     */
    'written-before': z.number().int().positive().optional(),
    /** The list item holding the `if` match, or the item it is nested under, links to another page: the written procedure it shows. */
    'item-links-page': z.literal(true).optional(),
    /** A regex the Markdown of the `if` match's section (to the next heading as high) must match: written steps beside a walkthrough. */
    'section-text': regexSource.optional(),
    /** The page's type, for an alternative only some pages have (the notes of a meeting beside its recording). */
    type: z.string().optional(),
    /**
     * Words of prose the whole page must have for each match of the `if` text: a page that is itself the
     * written version (minutes with their recording, a guide with a walkthrough) needs no separate summary.
     */
    'page-words': z.number().int().positive().optional(),
    /**
     * A regex for headings a `section` or `text` does not count under, its own heading or one above it (the
     * page's title aside): the next meeting's agenda (`## Agenda for next meeting`, `### Agenda` under
     * `## Next meeting`) is not this meeting's.
     */
    'not-under': regexSource.optional(),
    /** How messages name this alternative when the generated description reads badly (e.g. a regex). */
    name: z.string().optional(),
  })
  .refine(
    (a) =>
      a.internal ||
      [
        a.link,
        a.section,
        a.text,
        a.tasks,
        a['roster-tasks'],
        a.phrases,
        a.field,
        a['context-words'],
        a['written-before'],
        a['item-links-page'],
        a['page-words'],
        a['section-text'],
      ].some((v) => v !== undefined),
    {
      message:
        'give at least one of link, internal, section, text, tasks, roster-tasks, phrases, field, context-words, written-before, item-links-page, page-words, section-text',
    },
  );

/**
 * The `conditional` rule keys: `if` (all must hold), `unless` (all hold, or for a list: one of them holds: the rule does not apply), and
 * `then.any-of` (one must hold); `phrases` per language and the `languages` a handbook writes in, for
 * `phrases: true` alternatives, with the page's own language added unless `detect-language: false`.
 */
export const options = z
  .object({
    if: condition.default({}),
    /** One condition, or a list of them: when any of them holds, the rule does not apply. */
    unless: z.union([condition, z.array(condition).min(1)]).optional(),
    // biome-ignore lint/suspicious/noThenProperty: `then:` is the rule-file key; its value is an object, never callable, so never a thenable.
    then: z.strictObject({ 'any-of': z.array(alternative).min(1) }),
    phrases: z.record(z.string(), z.array(regexSource)).default({}),
    languages: z.array(z.string()).min(1).default(['en']),
    /**
     * Also read a page's sentences with the phrases of the language it is written in, when its words say
     * so clearly (a German page in an English handbook); `false` keeps to `languages`.
     */
    'detect-language': z.boolean().default(true),
    /**
     * Not reported on the pages of a folder of three or more where the rule holds on none: the folder
     * keeps it elsewhere by its own convention (agendas posted as issues, or on pages of their own).
     * Judged after the crawl, by the site stage (src/rules/folder-template.ts).
     */
    'unless-folder-omits': z.boolean().default(false),
    /**
     * Not reported on the pages of a folder that keeps a template page of its own whose file name or title
     * matches this pattern (`agenda-template.md` beside the minutes' template: the agenda is written apart,
     * sent with the invitation). Judged after the crawl, by the site stage (src/rules/folder-template.ts).
     */
    'unless-folder-template': regexSource.optional(),
  })
  .refine((o) => !o.then['any-of'].some((a) => a.phrases) || o.languages.every((l) => o.phrases[l]?.length), {
    message: '`phrases: true` needs a `phrases` list for every language in `languages`',
    path: ['languages'],
  });

/** The `conditional` rule keys after defaults. */
export type ConditionalOptions = z.output<typeof options>;
/** One way to satisfy a conditional rule's `then`. */
export type Alternative = z.output<typeof alternative>;

/** Names an alternative in messages, from its own `name` or its requirements. */
export function describe(alt: Alternative): string {
  if (alt.name) return alt.name;
  const parts: string[] = [];
  if (alt.link !== undefined || alt.internal)
    parts.push(
      `${alt.internal ? 'a link to another page' : 'a link'}${alt.link ? ` matching ${alt.link}` : ''}`,
    );
  if (alt.section !== undefined) parts.push(`a "${headingNames(alt.section).join('" or "')}" section`);
  if (alt.text !== undefined) parts.push(`text matching ${alt.text}`);
  if (alt.tasks || alt['roster-tasks']) parts.push('an action item');
  if (alt.phrases) parts.push('a sentence that records a decision or an action');
  if (alt.field !== undefined) parts.push(`a ${alt.field} field`);
  if (alt['context-words'] !== undefined) parts.push(`${alt['context-words']} words written beside it`);
  if (alt['item-links-page']) parts.push('a link to the page it shows from its list item');
  if (alt['written-before'] !== undefined) parts.push(`${alt['written-before']} words written before it`);
  if (alt.type !== undefined) parts.push(`a ${alt.type} page`);
  if (alt['section-text'] !== undefined) parts.push(`its section matching ${alt['section-text']}`);
  if (alt['page-words'] !== undefined) parts.push(`${alt['page-words']} words on the page for each`);
  return parts.join(' with ');
}
