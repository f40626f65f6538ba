import { readFileSync } from 'node:fs';
import { z } from 'zod';

const numericId = z.string().regex(/^\d+$/, 'Confluence ids are strings of digits');
const timestamp = z.iso.datetime();
// Storage XHTML is unreadable as one JSON string, so a fixture may give it as lines.
const storage = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v.join('\n') : v));

const userSchema = z.strictObject({
  accountId: z.string().min(1),
  displayName: z.string().min(1),
  email: z.string().default(''),
  timeZone: z.string().nullable().default(null),
});

const versionSchema = z.strictObject({
  number: z.int().min(1),
  createdAt: timestamp,
  authorId: z.string(),
  message: z.string().default(''),
  minorEdit: z.boolean().default(false),
});

const spaceSchema = z.strictObject({
  id: numericId,
  key: z.string().regex(/^[A-Z0-9~]+$/),
  name: z.string(),
  homepageId: numericId,
  authorId: z.string(),
  createdAt: timestamp,
  type: z.string().default('global'),
});

const pageSchema = z.strictObject({
  id: numericId,
  title: z.string().min(1),
  spaceId: numericId,
  parentId: numericId.nullable(),
  status: z.enum(['current', 'archived', 'trashed']).default('current'),
  position: z.int().default(0),
  createdAt: timestamp,
  authorId: z.string(),
  ownerId: z.string().nullable(),
  version: versionSchema,
  labels: z.array(z.string()).default([]),
  body: storage,
  /** Single-page endpoints answer this status, and listings leave the page out, as for a restricted page. */
  deny: z.union([z.literal(403), z.literal(404)]).optional(),
  /** Where copied storage came from (license attribution). */
  source: z.string().optional(),
  /** What the page plants for the linter, for people reading the fixture. */
  plants: z.array(z.string()).optional(),
});

/** A Cloud folder: it holds pages in the tree but is no page (no body, not in page listings). */
const folderSchema = z.strictObject({
  id: numericId,
  title: z.string().min(1),
  spaceId: numericId,
  parentId: numericId.nullable(),
  createdAt: timestamp.default('2024-01-01T00:00:00.000Z'),
  authorId: z.string().default(''),
});

const commentSchema = z.strictObject({
  id: numericId,
  pageId: numericId,
  parentCommentId: numericId.optional(),
  authorId: z.string(),
  body: storage,
  version: versionSchema,
});

const fixtureSchema = z.strictObject({
  $comment: z.string().optional(),
  users: z.array(userSchema),
  spaces: z.array(spaceSchema).min(1),
  pages: z.array(pageSchema),
  comments: z.array(commentSchema).default([]),
  folders: z.array(folderSchema).default([]),
});

/** A Confluence site as fixture data: what the emulator serves and what tests assert against. */
export type ConfluenceFixture = z.output<typeof fixtureSchema>;
/** The fixture as written by hand (defaults omitted, bodies possibly as lines). */
export type ConfluenceFixtureInput = z.input<typeof fixtureSchema>;
/** One page of a fixture; the emulator mutates copies of these. */
export type ConfluencePage = ConfluenceFixture['pages'][number];
/** One footer comment of a fixture. */
export type ConfluenceComment = ConfluenceFixture['comments'][number];
/** One space of a fixture. */
export type ConfluenceSpace = ConfluenceFixture['spaces'][number];
/** One user, resolvable through users-bulk. */
export type ConfluenceUser = ConfluenceFixture['users'][number];
/** One folder of a fixture. */
export type ConfluenceFolder = ConfluenceFixture['folders'][number];
/** One page version stamp. */
export type ConfluenceVersion = ConfluencePage['version'];

/** Parses and cross-checks a fixture (object or JSON file path) so a typo fails loudly, not as a puzzling 404. */
export function loadConfluenceFixture(source: ConfluenceFixtureInput | string): ConfluenceFixture {
  const raw: unknown = typeof source === 'string' ? JSON.parse(readFileSync(source, 'utf8')) : source;
  const fixture = fixtureSchema.parse(raw);
  const spaces = new Set(fixture.spaces.map((s) => s.id));
  const pages = new Set<string>();
  for (const page of fixture.pages) {
    if (pages.has(page.id)) throw new Error(`confluence fixture: duplicate page id ${page.id}`);
    if (!spaces.has(page.spaceId)) throw new Error(`confluence fixture: page ${page.id} is in unknown space`);
    pages.add(page.id);
  }
  const folders = new Set(fixture.folders.map((f) => f.id));
  for (const item of [...fixture.pages, ...fixture.folders]) {
    if (item.parentId !== null && !pages.has(item.parentId) && !folders.has(item.parentId)) {
      throw new Error(`confluence fixture: ${item.id} has unknown parent ${item.parentId}`);
    }
  }
  for (const space of fixture.spaces) {
    if (!pages.has(space.homepageId))
      throw new Error(`confluence fixture: space ${space.key} has no homepage`);
  }
  return fixture;
}

