import { z } from 'zod';
import { findingsTitleSchema } from '../../writeback/findings-title.js';
import { definePlatform } from '../platform.js';
import { confluenceSourceSchema, toConfluenceConfig } from './config.js';
import { confluencePageId } from './urls.js';

const confluencePage = z.string().refine((value) => confluencePageId(value) !== undefined, {
  error: (issue) => `not a Confluence page id or page URL: ${String(issue.input)}`,
});

/** Confluence Cloud spaces, read with an account's API token. */
export const confluence = definePlatform({
  id: 'confluence',
  wiki: true,
  source: {
    schema: confluenceSourceSchema,
    settings: (raw) => toConfluenceConfig(raw),
    credentials: ['token-env', 'email-env'],
  },
  findingsPage: {
    schema: z.strictObject({
      space: z.string().regex(/^~?[A-Za-z0-9_]+$/, 'a space key such as ENG'),
      'parent-page': confluencePage.optional(),
      title: findingsTitleSchema,
    }),
    target: (raw) => {
      const parent = raw['parent-page'];
      return {
        space: raw.space,
        title: raw.title,
        ...(parent ? { parentPage: confluencePageId(parent) ?? parent } : {}),
      };
    },
  },
  load: async () => (await import('./connection.js')).confluencePlatform,
  toPage: async () => (await import('./page.js')).toPage,
});
