import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { lintDecisionFolder } from './decision-folder.js';

/**
 * Gaps the eleventh out-of-sample round left, written for the test in the real pages' shape (the pages
 * themselves are other people's text): proposals sorted into a folder per state (rhobs/handbook's
 * `Proposals/Accepted/`, `Done/`, `Rejected/`).
 */

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, title: string, fields: string[] = []) =>
  classify({ path, title, labels: [], fields });

/** A design-doc proposal: owners as a nested list, a TL;DR, Why / Goals / How / Alternatives; no status line. */
const proposal = (month: string, topic: string) =>
  [
    `# ${month}: ${topic}`,
    '',
    '* **Owners:**',
    '  * [`@ana`](https://github.com/ana)',
    '',
    `> TL;DR: We propose to keep the ${topic.toLowerCase()} in one place, because three teams copy it today.`,
    '',
    '## Why',
    '',
    'Each team keeps its own copy, so they drift apart.',
    '',
    '## Goals',
    '',
    '* One copy.',
    '',
    '## How',
    '',
    'Move the copies into one repository and link to it.',
    '',
    '## Alternatives',
    '',
    '* Keep the copies: they drift.',
    '',
    '## Action Plan',
    '',
    '* [ ] Move the copies',
    '',
  ].join('\n');

describe('left12: proposals sorted into a folder per state', () => {
  it('types a page in a state folder as a record, and not the process page beside the folders', () => {
    expect(typeOf('content/Proposals/Accepted/202106-handbook.md', '2021-06: Handbook')).toBe('decision');
    expect(typeOf('content/Proposals/Done/202106-process.md', '2021-06: Process')).toBe('decision');
    expect(typeOf('content/Proposals/Rejected/202203-cache.md', '2022-03: Cache')).toBe('decision');
    expect(typeOf('docs/proposals/implemented/token-usage.md', 'Token usage')).toBe('decision');
    expect(typeOf('proposal/accepted/shared-board.md', 'Shared board')).toBe('decision');
    expect(typeOf('content/Proposals/process.md', 'Proposals Process')).toBeUndefined();
    expect(typeOf('content/Proposals/Accepted/README.md', 'Accepted')).toBe('index');
    // A state folder under another name than proposals is not typed by its name alone.
    expect(typeOf('Approved/dyn-type.md', 'Dynamic types')).toBeUndefined();
  });

  it('judges them as records, and asks no status of records whose folder holds their state (Accepted/, Done/)', async () => {
    const { findings, on } = await lintDecisionFolder(
      {
        'Proposals/process.md': '# Proposals Process\n\nCopy the template below into a state folder.\n',
        'Proposals/Rejected/202203-cache.md': proposal('2022-03', 'Cache').replace(
          /^\* \*\*Owners.*\n.*\n/m,
          '',
        ),
        'Proposals/Accepted/202106-handbook.md': proposal('2021-06', 'Handbook'),
        'Proposals/Accepted/202205-operator.md': proposal('2022-05', 'Operator'),
        'Proposals/Done/202106-process.md': proposal('2021-06', 'Process'),
      },
      '2026-12-01',
    );
    expect(findings.filter((f) => f.ruleId === 'decision-status')).toEqual([]);
    expect(new Set(findings.map((f) => f.page.file))).not.toContain('Proposals/process.md');
    // They are records: one that names no owner is told so.
    expect(on('Proposals/Rejected/202203-cache.md')).toEqual([
      ['decision-owner', 'Decision record owner is missing (found: none).'],
    ]);
  }, 60_000);
});
