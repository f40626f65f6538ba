import { describe, expect, it } from 'vitest';
import { lintDecisionFolder, nygardRecord, rulesOf } from './decision-folder.js';

/**
 * Decision records shaped as the twentieth round's labeller met them (its "Left" causes B, D and E), written
 * for the test: short Nygard records whose Context states a need or a property and whose Consequences list
 * the gain, a German record whose reasons sit under a qualified heading, a MADR folder whose template marks
 * its metadata optional, and owner fields that name a team word instead of a person.
 */

const NOW = '2026-12-01';

/** A Nygard record with the given Context, Decision and (optional) Consequences. */
const nygard = (context: string, decision: string, consequences?: string) =>
  nygardRecord({ title: '4. A record', header: ['Date: 2026-03-02'], context, decision, consequences });

const rationaleOn = async (page: string) => {
  const { on } = await lintDecisionFolder({ 'adr/0004-a-record.md': page }, NOW);
  return rulesOf(on('adr/0004-a-record.md')).includes('decision-rationale');
};

describe('judgement fixtures: round 20 left, a short Context that states a need or a property is the reason', () => {
  it('reads a goal to minimise effort as the reason', async () => {
    const page = nygard(
      'Runbooks should be light. We want to minimise the effort of writing and finding them.',
      'We will keep runbooks beside the code.',
      '- Runbooks change with the code.',
    );
    expect(await rationaleOn(page)).toBe(false);
  });

  it('reads knowledge that needs to be written down as the reason', async () => {
    const page = nygard(
      'People join and leave the team, and how each service is run needs to be written down.',
      'Each service keeps a RUNBOOK.md at its root.',
    );
    expect(await rationaleOn(page)).toBe(false);
  });

  it('reads what makes it more likely that everybody joins in as the reason', async () => {
    const page = nygard(
      'Designs should be argued in the open. Tools people already know make it more likely for everyone to take part.',
      'We will discuss designs in merge requests.',
    );
    expect(await rationaleOn(page)).toBe(false);
  });

  it('reads a property the Context wants (clear and easy to read) as the reason', async () => {
    const page = nygard(
      'Notes should be clear and easy to read. Plain text diffs well.',
      'We will write notes in plain text.',
    );
    expect(await rationaleOn(page)).toBe(false);
  });

  it('reads Consequences that state the gain (able to, with minimal help) as the reason', async () => {
    const page = nygard(
      'Every service has settings that its developers have to know about.',
      'Each service lists its settings in its README.',
      'Developers will be able to start a service with minimal help. The READMEs must be kept current.',
    );
    expect(await rationaleOn(page)).toBe(false);
  });

  it('still reports a Context that only names the task and a bare Decision', async () => {
    expect(await rationaleOn(nygard('We must pick a queue.', 'Use RabbitMQ.'))).toBe(true);
    expect(await rationaleOn(nygard('We need to build the web app.', 'Use React.'))).toBe(true);
    expect(await rationaleOn(nygard('The team wants to pick a queue.', 'Use RabbitMQ.'))).toBe(true);
  });

  it('still reports Consequences that state no gain, or a gain denied', async () => {
    const page = nygard(
      'We must pick a queue.',
      'Use RabbitMQ.',
      'Operators will not be able to inspect the queue with minimal effort.',
    );
    expect(await rationaleOn(page)).toBe(true);
  });
});

/** A German record in a team's own template: Kontext, Entscheidung, Konsequenzen, Alternativen (geprüft). */
const german = (positive: string[], alternatives: string[]) =>
  [
    '# ADR-0003: Zustand im Frontend',
    '',
    '**Status:** Accepted',
    '**Datum:** 2026-02-10',
    '**Entscheider:** Ana Ruiz',
    '',
    '## Kontext',
    '',
    'Für den Zustand im Frontend gibt es mehrere Wege. Wir müssen einen festlegen.',
    '',
    '## Entscheidung',
    '',
    'Für den UI-Zustand nehmen wir nur Stores.',
    '',
    '## Konsequenzen',
    '',
    ...(positive.length ? ['### Positiv', '', ...positive, ''] : []),
    '### Negativ',
    '',
    '- Das Team muss sich umgewöhnen',
    '',
    '## Alternativen (geprüft)',
    '',
    ...alternatives,
    '',
  ].join('\n');

describe('judgement fixtures: round 20 left, German reasons under qualified headings', () => {
  it('reads why each rival lost under "Alternativen (geprüft)" as the reason', async () => {
    const page = german([], ['- **Redux:** Zu viel Code für dieses Projekt']);
    expect(await rationaleOn(page)).toBe(false);
    const risk = german([], ['- **Events:** Gehen, aber Leak-Risiko beim Abmelden']);
    expect(await rationaleOn(risk)).toBe(false);
  });

  it('reads the gains listed under Konsequenzen / Positiv as the reason', async () => {
    const page = german(['- Einfacheres Testen', '- Bessere Ladezeiten'], ['- **Redux**', '- **Events**']);
    expect(await rationaleOn(page)).toBe(false);
  });

  it('still reports a German record whose alternatives and consequences give no reason', async () => {
    const page = german([], ['- **Redux**', '- **Events**']);
    expect(await rationaleOn(page)).toBe(true);
  });

  it('keeps a parenthetical qualifier from hiding an Options heading ("Options (considered)")', async () => {
    const long =
      'Our services each ship their own images, built on laptops and pushed by hand. Nobody can say which commit an image came from, two teams have already shipped an image built from a branch that never merged, and the registry bills per pull, which tripled last quarter as the fleet grew.';
    const weighed = nygard(long, 'Images are built by CI.').replace(
      '## Decision',
      '## Options (considered)\n\n- CI builds\n- A build server\n\n## Decision',
    );
    expect(await rationaleOn(weighed)).toBe(true);
    const argued = weighed.replace('- A build server', '- A build server: too slow, because it queues');
    expect(await rationaleOn(argued)).toBe(false);
  });
});

