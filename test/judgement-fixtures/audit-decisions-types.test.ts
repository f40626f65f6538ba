import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';

// From ADR folders outside the labelled corpora: the files a repository keeps beside its records.
const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, title: string, fields: string[] = [], declaredType?: string) =>
  classify({ path, title, labels: [], fields, ...(declaredType ? { declaredType } : {}) });

describe('pages a decision folder holds that are no records', () => {
  // A table of contents is typed as the folder's index since the nineteenth round (CONTENTS_PAGES): never a record.
  it("types adr-tools' generated toc.md as the folder's index, and leaves a contributing guide untyped", () => {
    expect(typeOf('doc/adr/toc.md', 'Architecture Decision Records')).toBe('index');
    expect(typeOf('docs/adr/CONTRIBUTING.md', 'What is this?')).toBeUndefined();
    expect(typeOf('decisions/CHANGELOG.md', 'Changelog')).toBeUndefined();
    // A layout type (Hugo's `type: docs`) does not overrule the contents page's name, as for `_index.md`.
    expect(typeOf('meetings/toc.md', 'Meetings', [], 'docs')).toBe('index');
  });

  it('still types the records beside them, and such a file that declares its type', () => {
    expect(typeOf('doc/adr/0009-help-scripts.md', '9. Help scripts', ['status'])).toBe('decision');
    expect(typeOf('docs/adr/use-postgres.md', 'Use Postgres')).toBe('decision');
    expect(typeOf('docs/adr/CONTRIBUTING.md', 'ADR 12: Contributing', [], 'adr')).toBe('decision');
  });
});

describe('drafts numbered 0000 and named in two words (spotify/heroic docs/rfcs/, tenth round)', () => {
  // The folder's README: "while in draft the ID should be 0000"; the drafts say `**Status** Draft`.
  it('types a two-word draft as a record, and a two-word name that says template as the template', () => {
    expect(typeOf('docs/rfcs/0000-aligned-timestamp.md', 'Aligned timestamps', ['status'])).toBe('decision');
    expect(typeOf('docs/adr/0000-adr-template.md', 'ADR title', ['status'])).toBe('template');
    expect(typeOf('docs/decisions/0000-modele-adr.md', 'Titre', ['status'])).toBe('template');
    expect(typeOf('rfcs/0000-Template-RFC.md', 'Feature name', ['status'])).toBe('template');
  });

  it('keeps a one-word name numbered 0000 the template, as Rust-style folders name it', () => {
    expect(typeOf('rfcs/0000-template.md', 'Feature name', ['status'])).toBe('template');
    expect(typeOf('rfcs/0000-rfc.md', 'Feature name', ['status'])).toBe('template');
  });
});
