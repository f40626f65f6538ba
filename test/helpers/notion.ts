import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { stringify } from 'yaml';
import { type NotionEmulator, type NotionEmulatorOptions, startNotionEmulator } from '../emulators/notion.js';
import { tempTree } from './cli.js';

/** The environment variable the Notion tests keep the emulator's token in. */
export const TOKEN_ENV = 'HL_TEST_NOTION_TOKEN';
/** The fixture workspace with its planted problems. */
export const NOTION_FIXTURE = fileURLToPath(new URL('../fixtures/notion/workspace.json', import.meta.url));
/** Test rules pinned for the planted problems, so changes to the default pack's settings do not move these tests. */
export const NOTION_RULES = fileURLToPath(new URL('../fixtures/notion/rules', import.meta.url));

/** Writes a config file that crawls the emulator (fast budget unless a test sets one) and returns its path. */
export function notionConfigFile(
  emulator: NotionEmulator,
  notion: Record<string, unknown> = {},
  top: Record<string, unknown> = {},
): string {
  const config = {
    sources: {
      notion: {
        'token-env': TOKEN_ENV,
        'base-url': emulator.url,
        'requests-per-second': 1000,
        concurrency: 8,
        ...notion,
      },
    },
    'rule-folders': [NOTION_RULES],
    ...top,
  };
  const dir = tempTree({ 'handbook-lint.yml': stringify(config) });
  return join(dir, 'handbook-lint.yml');
}

/**
 * Serves `fixture` on an emulator for the tests of the enclosing `describe`, its token in the
 * environment meanwhile; returns a getter, as the emulator starts only before the first test.
 */
export function notionEmulatorForSuite(
  fixture: () => NotionEmulatorOptions['fixture'],
): () => NotionEmulator {
  let emulator: NotionEmulator | undefined;
  beforeAll(async () => {
    emulator = await startNotionEmulator({ fixture: fixture() });
    process.env[TOKEN_ENV] = emulator.token;
  });
  afterAll(async () => {
    delete process.env[TOKEN_ENV];
    await emulator?.close();
  });
  return () => {
    if (!emulator) throw new Error('the emulator starts before the suite runs its tests');
    return emulator;
  };
}
