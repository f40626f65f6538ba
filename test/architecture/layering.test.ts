import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The layering ARCHITECTURE.md promises, checked from the imports themselves: the table under
// "Who may import whom" is the single source, so the document and the code cannot drift apart.
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
const SRC = join(ROOT, 'src');

interface Layer {
  name: string;
  /** Paths under src/: a folder ends with `/`, anything else is one file. */
  members: string[];
  /** Layer names it may import; `*` for any. */
  imports: string[];
}

function layers(): Layer[] {
  const text = readFileSync(join(ROOT, 'ARCHITECTURE.md'), 'utf8');
  const section = text.split(/^## Who may import whom$/m)[1]?.split(/^## /m)[0];
  if (!section) throw new Error('ARCHITECTURE.md has no "## Who may import whom" section');
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| layer') && !line.startsWith('|--'));
  const cells = (cell: string) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] as string);
  return rows.map((row) => {
    const [name, members, imports] = row
      .split('|')
      .slice(1, 4)
      .map((cell) => cell.trim());
    return {
      name: (name ?? '').replace(/\*/g, ''),
      members: cells(members ?? ''),
      imports: imports === '*' ? ['*'] : cells(imports ?? ''),
    };
  });
}

function sourceFiles(folder = SRC): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

/** Relative imports of a module (static, type-only and dynamic), as paths under src/. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(SRC, file), 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+'(\.[^']+)'/g),
    ...text.matchAll(/import\('(\.[^']+)'\)/g),
    ...text.matchAll(/new URL\('(\.[^']+)\.js', import\.meta\.url\)/g),
  ].map((m) => m[1] as string);
  return specifiers.map((spec) =>
    posix.normalize(posix.join(posix.dirname(file), spec)).replace(/\.js$/, '.ts'),
  );
}

function layerOf(file: string, all: Layer[]): Layer | undefined {
  let best: { layer: Layer; length: number } | undefined;
  for (const layer of all) {
    for (const member of layer.members) {
      const hit = member.endsWith('/') ? file.startsWith(member) : file === member;
      if (hit && (!best || member.length > best.length)) best = { layer, length: member.length };
    }
  }
  return best?.layer;
}

describe('layering', () => {
  const all = layers();
  const files = sourceFiles();

  it('reads a table of layers from ARCHITECTURE.md', () => {
    expect(all.length).toBeGreaterThan(5);
    for (const layer of all)
      for (const name of layer.imports)
        if (name !== '*')
          expect(
            all.map((l) => l.name),
            `${layer.name} names ${name}`,
          ).toContain(name);
  });

  it('places every source file in exactly one layer', () => {
    expect(files.filter((file) => !layerOf(file, all))).toEqual([]);
  });

  it('has every import allowed by the table', () => {
    const wrong: string[] = [];
    for (const file of files) {
      const from = layerOf(file, all);
      if (!from || from.imports.includes('*')) continue;
      for (const target of importsOf(file)) {
        const to = layerOf(target, all);
        if (!to || to === from || from.imports.includes(to.name)) continue;
        wrong.push(`${file} (${from.name}) imports ${target} (${to.name})`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('has no import cycle', () => {
    const graph = new Map(files.map((file) => [file, importsOf(file).filter((t) => files.includes(t))]));
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' > '));
        return;
      }
      state.set(file, 'open');
      for (const next of graph.get(file) ?? []) visit(next, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of files) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
