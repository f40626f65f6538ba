import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, title: string, fields: string[] = []) =>
  classify({ path, title, labels: [], fields });

describe('default document types', () => {
  it('takes a numbered folder README that states a status for the record, not an index', () => {
    expect(typeOf('keps/sig-net/2001-dual-stack/README.md', 'Dual stack', ['status'])).toBe('decision');
    expect(typeOf('proposals/0042-typed-throws.md', 'Typed throws', ['status', 'authors'])).toBe('decision');
  });

  it('leaves numbered pages without a status alone: how-to steps and dated notes are no records', () => {
    expect(typeOf('guides/01-setup/README.md', 'Setup')).toBeUndefined();
    expect(typeOf('onboarding/02-first-week.md', 'First week')).toBeUndefined();
    expect(typeOf('keps/sig-release/20190331-release-notes.md', '20190331-release-notes')).toBeUndefined();
  });

  it('knows a folder index and template by their Spanish and German names', () => {
    expect(typeOf('docs/adr/INDICE.md', 'Índice de decisiones')).toBe('index');
    expect(typeOf('docs/adr/PLANTILLA.md', 'ADR-XXXX: Título')).toBe('template');
    expect(typeOf('protokolle/vorlage.md', 'Protokoll')).toBe('template');
  });

  it('knows a template named run together with its kind of record, as MADR copies are', () => {
    expect(typeOf('DecisionRecords/drtemplate.md', '{short title of solved problem and solution}')).toBe(
      'template',
    );
    expect(typeOf('docs/adr/ADRTemplate.md', 'Title')).toBe('template');
    expect(typeOf('notes/contemplate.md', 'Contemplate the roadmap')).not.toBe('template');
  });

  it('takes a record numbered other than 0000 for a record though its name or title says template', () => {
    expect(
      typeOf('doc/adr/adr-0001-record-decisions-using-adr-template.md', 'ADR 0001: Use the ADR template'),
    ).toBe('decision');
    expect(typeOf('doc/adr/adr-0000-template.md', 'ADR 0000: Template')).toBe('template');
  });

  it('keeps the index of a decision folder an index page', () => {
    expect(typeOf('keps/README.md', 'Kubernetes Enhancement Proposals')).toBe('index');
    expect(typeOf('docs/adr/README.md', 'Decisions', ['status'])).toBe('index');
  });

  it('knows templates: template folders and files are not records', () => {
    expect(typeOf('keps/NNNN-kep-template/README.md', 'KEP-NNNN: Your title', ['status'])).toBe('template');
    expect(typeOf('docs/adr/0000-template.md', 'Title', ['status'])).toBe('template');
    expect(typeOf('rfc/rfc-template.md', 'RFC NNN: Title')).toBe('template');
    expect(typeOf('proposals/template.md', 'Feature name')).toBe('template');
    expect(typeOf('docs/decisions/0000-TEMPLATE.md', 'Title')).toBe('template');
  });

  it("takes MADR's own first record, 0000-use-markdown-…, for a record, not a template", () => {
    expect(
      typeOf('docs/decisions/0000-use-markdown-any-decision-records.md', 'Use Markdown Any Decision Records'),
    ).toBe('decision');
  });

  it('recognises decision records by folder, file name and title', () => {
    expect(typeOf('docs/adr/use-postgres.md', 'Use Postgres')).toBe('decision');
    expect(typeOf('docs/references/architecture/adr-112-timestamps.md', 'Timestamps')).toBe('decision');
    expect(typeOf('engineering/kep-3000.md', 'KEP 3000: Image promotion')).toBe('decision');
    expect(typeOf('notes/x.md', 'Proposal: four-day week')).toBe('decision');
  });

  it('compares folder names with underscores and spaces as with hyphens', () => {
    expect(typeOf('meeting_notes/2021-03-04.md', 'March 4')).toBe('meeting-notes');
    expect(typeOf('docs/Meeting Notes/kickoff.md', 'Kickoff')).toBe('meeting-notes');
    expect(typeOf('docs/decision_records/use-postgres.md', 'Use Postgres')).toBe('decision');
    expect(typeOf('docs/meeting_guides/how-to-run.md', 'How to run a meeting')).toBeUndefined();
  });

  it('takes minutes folders named in French, Spanish, Portuguese, Dutch and German for meeting notes', () => {
    for (const folder of ['comptes-rendus', 'actas', 'atas', 'notulen', 'Sitzungsprotokolle'])
      expect(typeOf(`equipe/${folder}/2026-02-25.md`, 'Réunion du 25 février')).toBe('meeting-notes');
    expect(typeOf('labor/protokolle/versuch-3.md', 'Versuch 3')).toBeUndefined();
  });

  it('takes a folder named for its meeting for meeting notes, but not a folder of guides on meetings', () => {
    expect(typeOf('design-meeting-minutes/2024-03-05-async-fn.md', 'Async fn in traits')).toBe(
      'meeting-notes',
    );
    expect(typeOf('teams/infra/sync-meeting-notes/2025-w10.md', 'Week 10')).toBe('meeting-notes');
    expect(typeOf('design-meeting-minutes/README.md', 'Design meetings')).toBe('index');
    expect(typeOf('running-meetings/facilitation.md', 'Facilitation')).toBeUndefined();
  });

  it('does not take architecture docs or a page that mentions an RFC for a decision record', () => {
    expect(typeOf('architecture/overview.md', 'System overview')).toBeUndefined();
    expect(typeOf('engineering/http.md', 'How we use RFC 9110 semantics')).toBeUndefined();
    expect(typeOf('sales/proposal-checklist.md', 'Proposal checklist')).toBeUndefined();
  });
});

describe('declared types', () => {
  const declared = (path: string, declaredType: string) =>
    classify({ path, title: 'x', labels: [], declaredType });

  it('lets a known declared type win over the folder', () => {
    expect(declared('meetings/2026-01-05.md', 'adr')).toBe('decision');
  });

  it("lets the folder win over a type no matcher knows (Hugo's `type: docs` on minutes)", () => {
    expect(declared('content/minutes/triage-meeting/2019-04-11.md', 'docs')).toBe('meeting-notes');
    expect(declared('content/templates/agenda.md', 'docs')).toBe('template');
  });

  it("takes a page in a templates folder for the template, though its front matter gives its copies' type", () => {
    expect(declared('docs/meetings/templates/meeting.md', 'meeting')).toBe('template');
    expect(declared('adr/_template/0000-title.md', 'adr')).toBe('template');
    expect(declared('docs/meetings/2026-06-01-daily.md', 'meeting')).toBe('meeting-notes');
  });

  it('keeps a declared type of its own where no matcher hits', () => {
    expect(declared('company/expenses.md', 'policy')).toBe('policy');
  });
});

describe('declared types and tags', () => {
  it('keeps a declared type of its own although a tag names another type', () => {
    expect(
      classify({
        path: 'how-we-work/decisions-howto.md',
        title: 'How we decide',
        labels: ['rfc'],
        declaredType: 'policy',
      }),
    ).toBe('policy');
  });
});
