import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MANIFEST_FILE } from '../../src/sync/mirror.js';
import { type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { NOTION_FIXTURE, notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';

// The ledger, its page cache and the sync manifest as someone who can write to the cache folder
// (or the mirror's repository) would shape them: prototype keys, huge arrays, deep nesting.
const FINDING = {
  ruleId: 'broken-link',
  severity: 'error',
  message: 'Broken link missing.md',
  page: { key: 'markdown:a.md', title: 'A', url: 'a.md', path: 'a.md' },
  firstSeen: '2026-05-01T00:00:00.000Z',
  lastSeen: '2026-05-01T00:00:00.000Z',
};
const AT = '2026-05-01T00:00:00.000Z';
const deep = (levels: number) => `${'{"a":'.repeat(levels)}1${'}'.repeat(levels)}`;
const ledgerText = (parts: {
  sources?: string;
  findings?: string;
  writeback?: string;
  runs?: string;
  extra?: string;
}) =>
  `{${parts.extra ?? ''}"schemaVersion":3,"sources":${parts.sources ?? '{}'},"findings":${parts.findings ?? '{}'},"writeback":${parts.writeback ?? '{"pages":{},"comments":{}}'},"runs":${parts.runs ?? '[]'}}`;
const CACHE_HEADER = '{"schemaVersion":3,"pageCache":"one page a line"}';

/** Names Object.prototype would carry if a file's key reached it. */
const POLLUTION = ['polluted', 'pages', 'version', 'markdown'];
const pollution = () => POLLUTION.filter((name) => name in {});

/** A Markdown handbook with a ledger (its findings page is a file), the ledger and cache written as given. */
async function runWith(ledger: string, cache?: string) {
  const dir = tempTree({
    'handbook/a.md': '# A\n\nSee [x](missing.md).\n',
    'handbook-lint.yml':
      'sources:\n  markdown:\n    root: handbook\nstate:\n  history: true\nfail-on: never\nwriteback:\n  findings-page:\n    markdown:\n      path: findings.md\n',
  });
  const state = join(dir, '.handbook-lint', 'state.json');
  mkdirSync(join(dir, '.handbook-lint'));
  writeFileSync(state, ledger);
  if (cache !== undefined) writeFileSync(join(dir, '.handbook-lint', 'state.cache.json'), cache);
  const run = await runCli(['run', '--config', join(dir, 'handbook-lint.yml'), '--format', 'json']);
  return { ...run, state, cache: join(dir, '.handbook-lint', 'state.cache.json') };
}

describe('a ledger shaped by an attacker', () => {
  it.each([
    ["in a run's metrics", ledgerText({ runs: `[{"at":"${AT}","metrics":${deep(100_000)}}]` })],
    ['in a source entry', ledgerText({ sources: `{"notion":{"pages":{},"x":${deep(100_000)}}}` })],
    [
      'in a finding',
      ledgerText({ findings: `{"f":${JSON.stringify(FINDING).replace(/}$/, `,"x":${deep(100_000)}}`)}}` }),
    ],
  ])(
    'nested 100,000 deep %s stops the run (exit 2) and is left as it was',
    async (_, text) => {
      const run = await runWith(text);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('nests deeper than 32 levels');
      expect(run.stderr).not.toMatch(/internal error/);
      expect(readFileSync(run.state, 'utf8')).toBe(text);
    },
    60_000,
  );

  it('prototype keys in every section stay plain entries: the run goes on and saves a sound ledger (held)', async () => {
    const text = ledgerText({
      extra: '"__proto__":{"schemaVersion":9},"constructor":1,',
      sources: '{"__proto__":{"pages":{}},"constructor":{"pages":{}}}',
      findings: `{"__proto__":${JSON.stringify(FINDING)},"constructor":${JSON.stringify(FINDING)},"hasOwnProperty":${JSON.stringify(FINDING)}}`,
      writeback:
        '{"pages":{"__proto__":{"id":"x"},"constructor":{"id":"y"}},"comments":{"__proto__":{"id":"c","fingerprints":[]},"constructor":{"id":"c","fingerprints":["f"]}}}',
    });
    const run = await runWith(text);
    expect(run.code).toBe(0);
    expect(pollution()).toEqual([]);
    const saved = JSON.parse(readFileSync(run.state, 'utf8')) as {
      findings: Record<string, { ruleId: string }>;
    };
    expect(
      Object.values(saved.findings)
        .map((f) => f.ruleId)
        .sort(),
    ).toEqual(['broken-link', 'page-owner']);
  }, 60_000);

  it('a million runs: read, and the ledger saved with its usual history (held)', async () => {
    const runs = `[${Array(1_000_000).fill(`{"at":"${AT}","metrics":{}}`).join(',')}]`;
    const run = await runWith(ledgerText({ runs }));
    expect(run.code).toBe(0);
    const saved = JSON.parse(readFileSync(run.state, 'utf8')) as { runs: unknown[] };
    expect(saved.runs.length).toBeLessThan(1000);
  }, 120_000);
});

describe('a page cache shaped by an attacker', () => {
  it('a line naming source or page `__proto__` reaches no prototype; a field nested deep is dropped, not the run', async () => {
    const page = (extra = '') => `{"version":"1","markdown":"x"${extra}}`;
    const cache = [
      CACHE_HEADER,
      `{"source":"__proto__","id":"polluted","page":${page()}}`,
      `{"source":"notion","id":"__proto__","page":${page()}}`,
      `{"source":"notion","id":"p1","page":${page(`,"x":${deep(100_000)}`)}}`,
      `{"source":"notion","id":"p2","page":${page(`,"headings":[${deep(100_000)}]`)}}`,
      `{"source":"notion","id":"p3","page":${page(',"headings":[{"id":"h","text":"H"}]')}}`,
      '',
    ].join('\n');
    const run = await runWith(ledgerText({ sources: '{"notion":{}}' }), cache);
    expect(pollution()).toEqual([]);
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    const lines = readFileSync(run.cache, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      { source: 'notion', id: '__proto__', page: { version: '1', markdown: 'x' } },
      { source: 'notion', id: 'p1', page: { version: '1', markdown: 'x' } },
      { source: 'notion', id: 'p2', page: { version: '1', markdown: 'x' } },
      {
        source: 'notion',
        id: 'p3',
        page: { version: '1', markdown: 'x', headings: [{ id: 'h', text: 'H' }] },
      },
    ]);
  }, 60_000);
});

