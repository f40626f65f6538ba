import { z } from 'zod';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { notionIdOf } from '../platforms/notion/urls.js';
import { wikiKey } from '../platforms/registry.js';

/** The findings page's title unless config names another. */
export const DEFAULT_FINDINGS_TITLE = 'Handbook lint findings';
/** Comments a run may write at most, so a first run on a messy wiki floods nobody. */
export const DEFAULT_COMMENT_CAP = 25;

const title = z.string().min(1).max(255).default(DEFAULT_FINDINGS_TITLE);

const notionPage = z.string().refine((value) => notionIdOf(value) !== undefined, {
  error: (issue) => `not a Notion page id or URL: ${String(issue.input)}`,
});

function confluenceId(value: string): string | undefined {
  if (/^\d+$/.test(value)) return value;
  try {
    return wikiKey(new URL(value))?.replace(/^confluence:/, '');
  } catch {
    return undefined;
  }
}

const confluencePage = z.string().refine((value) => confluenceId(value) !== undefined, {
  error: (issue) => `not a Confluence page id or page URL: ${String(issue.input)}`,
});

/** `writeback:` in the config; everything is off unless configured. */
export const writebackSchema = z
  .strictObject({
    'findings-page': z
      .strictObject({
        /** A file the Markdown report is written to (relative to the config file). */
        markdown: z.strictObject({ path: z.string().min(1) }).optional(),
        notion: z.strictObject({ 'parent-page': notionPage, title }).optional(),
        confluence: z
          .strictObject({
            space: z.string().regex(/^~?[A-Za-z0-9_]+$/, 'a space key such as ENG'),
            'parent-page': confluencePage.optional(),
            title,
          })
          .optional(),
      })
      .default({}),
    comments: z
      .strictObject({
        enabled: z.boolean().default(false),
        /** Pages with a finding at or above this level get a comment. */
        level: z.enum(SEVERITIES as [Severity, ...Severity[]]).default('error'),
        cap: z.number().int().min(0).default(DEFAULT_COMMENT_CAP),
        'cooldown-hours': z.number().min(0).default(24),
      })
      .default({ enabled: false, level: 'error', cap: DEFAULT_COMMENT_CAP, 'cooldown-hours': 24 }),
  })
  .default({
    'findings-page': {},
    comments: { enabled: false, level: 'error', cap: DEFAULT_COMMENT_CAP, 'cooldown-hours': 24 },
  });

/** The validated write-back settings, camel-cased, ids normalized, paths still relative. */
export interface WritebackConfig {
  markdown?: { path: string };
  notion?: { parentPage: string; title: string };
  confluence?: { space: string; parentPage?: string; title: string };
  comments: { enabled: boolean; level: Severity; cap: number; cooldownHours: number };
}

/** Turns the parsed section into settings; `resolvePath` makes the Markdown path absolute. */
export function toWritebackConfig(
  raw: z.output<typeof writebackSchema>,
  resolvePath: (path: string) => string,
): WritebackConfig {
  const page = raw['findings-page'];
  const c = raw.comments;
  const confluenceParent = page.confluence?.['parent-page'];
  return {
    ...(page.markdown ? { markdown: { path: resolvePath(page.markdown.path) } } : {}),
    ...(page.notion
      ? {
          notion: {
            parentPage: notionIdOf(page.notion['parent-page']) ?? page.notion['parent-page'],
            title: page.notion.title,
          },
        }
      : {}),
    ...(page.confluence
      ? {
          confluence: {
            space: page.confluence.space,
            title: page.confluence.title,
            ...(confluenceParent ? { parentPage: confluenceId(confluenceParent) ?? confluenceParent } : {}),
          },
        }
      : {}),
    comments: { enabled: c.enabled, level: c.level, cap: c.cap, cooldownHours: c['cooldown-hours'] },
  };
}

/** Whether anything is written back, which is what makes a run keep a ledger even for a Markdown folder. */
export function writesBack(config: WritebackConfig): boolean {
  return Boolean(config.markdown || config.notion || config.confluence || config.comments.enabled);
}
