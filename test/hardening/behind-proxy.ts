import { afterAll, beforeAll, vi } from 'vitest';
import type { Config } from '../../src/model/config.js';
import type { Page } from '../../src/model/page.js';
import { run } from '../../src/run.js';
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
} from '../helpers/confluence.js';
import { TOKEN_ENV as NOTION_TOKEN_ENV } from '../helpers/notion.js';
import { type FaultProxy, startFaultProxy } from './fault-proxy.js';

/** An emulator and the fault proxy in front of it, started before a describe block's tests. */
export interface BehindProxy<E> {
  emulator: E;
  proxy: FaultProxy;
}

/**
 * Registers the hooks of a describe block that talks to an emulator through the fault proxy: start
 * both, put the credentials in the environment, and undo it all after the block.
 */
function behindProxy<E extends { close(): Promise<void> }>(
  start: () => Promise<E>,
  url: (emulator: E) => string,
  credentials: (emulator: E) => Record<string, string>,
): BehindProxy<E> {
  const env = {} as BehindProxy<E>;
  let names: string[] = [];
  beforeAll(async () => {
    env.emulator = await start();
    env.proxy = await startFaultProxy(url(env.emulator));
    const values = credentials(env.emulator);
    names = Object.keys(values);
    Object.assign(process.env, values);
  });
  afterAll(async () => {
    for (const name of names) delete process.env[name];
    await env.proxy.close();
    await env.emulator.close();
  });
  return env;
}

export function notionBehindProxy(options: NotionEmulatorOptions): BehindProxy<NotionEmulator> {
  return behindProxy(
    () => startNotionEmulator(options),
    (e) => e.url,
    (e) => ({ [NOTION_TOKEN_ENV]: e.token }),
  );
}

export function confluenceBehindProxy(options: ConfluenceEmulatorOptions): BehindProxy<ConfluenceEmulator> {
  return behindProxy(
    () => startConfluenceEmulator(options),
    (e) => e.url,
    () => ({ [EMAIL_ENV]: EMAIL, [CONFLUENCE_TOKEN_ENV]: CONFLUENCE_TOKEN }),
  );
}

/** Runs a config on 2026-06-01 (the ledger in it, nothing failing the run), keeping the pages it linted and what it wrote to standard error. */
export async function runCollecting(config: Config): Promise<{ pages: Page[]; stderr: string }> {
  const pages: Page[] = [];
  let stderr = '';
  const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    await run(config, { now: new Date('2026-06-01T00:00:00Z'), onPage: (p) => pages.push(p) });
  } finally {
    spy.mockRestore();
  }
  return { pages, stderr };
}
