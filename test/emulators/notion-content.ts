import { createHash } from 'node:crypto';
import type { BlockObjectResponse, Client, ParagraphBlockObjectResponse } from '@notionhq/client';
import { normalizeNotionId, notionUrl } from './notion-fixture.js';
import { hex, idInUrl, inlineRichText, partialUser, richText } from './notion-rich-text.js';
import { id, type NotionPageState, type World } from './notion-world.js';

const escapeTag = (s: string) => s.replace(/[<>]/g, (c) => `\\${c}`);

/** Whether a body already holds the `<page>` tag of a child page (written back by a client, say). */
export function placesChildPage(markdown: string, childId: string): boolean {
  return new RegExp(`<page url="[^"]*${hex(childId)}"`).test(markdown);
}

/**
 * The page as GET /v1/pages/{id}/markdown renders it: the stored body, then one tag per child
 * page, database and unloadable block. Like the real output, blocks are separated by single newlines.
 */
export function renderPageMarkdown(
  ws: World,
  page: NotionPageState,
): { markdown: string; unknown: string[] } {
  const lines = page.markdown ? [page.markdown.replace(/\n+$/, '')] : [];
  const unknown: string[] = [];
  for (const child of ws.childPages(page.id)) {
    if (placesChildPage(page.markdown, child.id)) continue;
    const url = notionUrl(child.id, child.title);
    if (child.shared) {
      lines.push(`<page url="${url}">${escapeTag(child.title)}</page>`);
    } else {
      lines.push(`<unknown url="${url}" alt="child_page"/>`); // not shared: shown, but unreadable
      unknown.push(child.id);
    }
  }
  for (const db of ws.databases.values()) {
    if (db.parentPageId !== page.id) continue;
    lines.push(
      `<database url="${notionUrl(db.id, db.title)}" inline="false">${escapeTag(db.title)}</database>`,
    );
  }
  for (const block of page.unknownBlocks) {
    lines.push(`<unknown url="${notionUrl(page.id, page.title)}#${hex(block.id)}" alt="${block.alt}"/>`);
    if (block.reason === 'truncated') unknown.push(block.id);
  }
  return { markdown: lines.length ? `${lines.join('\n')}\n` : '', unknown };
}

// The SDK does not export this response type by name.
type PageMarkdownResponse = Awaited<ReturnType<Client['pages']['retrieveMarkdown']>>;

/** The page_markdown object: truncated exactly when some blocks could not be loaded. */
export function pageMarkdownShape(ws: World, page: NotionPageState): PageMarkdownResponse {
  const { markdown, unknown } = renderPageMarkdown(ws, page);
  return {
    object: 'page_markdown',
    id: page.id,
    markdown,
    truncated: unknown.length > 0,
    unknown_block_ids: unknown,
  };
}

type BlockBase = Omit<ParagraphBlockObjectResponse, 'type' | 'paragraph'>;

type LineRule = [RegExp, (m: RegExpExecArray, base: BlockBase, ws: World) => BlockObjectResponse];

const content = (ws: World, s = '') => ({ rich_text: inlineRichText(ws, s), color: 'default' as const });

const heading = (ws: World, s = '') => ({ ...content(ws, s), is_toggleable: false });

