import { isAscii } from 'node:buffer';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  emptyState,
  loadState,
  STATE_SCHEMA_VERSION,
  saveState,
  serializeAhead,
  sourceState,
} from '../src/state.js';
import { tempTree } from './helpers/cli.js';

describe('state ledger', () => {
  it('starts empty when there is no file, and round-trips through an atomic save', async () => {
    const dir = tempTree({});
    const path = join(dir, '.handbook-lint', 'state.json');
    const state = await loadState(path);
    expect(state).toEqual(emptyState());
    sourceState(state, 'notion').pages.p1 = { version: '2026-05-01T10:00:00.000Z', markdown: 'Hello\n' };
    await saveState(path, state);
    expect(await loadState(path)).toEqual({
      ...emptyState(),
      schemaVersion: STATE_SCHEMA_VERSION,
      sources: { notion: { pages: { p1: { version: '2026-05-01T10:00:00.000Z', markdown: 'Hello\n' } } } },
    });
    expect(readdirSync(join(dir, '.handbook-lint'))).toEqual(['state.json']); // no temp file left behind
  });

  it('saves pages serialized ahead exactly as the others, beside the whole ledger', async () => {
    const path = join(tempTree({}), 'state.json');
    const state = emptyState();
    const ahead = serializeAhead({ version: '7', markdown: '<p>Ünïcode "quoted" \\ 東京</p>\n' });
    sourceState(state, 'confluence').pages = { '98305': ahead, '98309': { version: '2', markdown: '' } };
    sourceState(state, 'notion');
    state.findings.f1 = {
      ruleId: 'stale-page',
      severity: 'warning',
      message: 'Last reviewed 400 days ago',
      page: {
        key: 'confluence:98305',
        title: 'Accueil — été 😀',
        url: 'https://x.test/wiki/1',
        path: 'Home',
      },
      firstSeen: '2026-11-01T00:00:00.000Z',
      lastSeen: '2026-12-01T00:00:00.000Z',
    };
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
    await saveState(path, state);
    const text = readFileSync(path, 'utf8');
    expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(state)));
    expect(text.endsWith('}\n')).toBe(true);
    // Every non-ASCII character is escaped, so the next run reads the file without decoding UTF-8.
    expect(isAscii(readFileSync(path))).toBe(true);
    expect(text).toContain('\\u00e9t\\u00e9 \\ud83d\\ude00');
    expect(await loadState(path)).toEqual(state);
    // A ledger written with raw UTF-8, as earlier versions did, still reads.
    writeFileSync(path, `${JSON.stringify(state)}\n`);
    expect(await loadState(path)).toEqual(state);
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
    writeFileSync(join(dir, 'state.json'), '[]');
    await expect(loadState(join(dir, 'state.json'))).rejects.toThrow(/is not a JSON object/);
    writeFileSync(join(dir, 'state.json'), '{"sources": {}}');
    await expect(loadState(join(dir, 'state.json'))).rejects.toThrow(/no valid schemaVersion/);
    writeFileSync(
      join(dir, 'state.json'),
      '{"schemaVersion": 2, "sources": {}, "findings": [], "writeback": {}, "runs": []}',
    );
    await expect(loadState(join(dir, 'state.json'))).rejects.toThrow(
      /malformed findings, write-back or runs/,
    );
  });

  it('refuses a file from a newer version and leaves it untouched', async () => {
    const text = '{"schemaVersion": 3, "sources": {}, "history": []}';
    const dir = tempTree({ 'state.json': text });
    await expect(loadState(join(dir, 'state.json'))).rejects.toMatchObject({
      code: 'STATE_INVALID',
      message: expect.stringContaining('newer handbook-lint (schema 3; this one reads 2)'),
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
