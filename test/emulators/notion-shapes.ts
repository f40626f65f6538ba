import { createHash } from 'node:crypto';
import type {
  CommentObjectResponse,
  DatabaseObjectResponse,
  DataSourceObjectResponse,
  PageObjectResponse,
  UserObjectResponse,
} from '@notionhq/client';
import { type NotionFixtureDatabase, type NotionFixtureProperty, notionUrl } from './notion-fixture.js';
import { inlineRichText, partialUser, richText } from './notion-rich-text.js';
import { id, type NotionCommentState, type NotionPageState, notFound, type World } from './notion-world.js';

type PropertyValue = PageObjectResponse['properties'][string];

// Notion's option colours; a name always gets the same one so repeated reads agree.
const COLORS = [
  'default',
  'gray',
  'brown',
  'orange',
  'yellow',
  'green',
  'blue',
  'purple',
  'pink',
  'red',
] as const;

function stableId(seed: string, length = 4): string {
  return createHash('sha1').update(seed).digest('base64url').slice(0, length);
}

function colorOf(name: string): (typeof COLORS)[number] {
  const byte = createHash('sha1').update(name).digest()[0] ?? 0;
  return COLORS[byte % COLORS.length] ?? 'default';
}

function option(name: string) {
  return { id: stableId(`option:${name}`), name, color: colorOf(name) };
}

/** A user object; `full` adds the bot details `GET /v1/users/me` returns. */
export function userShape(ws: World, userId: string, full = false): UserObjectResponse {
  const bot = ws.fixture.bot;
  if (id(bot.id) === userId) {
    const info = {
      owner: { type: 'workspace' as const, workspace: true as const },
      workspace_id: id(ws.fixture.workspace.id),
      workspace_name: ws.fixture.workspace.name,
      workspace_limits: { max_file_upload_size_in_bytes: 5_368_709_120 },
    };
    return {
      object: 'user',
      id: userId,
      name: bot.name,
      avatar_url: null,
      type: 'bot',
      bot: full ? info : {},
    };
  }
  const user = ws.users.find((u) => u.id === userId);
  if (!user) throw notFound('user', userId);
  if (user.type === 'bot') {
    return { object: 'user', id: user.id, name: user.name, avatar_url: null, type: 'bot', bot: {} };
  }
  const person = user.email ? { email: user.email } : {};
  return { object: 'user', id: user.id, name: user.name, avatar_url: null, type: 'person', person };
}

function propertyShape(ws: World, name: string, value: NotionFixtureProperty): PropertyValue {
  const pid = stableId(`property:${name}`);
  switch (value.type) {
    case 'status':
      return { id: pid, type: 'status', status: value.name === null ? null : option(value.name) };
    case 'select':
      return { id: pid, type: 'select', select: value.name === null ? null : option(value.name) };
    case 'multi_select':
      return { id: pid, type: 'multi_select', multi_select: value.names.map(option) };
    case 'people':
      return { id: pid, type: 'people', people: value.ids.map((u) => safeUser(ws, id(u))) };
    case 'date':
      return {
        id: pid,
        type: 'date',
        date: value.start ? { start: value.start, end: value.end ?? null, time_zone: null } : null,
      };
    case 'rich_text':
      return { id: pid, type: 'rich_text', rich_text: richText(value.text) };
    case 'checkbox':
      return { id: pid, type: 'checkbox', checkbox: value.checked };
    case 'url':
      return { id: pid, type: 'url', url: value.url };
    case 'relation':
      return { id: pid, type: 'relation', relation: value.ids.map((r) => ({ id: id(r) })) };
    case 'verification':
      return {
        id: pid,
        type: 'verification',
        verification:
          value.state === 'unverified'
            ? { state: 'unverified', date: null, verified_by: null }
            : {
                state: value.state,
                date: value.start ? { start: value.start, end: value.end ?? null, time_zone: null } : null,
                verified_by: value.verifiedBy ? partialUser(id(value.verifiedBy)) : null,
              },
      };
  }
}

function safeUser(ws: World, userId: string) {
  try {
    return userShape(ws, userId);
  } catch {
    return partialUser(userId); // people property pointing at a user the workspace no longer lists
  }
}