// One rule per line shape; the first match wins, anything else is a paragraph.
const LINE_RULES: LineRule[] = [
  [/^# (.*)$/, (m, base, ws) => ({ ...base, type: 'heading_1', heading_1: heading(ws, m[1]) })],
  [/^## (.*)$/, (m, base, ws) => ({ ...base, type: 'heading_2', heading_2: heading(ws, m[1]) })],
  [/^### (.*)$/, (m, base, ws) => ({ ...base, type: 'heading_3', heading_3: heading(ws, m[1]) })],
  [/^#### (.*)$/, (m, base, ws) => ({ ...base, type: 'heading_4', heading_4: heading(ws, m[1]) })],
  [
    /^- \[([ xX])\] (.*)$/,
    (m, base, ws) => ({ ...base, type: 'to_do', to_do: { ...content(ws, m[2]), checked: m[1] !== ' ' } }),
  ],
  [
    /^[-*] (.*)$/,
    (m, base, ws) => ({ ...base, type: 'bulleted_list_item', bulleted_list_item: content(ws, m[1]) }),
  ],
  [
    /^\d+\. (.*)$/,
    (m, base, ws) => ({ ...base, type: 'numbered_list_item', numbered_list_item: content(ws, m[1]) }),
  ],
  [/^> (.*)$/, (m, base, ws) => ({ ...base, type: 'quote', quote: content(ws, m[1]) })],
  [/^---$/, (_m, base) => ({ ...base, type: 'divider', divider: {} })],
  [
    /^<page url="([^"]+)"[^>]*>(.*)<\/page>$/,
    (m, base) => ({
      ...base,
      id: idInUrl(m[1] ?? '') ?? base.id,
      type: 'child_page',
      child_page: { title: m[2] ?? '' },
      has_children: true,
    }),
  ],
  [
    /^<database url="([^"]+)"[^>]*>(.*)<\/database>$/,
    (m, base) => ({
      ...base,
      id: idInUrl(m[1] ?? '') ?? base.id,
      type: 'child_database',
      child_database: { title: m[2] ?? '' },
    }),
  ],
  [
    /^<unknown url="([^"]+)" alt="([^"]*)"\/>$/,
    (m, base, ws) => unknownBlockShape(ws, base, idInUrl(m[1] ?? '') ?? base.id, m[2] ?? ''),
  ],
];

/**
 * A line-per-block reading of enhanced markdown, enough for GET /v1/blocks/{id}/children: text
 * blocks with mention rich text, child_page / child_database blocks, and the unloadable blocks.
 */
export function markdownToBlocks(
  ws: World,
  markdown: string,
  parentId: string,
  isPage: boolean,
  at: string,
): BlockObjectResponse[] {
  const parent = isPage
    ? { type: 'page_id' as const, page_id: parentId }
    : { type: 'block_id' as const, block_id: parentId };
  const bot = partialUser(id(ws.fixture.bot.id));
  const blocks: BlockObjectResponse[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = (lines[i] ?? '').replace(/^\t+/, '');
    if (!line.trim()) continue;
    const blockId = createHash('sha1').update(`${parentId}:${i}`).digest('hex').slice(0, 32);
    const base: BlockBase = {
      object: 'block',
      id: normalizeNotionId(blockId) as string,
      parent,
      created_time: at,
      last_edited_time: at,
      created_by: bot,
      last_edited_by: bot,
      has_children: false,
      in_trash: false,
      archived: false,
    };
    if (line.startsWith('```')) {
      const end = lines.findIndex((l, j) => j > i && l.startsWith('```'));
      const code = lines.slice(i + 1, end < 0 ? undefined : end).join('\n');
      blocks.push({
        ...base,
        type: 'code',
        code: { rich_text: richText(code), caption: [], language: 'plain text' },
      });
      i = end < 0 ? lines.length : end;
      continue;
    }
    let block: BlockObjectResponse | undefined;
    for (const [pattern, build] of LINE_RULES) {
      const m = pattern.exec(line);
      if (m) {
        block = build(m, base, ws);
        break;
      }
    }
    blocks.push(block ?? { ...base, type: 'paragraph', paragraph: { ...content(ws, line), icon: null } });
  }
  return blocks;
}

/** An unloadable block as the block API shows it: the child page, the truncated subtree, or the unsupported block. */
function unknownBlockShape(ws: World, base: BlockBase, blockId: string, alt: string): BlockObjectResponse {
  const child = ws.pages.get(blockId);
  if (child) {
    return {
      ...base,
      id: blockId,
      type: 'child_page',
      child_page: { title: child.title },
      has_children: true,
    };
  }
  const block = ws.unknownBlocks.get(blockId)?.block;
  if (block?.reason === 'truncated') {
    return {
      ...base,
      id: blockId,
      type: 'toggle',
      toggle: { rich_text: [], color: 'default' },
      has_children: true,
    };
  }
  const url = block?.url ?? 'https://example.com';
  if (alt === 'bookmark') return { ...base, id: blockId, type: 'bookmark', bookmark: { url, caption: [] } };
  if (alt === 'embed') return { ...base, id: blockId, type: 'embed', embed: { url, caption: [] } };
  return { ...base, id: blockId, type: 'unsupported', unsupported: { block_type: alt } };
}
