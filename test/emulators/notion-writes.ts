import { randomUUID } from 'node:crypto';
import { pageMarkdownShape, placesChildPage } from './notion-content.js';
import type { NotionFixtureDatabase, NotionFixturePage } from './notion-fixture.js';
import {
  checkMarkdownSize,
  editedMarkdown,
  parseRequestProperties,
  requestBlocksToMarkdown,
  richTextRequestToMarkdown,
} from './notion-requests.js';
import { commentShape, pageShape } from './notion-shapes.js';
import {
  type Body,
  type Ctx,
  id,
  type NotionCommentState,
  notFound,
  pathId,
  validation,
} from './notion-world.js';

const IN_TRASH_MESSAGE = "Can't edit block that is archived. You must unarchive the block before editing.";

/** POST /v1/comments: a new page discussion (`parent`) or a reply in one (`discussion_id`). */
export function createComment({ ws, body }: Ctx) {
  const parent = body.parent as { page_id?: string; block_id?: string } | undefined;
  let pageId: string;
  let discussionId: string;
  if (typeof body.discussion_id === 'string') {
    discussionId = pathId(body.discussion_id, 'discussion_id');
    const thread = ws.comments.find((c) => c.discussionId === discussionId);
    if (!thread) throw notFound('discussion', discussionId);
    pageId = ws.content(thread.pageId, 'insertComments').id;
  } else if (parent?.page_id || parent?.block_id) {
    pageId = ws.content(String(parent.page_id ?? parent.block_id), 'insertComments').id;
    discussionId = randomUUID();
  } else {
    throw validation('body failed validation: body.parent or body.discussion_id should be defined.');
  }
  if ((body.rich_text === undefined) === (body.markdown === undefined)) {
    throw validation(
      'body failed validation: exactly one of body.rich_text and body.markdown should be defined.',
    );
  }
  const content =
    typeof body.markdown === 'string'
      ? body.markdown
      : richTextRequestToMarkdown(body.rich_text, 'body.rich_text');
  const custom = (body.display_name as { type?: string; custom?: { name?: string } } | undefined)?.custom
    ?.name;
  const comment: NotionCommentState = {
    id: randomUUID(),
    discussionId,
    pageId,
    createdBy: id(ws.fixture.bot.id),
    createdTime: ws.now(),
    text: content,
    displayName: custom
      ? { type: 'custom', name: custom }
      : { type: 'integration', name: ws.fixture.bot.name },
    resolved: false,
  };
  ws.comments.push(comment);
  return commentShape(ws, comment);
}

/** POST /v1/pages: under a page, a data source (a database row) or the workspace; markdown or children. */
export function createPage({ ws, body }: Ctx) {
  ws.require('insertContent');
  const parent = body.parent as
    | { page_id?: string; data_source_id?: string; database_id?: string; workspace?: boolean }
    | undefined;
  let pageParent: NotionFixturePage['parent'];
  let ds: NotionFixtureDatabase | undefined;
  if (parent?.page_id) {
    const target = ws.content(parent.page_id, 'insertContent');
    if (target.inTrash) throw validation(IN_TRASH_MESSAGE);
    pageParent = { type: 'page', id: target.id };
  } else if (parent?.data_source_id || parent?.database_id) {
    ds = parent.data_source_id
      ? ws.dataSource(parent.data_source_id)
      : ws.databases.get(pathId(String(parent.database_id), 'database_id'));
    if (!ds) throw notFound('database', String(parent.database_id));
    pageParent = { type: 'data_source', id: ds.dataSourceId };
  } else if (parent?.workspace === true) {
    pageParent = { type: 'workspace' };
  } else {
    throw validation('body failed validation: body.parent should be defined.');
  }
  if (body.markdown !== undefined && (body.children !== undefined || body.content !== undefined)) {
    throw validation(
      'body failed validation: body.markdown cannot be combined with body.children or body.content.',
    );
  }
  const { title, properties } = parseRequestProperties(ds, body.properties);
  let pageTitle = title;
  let markdown: string;
  if (typeof body.markdown === 'string') {
    markdown = body.markdown;
    const h1 = /^# (.*)\n?/m.exec(markdown); // without a title property, the first h1 becomes the title
    if (pageTitle === undefined && h1) {
      pageTitle = h1[1];
      markdown = markdown.replace(h1[0], '');
    }
  } else {
    const children = body.children ?? body.content;
    markdown = children === undefined ? '' : requestBlocksToMarkdown(children, 'body.children');
  }
  checkMarkdownSize(markdown, typeof body.markdown === 'string' ? 'body.markdown' : 'body.children');
  const now = ws.now();
  const emoji = (body.icon as { emoji?: string } | undefined)?.emoji;
  const page = ws.addPage({
    id: randomUUID(),
    title: pageTitle ?? '',
    parent: pageParent,
    createdTime: now,
    lastEditedTime: now,
    createdBy: id(ws.fixture.bot.id),
    properties,
    markdown,
    ...(emoji ? { icon: emoji } : {}),
  });
  return pageShape(ws, page);
}

/** PATCH /v1/pages/{id}: properties, icon, trash/restore and erase_content. */
export function updatePage({ ws, params, body }: Ctx) {
  const page = ws.content(params[0] ?? '', 'updateContent');
  const trash = body.in_trash ?? body.archived;
  if (page.inTrash && trash !== false) throw validation(IN_TRASH_MESSAGE);
  const ds = page.parent.type === 'data_source' ? ws.dataSources.get(page.parent.id) : undefined;
  const { title, properties } = parseRequestProperties(ds, body.properties);
  if (title !== undefined) page.title = title;
  Object.assign(page.properties, properties);
  if (typeof trash === 'boolean') page.inTrash = trash;
  if (body.erase_content === true) ws.eraseContent(page);
  if (body.icon !== undefined) page.icon = (body.icon as { emoji?: string } | null)?.emoji;
  ws.touch(page);
  return pageShape(ws, page);
}

/** PATCH /v1/pages/{id}/markdown: the four edit commands, refusing to drop child pages unless allowed. */
export function updateMarkdown({ ws, params, body }: Ctx) {
  const page = ws.content(params[0] ?? '', 'updateContent');
  if (page.inTrash) throw validation(IN_TRASH_MESSAGE);
  const type = String(body.type);
  const command = (body[type] ?? {}) as Body;
  const next = editedMarkdown(page.markdown, type, command);
  checkMarkdownSize(next, `body.${type}`);
  if (type === 'replace_content') {
    // Child pages are part of the rendered content, so replacing it all would delete them.
    const dropped = ws.childPages(page.id).filter((c) => !placesChildPage(next, c.id));
    if (dropped.length && command.allow_deleting_content !== true) {
      throw validation(
        `The operation would delete ${dropped.length} child page(s) (${dropped.map((c) => c.title).join(', ')}). Set allow_deleting_content to true to allow this.`,
      );
    }
    for (const child of dropped) child.inTrash = true;
  }
  page.markdown = next;
  ws.touch(page);
  return pageMarkdownShape(ws, page);
}
