import { describe, expect, it } from 'vitest';
import type { Page } from '../../src/model/page.js';
import { tasksCheck } from '../../src/rules/checks/tasks.js';
import { tempTree } from '../helpers/cli.js';
import { check, page } from '../rules/checks/harness.js';
import { ruleFindings } from './cli-findings.js';

/**
 * The left causes of the twenty-first round's meetings labels: outcomes written without a Decisions heading (a
 * recap's "We use JSON" and "Answer: Yes, …", an attendee's "name: task" bullet under a "Summary:" line), and a
 * negated urgency word read as a due date. Synthetic pages.
 */

/** The notes pages of `meetings/` that meeting-outcomes finds with no outcome. */
const noOutcome = (pages: Record<string, string>) => ruleFindings([tempTree(pages)], 'meeting-outcomes');

describe('left21 B1: a topic recap that states what the team does, or answers a question, is an outcome', () => {
  it('accepts "- We use YAML …" and "- Answer: No, …" under topic headings, and still finds a recap of topics alone', async () => {
    const recap = (...lines: string[]) =>
      `# Date: 04.06.2025\n\n# Participants\n- Ines Roth\n- Karl Brandt\n\n# Agenda\n\n- Demo of each group\n\n# Recap\n\n## Parser\n\n- Demo of the parser prototype\n${lines.join('\n')}\n`;
    expect(
      await noOutcome({
        'meetings/2025-06-04.md': recap('- We use YAML for the settings file'),
        'meetings/2025-06-11.md': recap(
          '- Should the header carry a version?',
          '  - Answer: No, the type is enough',
        ),
        // The neighbours: topics, questions and open answers only, and a complaint that starts as the decision does.
        'meetings/2025-06-18.md': recap(
          '- Should the header carry a version?',
          '  - Answer: No idea yet, to ask the tutor',
          '- Answer: TBD',
          '- We keep getting timeouts on the lab machines',
          '- Do we use YAML for the settings?',
        ),
        'meetings/2025-06-25.md': recap('- Showcase of the routing table', '- Size limits, examples'),
      }),
    ).toEqual(['meetings/2025-06-18.md', 'meetings/2025-06-25.md']);
  }, 60_000);
});

describe('left21 B2: an attendee labelled with a task under a "Summary:" line is an outcome', () => {
  const chat = (...lines: string[]) =>
    `Attendants:\n- rosa\n- tomek\n- ilse\n\nSummary:\n- we merged two fixes\n${lines.join('\n')}\n- next meeting: 2025-07-09\n`;

  it('accepts "- rosa: improve the release script" when rosa is listed, and still finds labels that are no task', async () => {
    expect(
      await noOutcome({
        'meetings/2025/2025-07-02.md': chat(
          '- rosa: improve the release script',
          '- tomek: parser (dev dep) bump',
        ),
        'meetings/2025/2025-06-25.md': chat('- **Ilse**: draft the migration notes'),
        // Not listed as attending: a topic labelled so names no one.
        'meetings/2025/2025-06-18.md': chat('- docs: improve the onboarding page'),
        // A listed person's report, not a task given.
        'meetings/2025/2025-06-11.md': chat(
          '- rosa: presented the benchmark',
          '- tomek: update on the CI costs',
        ),
        // In the agenda, who presents each item.
        'meetings/2025/2025-06-04.md':
          'Attendants:\n- rosa\n- tomek\n\n## Agenda\n\n- rosa: prepare the demo\n\n## Notes\n\n- the demo went fine\n',
      }),
    ).toEqual(['meetings/2025/2025-06-04.md', 'meetings/2025/2025-06-11.md', 'meetings/2025/2025-06-18.md']);
  }, 60_000);
});

function notes(markdown: string): Page {
  return { ...page(markdown), type: 'meeting-notes' };
}

/** What each action item under "## Actions" misses (`missing` by item). */
const missing = (markdown: string) =>
  check(tasksCheck, notes(markdown)).map((hit) => `${hit.item} | ${hit.missing}`);

const minutes = (...items: string[]) =>
  `# Weekly\n\n## Present\n\n- Sara K\n- Jonas P\n\n## Actions\n\n${items.map((i) => `- ${i}`).join('\n')}\n`;

describe('left21 A3: a negated urgency word is no due date', () => {
  it('reads no date in "not immediately needed", "no need to do this ASAP", "doesn’t have to happen right away", "nicht sofort"', () => {
    expect(
      missing(
        minutes(
          'Sara to archive the old runners, not immediately needed',
          'Sara: no need to do this ASAP, clean the bucket',
          'Jonas to rename it, it doesn’t have to happen right away',
          'Jonas: alte Zugänge löschen, aber nicht sofort',
        ),
      ),
    ).toEqual([
      'Sara to archive the old runners, not immediately needed | due date',
      'Sara: no need to do this ASAP, clean the bucket | due date',
      'Jonas to rename it, it doesn’t have to happen right away | due date',
      'Jonas: alte Zugänge löschen, aber nicht sofort | due date',
    ]);
  });

  it('still reads an urgency word as due now, with a negation after it or in another clause', () => {
    expect(
      missing(
        minutes(
          'Sara to revoke the leaked token immediately, not next week',
          'Jonas to tell the host ASAP',
          'Jonas: rotate the key right away, not needed before',
        ),
      ),
    ).toEqual([]);
  });

  it('judges a negation and an urgency word split by 200,000 spaces, and 40,000 negations in a row', () => {
    const run = ' '.repeat(200_000);
    const found = missing(minutes(`Sara: x not${run}immediately`, `Sara: x ${'not '.repeat(40_000)}soon`));
    // Spaces that far apart bind no negation to the urgency word: the first item is due now.
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/^Sara: x not not .* \| due date$/);
  });
});

describe('left21: the new outcome readings read long runs once', () => {
  it('judges notes of 200,000 spaces inside the new lines, and of 9,000 roster items and 9,000 labels', async () => {
    const run = ' '.repeat(200_000);
    const items = '- rosa\n'.repeat(9_000);
    const found = await noOutcome({
      'meetings/2025-08-06.md': `# Sync 2025-08-06\n\n## Notes\n\n- We${run}use\n- Answer:${run}Yesterday\n- rosa:${run}presented\n`,
      'meetings/2025-08-13.md': `Attendants:\n${items}\nSummary:\n${'- zed: fix it\n'.repeat(9_000)}`,
    });
    expect(found).toEqual(['meetings/2025-08-06.md', 'meetings/2025-08-13.md']);
  }, 120_000);
});
