import { z } from 'zod';
import { findingsTitleSchema } from '../../writeback/findings-title.js';
import { definePlatform } from '../platform.js';
import {
  confluencePageRef,
  confluenceSourceSchema,
  confluenceSpaceKey,
  toConfluenceConfig,
} from './config.js';
import { confluencePageId } from './urls.js';

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
      space: confluenceSpaceKey,
      'parent-page': confluencePageRef.optional(),
      title: findingsTitleSchema,
    }),
    target: (raw) => {
      const parent = raw['parent-page'];
      return {
        space: raw.space,
        title: raw.title,
        ...(parent !== undefined ? { parentPage: confluencePageId(String(parent)) ?? String(parent) } : {}),
      };
    },
  },
  load: async () => (await import('./connection.js')).confluencePlatform,
  toPage: async () => (await import('./page.js')).toPage,
});
