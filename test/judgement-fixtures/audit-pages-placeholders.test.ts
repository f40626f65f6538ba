import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

/**
 * Unfilled slots the out-of-sample audit met: a sprint-call notes template's `__Name__` for the notetaker
 * and `__Names__` for the participants, a blank left in a sentence, and a generator's `$VARIABLE$` left
 * in a council's minutes. Each page is written for the test; none is copied.
 */
const HANDBOOK = {
  'notes/2026-02-02-sync.md':
    '## Storage sync\n\n#### Lead: @ana\n#### Notetaker: __Name__\n\n#### Participants\n\n- __Names__\n\n## Notes\n\n- The migration PR moves the whole importer to _______\n',
  // Minutes generated from a script that left a variable in.
  'minutes/2026-03-03-council.md':
    '# Council meeting 2026-03-03\n\n## Links\n\n* **Tracking issue**: $TRACKING_ISSUE$\n\n## Agenda\n\n- Budget\n\n## Notes\n\n- We agreed to fund the docs sprint; costs in $USD, about 2 000.\n',
  // A slot the reader is told to fill ("you can have parcels sent to [Your name]") is meant; alone it is not.
  'offices/lisbon.md':
    '# Lisbon office\n\n## Mail\n\nYou can have parcels sent to [Your name], 2nd floor mailroom, Rua Augusta 10.\n\n## Notes\n\n[Add your notes]\n',
  // Traps: Python's dunder in prose, a bold label, a form's signature line and a horizontal rule.
  'guides/python.md':
    '# Python scripts\n\nEvery entry script checks __name__ before it runs.\n\n**Owner**\n\nThe platform team keeps this page.\n\nSignature: ____________\n\n______\n\nMore text.\n',
};

describe('judgement fixtures: audited placeholders', () => {
  it('finds underscored slot words, a blank in a sentence and a lone slot; not dunders, labels, forms or slots the reader is told to fill', async () => {
    const root = tempTree(HANDBOOK);
    const { stdout } = await runCli(['run', root, '--format', 'json', '--now', '2026-07-01']);
    const found = (
      JSON.parse(stdout).findings as { ruleId: string; page: { file: string }; message: string }[]
    )
      .filter((f) => f.ruleId === 'placeholder')
      .map((f) => `${f.page.file} ${f.message}`);
    expect(found.sort()).toEqual([
      'minutes/2026-03-03-council.md Unfilled template text "$TRACKING_ISSUE$".',
      'notes/2026-02-02-sync.md Unfilled template text "__Name__".',
      'notes/2026-02-02-sync.md Unfilled template text "__Names__".',
      'notes/2026-02-02-sync.md Unfilled template text "_______".',
      'offices/lisbon.md Unfilled template text "[Add your notes]".',
    ]);
  }, 60_000);
});
