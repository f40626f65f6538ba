import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli, tempTree } from './helpers/cli.js';

interface Report {
  summary: { findings: number };
  findings: { ruleId: string; page: { key: string }; status: string }[];
  history: { new: number; fixed: number; accepted: { suppressed: number; baselined: number } };
}

const PAGE = '# Alpha\n\nOwner: Ana\n\nSee [the guide](missing.md).\n';

function handbook(top: Record<string, unknown> = {}): { dir: string; file: string } {
  const dir = tempTree({
    'handbook/index.md': '# Home\n\nOwner: Ana\n\n- [Alpha](alpha.md)\n- [Beta](beta.md)\n',
    'handbook/alpha.md': PAGE,
    'handbook/beta.md': '# Beta\n\nOwner: Ana\n\nAll good.\n',
    'handbook-lint.yml': stringify({
      sources: { markdown: { root: 'handbook' } },
      'fail-on': 'never',
      ...top,
    }),
  });
  return { dir, file: join(dir, 'handbook-lint.yml') };
}

async function lint(file: string, ...extra: string[]) {
  const run = await runCli(['run', '--config', file, '--format', 'json', '--now', '2026-06-01', ...extra]);
  return { ...run, report: JSON.parse(run.stdout || '{}') as Report };
}

const broken = (report: Report) =>
  report.findings.filter((f) => f.ruleId === 'broken-link').map((f) => f.page.key);

