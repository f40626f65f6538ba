import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runJson, tempTree } from '../helpers/cli.js';

// Two of the meeting rules' patterns run on V8 (they look behind) and rescanned a page from each of
// many positions. meeting-agenda's "a line that introduces the agenda" looked on to the line's end for
// "next" from each mention of the agenda: a line of 60,000 took 75 s. meeting-outcomes' French phrase
// for a "Consensus :" line began `^\s*`, which spans blank lines: each of 400,000 empty headings read on
// through all the rest (minutes). Both now cost what the rest of the page costs, and still recognise
// the lines they are for. No stopwatch: the line here repeats "agenda" 120,000 times (the old pattern's
// cost grew with the square: some five minutes) and the test's own timeout, a minute, is the clock. The
// French line's pattern is checked statically (redos-patterns.test.ts: safe, `^\s*` vulnerable); the notes
// of empty headings are read here for the answer, with a generous timeout for a busy machine. Since the
// eleventh round the page budget refuses a page of 400,000 headings before any rule reads it (its lines and
// blocks: redteam11-parser-budget.test.ts), so the notes hold 38,000, as many as it lets through; 19,000 since
// the twelfth halved that bound (redteam12-inline-marks.test.ts).

interface Report {
  findings: { ruleId: string; page: { path: string } }[];
}

async function lint(root: string): Promise<Report> {
  const { code, stdout } = await runJson(join(root, 'handbook'));
  expect(code).toBe(0);
  return JSON.parse(stdout) as Report;
}

const rulesOn = (report: Report, path: string) =>
  report.findings.filter((f) => f.page.path === path).map((f) => f.ruleId);

const FRENCH =
  "Nous avons parlé de la réunion et de la liste des sujets pour la semaine prochaine avec toute l'équipe, puis nous avons discuté du budget et des projets en cours dans le groupe. ".repeat(
    3,
  );

describe('meeting notes built to make the meeting patterns slow', () => {
  it('a line that repeats "agenda" 120,000 times is read; a line that introduces the agenda still counts', {
    timeout: 60_000,
  }, async () => {
    const root = tempTree({
      'handbook/meetings/2026-03-12-sync.md': `# Sync 2026-03-12\n\n${'agenda '.repeat(120_000)}\n\n## Notes\n\n- Ana to ship the release.\n`,
      'handbook/meetings/2026-03-19-sync.md':
        '# Sync 2026-03-19\n\nThe chair presented the agenda as sent:\n\n- Release\n- Budget\n\n## Decisions\n\n- Ship on Friday.\n',
    });
    const report = await lint(root);
    expect(rulesOn(report, 'meetings/2026-03-19-sync.md')).not.toContain('meeting-agenda');
  });

  it('French notes with 19,000 empty headings are read; a "Consensus :" line still records an outcome', {
    timeout: 180_000,
  }, async () => {
    const root = tempTree({
      'handbook/meetings/2026-03-12-reunion.md': `# Réunion du 12 mars 2026\n\n${FRENCH}\n\n${'#\n'.repeat(19_000)}\nFin.\n`,
      'handbook/meetings/2026-03-19-reunion.md': `# Réunion du 19 mars 2026\n\n## Ordre du jour\n\n- Budget\n\n${FRENCH}\n\nConsensus : on garde le budget.\n`,
    });
    const report = await lint(root);
    expect(rulesOn(report, 'meetings/2026-03-19-reunion.md')).not.toContain('meeting-outcomes');
  });
});
