import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

/** mulberry32: a small seeded generator, so every case is the same on every machine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  '*',
  '_',
  '~~',
  '[',
  ']',
  '(',
  ')',
  '`',
  '<',
  '>',
  '!',
  '#',
  '|',
  '-',
  ':',
  '\\',
  '&amp;',
  'word',
  ' ',
  'é',
  '😀',
];

/** One random page: nested quotes and lists, headings, fences, front matter, binary bytes, long lines. */
function randomPage(next: () => number): Buffer {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  const int = (max: number) => Math.floor(next() * max);
  const inline = (length: number) => Array.from({ length }, () => pick(PIECES)).join('');
  const lines: string[] = [];
  if (next() < 0.3)
    lines.push('---', `title: ${inline(3)}`, pick(['a: &a [1]', 'b: *x', 'c: [', 'owner: Ann']), '---');
  const blocks = 1 + int(40);
  for (let b = 0; b < blocks; b++) {
    // Now and then over the nesting budget (100), which must make the page unreadable, not end the run.
    const depth = next() < 0.1 ? 101 + int(30) : int(12);
    const kind = int(7);
    if (kind === 0)
      lines.push(Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}- ${inline(3)}`).join('\n'));
    else if (kind === 1) lines.push(`${'> '.repeat(depth)}${inline(5)}`);
    else if (kind === 2) lines.push(`${'#'.repeat(1 + int(7))} ${inline(4)}`);
    else if (kind === 3) lines.push('```', inline(int(30)), next() < 0.5 ? '```' : '');
    else if (kind === 4) lines.push(inline(next() < 0.05 ? 2_000 + int(6_000) : int(60)));
    else if (kind === 5) lines.push('| a | b |\n|---|---|', `| ${inline(3)} | ${inline(3)} |`);
    else lines.push(`${'- '.repeat(depth)}${inline(3)}`);
    if (next() < 0.5) lines.push('');
  }
  const text = Buffer.from(lines.join('\n'));
  if (next() < 0.2) {
    // Bytes that are not UTF-8 (or NUL, control characters) at random places.
    for (let i = 0; i < 20; i++) text[int(text.length)] = int(256);
  }
  return text;
}

describe('random Markdown never stops a run', () => {
  it('always ends with a report and exit 0, 1 or 3 (40 seeded cases)', async () => {
    const codes = new Set<number>();
    for (let seed = 1; seed <= 40; seed++) {
      const next = random(seed);
      const root = tempTree({ 'README.md': '# Home\n' });
      for (let i = 0; i < 3; i++) writeFileSync(join(root, `page-${i}.md`), randomPage(next));
      const out = join(root, 'report.json');
      const result = await runCli(['run', root, '--format', 'json', '-o', out, '--now', '2026-12-01']);
      expect([0, 1, 3], `seed ${seed}: ${result.stderr}`).toContain(result.code);
      const report = JSON.parse(readFileSync(out, 'utf8'));
      expect(report.summary.pages, `seed ${seed}`).toBe(4);
      codes.add(result.code);
    }
    // The generator reaches pages over the nesting budget, so the unreadable path is exercised too.
    expect(codes).toContain(3);
  }, 300_000);
});
