import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/model/page.js';
import { tasksCheck } from '../../src/rules/checks/tasks.js';
import { check, page } from '../rules/checks/harness.js';
import { lintDecisionFolder, rulesOf } from './decision-folder.js';

/**
 * Round 21's last wrong findings, in synthetic pages: a German record whose reasons open with "wegen" or sit in a
 * Y-statement's "um … zu erreichen", a French Décision that argues against the options that lost or gives the
 * reason after a colon ("… : cela dilue …"), and minutes whose owner is "(Michael B)" or "Michael attempt …" and
 * whose due date is "on an immediate basis".
 */

const NOW = '2026-12-01';

const rationaleOn = async (page: string) => {
  const { on } = await lintDecisionFolder({ 'adr/0004-a-record.md': page }, NOW);
  return rulesOf(on('adr/0004-a-record.md')).includes('decision-rationale');
};

/** A German record with a Y-statement summary, a discussion that names the rivals, and the Entscheidung. */
const german = (summary: string, decision: string) =>
  [
    '# 4. Testwerkzeug',
    '',
    'Datum: 02.03.2026',
    '',
    '## Zusammenfassung',
    '',
    summary,
    '',
    '## Alternativen',
    '',
    '- Vitest',
    '- Mocha',
    '',
    '## Entscheidung',
    '',
    decision,
    '',
    '## Konsequenzen',
    '',
    '- Offen.',
    '',
  ].join('\n');

/** A French record that weighs options, then its Décision. */
const french = (decision: string) =>
  [
    '# 4. Source des événements',
    '',
    'Date : 2026-03-02',
    '',
    '## Contexte',
    '',
    'Les mises à jour internes faussent les chiffres.',
    '',
    '## Options envisagées',
    '',
    '- Par domaine',
    '- Par drapeau',
    '- Par rôle',
    '',
    '## Décision',
    '',
    decision,
    '',
  ].join('\n');

const BARE_SUMMARY = 'Im Kontext der Tests haben wir uns für Vitest entschieden.';

describe('holdout21c: German reasons ("wegen", "dank der", "um … zu") and a Y-statement goal', () => {
  it('reads "Wegen der guten Lesbarkeit …" and "dank der …" in the Entscheidung as the reason', async () => {
    expect(
      await rationaleOn(
        german(BARE_SUMMARY, '- Wegen der klaren Syntax haben wir uns für Vitest entschieden.'),
      ),
    ).toBe(false);
    expect(await rationaleOn(german(BARE_SUMMARY, 'Vitest, dank der schnellen Läufe.'))).toBe(false);
    expect(await rationaleOn(german(BARE_SUMMARY, 'Vitest, um Wartezeiten zu kürzen.'))).toBe(false);
  });

  it('reads a Y-statement summary\'s "um … zu erreichen" or "to achieve" as the reason', async () => {
    const y =
      'Im Kontext der Tests<br>\nhaben wir uns für **Vitest** entschieden<br>\num eine **höhere Qualität** zu erreichen.';
    expect(await rationaleOn(german(y, 'Wir nehmen Vitest.'))).toBe(false);
    const en = 'In the context of tests, we decided for Vitest in order to achieve faster feedback.';
    expect(await rationaleOn(german(en, 'Wir nehmen Vitest.'))).toBe(false);
  });

  it('still reports an Entscheidung and summary that give no reason, or thanks ("Dank an alle")', async () => {
    expect(await rationaleOn(german(BARE_SUMMARY, 'Wir nehmen Vitest.'))).toBe(true);
    expect(await rationaleOn(german(BARE_SUMMARY, 'Wir nehmen Vitest. Dank an alle.'))).toBe(true);
  });
});

