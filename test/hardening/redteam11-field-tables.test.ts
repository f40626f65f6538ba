import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { buildPage } from '../../src/normalize/page.js';

// Eleventh round, held. The header tables some ADR templates put under the title (`field-tables.ts`) are
// read once, row by row: a key/value table of 10,000 rows (as many as the page budget lets through: a row is a block and its cells;
// 20,000 before hardening 12 halved the bound), a
// header table of 10,000 columns and a status cell of a mebibyte give the fields of an ordinary table
// (the first row of a key wins), with vitest's timeout as the only clock.

const classify = typeClassifier({});
const page = (markdown: string) =>
  buildPage(
    {
      source: 'markdown',
      id: 'decisions/0001-x.md',
      url: 'decisions/0001-x.md',
      path: 'decisions/0001-x.md',
      markdown,
      fallbackTitle: 'x',
    },
    classify,
  );

describe('header tables built to be large', () => {
  it('a key/value table of 10,000 rows: the first status and owner win', { timeout: 120_000 }, () => {
    const rows = '| Status | Rejected |\n| Owner | @ben |\n'.repeat(5_000);
    const p = page(`# ADR 1: Queue\n\n| | |\n|---|---|\n| Status | Accepted |\n| Owner | @ana |\n${rows}`);
    expect(p.unreadable).toBeUndefined();
    expect(p.fields.status?.value).toBe('Accepted');
    expect(p.fields.owner?.value).toBe('@ana');
  });

  it('a header table of 10,000 columns sets the fields of its known headers only', {
    timeout: 120_000,
  }, () => {
    const header = `| Status | Date |${' Date |'.repeat(9_998)}`;
    const rule = `|---|---|${'---|'.repeat(9_998)}`;
    const row = `| Proposed | 2026-03-01 |${' x |'.repeat(9_998)}`;
    const p = page(`# ADR 1: Queue\n\n${header}\n${rule}\n${row}\n`);
    expect(p.unreadable).toBeUndefined();
    expect(p.fields.status?.value).toBe('Proposed');
    expect(p.fields.date?.value).toBe('2026-03-01');
  });

  it('a status cell of a mebibyte is a value, read once', { timeout: 120_000 }, () => {
    const cell = `Accepted ${'on '.repeat(350_000)}`;
    const p = page(`# ADR 1: Queue\n\n| Status | Owner |\n|---|---|\n| ${cell} | @ana |\n`);
    expect(p.unreadable).toBeUndefined();
    expect(p.fields.status?.value.startsWith('Accepted on')).toBe(true);
    expect(p.fields.owner?.value).toBe('@ana');
  });
});
