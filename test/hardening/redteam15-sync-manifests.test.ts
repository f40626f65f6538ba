import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyMirror, MANIFEST_FILE, type MirrorEntry, readManifest } from '../../src/sync/mirror.js';
import { tempTree } from '../helpers/cli.js';

// Fifteenth round. Hostile manifests for `sync` (the manifest is committed with the mirror: anyone who can push
// there writes it), checked against the promises already written (nothing outside `--out`; a bad entry ignored
// with a warning; an unreadable manifest deletes nothing):
// - 100,000 entries, each a sound path, most naming no file: read and applied at once, only the files it names
//   that exist are deleted, the warnings stay few. *(held)*
// - an id written twice with different paths (JSON keeps the last): only the last path counts, the first is not
//   deleted; two ids naming one path the sync still wants: kept. *(held)*
// - a YAML alias bomb: the manifest is JSON, so it is no manifest (ignored, nothing deleted). *(held)*
// - an entry naming a folder (`notes.md/`, a folder a person made in the mirror): the sync failed on it
//   (`unlink` of a folder, exit 2) on every run, the manifest never rewritten. It is now ignored with a warning.

const ENTRIES: MirrorEntry[] = [{ key: 'notion:a', file: 'a.md', content: '# A\n' }];

async function syncWith(out: string, manifest: string, entries: MirrorEntry[] = ENTRIES) {
  writeFileSync(join(out, MANIFEST_FILE), manifest);
  const warnings: string[] = [];
  const previous = await readManifest(out, (line) => warnings.push(line));
  const changes = await applyMirror(out, entries, previous, false, (line) => warnings.push(line));
  const written = JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8')) as {
    pages: Record<string, { file: string }>;
    files: Record<string, string>;
  };
  return { warnings, changes, written };
}

describe('hostile sync manifests', () => {
  it('100,000 entries: read and applied, the files it names that exist deleted, few warnings (held)', {
    timeout: 120_000,
  }, async () => {
    const parent = tempTree({
      'victim.md': 'not ours',
      'mirror/old/p7.md': 'ours',
      'mirror/old/p99999.md': 'ours',
    });
    const out = join(parent, 'mirror');
    const pages = Object.fromEntries(
      Array.from({ length: 100_000 }, (_, i) => [`notion:k${i}`, { file: `old/p${i}.md`, hash: 'x' }]),
    );
    const { warnings, changes, written } = await syncWith(
      out,
      JSON.stringify({ schemaVersion: 1, pages, files: {} }),
    );
    expect(changes.deleted).toEqual(['old/p7.md', 'old/p99999.md'].sort());
    expect(existsSync(join(out, 'old'))).toBe(false);
    expect(readFileSync(join(parent, 'victim.md'), 'utf8')).toBe('not ours');
    expect(warnings).toEqual([]);
    expect(Object.keys(written.pages)).toEqual(['notion:a']);
    expect(written.files).toEqual({});
  });

  it('an id written twice with different paths: the last counts, the first is left; two ids on a wanted path keep it (held)', async () => {
    const out = join(
      tempTree({ 'mirror/first.md': '1', 'mirror/second.md': '2', 'mirror/shared.md': 'S' }),
      'mirror',
    );
    const text = `{"schemaVersion":1,"pages":{"notion:a":{"file":"first.md","hash":"x"},"notion:a":{"file":"second.md","hash":"x"},"notion:b":{"file":"shared.md","hash":"x"},"notion:c":{"file":"shared.md","hash":"x"}},"files":{"shared.md":"x"}}`;
    const entries = [...ENTRIES, { key: 'notion:b', file: 'shared.md', content: '# Shared\n' }];
    const { changes, written } = await syncWith(out, text, entries);
    expect(changes.deleted).toEqual(['second.md']);
    expect(readFileSync(join(out, 'first.md'), 'utf8')).toBe('1');
    expect(readFileSync(join(out, 'shared.md'), 'utf8')).toBe('# Shared\n');
    expect(written.pages).toEqual({
      'notion:a': expect.objectContaining({ file: 'a.md' }),
      'notion:b': expect.objectContaining({ file: 'shared.md' }),
    });
  });

  it('a YAML alias bomb is no manifest: ignored with a warning, nothing deleted (held)', async () => {
    const out = join(tempTree({ 'mirror/kept.md': 'K' }), 'mirror');
    const levels = Array.from(
      { length: 12 },
      (_, i) => `l${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(',')}]`,
    );
    const bomb = ['schemaVersion: 1', 'l0: &l0 "lol"', ...levels, 'pages: *l12', 'files: {}'].join('\n');
    const { warnings, changes } = await syncWith(out, bomb);
    expect(changes.deleted).toEqual([]);
    expect(readFileSync(join(out, 'kept.md'), 'utf8')).toBe('K');
    expect(warnings.join('\n')).toMatch(/is not valid JSON/);
  });

  it('an entry naming a folder: ignored with a warning, the sync goes on and writes its manifest', async () => {
    const out = join(tempTree({ 'mirror/notes.md/inside.md': 'a person’s file' }), 'mirror');
    mkdirSync(join(out, 'empty.md'));
    const text = JSON.stringify({
      schemaVersion: 1,
      pages: { 'notion:z': { file: 'notes.md', hash: 'x' } },
      files: { 'empty.md': 'x' },
    });
    const { warnings, changes, written } = await syncWith(out, text);
    expect(changes.deleted).toEqual([]);
    expect(readFileSync(join(out, 'notes.md', 'inside.md'), 'utf8')).toBe('a person’s file');
    expect(existsSync(join(out, 'empty.md'))).toBe(true);
    expect(warnings.join('\n')).toMatch(/not deleting "notes.md" \(not a file\)/);
    expect(Object.keys(written.pages)).toEqual(['notion:a']);
  });
});
