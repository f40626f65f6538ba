import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { meetingFindings, ruleFindings } from './cli-findings.js';
import { lintDecisionFolder } from './decision-folder.js';

/**
 * Records and notes as the seventh hold-out met them, written for the test: a record whose header is a
 * two-column key/value table inside a blockquote (values in backticks), a record "Decided", and minutes
 * whose Action Items section says "None", whose done work sits under "Actions Taken", whose attendance is
 * a Portuguese checklist, and whose cancelled item is struck through.
 */
const TABLE_HEADER = [
  '# ADR-007: Scan commits for secrets',
  '',
  '>|              | |',
  '>| ------------ | --- |',
  '>| Date         | `05/06/2023` |',
  '>| Status       | `Accepted` |',
  '>| Significance | `Construction techniques` |',
  '>| Owners       | `Ana Lima, Bruno Dias` |',
  '',
  '## Context',
  '',
  'Secrets reach the repository because nothing checks the commits before they are pushed.',
  '',
  '## Decision',
  '',
  'We scan every commit with a pre-commit hook because it stops a secret before it leaves the laptop.',
  '',
  '## Consequences',
  '',
  'Every clone needs the hook installed.',
  '',
].join('\n');

/** The same table with a header row of its own: data, not the record's fields. */
const DATA_TABLE = [
  '# ADR-008: Pick a queue',
  '',
  '| Option | Status |',
  '| ------ | ------ |',
  '| Kafka  | Accepted |',
  '',
  '## Context',
  '',
  'We need a queue because jobs are lost on restart.',
  '',
  '## Decision',
  '',
  'Kafka, because the team runs it already.',
  '',
  '## Consequences',
  '',
  'One more cluster to run.',
  '',
].join('\n');

const DECIDED = [
  '# Retain the custom parser',
  '',
  'Date: 2026-01-01',
  '',
  '## Status',
  '',
  'Decided',
  '',
  '## Deciders',
  '',
  'Thomas',
  '',
  '## Context',
  '',
  'The parser generator is old but its state variable drives completion.',
  '',
  '## Decision',
  '',
  'Keep it, because replacing the state variable would take weeks.',
  '',
  '## Consequences',
  '',
  'We maintain an old tool.',
  '',
].join('\n');

describe('hold-out 7: decision records', () => {
  it('reads status, date and owner from a key/value table under the title, in a blockquote or not', async () => {
    const plain = TABLE_HEADER.replace(/^>/gm, '').replace('ADR-007', 'ADR-009');
    const { on } = await lintDecisionFolder(
      { 'adr/ADR-007_scan.md': TABLE_HEADER, 'adr/ADR-009_scan.md': plain },
      '2026-12-05',
    );
    expect(on('adr/ADR-007_scan.md')).toEqual([]);
    expect(on('adr/ADR-009_scan.md')).toEqual([]);
  });

  it('still takes a table with a header row of its own for data', async () => {
    const { on } = await lintDecisionFolder({ 'adr/ADR-008_queue.md': DATA_TABLE }, '2026-12-05');
    expect(on('adr/ADR-008_queue.md').map(([rule]) => rule)).toEqual(
      expect.arrayContaining(['decision-status', 'decision-date']),
    );
  });

  it('takes "Decided" for a status', async () => {
    const { on } = await lintDecisionFolder({ 'adr/0016-retain-parser.md': DECIDED }, '2026-12-05');
    expect(on('adr/0016-retain-parser.md')).toEqual([]);
  });
});

const NONE_ITEMS = [
  '# June 4, 2026',
  '',
  '## Agenda',
  '',
  '* Release update',
  '',
  '## Notes',
  '',
  '* The release went out on Tuesday; no issue was reported.',
  '',
  '## Decisions',
  '',
  '* None',
  '',
  '## Action Items',
  '',
  '* None',
  '',
].join('\n');

const NA_ITEMS = NONE_ITEMS.replace('# June 4, 2026', '# June 11, 2026').replace(
  '## Action Items\n\n* None',
  '## Action Items\n\n- N/A',
);

