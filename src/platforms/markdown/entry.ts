import { z } from 'zod';
import { definePlatform } from '../platform.js';
import { markdownSourceSchema, toMarkdownConfig } from './config.js';

/** A folder of Markdown files (a git repository's handbook); its findings page is a file. */
export const markdown = definePlatform({
  id: 'markdown',
  wiki: false,
  source: { schema: markdownSourceSchema, settings: toMarkdownConfig },
  findingsPage: {
    /** A file the Markdown report is written to (relative to the config file). */
    schema: z.strictObject({ path: z.string().min(1) }),
    target: (raw, resolvePath) => ({ path: resolvePath(raw.path) }),
  },
  load: async () => (await import('./connection.js')).markdownPlatform,
  toPage: async () => (await import('./folder.js')).toPage,
});