const EMPTY_VALUES: Record<NotionFixtureDatabase['schema'][string]['type'], NotionFixtureProperty> = {
  status: { type: 'status', name: null },
  select: { type: 'select', name: null },
  multi_select: { type: 'multi_select', names: [] },
  people: { type: 'people', ids: [] },
  date: { type: 'date', start: null },
  rich_text: { type: 'rich_text', text: '' },
  checkbox: { type: 'checkbox', checked: false },
  url: { type: 'url', url: null },
  relation: { type: 'relation', ids: [] },
  verification: { type: 'verification', state: 'unverified' },
};

/** The full page object: title and, for data-source rows, every schema property. */
export function pageShape(ws: World, page: NotionPageState): PageObjectResponse {
  const ds = page.parent.type === 'data_source' ? ws.dataSources.get(page.parent.id) : undefined;
  const properties: Record<string, PropertyValue> = {
    [ds?.titleProperty ?? 'title']: { id: 'title', type: 'title', title: richText(page.title) },
  };
  for (const [name, spec] of Object.entries(ds?.schema ?? {})) {
    properties[name] = propertyShape(ws, name, page.properties[name] ?? EMPTY_VALUES[spec.type]);
  }
  const parent: PageObjectResponse['parent'] =
    page.parent.type === 'workspace'
      ? { type: 'workspace', workspace: true }
      : page.parent.type === 'page'
        ? { type: 'page_id', page_id: page.parent.id }
        : { type: 'data_source_id', data_source_id: page.parent.id, database_id: ds?.id ?? page.parent.id };
  return {
    object: 'page',
    id: page.id,
    created_time: page.createdTime,
    last_edited_time: page.lastEditedTime,
    created_by: partialUser(id(page.createdBy)),
    last_edited_by: partialUser(page.lastEditedBy),
    cover: null,
    icon: page.icon ? { type: 'emoji', emoji: page.icon } : null,
    parent,
    in_trash: page.inTrash,
    archived: page.inTrash,
    is_archived: false,
    is_locked: false,
    properties,
    url: notionUrl(page.id, page.title),
    public_url: null,
  };
}

/** The 2025-09-03 data source object with its property schema. */
export function dataSourceShape(db: NotionFixtureDatabase): DataSourceObjectResponse {
  const properties: DataSourceObjectResponse['properties'] = {
    [db.titleProperty]: { id: 'title', name: db.titleProperty, description: null, type: 'title', title: {} },
  };
  for (const [name, spec] of Object.entries(db.schema)) {
    const base = { id: stableId(`property:${name}`), name, description: null };
    const options = (spec.options ?? []).map((o) => ({ ...option(o), description: null }));
    // The config key is the type name; TypeScript cannot follow a computed key through the union.
    const config = spec.type === 'status' ? { options, groups: [] } : spec.options ? { options } : {};
    properties[name] = {
      ...base,
      type: spec.type,
      [spec.type]: config,
    } as DataSourceObjectResponse['properties'][string];
  }
  return {
    object: 'data_source',
    id: db.dataSourceId,
    title: richText(db.title),
    description: [],
    parent: { type: 'database_id', database_id: db.id },
    database_parent: { type: 'page_id', page_id: db.parentPageId },
    is_inline: false,
    in_trash: false,
    archived: false,
    created_time: db.createdTime,
    last_edited_time: db.lastEditedTime,
    created_by: partialUser(id(db.createdBy)),
    last_edited_by: partialUser(id(db.createdBy)),
    properties,
    icon: null,
    cover: null,
    url: notionUrl(db.dataSourceId, db.title),
    public_url: null,
  };
}

/** The database container that lists its data sources. */
export function databaseShape(db: NotionFixtureDatabase): DatabaseObjectResponse {
  return {
    object: 'database',
    id: db.id,
    title: richText(db.title),
    description: [],
    parent: { type: 'page_id', page_id: db.parentPageId },
    is_inline: false,
    in_trash: false,
    archived: false,
    is_locked: false,
    created_time: db.createdTime,
    last_edited_time: db.lastEditedTime,
    data_sources: [{ id: db.dataSourceId, name: db.title }],
    icon: null,
    cover: null,
    url: notionUrl(db.id, db.title),
    public_url: null,
  };
}

/** A comment object as list and create return it. */
export function commentShape(ws: World, c: NotionCommentState): CommentObjectResponse {
  return {
    object: 'comment',
    id: c.id,
    parent: { type: 'page_id', page_id: c.pageId },
    discussion_id: c.discussionId,
    created_time: c.createdTime,
    last_edited_time: c.createdTime,
    created_by: partialUser(c.createdBy),
    rich_text: inlineRichText(ws, c.text),
    display_name: { type: c.displayName.type, resolved_name: c.displayName.name },
  };
}
