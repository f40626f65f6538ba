import { readFile } from 'node:fs/promises';
import { z } from 'zod';

const uuid = z
  .string()
  .regex(/^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i, 'a Notion id (UUID)');
const timestamp = z.iso.datetime();

// Property values are compact in the fixture; the emulator expands them to the API's full shapes.
const propertyValue = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('status'), name: z.string().nullable() }),
  z.strictObject({ type: z.literal('select'), name: z.string().nullable() }),
  z.strictObject({ type: z.literal('multi_select'), names: z.array(z.string()) }),
  z.strictObject({ type: z.literal('people'), ids: z.array(uuid) }),
  z.strictObject({
    type: z.literal('date'),
    start: z.string().nullable(),
    end: z.string().nullable().optional(),
  }),
  z.strictObject({ type: z.literal('rich_text'), text: z.string() }),
  z.strictObject({ type: z.literal('checkbox'), checked: z.boolean() }),
  z.strictObject({ type: z.literal('url'), url: z.string().nullable() }),
  z.strictObject({ type: z.literal('relation'), ids: z.array(uuid) }),
  z.strictObject({
    type: z.literal('verification'),
    state: z.enum(['verified', 'expired', 'unverified']),
    verifiedBy: uuid.optional(),
    start: z.string().optional(),
    end: z.string().nullable().optional(),
  }),
]);

const propertyType = z.enum([
  'status',
  'select',
  'multi_select',
  'people',
  'date',
  'rich_text',
  'checkbox',
  'url',
  'relation',
  'verification',
]);

const unknownBlock = z.strictObject({
  id: uuid,
  /** Block type shown in the tag's `alt`, e.g. "toggle" (truncated) or "bookmark" (unsupported). */
  alt: z.string(),
  /** truncated: listed in unknown_block_ids and fetchable; unsupported: only the tag appears. */
  reason: z.enum(['truncated', 'unsupported']),
  /** Content of a truncated subtree, served when its id is passed back to the markdown endpoint. */
  markdown: z.string().optional(),
  url: z.string().optional(),
});

const comment = z.strictObject({
  id: uuid,
  discussionId: uuid,
  createdBy: uuid,
  createdTime: timestamp,
  text: z.string(),
  /** The API lists only open discussions, so resolved ones must never come back. */
  resolved: z.boolean().optional(),
});

const page = z.strictObject({
  id: uuid,
  title: z.string(),
  parent: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('workspace') }),
    z.strictObject({ type: z.literal('page'), id: uuid }),
    z.strictObject({ type: z.literal('data_source'), id: uuid }),
  ]),
  createdTime: timestamp,
  lastEditedTime: timestamp,
  createdBy: uuid,
  lastEditedBy: uuid.optional(),
  icon: z.string().optional(),
  properties: z.record(z.string(), propertyValue).optional(),
  /** Page body in enhanced markdown, without the title and without child-page tags (rendered from parents). */
  markdown: z.string().optional(),
  /** false: not shared with the integration, so every endpoint answers 404 object_not_found. */
  shared: z.boolean().optional(),
  /** true: listed and retrievable, but content endpoints answer 403 restricted_resource. */
  restricted: z.boolean().optional(),
  inTrash: z.boolean().optional(),
  unknownBlocks: z.array(unknownBlock).optional(),
  comments: z.array(comment).optional(),
});

const database = z.strictObject({
  id: uuid,
  dataSourceId: uuid,
  title: z.string(),
  parentPageId: uuid,
  createdTime: timestamp,
  lastEditedTime: timestamp,
  createdBy: uuid,
  /** Name of the title property of the rows (e.g. "Name", "Decision"). */
  titleProperty: z.string(),
  schema: z.record(
    z.string(),
    z.strictObject({ type: propertyType, options: z.array(z.string()).optional() }),
  ),
});

const user = z.strictObject({
  id: uuid,
  name: z.string(),
  email: z.string().optional(),
  type: z.enum(['person', 'bot']).optional(),
});

/** Validates fixture files so a typo fails loudly with a path instead of serving odd shapes. */
export const notionFixtureSchema = z.strictObject({
  workspace: z.strictObject({ id: uuid, name: z.string() }),
  /** The integration itself: `GET /v1/users/me`, author of every write. */
  bot: z.strictObject({ id: uuid, name: z.string() }),
  users: z.array(user),
  databases: z.array(database),
  pages: z.array(page),
});

/** A fixture workspace: what the emulator serves, as a file or built in code. */
export type NotionFixture = z.infer<typeof notionFixtureSchema>;
/** One fixture page (or data-source row). */
export type NotionFixturePage = NotionFixture['pages'][number];
/** One fixture database with its single data source. */
export type NotionFixtureDatabase = NotionFixture['databases'][number];
/** A compact property value, expanded by the emulator into the API shape. */
export type NotionFixtureProperty = z.infer<typeof propertyValue>;
/** A block the markdown endpoint cannot render inline. */
export type NotionFixtureUnknownBlock = z.infer<typeof unknownBlock>;
/** A comment seeded on a page. */
export type NotionFixtureComment = z.infer<typeof comment>;

/** Parses and validates a fixture, with every problem listed by path. */
export function parseNotionFixture(data: unknown, source = 'fixture'): NotionFixture {
  const result = notionFixtureSchema.safeParse(data);
  if (!result.success) throw new Error(`Invalid Notion fixture ${source}:\n${z.prettifyError(result.error)}`);
  return result.data;
}

/** Reads a fixture JSON file (the form `npm run emulator -- notion --fixture FILE` takes). */
export async function loadNotionFixture(path: string): Promise<NotionFixture> {
  return parseNotionFixture(JSON.parse(await readFile(path, 'utf8')), path);
}

