import { isFullBlock, isFullDataSource, isFullPage } from '@notionhq/client';
import { HandbookLintError } from '../../errors.js';
import { hasStatus, type NotionApi } from './api.js';
import {
  type ListedDataSource,
  type ListedPage,
  type ListingGaps,
  listedDataSource,
  listedPage,
  paginate,
} from './listing.js';
import { MAX_DEPTH } from './tree.js';
import { isNotionId } from './urls.js';

/** Blocks people put child pages in (columns, toggles, synced blocks, callouts): their children are walked too. */
const CONTAINERS = new Set([
  'column_list',
  'column',
  'toggle',
  'synced_block',
  'callout',
  'quote',
  'heading_1',
  'heading_2',
  'heading_3',
]);

/** One level of the walk: child pages and databases found under a page, and containers to open. */
interface Found {
  pages: string[];
  databases: string[];
  containers: string[];
}

/**
 * Walks down from the configured roots (child pages through block children, database rows through
 * data-source queries) and adds every page and data source search left out to `pages` and
 * `dataSources`: Notion's search does not promise to return everything. A page or database the
 * integration cannot open is left to the content fetch, which lists it unreadable. Returns why
 * parts of the tree could not be walked (each a reason to distrust the listing). A walk that reaches
 * MAX_DEPTH with pages still below tells `notice` where it stopped.
 */
export async function walkRoots(
  api: NotionApi,
  roots: readonly string[],
  pages: Map<string, ListedPage>,
  dataSources: Map<string, ListedDataSource>,
  gaps: ListingGaps,
  notice: (text: string) => void,
): Promise<string[]> {
  const problems: string[] = [];
  const failed = (what: string, error: unknown) => {
    if (error instanceof HandbookLintError) throw error;
    // Gone or not shared: the content fetch reports it as the listing always has.
    // Notion's own messages end in a period ("Insufficient permissions for this endpoint."), and the
    // problems are joined into sentences: one full stop, not two.
    if (!hasStatus(error, 404))
      problems.push(`Notion ${what} failed: ${api.reason(error).replace(/\.$/, '')}.`);
  };
  const retrievePage = async (id: string) => {
    if (pages.has(id)) return;
    try {
      const page = await api.read((client) => client.pages.retrieve({ page_id: id }));
      if (isFullPage(page) && !page.in_trash) pages.set(page.id, listedPage(page));
    } catch (error) {
      failed(`page ${id}`, error);
    }
  };
  const children = async (id: string, found: Found) => {
    try {
      const blocks = paginate(
        (cursor) =>
          api.read((client) =>
            client.blocks.children.list({
              block_id: id,
              page_size: 100,
              ...(cursor ? { start_cursor: cursor } : {}),
            }),
          ),
        gaps,
      );
      for await (const block of blocks) {
        if (!isFullBlock(block) || !isNotionId(block.id)) continue;
        if (block.type === 'child_page') found.pages.push(block.id);
        else if (block.type === 'child_database') found.databases.push(block.id);
        else if (block.has_children && CONTAINERS.has(block.type)) found.containers.push(block.id);
      }
    } catch (error) {
      failed(`listing of the blocks in ${id}`, error);
    }
  };
  const rows = async (database: string, found: Found) => {
    let sources = [...dataSources.values()].filter((s) => s.databaseId === database);
    try {
      if (!sources.length) {
        const db = await api.read((client) => client.databases.retrieve({ database_id: database }));
        const ids = 'data_sources' in db ? db.data_sources.map((s) => s.id).filter(isNotionId) : [];
        sources = [];
        for (const id of ids) {
          const source = await api.read((client) => client.dataSources.retrieve({ data_source_id: id }));
          if (!isFullDataSource(source)) continue;
          const listed = listedDataSource(source);
          dataSources.set(listed.id, listed);
          sources.push(listed);
        }
      }
      for (const source of sources) {
        const results = paginate(
          (cursor) =>
            api.read((client) =>
              client.dataSources.query({
                data_source_id: source.id,
                page_size: 100,
                ...(cursor ? { start_cursor: cursor } : {}),
              }),
            ),
          gaps,
        );
        for await (const row of results) {
          if (!isFullPage(row) || row.in_trash || !isNotionId(row.id)) continue;
          if (!pages.has(row.id)) pages.set(row.id, listedPage(row));
          found.pages.push(row.id);
        }
      }
    } catch (error) {
      failed(`listing of the rows of database ${database}`, error);
    }
  };

  await Promise.all(roots.map(retrievePage));
  const walked = new Set<string>();
  let level = roots.filter((id) => pages.has(id));
  for (let depth = 0; level.length && depth < MAX_DEPTH; depth++) {
    const found: Found = { pages: [], databases: [], containers: [] };
    const fresh = level.filter((id) => !walked.has(id));
    for (const id of fresh) walked.add(id);
    await Promise.all(fresh.map((id) => children(id, found)));
    await Promise.all([...new Set(found.pages)].map(retrievePage));
    await Promise.all([...new Set(found.databases)].map((id) => rows(id, found)));
    level = [...found.pages.filter((id) => pages.has(id)), ...found.containers];
  }
  const last = level.filter((id) => !walked.has(id));
  if (last.length) await stoppedAt(last, children, notice);
  return problems;
}

/**
 * Says where a walk stopped at MAX_DEPTH, if anything is below its last level: its blocks are listed
 * once more (no deeper), so a last level of pages without children says nothing.
 */
async function stoppedAt(
  last: readonly string[],
  children: (id: string, found: Found) => Promise<void>,
  notice: (text: string) => void,
): Promise<void> {
  const parents: string[] = [];
  await Promise.all(
    last.map(async (id) => {
      const found: Found = { pages: [], databases: [], containers: [] };
      await children(id, found);
      if (found.pages.length || found.databases.length || found.containers.length) parents.push(id);
    }),
  );
  if (!parents.length) return;
  parents.sort();
  const more = parents.length > 1 ? ` (and ${parents.length - 1} more)` : '';
  notice(
    `Notion: the walk under sources.notion.roots stopped ${MAX_DEPTH} levels down, at ${parents[0]}${more}: the pages below it were not crawled.`,
  );
}
