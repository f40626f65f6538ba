import { afterEach } from 'vitest';
import {
  type ConfluenceEmulator,
  type ConfluenceEmulatorOptions,
  startConfluenceEmulator,
} from '../emulators/confluence.js';
import { type NotionEmulator, type NotionEmulatorOptions, startNotionEmulator } from '../emulators/notion.js';
import {
  TOKEN as CONFLUENCE_TOKEN,
  TOKEN_ENV as CONFLUENCE_TOKEN_ENV,
  EMAIL,
  EMAIL_ENV,
} from './confluence.js';
import { TOKEN_ENV as NOTION_TOKEN_ENV } from './notion.js';

/**
 * Starts emulators inside a test, each with its credentials in the environment, and closes them and
 * clears the credentials after each test of the enclosing `describe`: for tests that each need their
 * own fixture.
 */
export function emulatorsPerTest(): {
  notion: (fixture: NotionEmulatorOptions['fixture']) => Promise<NotionEmulator>;
  confluence: (fixture: ConfluenceEmulatorOptions['fixture']) => Promise<ConfluenceEmulator>;
} {
  const open: { close: () => Promise<void> }[] = [];
  afterEach(async () => {
    for (const name of [EMAIL_ENV, CONFLUENCE_TOKEN_ENV, NOTION_TOKEN_ENV]) delete process.env[name];
    await Promise.all(open.splice(0).map((emulator) => emulator.close()));
  });
  return {
    notion: async (fixture) => {
      const emulator = await startNotionEmulator({ fixture });
      open.push(emulator);
      process.env[NOTION_TOKEN_ENV] = emulator.token;
      return emulator;
    },
    confluence: async (fixture) => {
      const emulator = await startConfluenceEmulator({ fixture });
      open.push(emulator);
      process.env[EMAIL_ENV] = EMAIL;
      process.env[CONFLUENCE_TOKEN_ENV] = CONFLUENCE_TOKEN;
      return emulator;
    },
  };
}
