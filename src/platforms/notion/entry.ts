import { z } from 'zod';
import { findingsTitleSchema } from '../../writeback/findings-title.js';
import { definePlatform } from '../platform.js';
import { notionSourceSchema, toNotionConfig } from './config.js';
import { notionIdOf } from './urls.js';

const notionPage = z.string().refine((value) => notionIdOf(value) !== undefined, {
  error: (issue) => `not a Notion page id or URL: ${String(issue.input)}`,
});

/** A Notion workspace, read through the integration the token belongs to. */
export const notion = definePlatform({
  id: 'notion',
  wiki: true,
  source: { schema: notionSourceSchema, settings: (raw) => toNotionConfig(raw), credentials: ['token-env'] },
  findingsPage: {
    schema: z.strictObject({ 'parent-page': notionPage, title: findingsTitleSchema }),
    target: (raw) => ({ parentPage: notionIdOf(raw['parent-page']) ?? raw['parent-page'], title: raw.title }),
  },
  load: async () => (await import('./connection.js')).notionPlatform,
  toPage: async () => (await import('./to-page.js')).toPage,
});
