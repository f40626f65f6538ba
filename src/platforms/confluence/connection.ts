import { HandbookLintError } from '../../errors.js';
import { confluenceAnchor } from '../../normalize/anchors.js';
import { type Connection, crawlOptions, type Platform } from '../platform.js';
import { ConfluenceApi } from './api.js';
import { ConfluenceComments } from './comments.js';
import type { ConfluenceSourceConfig } from './config.js';
import { crawlConfluence } from './crawl.js';
import { confluenceCredentials } from './credentials.js';
import { ConfluenceFindingsPage } from './findings-page.js';

type Target = { space: string; parentPage?: string; title: string };

/** Confluence for one run: one client, made on first use, for the crawl and the write-back (one budget, one 429 pause). */
function connect(settings: ConfluenceSourceConfig | undefined): Connection<Target> {
  if (!settings)
    throw new HandbookLintError('CONFIG_INVALID', 'Confluence write-back needs `sources.confluence`.');
  let api: ConfluenceApi | undefined;
  const client = () => (api ??= new ConfluenceApi(settings, confluenceCredentials(settings)));
  return {
    crawl: async (run) => crawlConfluence({ ...settings, ...crawlOptions(run), api: client() }, run.cache),
    findingsPage: (target) => new ConfluenceFindingsPage(client(), { siteUrl: settings.siteUrl, ...target }),
    comments: () => new ConfluenceComments(client()),
    // Confluence Cloud anchors a heading by its text.
    headingAnchors: async (page) => page.headings.map((heading) => confluenceAnchor(heading.text)),
  };
}

export const confluencePlatform: Platform<ConfluenceSourceConfig, Target> = { connect };