describe('baseline', () => {
  it("accepts today's findings by fingerprint, so only new ones are reported", async () => {
    const { dir, file } = handbook({ baseline: 'handbook-lint.baseline.json' });
    const made = await runCli(['baseline', '--config', file, '--now', '2026-06-01']);
    expect(made.code).toBe(0);
    expect(made.stdout).toMatch(/handbook-lint\.baseline\.json: \d+ findings? accepted/);
    const baseline = JSON.parse(readFileSync(join(dir, 'handbook-lint.baseline.json'), 'utf8'));
    expect(baseline.findings).toContainEqual(
      expect.objectContaining({ ruleId: 'broken-link', page: 'markdown:alpha.md' }),
    );

    const clean = await lint(file);
    expect(clean.report.summary.findings).toBe(0);
    expect(clean.report.history.accepted.baselined).toBe(baseline.findings.length);

    writeFileSync(join(dir, 'handbook/beta.md'), '# Beta\n\nOwner: Ana\n\nSee [old](gone.md).\n');
    const next = await lint(file);
    expect(broken(next.report)).toEqual(['markdown:beta.md']);
  });

  it('a configured baseline that does not exist is a clear error', async () => {
    const { file } = handbook({ baseline: 'nowhere.json' });
    const { code, stderr } = await runCli(['run', '--config', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('does not exist. Run `handbook-lint baseline`');
  });
});

describe('baseline file', () => {
  const BASELINE = 'handbook-lint.baseline.json';

  it('is byte-identical when regenerated for the same findings: no timestamp, sorted by code unit', async () => {
    const { dir, file } = handbook({ baseline: BASELINE });
    writeFileSync(join(dir, 'handbook/Zeta.md'), '# Zeta\n\nOwner: Ana\n\nSee [x](nowhere.md).\n');
    await runCli(['baseline', '--config', file, '--now', '2026-06-01']);
    const first = readFileSync(join(dir, BASELINE), 'utf8');
    const again = await runCli(['baseline', '--config', file, '--now', '2026-07-15']);
    expect(again.code).toBe(0);
    expect(readFileSync(join(dir, BASELINE), 'utf8')).toBe(first);
    const parsed = JSON.parse(first);
    expect(first).not.toMatch(/createdAt|"version"/);
    const pages: string[] = parsed.findings.map((f: { page: string }) => f.page);
    // Code-unit order puts upper case first, where a locale order would not.
    expect(pages).toEqual([...pages].sort());
    expect(pages[0]).toBe('markdown:Zeta.md');
  });

  it("for some files, refreshes their findings and keeps the other pages' entries", async () => {
    const { dir, file } = handbook({ baseline: BASELINE });
    writeFileSync(join(dir, 'handbook/beta.md'), '# Beta\n\nOwner: Ana\n\nSee [old](gone.md).\n');
    await runCli(['baseline', '--config', file, '--now', '2026-06-01']);
    const pagesIn = () =>
      new Set(
        JSON.parse(readFileSync(join(dir, BASELINE), 'utf8')).findings.map((f: { page: string }) => f.page),
      );
    expect(pagesIn()).toEqual(new Set(['markdown:alpha.md', 'markdown:beta.md']));
    writeFileSync(join(dir, 'handbook/beta.md'), '# Beta\n\nOwner: Ana\n\nAll good.\n');
    const partial = await runCli([
      'baseline',
      '--config',
      file,
      join(dir, 'handbook/beta.md'),
      '--now',
      '2026-06-01',
    ]);
    expect(partial.code).toBe(0);
    expect(partial.stdout).toContain('kept');
    expect(pagesIn()).toEqual(new Set(['markdown:alpha.md']));
  });

  it('for some files, keeps their entries of orphan-page, a rule such a run cannot check', async () => {
    const { dir, file } = handbook({ baseline: BASELINE });
    writeFileSync(join(dir, 'handbook/lonely.md'), '# Lonely\n\nOwner: Ana\n\nSee [old](gone.md).\n');
    await runCli(['baseline', '--config', file, '--now', '2026-06-01']);
    const entries = () =>
      (JSON.parse(readFileSync(join(dir, BASELINE), 'utf8')).findings as { ruleId: string; page: string }[])
        .filter((f) => f.page === 'markdown:lonely.md')
        .map((f) => f.ruleId)
        .sort();
    expect(entries()).toEqual(['broken-link', 'orphan-page']);
    writeFileSync(join(dir, 'handbook/lonely.md'), '# Lonely\n\nOwner: Ana\n\nAll good.\n');
    const partial = await runCli([
      'baseline',
      '--config',
      file,
      join(dir, 'handbook/lonely.md'),
      '--now',
      '2026-06-01',
    ]);
    expect(partial.code).toBe(0);
    expect(entries()).toEqual(['orphan-page']);
    expect((await lint(file)).report.summary.findings).toBe(0);
  });

  it('still reads a baseline written by an older version, with createdAt', async () => {
    const { dir, file } = handbook({ baseline: BASELINE });
    await runCli(['baseline', '--config', file, '--now', '2026-06-01']);
    const old = JSON.parse(readFileSync(join(dir, BASELINE), 'utf8'));
    writeFileSync(
      join(dir, BASELINE),
      JSON.stringify({
        ...old,
        tool: { name: 'handbook-lint', version: '0.1.0' },
        createdAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    expect((await lint(file)).report.summary.findings).toBe(0);
  });
});

describe('suppressions in config', () => {
  const suppression = (expires: string) => ({
    suppressions: [{ rule: 'broken-link', page: 'alpha.md', reason: 'guide moves in June', expires }],
  });

  it('hide matching findings until they expire', async () => {
    const { file } = handbook(suppression('2026-06-30'));
    const { report, stderr } = await lint(file);
    expect(broken(report)).toEqual([]);
    expect(report.history.accepted.suppressed).toBe(1);
    expect(stderr).toBe('');
  });

  it('expire loudly: the finding is back and a warning names the suppression', async () => {
    const { file } = handbook(suppression('2026-05-31'));
    const { report, stderr } = await lint(file);
    expect(broken(report)).toEqual(['markdown:alpha.md']);
    expect(stderr).toContain(
      'warning suppression of broken-link on alpha.md expired on 2026-05-31 ("guide moves in June"): its findings are reported again.',
    );
  });

  it('reject a suppression without a reason or with a bad date', async () => {
    const { file } = handbook({
      suppressions: [{ rule: 'broken-link', page: 'alpha.md', expires: '31.05.2026' }],
    });
    const { code, stderr } = await runCli(['run', '--config', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('reason');
    expect(stderr).toContain('a date like 2026-12-31');
  });
});

describe('Markdown findings file', () => {
  it('is written on the first run, rewritten only when the report changes, and shows new, open and fixed', async () => {
    const { dir, file } = handbook({
      writeback: { 'findings-page': { markdown: { path: 'reports/FINDINGS.md' } } },
    });
    const path = join(dir, 'reports/FINDINGS.md');
    await lint(file);
    expect(readFileSync(path, 'utf8')).toContain('# Handbook lint findings');
    const second = await lint(file);
    expect(second.report.findings.every((f) => f.status === 'open')).toBe(true);
    const written = statSync(path).mtimeMs;
    const third = await runCli(['run', '--config', file, '--now', '2026-06-01']);
    expect(third.code).toBe(0);
    expect(statSync(path).mtimeMs).toBe(written);
    writeFileSync(join(dir, 'handbook/alpha.md'), '# Alpha\n\nOwner: Ana\n\nSee [Beta](beta.md).\n');
    const fixed = await runCli(['run', '--config', file, '--now', '2026-06-01']);
    expect(fixed.stdout).toMatch(/0 new, 1 fixed since the run of 2026-06-01/);
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('## Fixed since the last run (1)');
    expect(text).toMatch(/\| Metric \| Value \| Target \| Pass \| Change \|/);
    expect(existsSync(join(dir, '.handbook-lint/state.json'))).toBe(true);
  });
});