describe('a sync manifest shaped by an attacker (held)', () => {
  const SECRET = 'the contents of a file outside the mirror';
  let emulator: NotionEmulator;
  let config: string;
  beforeAll(async () => {
    emulator = await startNotionEmulator({ fixture: NOTION_FIXTURE });
    process.env[TOKEN_ENV] = emulator.token;
    config = notionConfigFile(emulator);
  });
  afterAll(async () => {
    delete process.env[TOKEN_ENV];
    await emulator.close();
  });

  const outside = '{"file":"../victim.md","hash":"x"}';
  it.each([
    [
      'prototype keys naming files outside',
      `{"schemaVersion":1,"pages":{"__proto__":${outside},"constructor":${outside},"toString":${outside}},"files":{"__proto__":"x","constructor":"x"}}`,
    ],
    [
      'a million entries in a list',
      `{"schemaVersion":1,"pages":[${Array(1_000_000).fill(outside).join(',')}],"files":{}}`,
    ],
    ['an entry nested 100,000 deep', `{"schemaVersion":1,"pages":{"notion:x":${deep(100_000)}},"files":{}}`],
    ['a manifest nested 100,000 deep', `${'['.repeat(100_000)}${']'.repeat(100_000)}`],
  ])(
    '%s: the sync ends as usual, touches nothing outside, writes a clean manifest',
    async (_, text) => {
      const parent = tempTree({ 'victim.md': SECRET });
      const out = join(parent, 'mirror');
      expect((await runCli(['sync', '--config', config, '--out', out])).code).toBe(3); // pages it cannot read
      writeFileSync(join(out, MANIFEST_FILE), text);
      const again = await runCli(['sync', '--config', config, '--out', out]);
      expect(again.code).toBe(3);
      expect(again.stderr).not.toMatch(/internal error/);
      expect(readFileSync(join(parent, 'victim.md'), 'utf8')).toBe(SECRET);
      expect(pollution()).toEqual([]);
      const manifest = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')) as {
        pages: Record<string, { file: string }>;
      };
      expect(Object.values(manifest.pages).filter((p) => p.file.includes('..'))).toEqual([]);
      expect(Object.keys(manifest.pages).filter((k) => !k.startsWith('notion:'))).toEqual([]);
    },
    120_000,
  );
});