describe('holdout21c: a French Décision that argues against the rivals, or gives the reason after a colon', () => {
  it('reads "serait plus … mais" and "ne correspond pas" after "Option choisie : X." as the reason', async () => {
    const decision =
      'Option choisie : par domaine. Le domaine reste le même si le rôle change. Un drapeau serait plus propre mais demande une migration. Le rôle ne correspond pas à l’équipe.';
    expect(await rationaleOn(french(decision))).toBe(false);
  });

  it('reads "Faire X : cela dilue …" and "Do X: this avoids …" as the reason', async () => {
    expect(await rationaleOn(french('Trancher chaque revue : cela évite les fils sans fin.'))).toBe(false);
    expect(await rationaleOn(french('Close each review: this avoids endless threads.'))).toBe(false);
  });

  it('still reports "Option choisie : X." alone, a bare imperative, and "Decision: this is final"', async () => {
    expect(await rationaleOn(french('Option choisie : par domaine.'))).toBe(true);
    expect(await rationaleOn(french('Classer par domaine.'))).toBe(true);
    expect(await rationaleOn(french('Classify by domain: this is final.'))).toBe(true);
  });
});

function notes(markdown: string): Page {
  return { ...page(markdown), type: 'meeting-notes' };
}

const missing = (markdown: string) =>
  check(tasksCheck, notes(markdown)).map((hit) => `${hit.item} | ${hit.missing}`);

/** Minutes whose attendees are Michael B and Sara K, and whose action items are `items`. */
const minutes = (...items: string[]) =>
  `# Weekly\n\n## Present\n\n- Michael B\n- Sara K\n\n## Actions\n\n${items.map((i) => `- ${i}`).join('\n')}\n`;

describe('holdout21c: "(Michael B)", "Michael attempt …" and "on an immediate basis"', () => {
  it('reads a first name and an initial in closing brackets, and a listed name before a bare verb, as owners', () => {
    expect(
      missing(
        minutes(
          'Cut the release once CI passes. (Michael B)',
          'Michael attempt to reach the reporter about the bounty',
        ),
      ),
    ).toEqual([
      'Cut the release once CI passes. (Michael B) | due date',
      'Michael attempt to reach the reporter about the bounty | due date',
    ]);
  });

  it('reads "on an immediate basis", "ASAP", "right away", "sofort", "de inmediato", "dès que possible" as due now', () => {
    expect(
      missing(
        minutes(
          'Michael to look into the scanner failures on an immediate basis',
          'Sara to rotate the token ASAP',
          'Sara to tell the host right away',
          'Sara: Zugang sofort sperren',
          'Sara: revisar el acceso de inmediato',
          'Sara : couper l’accès dès que possible',
        ),
      ),
    ).toEqual([]);
  });

  it('still reads no owner in "(Option B)", "(see notes)", "(optional)", "(all)", nor in "Monday review the logs"', () => {
    expect(
      missing(
        minutes(
          'Try the other layout (Option B)',
          'Update the flyer (see notes)',
          'Print the banner (optional)',
          'Move the server (in progress)',
          'Read the draft (all)',
          'Monday review the logs',
        ),
      ),
    ).toEqual([
      'Try the other layout (Option B) | owner and due date',
      'Update the flyer (see notes) | owner and due date',
      'Print the banner (optional) | owner and due date',
      'Move the server (in progress) | owner and due date',
      'Read the draft (all) | owner and due date',
      'Monday review the logs | owner and due date',
    ]);
  });
});

describe('holdout21c: the new patterns read a run of spaces once', () => {
  const run = ' '.repeat(200_000);

  it('judges action items made of a name, an initial, a due word and 200,000 spaces', () => {
    const found = missing(
      minutes(
        `x (Michael${run}B)`,
        `Michael${run}attempt`,
        `x on an${run}immediate basis`,
        `x right${run}away`,
      ),
    );
    expect(found).toHaveLength(4);
  });

  it('judges a Decision made of the new reasons split by 200,000 spaces', async () => {
    const decision = [`um${run}zu x`, `serait${run}plus x mais`, `X :${run}cela dilue`, `weg${run}en`].join(
      '\n\n',
    );
    expect(await rationaleOn(french(decision))).toBe(true);
  }, 60_000);
});
