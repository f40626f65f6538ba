import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { buildPage } from '../../src/normalize/page.js';

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);

function page(markdown: string, path = 'notes/page.md') {
  return buildPage(
    { source: 'markdown', id: path, url: path, path, file: path, markdown, fallbackTitle: 'page' },
    classify,
  );
}

describe('title', () => {
  it.each([
    ['---\ntitle: From front matter\n---\n# From heading\n', 'From front matter'],
    ['Intro\n\n# From heading\n', 'From heading'],
    ['No heading here.\n', 'page'],
  ])('%j -> %s', (markdown, title) => {
    expect(page(markdown).title).toBe(title);
  });
});

describe('fields', () => {
  it('reads front matter, with positions of the keys', () => {
    const p = page('---\ntitle: T\nowner: Maria\nstatus: Accepted\n---\n# T\n');
    expect(p.fields.status?.value).toBe('Accepted');
    expect(p.fields.status?.position?.start.line).toBe(4);
    expect(p.owner).toBe('Maria');
  });

  it('reads `Key: value` and `**Key:** value` lines near the top', () => {
    const p = page(
      '# Security policy\n\n**Policy Owner:** Head of Security\nStatus: Draft\n\n## Scope\n\nNote: not a field\n',
    );
    expect(p.fields['policy-owner']?.value).toBe('Head of Security');
    expect(p.fields.status).toEqual({
      value: 'Draft',
      position: { start: { line: 4, column: 1 }, end: { line: 4, column: 14 } },
    });
    expect(p.fields.note).toBeUndefined();
    expect(p.owner).toBe('Head of Security');
  });

  it('reads `* Status: **X**` bullets (MADR style)', () => {
    const p = page('# Use X\n\n* Status: **Accepted**\n* Deciders: Ann, Bob\n\n## Context\n');
    expect(p.fields.status?.value).toBe('Accepted');
    expect(p.fields.deciders?.value).toBe('Ann, Bob');
  });

  it('reads a `## Status` heading followed by its first paragraph', () => {
    const p = page(
      '# ADR 1\n\n## Changelog\n\n- 2020: x\n\n## Status\n\nAccepted (PR [\\#2897])\n\n## Context\n',
    );
    expect(p.fields.status?.value).toBe('Accepted (PR [#2897])');
    expect(p.fields.status?.position?.start.line).toBe(9);
  });

  it('leaves status unset when the Status section is empty', () => {
    const p = page('# ADR 2\n\n## Status\n\n## Consequences\n\nText.\n');
    expect(p.fields.status).toBeUndefined();
  });

  it('turns broken front matter into a page problem, not an exception', () => {
    const p = page('---\ntitle: "unclosed\nowner: x\n---\n# Page\n');
    expect(p.problems).toHaveLength(1);
    expect(p.problems[0]?.message).toMatch(/^Front matter is not valid YAML/);
    expect(p.problems[0]?.position?.start.line).toBeGreaterThanOrEqual(2);
  });
});

describe('dates, labels and type', () => {
  it('prefers last_reviewed over the file time', () => {
    const p = buildPage(
      {
        source: 'markdown',
        id: 'a.md',
        url: 'a.md',
        path: 'a.md',
        markdown: '---\nlast_reviewed: 2025-01-02\n---\n',
        fallbackTitle: 'a',
        updatedAt: new Date('2026-01-01'),
      },
      classify,
    );
    expect(p.updatedAt?.toISOString()).toBe('2025-01-02T00:00:00.000Z');
  });

  it('collects tags as labels', () => {
    expect(page('---\ntags: [onboarding, people]\n---\n').labels).toEqual(['onboarding', 'people']);
  });

  it.each([
    ['decisions/0001-x.md', '# Use X\n', 'decision'],
    ['docs/adr-001-logging.md', '# ADR 001: Logging\n', 'decision'],
    ['content/minutes/triage-meeting/2021-01-07.md', '# Triage\n', 'meeting-notes'],
    ['misc/x.md', '---\ntype: adr\n---\n# X\n', 'decision'],
    ['misc/x.md', '---\ntype: policy\n---\n# X\n', 'policy'],
    ['templates/adr.md', '# ADR template\n', 'template'],
    ['misc/plain.md', '# Plain\n', undefined],
  ])('%s is %s', (path, markdown, type) => {
    expect(page(markdown, path).type).toBe(type);
  });
});

describe('outline', () => {
  it('collects links with positions, including references and HTML anchors', () => {
    const p = page(
      '# A\n\nSee [b](b.md#part) and [ref][r] and <https://x.org>.\n\n<a name="here"></a>\n\n[r]: ./c.md\n',
    );
    expect(p.links.map((l) => [l.href, l.kind, l.anchor, l.position?.start.line])).toEqual([
      ['b.md#part', 'internal', 'part', 3],
      ['./c.md', 'internal', undefined, 3],
      ['https://x.org', 'external', undefined, 3],
    ]);
    expect(p.anchors).toEqual(['here']);
  });

  it('slugs headings like GitHub, numbering duplicates and honouring {#id}', () => {
    const p = page('# Hello, World!\n\n## Notes\n\n## Notes\n\n## Custom {#my-id}\n');
    expect(p.headings.map((h) => h.slug)).toEqual(['hello-world', 'notes', 'notes-1', 'my-id']);
  });
});
