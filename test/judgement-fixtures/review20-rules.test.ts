import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { buildPage } from '../../src/normalize/page.js';
import { tempTree } from '../helpers/cli.js';
import { meetingFindings, of, ruleFindings } from './cli-findings.js';

/**
 * The nineteenth round's second reading, five wrong readings in the decision and meeting rules: an "Agreed:"
 * label over tasks, Portuguese ordinals read as weekdays, "TODO" as a noun, an example block read as the page's
 * header, and a status history read as a glossary. Each with the neighbouring case that must still be read
 * as before. Pages written for the test.
 */

const PAGE = 'meetings/2026-11-20.md';

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const readPage = (markdown: string, path: string) =>
  buildPage(
    { source: 'markdown', id: path, url: path, path, file: path, markdown, fallbackTitle: 'page' },
    classify,
  );

/** Minutes with attendees and an agenda; `lines` are the rest of the page. */
function minutes(lines: string[]): string {
  return ['# Weekly sync 2026-11-20', '', '## Attendees', '', '- Mara, Teo', '', ...lines, ''].join('\n');
}

const undated = (found: string[]) =>
  of(found, 'action-items').filter((line) => line.includes('has no due date'));

describe('an "Agreed:" label over action items', () => {
  it('reads the tasks under "- Agreed:" as tasks, not as decisions', async () => {
    const page = minutes([
      '## Action items',
      '',
      '- Agreed:',
      '  - Mara to send the slides to the board',
      '  - Teo to book the meeting room',
      '- Mara to write the summary',
    ]);
    expect(undated(await meetingFindings({ [PAGE]: page }))).toHaveLength(3);
  }, 60_000);

  it('still reads the list under a "Decisions:" label as decisions', async () => {
    const page = minutes([
      '## Next steps',
      '',
      '- Decisions:',
      '  - We keep the old endpoint for a year',
      '  - The beta stays closed',
      '- Mara to write the summary',
    ]);
    const found = undated(await meetingFindings({ [PAGE]: page }));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain('Mara to write the summary');
  }, 60_000);
});

describe('Portuguese ordinals and weekdays in a task', () => {
  const ata = (tasks: string[]) =>
    [
      '# Reunião semanal — 20/11/2026',
      '',
      '**Participantes:** Lia, Rui',
      '',
      '## Pauta',
      '',
      '- Revisão do processo',
      '',
      '## Ações',
      '',
      ...tasks.map((task) => `- [ ] ${task}`),
      '',
    ].join('\n');

  it('reads "na quarta etapa" (the fourth step) as no date', async () => {
    const found = undated(
      await meetingFindings({
        'reunioes/2026-11-20.md': ata(['Lia: corrigir o texto na quarta etapa do guia']),
      }),
    );
    expect(found).toHaveLength(1);
  }, 60_000);

  it('still reads "até sexta às 10h", "na quinta de manhã" and "na terça-feira" as due dates', async () => {
    const tasks = [
      'Lia: enviar o relatório até sexta às 10h',
      'Rui: rever o orçamento na quinta de manhã',
      'Lia: marcar a visita na terça-feira',
      'Rui: fechar a lista até quarta',
    ];
    expect(undated(await meetingFindings({ 'reunioes/2026-11-20.md': ata(tasks) }))).toEqual([]);
  }, 60_000);
});

describe('"TODO" as the name of a thing in a to-do app’s docs', () => {
  const notes = async (markdown: string) =>
    ruleFindings([tempTree({ 'docs/todo.md': markdown })], 'todo-note', true);

  it('leaves "TODO reminders are sent" and "TODO priority is shown" alone', async () => {
    const page = '# Planner\n\n- TODO reminders are sent at noon.\n- TODO priority is shown as an icon.\n';
    expect(await notes(page)).toEqual([]);
  }, 60_000);

  it('still finds "TODO write the intro", "TODO this is wrong" and a bare "TODO:" note', async () => {
    const page = '# Planner\n\n- TODO write the intro\n- TODO this is wrong\n\nTODO: link the issue\n';
    expect(await notes(page)).toHaveLength(3);
  }, 60_000);
});

describe('an indented example block at the top of a page', () => {
  const example = [
    '    Title: Monthly digest',
    '    Author: mailer-bot',
    '    Status: queued',
    '    Date: 2019-01-01',
    '',
    'The block above is what the mailer writes over each queued message.',
    '',
  ].join('\n');

  it('sets no owner and no last-updated date on a page typed by nothing', async () => {
    const root = tempTree({
      'docs/mail-headers.md': example,
      'README.md': '# Docs\n\n- [Mail](docs/mail-headers.md)\n',
    });
    expect(await ruleFindings([root], 'page-owner')).toEqual(['docs/mail-headers.md']);
    expect(await ruleFindings([root], 'stale-page')).toEqual([]);
  }, 60_000);

  it('is still the header of a numbered record', async () => {
    const record = [
      '    Title: Use a queue for exports',
      '    Author: Lia Moreno',
      '    Status: Accepted',
      '    Created: 2026-05-02',
      '',
      '## Context',
      '',
      'Exports time out.',
      '',
      '## Decision',
      '',
      'We move exports to a queue because the requests time out under load.',
      '',
    ].join('\n');
    const root = tempTree({ 'adr/0012-use-a-queue.md': record });
    expect(await ruleFindings([root], 'decision-status')).toEqual([]);
    expect(await ruleFindings([root], 'decision-date')).toEqual([]);
  }, 60_000);
});

describe('a record’s status history under its Status heading', () => {
  const record = (status: string[]) =>
    [
      '# 9. Paginate the search API',
      '',
      '## Status',
      '',
      ...status,
      '',
      '## Context',
      '',
      'Results grow.',
      '',
      '## Decision',
      '',
      'We paginate with cursors because offsets drift when rows are added.',
      '',
    ].join('\n');

  it('reads "- Proposed: by …" over "- Superseded: by ADR 14" as a status, the last one', async () => {
    const page = record([
      '- Proposed: by the search team',
      '- Accepted: by the review board',
      '- Superseded: by ADR 14',
    ]);
    const root = tempTree({ 'adr/0009-paginate.md': page });
    expect(await ruleFindings([root], 'decision-status')).toEqual([]);
  }, 60_000);

  it('still reads a glossary of the states’ meanings as no status', async () => {
    const page = record([
      '- Proposed: still under discussion',
      '- Accepted: agreed and in force',
      '- Rejected: declined',
    ]);
    const root = tempTree({ 'adr/0009-paginate.md': page });
    expect(await ruleFindings([root], 'decision-status')).toEqual(['adr/0009-paginate.md']);
  }, 60_000);
});

describe('the fields the two readings leave on the page', () => {
  it('keeps an indented header on a record and drops it on a page typed by nothing', () => {
    const block =
      '    Title: Use a queue\n    Author: Lia Moreno\n    Status: Accepted\n    Created: 2026-05-02\n\nText.\n';
    const record = readPage(block, 'adr/0012-use-a-queue.md');
    expect([record.type, record.fields.author?.value, record.fields.status?.value]).toEqual([
      'decision',
      'Lia Moreno',
      'Accepted',
    ]);
    const example = readPage(block, 'docs/mail-headers.md');
    expect([example.type, example.fields.author, example.fields.status, example.owner]).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('takes the last state of a status history', () => {
    const page = readPage(
      '# 9. Paginate\n\n## Status\n\n- Proposed: by the search team\n- Accepted: on the board’s call\n- Superseded: by ADR 14\n',
      'adr/0009-paginate.md',
    );
    expect(page.fields.status?.value).toBe('Superseded');
  });
});
