import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import {
  emptyState,
  loadState,
  pageCachePath,
  STATE_SCHEMA_VERSION,
  type State,
  saveState,
  sourceState,
} from '../src/state.js';
import { tempTree } from './helpers/cli.js';

const PAGE = { version: '2026-05-01T10:00:00.000Z', markdown: 'Hello\n' };

/** A ledger with something in every section, and page text that is not ASCII. */
function fullState(): State {
  const state = emptyState();
  sourceState(state, 'confluence').pages = {
    '98305': { version: '7', markdown: '<p>Ünïcode "quoted" \\ 東京</p>\n' },
    '98309': { version: '2', markdown: '' },
  };
  Object.assign(sourceState(state, 'confluence'), { identity: 'Confluence https://x.test', listed: 2 });
  sourceState(state, 'notion').pages.p1 = { ...PAGE, headings: [{ id: 'h1', text: 'Été' }] };
  state.findings.f1 = {
    ruleId: 'stale-page',
    severity: 'warning',
    message: 'Last reviewed 400 days ago',
    page: { key: 'confluence:98305', title: 'Accueil — été 😀', url: 'https://x.test/wiki/1', path: 'Home' },
    firstSeen: '2026-11-01T00:00:00.000Z',
    lastSeen: '2026-12-01T00:00:00.000Z',
  };
  state.writeback.pages.notion = { id: 'r1', url: 'https://x.test/r1', hash: 'abc' };
  state.runs.push({
    at: '2026-12-01T00:00:00.000Z',
    pages: 2,
    findings: 1,
    errors: 0,
    warnings: 1,
    new: 1,
    fixed: 0,
    metrics: {},
  });
  return state;
}

/** The ledger as schema 2 wrote it: one file, the page cache inside. */
const schema2 = (state: State) => `${JSON.stringify({ ...state, schemaVersion: 2 })}\n`;

