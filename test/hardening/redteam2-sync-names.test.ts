import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Placeable, placePages } from '../../src/sync/paths.js';
import { type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';
import { N, notionWorkspace } from '../writeback/fixtures.js';

const SLOW_MS = 60_000;
// Deeper than any real handbook; each title makes a 60-character folder name.
const DEPTH = 90;
const LONG_TITLE = (i: number) => `Level ${i} ${'nested handbook section '.repeat(4)}`;

/** Every Markdown file under `dir`, relative to it. */
const mirrored = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.md'))
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)));

describe('sync of a page tree nested deeper than paths allow', () => {
  let emulator: NotionEmulator;
  beforeAll(async () => {
    const fixture = notionWorkspace();
    const template = fixture.pages.find((p) => p.id === N.reports);
    if (!template) throw new Error('the fixture has a Reports page');
    let parent: string = N.home;
    for (let i = 0; i < DEPTH; i++) {
      const id = `f0000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
      fixture.pages.push({ ...template, id, title: LONG_TITLE(i), parent: { type: 'page', id: parent } });
      parent = id;
    }
    emulator = await startNotionEmulator({ fixture });
    process.env[TOKEN_ENV] = emulator.token;
  });
  afterAll(async () => {
    delete process.env[TOKEN_ENV];
    await emulator.close();
  });

  it(
    'mirrors every page, in folders no deeper than a file system takes',
    async () => {
      const out = join(tempTree({}), 'mirror');
      const result = await runCli(['sync', '--config', notionConfigFile(emulator), '--out', out]);
      expect(result.stderr).not.toMatch(/Cannot write/);
      expect(result.code).toBe(0);
      const files = mirrored(out);
      for (let i = 0; i < DEPTH; i++) {
        const file = files.find((f) => readFileSync(join(out, f), 'utf8').includes(`title: "Level ${i} `));
        expect(file, `level ${i}`).toBeDefined();
      }
      // Linux refuses paths over 4,096 bytes; the mirror stays far below, wherever --out is.
      expect(Math.max(...files.map((f) => Buffer.byteLength(f)))).toBeLessThan(1_200);
    },
    SLOW_MS,
  );
});

describe('mirror names from hostile titles', () => {
  const page = (id: string, title: string, extra: Partial<Placeable> = {}): Placeable => ({
    key: `notion:${id}`,
    id,
    source: 'notion',
    title,
    path: title,
    ...extra,
  });

  it('are plain, distinct names on a case-insensitive file system, never a device or a way out', () => {
    const pages = [
      page('a1', '../../etc/passwd'),
      page('a2', '..'),
      page('a3', 'CON'),
      page('a4', 'aux.txt'),
      page('a5', 'Foo'),
      page('a6', 'foo'),
      page('a7', 'FOO'),
      page('a8', `${'x'.repeat(5000)}`),
      page('a9', 'C:\\Windows\\system32'),
      page('b1', 'Self', { parent: 'notion:b1' }), // its own parent
      page('b2', 'Loop A', { parent: 'notion:b3' }),
      page('b3', 'Loop B', { parent: 'notion:b2' }),
    ];
    const files = [
      ...placePages(pages, { fixed: new Map(), bySource: false, reserved: ['README.md'] }).values(),
    ];
    expect(files).toHaveLength(pages.length);
    expect(new Set(files.map((f) => f.toLowerCase())).size).toBe(files.length);
    for (const file of files) {
      expect(file.split('/').every((part) => /^[a-z0-9][a-z0-9-]*(\.md)?$/.test(part))).toBe(true);
      expect(Buffer.byteLength(file)).toBeLessThan(200);
      const base = (file.split('/').at(-1) ?? '').replace(/\.md$/, '');
      expect(['con', 'aux', 'prn', 'nul']).not.toContain(base);
    }
  });
});