/** Deterministic PRNG (mulberry32): the benchmark wiki must be identical on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TOPICS = ['Runbook', 'Policy', 'Decision', 'Meeting notes', 'Guide', 'Onboarding', 'Retro', 'RFC'];
const NAMES = ['Ana Souza', 'Björn Lindqvist', 'Chidi Okafor', 'Dana Kim', 'Émile Laurent', 'Fatima Zahra'];
const DAY_MS = 86_400_000;
const STALE_BEFORE = Date.parse('2025-06-01T00:00:00.000Z');

/** A one-space wiki of `pageCount` pages in real storage format, for the crawl benchmark (same seed, same wiki). */
const CREATED_FROM = Date.parse('2023-01-02T00:00:00.000Z');

export function generateConfluenceSpace(pageCount: number, seed = 1): ConfluenceFixture {
  const rand = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
  const users = NAMES.map((displayName, i) => ({
    accountId: `557058:bench-${String(i).padStart(4, '0')}`,
    displayName,
    email: '',
    timeZone: 'UTC',
  }));
  const firstId = 2_000_001;
  const titles: string[] = [];
  const pages: ConfluencePage[] = [];
  for (let i = 0; i < pageCount; i++) {
    const topic = i === 0 ? 'Home' : pick(TOPICS);
    const title =
      i === 0
        ? 'Benchmark Home'
        : `${topic} ${i}: ${pick(['billing', 'deploys', 'hiring', 'support', 'security'])}`;
    titles.push(title);
    const author = pick(users).accountId;
    // Most pages were edited recently; a fifth are stale, like a real wiki.
    const edited =
      Date.parse('2026-10-01T00:00:00.000Z') - Math.floor(rand() * (rand() < 0.2 ? 900 : 200)) * DAY_MS;
    const links = Array.from({ length: i === 0 ? 0 : 3 }, () =>
      // One link in forty points at a page that does not exist.
      rand() < 0.025 ? `Missing page ${i}` : (titles[Math.floor(rand() * i)] ?? 'Benchmark Home'),
    );
    const labels = topic === 'Decision' ? ['decision'] : topic === 'Meeting notes' ? ['meeting-notes'] : [];
    pages.push({
      id: String(firstId + i),
      title,
      spaceId: '2000000',
      // Shallow, bushy trees as in real handbooks: parents are drawn from the first pages.
      parentId: i === 0 ? null : String(firstId + Math.floor(rand() ** 2 * i)),
      status: 'current',
      position: i,
      // Confluence hands out ids as pages are created, so creation order is id order.
      createdAt: new Date(CREATED_FROM + i * 60_000).toISOString(),
      authorId: author,
      ownerId: rand() < 0.9 ? author : null,
      version: {
        number: 1 + Math.floor(rand() * 12),
        createdAt: new Date(edited).toISOString(),
        authorId: pick(users).accountId,
        message: '',
        minorEdit: false,
      },
      labels,
      body: benchBody(title, links, pick(users).accountId, edited < STALE_BEFORE ? 'Grey' : 'Green', rand),
    });
  }
  return {
    users,
    spaces: [
      {
        id: '2000000',
        key: 'BENCH',
        name: 'Benchmark',
        homepageId: String(firstId),
        authorId: users[0]?.accountId ?? '',
        createdAt: '2024-01-02T09:00:00.000Z',
        type: 'global',
      },
    ],
    pages,
    comments: [],
    folders: [],
  };
}

function benchBody(
  title: string,
  links: string[],
  owner: string,
  colour: string,
  rand: () => number,
): string {
  const escaped = title.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const linkList = links
    .map(
      (t) =>
        `<li><ac:link><ri:page ri:content-title="${t.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}" /></ac:link></li>`,
    )
    .join('');
  const task =
    rand() < 0.7
      ? `<ac:task-list><ac:task><ac:task-id>1</ac:task-id><ac:task-status>incomplete</ac:task-status><ac:task-body>Review ${escaped} <ac:link><ri:user ri:account-id="${owner}" /></ac:link> <time datetime="2026-12-01" /></ac:task-body></ac:task></ac:task-list>`
      : '';
  return [
    '<ac:structured-macro ac:name="details" ac:schema-version="1"><ac:rich-text-body><table><tbody>',
    `<tr><th>Owner</th><td><ac:link><ri:user ri:account-id="${owner}" /></ac:link></td></tr>`,
    `<tr><th>Status</th><td><ac:structured-macro ac:name="status" ac:schema-version="1"><ac:parameter ac:name="title">${colour === 'Green' ? 'Active' : 'Outdated'}</ac:parameter><ac:parameter ac:name="colour">${colour}</ac:parameter></ac:structured-macro></td></tr>`,
    '</tbody></table></ac:rich-text-body></ac:structured-macro>',
    `<h2>Context</h2><p>${escaped} explains how the team works &amp; why. Ünïcode stays intact: 東京, São Paulo.</p>`,
    `<h2>Related</h2><ul>${linkList}</ul>`,
    task,
    '<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">bash</ac:parameter><ac:plain-text-body><![CDATA[make deploy && echo "<done>"]]></ac:plain-text-body></ac:structured-macro>',
  ].join('\n');
}