describe('state ledger', () => {
  let stderr: MockInstance;
  beforeEach(() => {
    stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => stderr.mockRestore());

  it('starts empty when there is no file, and round-trips through an atomic save of two files', async () => {
    const dir = tempTree({});
    const path = join(dir, '.handbook-lint', 'state.json');
    const state = await loadState(path);
    expect(state).toEqual(emptyState());
    sourceState(state, 'notion').pages.p1 = PAGE;
    await saveState(path, state);
    expect(await loadState(path)).toEqual({
      ...emptyState(),
      schemaVersion: STATE_SCHEMA_VERSION,
      sources: { notion: { pages: { p1: PAGE } } },
    });
    // The cache beside the ledger, and no temporary file left behind.
    expect(readdirSync(join(dir, '.handbook-lint')).sort()).toEqual(['state.cache.json', 'state.json']);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('writes the ledger as plain JSON without page content, and the page cache as its own JSON file', async () => {
    const path = join(tempTree({}), 'state.json');
    const state = fullState();
    await saveState(path, state);
    const ledger = readFileSync(path, 'utf8');
    const { pages: _c, ...confluence } = state.sources.confluence ?? { pages: {} };
    expect(ledger).toBe(`${JSON.stringify({ ...state, sources: { confluence, notion: {} } }, null, 2)}\n`);
    expect(ledger).toContain('"title": "Accueil — été 😀"'); // UTF-8 as written, no \u escapes
    expect(ledger).not.toContain('Ünïcode');
    expect(pageCachePath(path)).toBe(path.replace(/state\.json$/, 'state.cache.json'));
    // JSON Lines: a header, then one page a line (redteam2-page-cache.test.ts holds the format).
    const lines = readFileSync(pageCachePath(path), 'utf8')
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines[0]).toMatchObject({ schemaVersion: STATE_SCHEMA_VERSION });
    expect(lines.slice(1)).toEqual([
      ...Object.entries(state.sources.confluence?.pages ?? {}).map(([id, page]) => ({
        source: 'confluence',
        id,
        page,
      })),
      ...Object.entries(state.sources.notion?.pages ?? {}).map(([id, page]) => ({
        source: 'notion',
        id,
        page,
      })),
    ]);
    expect(await loadState(path)).toEqual(state);
  });

  it('names the cache after the ledger, whatever the ledger is called', () => {
    expect(pageCachePath('/x/ledger.JSON')).toBe('/x/ledger.cache.json');
    expect(pageCachePath('/x/ledger')).toBe('/x/ledger.cache.json');
  });

  it('writes no cache file for a ledger without wiki sources', async () => {
    const dir = tempTree({});
    await saveState(join(dir, 'state.json'), { ...fullState(), sources: {} });
    expect(readdirSync(dir)).toEqual(['state.json']);
    expect((await loadState(join(dir, 'state.json'))).findings.f1?.ruleId).toBe('stale-page');
    expect(stderr).not.toHaveBeenCalled();
  });

  it('migrates a schema 2 ledger: reads the cache from inside it, and writes both files on the next save', async () => {
    const state = fullState();
    const dir = tempTree({ 'state.json': schema2(state) });
    const path = join(dir, 'state.json');
    const loaded = await loadState(path);
    expect(loaded).toEqual(state);
    await saveState(path, loaded);
    expect(JSON.parse(readFileSync(path, 'utf8'))).toMatchObject({
      schemaVersion: STATE_SCHEMA_VERSION,
      sources: { confluence: { identity: 'Confluence https://x.test', listed: 2 }, notion: {} },
    });
    expect(readFileSync(path, 'utf8')).not.toContain('"pages": {\n      "98305"');
    const cached = readFileSync(pageCachePath(path), 'utf8').trimEnd().split('\n').slice(1);
    expect(
      cached
        .map((line) => JSON.parse(line))
        .filter((l) => l.source === 'confluence')
        .map((l) => l.id),
    ).toEqual(['98305', '98309']);
    expect(await loadState(path)).toEqual(state);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('takes the pages of a schema 2 ledger over a cache file left beside it', async () => {
    const state = fullState();
    const dir = tempTree({
      'state.json': schema2(state),
      'state.cache.json': JSON.stringify({ schemaVersion: STATE_SCHEMA_VERSION, sources: { notion: {} } }),
    });
    expect(await loadState(join(dir, 'state.json'))).toEqual(state);
  });

  it.each([
    ['missing', undefined, 'is missing'],
    ['of another schema', '{"schemaVersion": 2, "sources": {}}', 'is not a page cache of schema 3'],
    [
      'malformed',
      '{"schemaVersion": 3, "sources": {"notion": {"p1": {"version": 1}}}}',
      'has a malformed entry for source "notion"',
    ],
  ])(
    // A cache with lines that do not parse: redteam2-page-cache.test.ts.
    'a page cache that is %s costs a full crawl, says so, and is replaced on the next save',
    async (_, text, why) => {
      const path = join(tempTree({}), 'state.json');
      const state = fullState();
      await saveState(path, state);
      const cache = pageCachePath(path);
      if (text === undefined) rmSync(cache);
      else writeFileSync(cache, text);
      const loaded = await loadState(path);
      // Everything but the page content is the ledger's.
      expect(loaded).toEqual({
        ...state,
        sources: {
          confluence: { ...state.sources.confluence, pages: {} },
          notion: { pages: {} },
        },
      });
      expect(stderr).toHaveBeenCalledWith(
        `handbook-lint: the page cache ${cache} ${why}: this run fetches every page's content again.\n`,
      );
      await saveState(path, state);
      expect(await loadState(path)).toEqual(state);
    },
  );

  it('starts over without the cache when the ledger is gone', async () => {
    const path = join(tempTree({}), 'state.json');
    await saveState(path, fullState());
    rmSync(path);
    expect(await loadState(path)).toEqual(emptyState());
  });

  it('refuses a corrupt file instead of silently starting over', async () => {
    const dir = tempTree({ 'state.json': '{"schemaVersion": 1, "sources": {' });
    await expect(loadState(join(dir, 'state.json'))).rejects.toMatchObject({
      code: 'STATE_INVALID',
      message: expect.stringMatching(/state\.json is not valid JSON/),
    });
    writeFileSync(
      join(dir, 'state.json'),
      '{"schemaVersion": 1, "sources": {"notion": {"pages": {"x": {"version": 3}}}}}',
    );
    await expect(loadState(join(dir, 'state.json'))).rejects.toThrow(/malformed entry for source "notion"/);
    writeFileSync(
      join(dir, 'state.json'),
      '{"schemaVersion": 3, "sources": {"notion": []}, "findings": {}, "writeback": {"pages": {}, "comments": {}}, "runs": []}',
    );
    await expect(loadState(join(dir, 'state.json'))).rejects.toThrow(/malformed entry for source "notion"/);
    writeFileSync(join(dir, 'state.json'), '[]');
    await expect(loadState(join(dir, 'state.json'))).rejects.toThrow(/is not a JSON object/);
    writeFileSync(join(dir, 'state.json'), '{"sources": {}}');
    await expect(loadState(join(dir, 'state.json'))).rejects.toThrow(/no valid schemaVersion/);
    for (const version of [2, 3]) {
      writeFileSync(
        join(dir, 'state.json'),
        `{"schemaVersion": ${version}, "sources": {}, "findings": [], "writeback": {}, "runs": []}`,
      );
      await expect(loadState(join(dir, 'state.json'))).rejects.toThrow(
        /malformed findings, write-back or runs/,
      );
    }
  });

  it('refuses a file from a newer version and leaves it untouched', async () => {
    const text = '{"schemaVersion": 4, "sources": {}, "history": []}';
    const dir = tempTree({ 'state.json': text });
    await expect(loadState(join(dir, 'state.json'))).rejects.toMatchObject({
      code: 'STATE_INVALID',
      message: expect.stringContaining('newer handbook-lint (schema 4; this one reads 3)'),
    });
    expect(readFileSync(join(dir, 'state.json'), 'utf8')).toBe(text);
  });

  it('upgrades a schema 1 file (page cache only) to a ledger with no history', async () => {
    const dir = tempTree({ 'state.json': '{"schemaVersion": 1, "sources": {"notion": {"pages": {}}}}' });
    expect(await loadState(join(dir, 'state.json'))).toEqual({
      ...emptyState(),
      sources: { notion: { pages: {} } },
    });
  });

  it('reports an unwritable location as an output error', async () => {
    const dir = tempTree({ 'file.txt': 'not a folder' });
    await expect(saveState(join(dir, 'file.txt', 'state.json'), emptyState())).rejects.toMatchObject({
      code: 'OUTPUT_FAILED',
    });
    expect(existsSync(join(dir, 'file.txt'))).toBe(true);
  });
});
