import { HandbookLintError } from '../../errors.js';
import { notionBlockAnchor } from '../../normalize/anchors.js';
import { matchHeadingBlocks } from '../../report/location.js';
import type { SourceState } from '../../state.js';
import { type Connection, crawlOptions, type Platform } from '../platform.js';
import { NotionApi, notionToken } from './api.js';
import { NotionComments } from './comments.js';
import type { NotionSourceConfig } from './config.js';
import { crawlNotion } from './crawl.js';
import { headingBlockReader } from './heading-blocks.js';
import { NotionFindingsPage } from './writeback.js';

type Target = { parentPage: string; title: string };

/**
 * A Notion workspace for one run: one client, made on first use, for the crawl, the heading reads
 * after it and the write-back, so all of them share one request budget and one 429 pause.
 */
function connect(settings: NotionSourceConfig | undefined): Connection<Target> {
  if (!settings) throw new HandbookLintError('CONFIG_INVALID', 'Notion write-back needs `sources.notion`.');
  let api: NotionApi | undefined;
  let cache: SourceState | undefined;
  const client = () => (api ??= new NotionApi(settings, notionToken(settings)));
  let headings: ReturnType<typeof headingBlockReader> | undefined;
  return {
    crawl: async (run) => {
      cache = run.cache;
      // Filled as the crawl goes: the run reads them once the pages are read.
      const notices: string[] = [];
      const onNotice = (notice: string) => notices.push(notice);
      return {
        pages: crawlNotion({ ...settings, ...crawlOptions(run), api: client(), onNotice }, run.cache),
        notices,
      };
    },
    findingsPage: (target) => new NotionFindingsPage(client(), target),
    comments: () => new NotionComments(client()),
    headingAnchors: async (page) => {
      headings ??= headingBlockReader(client(), cache);
      const ids = matchHeadingBlocks(page.headings, await headings(page.id));
      return ids.map((id) => (id ? notionBlockAnchor(id) : undefined));
    },
  };
}

export const notionPlatform: Platform<NotionSourceConfig, Target> = { connect };
