import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { parseDate } from '../../src/normalize/fields.js';
import { buildPage } from '../../src/normalize/page.js';

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);

function readPage(markdown: string, path = 'adr/0003-cache.md') {
  return buildPage(
    { source: 'markdown', id: path, url: path, path, file: path, markdown, fallbackTitle: 'page' },
    classify,
  );
}

// Written for these tests: the shapes of status lines the eighth out-of-sample round met (a
// Portuguese team's `### Status: Aceito`, a checklist of the template's states with one ticked, a
// US agency's RFC template that keeps an anchor definition under its Status heading).
describe('fields written under or in headings', () => {
  it('reads a field written in its heading', () => {
    expect(
      readPage('# ADR 3: Cache\n\n### Status: Aceito\n\n## Contexto\n\nLento.\n').fields.status?.value,
    ).toBe('Aceito');
  });

  it('reads the ticked state of a checklist, and none while nothing is ticked', () => {
    const ticked = '# ADR 3: Cache\n\n## Status\n\n- [ ] New\n- [x] Proposed\n- [ ] Accepted\n';
    expect(readPage(ticked).fields.status?.value).toBe('Proposed');
    const unticked = '# ADR 3: Cache\n\n## Status\n\n- [ ] New\n- [ ] Proposed\n';
    expect(readPage(unticked).fields.status).toBeUndefined();
  });

  it('skips a link reference definition kept under the heading', () => {
    const page =
      '# RFC 19: Versions\n\n## Status\n[Status]: #status\n\n* Status: Implemented\n* Implementation JIRA Ticket(s): BFD-1\n';
    expect(readPage(page).fields.status?.value).toBe('Implemented');
  });

  it('takes a two-digit-year date either way round for a date', () => {
    expect(parseDate('12/02/26')?.toISOString().slice(0, 10)).toBe('2026-12-02');
    expect(parseDate('13/02/26')?.toISOString().slice(0, 10)).toBe('2026-02-13');
    expect(parseDate('12/32/26')).toBeUndefined();
  });
});
