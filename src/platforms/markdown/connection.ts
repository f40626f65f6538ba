import { HandbookLintError } from '../../errors.js';
import type { Platform } from '../platform.js';
import type { MarkdownSourceConfig } from './config.js';
import { MarkdownFileWriter } from './findings-file.js';
import { markdownCrawl } from './folder.js';

/** A Markdown folder: read from disk, its findings page a file. */
export const markdownPlatform: Platform<MarkdownSourceConfig, { path: string }> = {
  connect: (settings) => ({
    crawl: async () => {
      if (!settings)
        throw new HandbookLintError('USAGE', 'No Markdown folder configured (`sources.markdown.root`).');
      return markdownCrawl(settings);
    },
    findingsPage: (target) => new MarkdownFileWriter(target.path),
  }),
};
