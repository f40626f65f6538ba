import { describe, expect, it } from 'vitest';
import { headingKey } from '../../../src/rules/checks/find-section.js';
import { runCli, tempTree } from '../../helpers/cli.js';

describe('headings written in another language', () => {
  it('read minutes’ agenda and next-step headings as their English names', () => {
    expect(headingKey('Ordre du Jour')).toBe('agenda');
    expect(headingKey('2. Tagesordnung')).toBe('agenda');
    expect(headingKey('Orden del día')).toBe('agenda');
    expect(headingKey('Actions à suivre')).toBe('action items');
    expect(headingKey('Nächste Schritte')).toBe('next steps');
  });

  it('give French minutes with an "Ordre du jour" and "Prochaines étapes" no agenda or outcome finding', async () => {
    const root = tempTree({
      'meetings/2026-03-02-kickoff.md':
        '# Réunion de lancement 2026-03-02\n\n## Ordre du jour\n\n- Budget\n- Calendrier\n\n## Prochaines étapes\n\n- Valider le budget\n',
    });
    const { stdout } = await runCli([
      'run',
      root,
      '--format',
      'json',
      '--now',
      '2026-06-01',
      '--fail-on',
      'never',
    ]);
    const rules = (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId);
    expect(rules).not.toContain('meeting-agenda');
    expect(rules).not.toContain('meeting-outcomes');
  });
});