/** Dashed lowercase form, the one the API answers with; undefined when it is no Notion id. */
export function normalizeNotionId(id: string): string | undefined {
  const hex = id.replace(/-/g, '').toLowerCase();
  if (!/^[0-9a-f]{32}$/.test(hex)) return undefined;
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The notion.so URL of a page or database, shaped like the real ones ("Title-<32 hex>"). */
export function notionUrl(id: string, title = ''): string {
  const slug = title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '');
  const hex = id.replace(/-/g, '');
  return `https://www.notion.so/${slug ? `${slug}-` : ''}${hex}`;
}

// Deterministic PRNG so a seed always yields the same benchmark workspace.
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = [
  'billing',
  'search',
  'onboarding',
  'deploys',
  'hiring',
  'security',
  'pricing',
  'support',
  'data',
];
const KINDS = ['guide', 'runbook', 'policy', 'process', 'FAQ', 'overview', 'checklist', 'notes'];
const SECTIONS = ['Engineering', 'People', 'Product', 'Operations', 'Security', 'Finance', 'Design', 'Sales'];
const STATUSES = ['Proposed', 'Accepted', 'Rejected', 'Superseded', 'Deprecated'];
const GENERATED_NOW = Date.parse('2026-06-01T09:00:00.000Z');
const DAY_MS = 86_400_000;

/** A large, deterministic workspace for benchmarks and pagination tests (a root, sections, a decision log). */
export function generateNotionWorkspace(pageCount: number, seed = 1): NotionFixture {
  const rand = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const newId = (): string =>
    normalizeNotionId(
      Array.from({ length: 32 }, () => Math.floor(rand() * 16).toString(16)).join(''),
    ) as string;
  const daysAgo = (days: number): string =>
    new Date(Math.floor((GENERATED_NOW - days * DAY_MS) / 60_000) * 60_000).toISOString();

  const users = ['Maya Chen', 'Tomás Rivera', 'Priya Nair', 'Jonas Berg', 'Ada Okafor', 'Lea Novak'].map(
    (name) => ({
      id: newId(),
      name,
      email: `${name.split(' ')[0]?.toLowerCase()}@acme.example`,
    }),
  );
  const author = () => pick(users).id;
  const pages: NotionFixturePage[] = [];
  const mentionable: string[] = [];
  const parents: Array<{ id: string; depth: number }> = []; // pages shallow enough to take children
  const track = (page: NotionFixturePage, depth: number) => {
    mentionable.push(page.id);
    if (depth < 3) parents.push({ id: page.id, depth });
  };
  const addPage = (
    title: string,
    parent: NotionFixturePage['parent'],
    markdown: string,
    extra: Partial<NotionFixturePage> = {},
  ) => {
    const created = 200 + rand() * 600;
    const page: NotionFixturePage = {
      id: newId(),
      title,
      parent,
      createdTime: daysAgo(created),
      lastEditedTime: daysAgo(rand() * Math.min(created, 540)),
      createdBy: author(),
      markdown,
      ...extra,
    };
    pages.push(page);
    return page;
  };
  const mentions = () => {
    const count = Math.floor(rand() * 3);
    return Array.from({ length: count }, () => {
      const target = rand() < 0.01 ? newId() : pick(mentionable); // about 1% are broken mentions
      return `See <mention-page url="${notionUrl(target)}"/>.`;
    }).join(' ');
  };
  const body = (title: string) =>
    `## Why\n\n${title} explains how we handle it. ${mentions()}\n\n## How\n\n- Ask in the team channel first.\n- Write the outcome down.\n`;

  const root = addPage('Company Handbook', { type: 'workspace' }, 'Start here.\n');
  track(root, 0);
  for (const section of SECTIONS.slice(0, Math.max(0, Math.min(SECTIONS.length, pageCount - 1)))) {
    const page = addPage(section, { type: 'page', id: root.id }, `Everything about ${section}.\n`);
    track(page, 1);
  }
  const engineering = pages[1]?.id ?? root.id;
  const decisions: NotionFixtureDatabase = {
    id: newId(),
    dataSourceId: newId(),
    title: 'Decision log',
    parentPageId: engineering,
    createdTime: daysAgo(700),
    lastEditedTime: daysAgo(1),
    createdBy: author(),
    titleProperty: 'Decision',
    schema: {
      Status: { type: 'status', options: STATUSES },
      Owner: { type: 'people' },
      'Decided on': { type: 'date' },
    },
  };
  let adr = 0;
  while (pages.length < pageCount) {
    if (rand() < 0.2) {
      adr += 1;
      const title = `ADR-${String(adr).padStart(4, '0')}: ${pick(TOPICS)} change ${adr}`;
      addPage(title, { type: 'data_source', id: decisions.dataSourceId }, body(title), {
        properties: {
          Status: { type: 'status', name: rand() < 0.1 ? null : pick(STATUSES) },
          Owner: { type: 'people', ids: rand() < 0.15 ? [] : [author()] },
          'Decided on': { type: 'date', start: daysAgo(rand() * 600).slice(0, 10) },
        },
      });
      continue;
    }
    const parent = pick(parents);
    const title = `${pick(TOPICS)} ${pick(KINDS)} ${pages.length}`;
    const page = addPage(title, { type: 'page', id: parent.id }, body(title));
    track(page, parent.depth + 1);
  }
  return {
    workspace: { id: newId(), name: 'Acme (generated)' },
    bot: { id: newId(), name: 'Handbook Lint' },
    users,
    databases: pageCount > 1 ? [decisions] : [],
    pages,
  };
}
