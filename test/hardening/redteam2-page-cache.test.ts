import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { run } from '../../src/run.js';
import {
  type CachedPage,
  emptyState,
  loadState,
  pageCachePath,
  STATE_SCHEMA_VERSION,
  type State,
  saveState,
  sourceState,
} from '../../src/state.js';
import { generateConfluenceSpace } from '../emulators/confluence-fixture.js';
import { tempTree } from '../helpers/cli.js';
import { confluenceConfigFile, confluenceEmulatorForSuite } from '../helpers/confluence.js';

// Text a line-based format could trip on: line breaks of every kind, a lone surrogate, an emoji, quotes.
const AWKWARD = 'a\nb\r\nc\rd\u2028e\u2029f \ud800 😀 "q" \\ <p>Ünï</p>';

function ledgerWith(pages: Record<string, Record<string, CachedPage>>): State {
  const state = emptyState();
  for (const [source, entries] of Object.entries(pages)) sourceState(state, source).pages = entries;
  return state;
}

const cacheLines = (path: string) => readFileSync(pageCachePath(path), 'utf8').split('\n');

describe('the page cache is one page a line', () => {
  let stderr: MockInstance;
  beforeEach(() => {
    stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => stderr.mockRestore());

  const pages = {
    confluence: {
      '1': { version: '3', markdown: AWKWARD },
      '2': { version: '1', markdown: '' },
      '3': { version: '9', markdown: 'three' },
    },
    notion: {
      n1: { version: '2026-05-01T10:00:00.000Z', markdown: 'Hi', headings: [{ id: 'h', text: AWKWARD }] },
    },
  };

  it('writes a header, then each page on a line of its own, and reads every page back as it was', async () => {
    const path = join(tempTree({}), 'state.json');
    const state = ledgerWith(pages);
    await saveState(path, state);
    const lines = cacheLines(path);
    expect(lines.at(-1)).toBe(''); // the last line ends too
    expect(lines).toHaveLength(1 + 4 + 1);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ schemaVersion: STATE_SCHEMA_VERSION });
    expect(JSON.parse(lines[1] ?? '')).toEqual({
      source: 'confluence',
      id: '1',
      page: pages.confluence['1'],
    });
    expect(JSON.parse(lines[4] ?? '')).toEqual({ source: 'notion', id: 'n1', page: pages.notion.n1 });
    expect(await loadState(path)).toEqual(state);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('a corrupt, half-written or malformed line costs only its page, with one warning naming the lines', async () => {
    const path = join(tempTree({}), 'state.json');
    await saveState(path, ledgerWith(pages));
    const lines = cacheLines(path);
    const damaged = [
      lines[0],
      (lines[1] ?? '').slice(0, 40), // cut inside the page's text
      '{"source":"confluence","id":"x","page":{"version":4,"markdown":"v"}}', // a version that is no string
      lines[3],
      'garbage',
      (lines[4] ?? '').slice(0, -3), // the last line, written half: no newline after it
    ].join('\n');
    writeFileSync(pageCachePath(path), damaged);
    const loaded = await loadState(path);
    expect(loaded.sources.confluence?.pages).toEqual({ '3': pages.confluence['3'] });
    expect(loaded.sources.notion?.pages).toEqual({});
    expect(stderr).toHaveBeenCalledTimes(1);
    expect(String(stderr.mock.calls[0]?.[0])).toBe(
      `handbook-lint: the page cache ${pageCachePath(path)} has 4 unreadable lines (2, 3, 5, 6): this run fetches those pages' content again.\n`,
    );
  });

  it('a lost header costs nothing: the pages carry their versions', async () => {
    const path = join(tempTree({}), 'state.json');
    await saveState(path, ledgerWith(pages));
    const lines = cacheLines(path);
    writeFileSync(pageCachePath(path), ['{"schemaVe', ...lines.slice(1)].join('\n'));
    expect((await loadState(path)).sources).toEqual(ledgerWith(pages).sources);
  });

  it('still reads the cache an earlier version wrote as one JSON object', async () => {
    const path = join(tempTree({}), 'state.json');
    await saveState(path, ledgerWith(pages));
    writeFileSync(
      pageCachePath(path),
      `${JSON.stringify({ schemaVersion: STATE_SCHEMA_VERSION, sources: pages })}\n`,
    );
    expect((await loadState(path)).sources).toEqual(ledgerWith(pages).sources);
    expect(stderr).not.toHaveBeenCalled();
  });
});

describe('a crawl over a page cache with a corrupt line', () => {
  const emulator = confluenceEmulatorForSuite(() => generateConfluenceSpace(40, 5));

  it('fetches that page again, and finds exactly what a crawl without the cache finds', async () => {
    const dir = tempTree({});
    const state = join(dir, 'state.json');
    const config = await loadConfig(
      confluenceConfigFile(emulator(), {}, { 'fail-on': 'never', state: { path: state } }),
    );
    const now = new Date('2026-06-01T00:00:00Z');
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const first = await run(config, { now });
      const lines = cacheLines(state);
      const victim = JSON.parse(lines[7] ?? '') as { id: string };
      lines[7] = (lines[7] ?? '').slice(0, 30);
      writeFileSync(pageCachePath(state), lines.join('\n'));
      const before = emulator().log.length;
      const second = await run(config, { now });
      const bodies = emulator()
        .log.slice(before)
        .filter((e) => e.path === '/wiki/api/v2/pages' && e.query.id !== undefined);
      expect(bodies.flatMap((e) => [e.query.id].flat())).toEqual([victim.id]);
      expect(second.findings.map((f) => f.fingerprint)).toEqual(first.findings.map((f) => f.fingerprint));
      expect(spy.mock.calls.map(([text]) => String(text)).join('')).toContain('1 unreadable line (8)');
    } finally {
      spy.mockRestore();
    }
  }, 60_000);
});
