import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../src/config.js';
import { type ActionEnv, runAction } from '../src/github/action.js';
import { outputEntry } from '../src/github/commands.js';
import type { Finding } from '../src/model/finding.js';
import { annotation, workflowCommand } from '../src/report/workflow-commands.js';
import { run } from '../src/run.js';
import { runCli, tempTree } from './helpers/cli.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));

/** Runs the action's entry as GitHub would: inputs and GitHub's files in the environment, output captured. */
async function runAsGitHub(inputs: Record<string, string>, extra: ActionEnv = {}) {
  const temp = tempTree({ 'output.txt': '', 'summary.md': '' });
  const env: ActionEnv = {
    GITHUB_WORKSPACE: REPO,
    GITHUB_OUTPUT: join(temp, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
    RUNNER_TEMP: temp,
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_REPOSITORY: 'acme/handbook',
    GITHUB_SHA: 'abc123',
    ...Object.fromEntries(
      Object.entries(inputs).map(([name, value]) => [`INPUT_${name.toUpperCase()}`, value]),
    ),
    ...extra,
  };
  let stdout = '';
  let stderr = '';
  const code = await runAction(env, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  const read = (file: string) => readFileSync(join(temp, file), 'utf8');
  const outputs = Object.fromEntries(
    read('output.txt')
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { code, stdout, stderr, outputs, summary: read('summary.md'), temp };
}

const EXAMPLE = { config: 'config.example.yml', now: '2026-11-22' };
// The same run the action makes, for the expected counts (test/examples.test.ts pins the findings).
const expected = await run(await loadConfig(join(REPO, 'config.example.yml')), {
  now: new Date('2026-11-22T00:00:00Z'),
});

describe('the GitHub Action', () => {
  it('annotates Markdown findings with paths from the workspace root', async () => {
    const { code, stdout } = await runAsGitHub(EXAMPLE);
    expect(code).toBe(1);
    // The report is printed between ::stop-commands::TOKEN and ::TOKEN::; the annotations after it.
    const token = /^::stop-commands::(.+)$/m.exec(stdout)?.[1];
    const own = (line: string) => line === `::stop-commands::${token}` || line === `::${token}::`;
    const lines = stdout.split('\n').filter((line) => line.startsWith('::') && !own(line));
    expect(lines).toHaveLength(expected.findings.length);
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::error file=examples\/handbook\/decisions\/0004-weekly-update-format\.md,line=4,endLine=4,col=1,endColumn=\d+,title=decision-status::Decision record has no valid status/,
      ),
    );
    // A whole-page finding annotates the file without a line.
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^::warning file=examples\/handbook\/company\/expense-policy-old\.md,title=orphan-page::/,
      ),
    );
    // The console report is in the log too.
    expect(stdout).toContain(`✖ ${expected.summary.findings} problems`);
  });

  it('writes the counts, coverage and report paths as step outputs, and the reports', async () => {
    const { outputs, temp } = await runAsGitHub(EXAMPLE);
    const reports = join(temp, 'handbook-lint');
    const s = expected.summary;
    expect(outputs).toEqual({
      errors: String(s.errors),
      warnings: String(s.warnings),
      findings: String(s.findings),
      coverage: String(expected.coverage?.metrics.find((m) => m.id === 'coverage')?.percent),
      'json-report': join(reports, 'handbook-lint.json'),
      'markdown-report': join(reports, 'handbook-lint.md'),
      'sarif-report': join(reports, 'handbook-lint.sarif'),
      'html-report': join(reports, 'handbook-lint.html'),
    });
    expect(JSON.parse(readFileSync(outputs['json-report'] ?? '', 'utf8')).summary).toEqual(s);
    const sarif = JSON.parse(readFileSync(outputs['sarif-report'] ?? '', 'utf8'));
    expect(sarif.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toMatch(
      /^examples\/handbook\//,
    );
    expect(readFileSync(outputs['markdown-report'] ?? '', 'utf8')).toMatch(/^# Handbook report/);
    expect(readFileSync(outputs['html-report'] ?? '', 'utf8')).toMatch(/^<!doctype html>/);
  });

  it('appends the findings page to the step summary, linking files at the commit', async () => {
    const { summary } = await runAsGitHub(EXAMPLE);
    expect(summary).toMatch(/^# Handbook report/);
    expect(summary).toContain('documentation coverage');
    expect(summary).toContain(
      '(https://github.com/acme/handbook/blob/abc123/examples/handbook/decisions/0004-weekly-update-format.md)',
    );
  });

  it('takes fail-on, path and report-dir inputs, and logs its stage timings', async () => {
    const dir = tempTree({});
    const { code, outputs, stderr } = await runAsGitHub({
      path: 'examples/handbook',
      'fail-on': 'never',
      'report-dir': dir,
      now: '2026-11-22',
    });
    expect(code).toBe(0);
    expect(outputs['json-report']).toBe(join(dir, 'handbook-lint.json'));
    expect(stderr).toMatch(/^handbook-lint: crawl \d+\.\ds \(45 pages\), site .*, report \d+\.\ds\n$/);
  });

  it('reads inputs written with underscores, as action.yml passes them', async () => {
    const { code } = await runAsGitHub(
      { config: 'config.example.yml' },
      { INPUT_FAIL_ON: 'never', INPUT_NOW: '2026-11-22' },
    );
    expect(code).toBe(0);
  });

  it('plans the write-back in a dry run and writes nothing; a real run writes and keeps the ledger', async () => {
    const dir = tempTree({
      'handbook-lint.yml': [
        'sources:',
        `  markdown: { root: ${JSON.stringify(join(REPO, 'examples/handbook'))} }`,
        'writeback:',
        '  findings-page:',
        '    markdown: { path: findings.md }',
      ].join('\n'),
    });
    const inputs = { config: join(dir, 'handbook-lint.yml'), now: '2026-11-22', 'fail-on': 'never' };
    const dry = await runAsGitHub({ ...inputs, 'dry-run': 'true' });
    expect(dry.code).toBe(0);
    expect(dry.stderr).toContain('Dry run: nothing was written. 1 planned write:');
    expect(existsSync(join(dir, 'findings.md'))).toBe(false);
    expect(existsSync(join(dir, '.handbook-lint/state.json'))).toBe(false);
    const baselineStates = async () => {
      const { outputs } = await runAsGitHub(inputs);
      const sarif = JSON.parse(readFileSync(outputs['sarif-report'] ?? '', 'utf8'));
      return new Set(sarif.runs[0].results.map((r: { baselineState?: string }) => r.baselineState));
    };
    // The first run against the ledger sees every finding as new, the next one as unchanged.
    expect(await baselineStates()).toEqual(new Set(['new']));
    expect(existsSync(join(dir, 'findings.md'))).toBe(true);
    expect(await baselineStates()).toEqual(new Set(['unchanged']));
  });

  it("uses the repository's handbook-lint.yml when no config input is given", async () => {
    const page = { 'docs/offsite.md': '# Offsite\n\nOwner: @ana\n\nLocation: TBD\n' };
    const lint = async (files: Record<string, string>, inputs: Record<string, string>) => {
      const { outputs } = await runAsGitHub(
        { now: '2026-11-22', ...inputs },
        { GITHUB_WORKSPACE: tempTree(files) },
      );
      return JSON.parse(readFileSync(outputs['json-report'] ?? '', 'utf8')).findings.map(
        (f: Finding) => f.ruleId,
      );
    };
    expect(await lint(page, { path: 'docs' })).toContain('placeholder');
    const config = 'sources:\n  markdown:\n    root: docs\nrules:\n  placeholder: off\n';
    expect(await lint({ ...page, 'handbook-lint.yml': config }, {})).not.toContain('placeholder');
  });

  it('rejects an accept-shrink input that is not a boolean', async () => {
    const { code, stdout } = await runAsGitHub({ ...EXAMPLE, 'accept-shrink': 'maybe' });
    expect(code).toBe(2);
    expect(stdout).toContain('Input accept-shrink must be true or false');
  });

  it('rejects a dry-run input that is not a boolean', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { code, stdout } = await runAsGitHub({ ...EXAMPLE, 'dry-run': 'maybe' });
    stderr.mockRestore();
    expect(code).toBe(2);
    expect(stdout).toContain('Input dry-run must be true or false');
  });

  it('exits like the CLI on a usage error, with an error annotation', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const { code, stdout } = await runAsGitHub({ config: 'config.example.yml', 'fail-on': 'sometimes' });
    stderr.mockRestore();
    expect(code).toBe(2);
    expect(stdout).toBe(
      '::error title=handbook-lint::Input fail-on must be one of error, warning, never; got "sometimes"\n',
    );
    const cli = await runCli(['run', '--config', join(REPO, 'config.example.yml'), '--fail-on', 'sometimes']);
    expect(cli.code).toBe(code);
  });
});

describe('workflow commands', () => {
  it('escapes messages and properties as GitHub requires', () => {
    expect(
      workflowCommand('warning', { file: 'a,b:c%.md', line: 3, col: undefined }, '50% done\r\nnext: line'),
    ).toBe('::warning file=a%2Cb%3Ac%25.md,line=3::50%25 done%0D%0Anext: line');
  });

  it('sends columns only for spans on one line, and infos as notices', () => {
    const finding: Finding = {
      ruleId: 'placeholder',
      severity: 'info',
      message: 'TBD left in',
      page: { key: 'markdown:a.md', title: 'A', url: 'a.md', path: 'a.md', file: 'a.md' },
      position: { start: { line: 2, column: 3 }, end: { line: 4, column: 1 } },
      fingerprint: 'x',
    };
    expect(annotation(finding, 'docs/a.md')).toBe(
      '::notice file=docs/a.md,line=2,endLine=4,title=placeholder::TBD left in',
    );
  });

  it('writes multiline outputs with a delimiter', () => {
    expect(outputEntry('errors', '3')).toBe('errors=3\n');
    expect(outputEntry('list', 'a\nb', 'EOF_1')).toBe('list<<EOF_1\na\nb\nEOF_1\n');
  });
});