/** MADR's template with its metadata in front matter, and optionally its comment that all of it is optional. */
const template = (comment: boolean) =>
  [
    '---',
    ...(comment ? ['# These are optional metadata elements. Feel free to remove any of them.'] : []),
    'status: "{proposed | rejected | accepted | deprecated | … | superseded by ADR-0123}"',
    'date: {YYYY-MM-DD when the decision was last updated}',
    'decision-makers: {list everyone involved in the decision}',
    '---',
    '',
    '# {short title of solved problem and solution}',
    '',
    '## Context and Problem Statement',
    '',
    '{Describe the context and problem statement}',
    '',
    '## Considered Options',
    '',
    '* {title of option 1}',
    '',
    '## Decision Outcome',
    '',
    'Chosen option: "{title of option 1}", because {justification}.',
    '',
  ].join('\n');

/** A MADR record; `meta` its front matter lines (none: no front matter). */
const madr = (title: string, meta: string[]) =>
  [
    ...(meta.length ? ['---', ...meta, '---', ''] : []),
    `# ${title}`,
    '',
    '## Context and Problem Statement',
    '',
    'The exports block the other jobs for an hour each night.',
    '',
    '## Considered Options',
    '',
    '* A queue',
    '* A bigger machine',
    '',
    '## Decision Outcome',
    '',
    'Chosen option: "A queue", because it keeps the other jobs running.',
    '',
  ].join('\n');

const madrFolder = (comment: boolean) => ({
  'docs/decisions/adr-template.md': template(comment),
  'docs/decisions/0001-queue-exports.md': madr('Queue the exports', [
    'status: accepted',
    'date: 2026-01-10',
    'decision-makers: ana@ ben@',
  ]),
  'docs/decisions/0002-split-the-ledger.md': madr('Split the ledger', []),
  'docs/decisions/0003-cache-the-rates.md': madr('Cache the rates', []),
});

const FIELD_RULES = ['decision-date', 'decision-owner', 'decision-status'];

describe('judgement fixtures: round 20 left, a MADR template that marks its metadata optional', () => {
  it('asks none of date, owner and status of records that left them out, as the template allows', async () => {
    const { on } = await lintDecisionFolder(madrFolder(true), NOW);
    for (const file of ['docs/decisions/0002-split-the-ledger.md', 'docs/decisions/0003-cache-the-rates.md'])
      expect(rulesOf(on(file)).filter((rule) => FIELD_RULES.includes(rule as string))).toEqual([]);
  });

  it('asks all three of them when the template does not say its metadata is optional', async () => {
    const { on } = await lintDecisionFolder(madrFolder(false), NOW);
    for (const file of ['docs/decisions/0002-split-the-ledger.md', 'docs/decisions/0003-cache-the-rates.md'])
      expect(
        rulesOf(on(file))
          .filter((rule) => FIELD_RULES.includes(rule as string))
          .sort(),
      ).toEqual(FIELD_RULES);
  });
});

describe('judgement fixtures: round 20 left, MADR stock first record', () => {
  it('asks none of date, owner and status of the stock record, and all three of a record beside it', async () => {
    const folder = {
      ...madrFolder(false),
      'docs/decisions/0000-use-markdown-architectural-decision-records.md': madr(
        'Use Markdown Architectural Decision Records',
        [],
      ),
    };
    const { on } = await lintDecisionFolder(folder, NOW);
    const fieldRules = (file: string) =>
      rulesOf(on(file)).filter((rule) => FIELD_RULES.includes(rule as string));
    expect(fieldRules('docs/decisions/0000-use-markdown-architectural-decision-records.md')).toEqual([]);
    expect(fieldRules('docs/decisions/0002-split-the-ledger.md').sort()).toEqual(FIELD_RULES);
  });
});

const ownerOn = async (line: string) => {
  const page = nygard('Exports block the jobs.', 'We queue exports, because jobs must keep running.').replace(
    'Date: 2026-03-02',
    `Date: 2026-03-02\n${line}`,
  );
  const { on } = await lintDecisionFolder({ 'adr/0004-a-record.md': page }, NOW);
  return on('adr/0004-a-record.md')
    .filter(([rule]) => rule === 'decision-owner')
    .map(([, message]) => message);
};

describe('judgement fixtures: round 20 left, a team word is no person', () => {
  it('reports an owner that is only a team word, in German, Portuguese or English', async () => {
    expect(await ownerOn('**Entscheider:** Projektteam')).toEqual([
      'Decision record owner does not name a person (found: Projektteam).',
    ]);
    expect(await ownerOn('Deciders: Team')).toHaveLength(1);
    expect(await ownerOn('Author: Sistema de Desenvolvimento')).toHaveLength(1);
    expect(await ownerOn('Deciders: the development team')).toHaveLength(1);
  });

  it('still accepts a person, and a named team handle', async () => {
    expect(await ownerOn('**Entscheider:** Ana Ruiz')).toEqual([]);
    expect(await ownerOn('Deciders: @acme/platform-team')).toEqual([]);
    expect(await ownerOn('Deciders: Team, Ana Ruiz')).toEqual([]);
  });
});
