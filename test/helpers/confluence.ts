import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { stringify } from 'yaml';
import {
  type ConfluenceEmulator,
  type ConfluenceEmulatorOptions,
  startConfluenceEmulator,
} from '../emulators/confluence.js';
import { generateConfluenceSpace } from '../emulators/confluence-fixture.js';
import { tempTree } from './cli.js';

/** The environment variables the Confluence tests keep the emulator's credentials in. */
export const EMAIL_ENV = 'HL_TEST_CONFLUENCE_EMAIL';
export const TOKEN_ENV = 'HL_TEST_CONFLUENCE_TOKEN';
/** The emulator's default credentials. */
export const EMAIL = 'bot@example.com';
export const TOKEN = 'test-token';
/** The fixture site with its planted problems. */
export const CONFLUENCE_FIXTURE = fileURLToPath(
  new URL('../fixtures/confluence/space.json', import.meta.url),
);

/** Writes a config file that crawls the emulator (fast budget unless a test sets one) and returns its path. */
export function confluenceConfigFile(
  emulator: ConfluenceEmulator,
  confluence: Record<string, unknown> = {},
  top: Record<string, unknown> = {},
): string {
  const config = {
    sources: {
      confluence: {
        'site-url': emulator.url,
        'email-env': EMAIL_ENV,
        'token-env': TOKEN_ENV,
        'requests-per-second': 1000,
        concurrency: 8,
        ...confluence,
      },
    },
    ...top,
  };
  const dir = tempTree({ 'handbook-lint.yml': stringify(config) });
  return join(dir, 'handbook-lint.yml');
}

/**
 * Serves `fixture` on an emulator for the tests of the enclosing `describe`, the credentials in
 * the environment meanwhile; returns a getter, as the emulator starts only before the first test.
 */
export function confluenceEmulatorForSuite(
  fixture: () => ConfluenceEmulatorOptions['fixture'],
): () => ConfluenceEmulator {
  let emulator: ConfluenceEmulator | undefined;
  beforeAll(async () => {
    emulator = await startConfluenceEmulator({ fixture: fixture() });
    process.env[EMAIL_ENV] = EMAIL;
    process.env[TOKEN_ENV] = TOKEN;
  });
  afterAll(async () => {
    delete process.env[EMAIL_ENV];
    delete process.env[TOKEN_ENV];
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error('the emulator starts before the suite runs its tests');
    return emulator;
  };
}

/** A generated space on an emulator, with a config that writes a findings page and comments on every page. */
export interface CommentingWiki {
  emulator: ConfluenceEmulator;
  /** The config file's path. */
  file: string;
  pageIds: string[];
}

/**
 * A generated space of `pages` pages served for the tests of the enclosing `describe`, with a config
 * that writes the findings page under the space's home and comments with no cooldown, failing on
 * nothing; returns a getter, as the emulator starts only before the first test.
 */
export function commentingWikiForSuite(pages: number): () => CommentingWiki {
  let wiki: CommentingWiki | undefined;
  beforeAll(async () => {
    const fixture = generateConfluenceSpace(pages);
    const emulator = await startConfluenceEmulator({ fixture });
    process.env[EMAIL_ENV] = EMAIL;
    process.env[TOKEN_ENV] = TOKEN;
    const home = fixture.spaces[0]?.homepageId ?? '';
    const file = confluenceConfigFile(
      emulator,
      {},
      {
        'fail-on': 'never',
        writeback: {
          'findings-page': { confluence: { space: fixture.spaces[0]?.key, 'parent-page': home } },
          comments: { enabled: true, 'cooldown-hours': 0 },
        },
      },
    );
    wiki = { emulator, file, pageIds: fixture.pages.map((p) => p.id) };
  }, 60_000);
  afterAll(async () => {
    delete process.env[EMAIL_ENV];
    delete process.env[TOKEN_ENV];
    await wiki?.emulator.close();
  });
  return () => {
    if (!wiki) throw new Error('the emulator starts before the suite runs its tests');
    return wiki;
  };
}