const ACTIONS_TAKEN = [
  '# Team check-in',
  '',
  '**Date:** Friday, 1 May 2026',
  '**Attendees:** Lloyd Rivers, Mena Silva',
  '',
  '## Agenda',
  '',
  '- Repository access',
  '',
  '## 🔧 Actions Taken',
  '',
  '- ✅ Repository created and set to private',
  '- ✅ Mena invited to the repository',
  '',
  '## Decisions',
  '',
  '- Mena owns the database setup',
  '',
  '## ✅ Next Steps',
  '',
  '- Mena to set up the schema',
  '',
].join('\n');

const ATTENDANCE = [
  '# Ata de Reunião',
  '',
  '**Data:** 12/11/2026',
  '',
  '## 1. Checklist de Participantes',
  '',
  '- [X] Breno Lima',
  '- [ ] Carla Dias',
  '',
  '## 2. Discussão',
  '',
  '- Atividades da entrega 3',
  '',
  '## 3. Decisões',
  '',
  '- Cada membro faz um storyboard',
  '',
].join('\n');

const STRUCK = [
  '# Platform sync 2026-05-14',
  '',
  '## Agenda',
  '',
  '- Scripts',
  '',
  '## Decisions',
  '',
  '- Scripts stay where they are.',
  '',
  '## Actions',
  '',
  '- [ ] ~~Move the scripts to the workflow folder.~~ Update: they stay, by design.',
  '',
].join('\n');

describe('hold-out 7: action items', () => {
  it('does not take "None" or "N/A" under Action Items for an action item', async () => {
    const findings = await meetingFindings({
      'meeting-notes/2026-06-04.md': NONE_ITEMS,
      'meeting-notes/2026-06-11.md': NA_ITEMS,
    });
    expect(findings.filter((f) => f.includes('action-items'))).toEqual([]);
  });

  it('does not take the work listed under "Actions Taken" for open action items', async () => {
    const findings = await meetingFindings({ 'minutes/2026-05-01.md': ACTIONS_TAKEN });
    expect(findings.filter((f) => f.includes('action-items'))).toEqual([
      'minutes/2026-05-01.md action-items: Action item "Mena to set up the schema" has no due date.',
    ]);
  });

  it('does not take a Portuguese attendance checklist for action items', async () => {
    const findings = await meetingFindings({ 'atas/ata-2.md': ATTENDANCE });
    expect(findings.filter((f) => f.includes('action-items'))).toEqual([]);
  });

  it('does not take a struck-through item for an open action item', async () => {
    const findings = await meetingFindings({ 'meetings/2026-05-14.md': STRUCK });
    expect(findings.filter((f) => f.includes('action-items'))).toEqual([]);
  });
});

// The seventh hold-out's one general decision-date pattern left open: records named by the day they were
// written (`2022-08-11-use-x/README.md`, `20220811-use-x.md`) are dated by that name.
describe('a decision record named by its day', () => {
  it('is dated by its file or folder name; a name that is no day is not a date', async () => {
    const body = (title: string) =>
      `# ${title}\n\nStatus: Accepted\n\nDeciders: Ana\n\n## Context\n\nWe need a store because writes get lost.\n\n## Decision\n\nWe use Postgres because it is well supported.\n\n## Consequences\n\nBackups are ours.\n`;
    const root = tempTree({
      'docs/decisions/2022-08-11-use-postgres/README.md': body('Use Postgres'),
      'docs/decisions/20230102-use-redis.md': body('Use Redis'),
      'docs/decisions/2023-02-30-use-kafka.md': body('Use Kafka'),
      'docs/decisions/0004-use-s3.md': body('Use S3'),
    });
    expect(await ruleFindings([root], 'decision-date')).toEqual([
      'docs/decisions/0004-use-s3.md',
      'docs/decisions/2023-02-30-use-kafka.md',
    ]);
  }, 60_000);
});
