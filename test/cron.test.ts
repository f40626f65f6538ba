import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';

const EXAMPLES = fileURLToPath(new URL('../examples/', import.meta.url));
const HANDBOOK = join(EXAMPLES, 'handbook');
const read = (file: string) => readFileSync(join(EXAMPLES, file), 'utf8');

/** A systemd unit file as section -> key -> values (a key may repeat). */
function parseUnit(text: string): Record<string, Record<string, string[]>> {
  const sections: Record<string, Record<string, string[]>> = {};
  let current: Record<string, string[]> | undefined;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header?.[1]) {
      current = sections[header[1]] = {};
      continue;
    }
    const eq = line.indexOf('=');
    if (!current || eq < 1) throw new Error(`not a unit file line: ${line}`);
    const key = line.slice(0, eq);
    current[key] = [...(current[key] ?? []), line.slice(eq + 1)];
  }
  return sections;
}

/**
 * Runs a documented handbook-lint command line in-process, in a stand-in for its working folder:
 * a handbook-lint.yml there lints the example handbook.
 */
async function runDocumented(commandLine: string) {
  const words = commandLine.trim().split(/\s+/);
  const program = words.findIndex((w) => /(^|\/)handbook-lint$/.test(w));
  expect(program).toBeGreaterThanOrEqual(0);
  const dir = tempTree({
    'handbook-lint.yml': `sources:\n  markdown:\n    root: ${JSON.stringify(HANDBOOK)}\n`,
  });
  const cwd = process.cwd();
  process.chdir(dir);
  try {
    return { ...(await runCli(words.slice(program + 1))), dir };
  } finally {
    process.chdir(cwd);
  }
}

const service = parseUnit(read('systemd/handbook-lint.service'));
const timer = parseUnit(read('systemd/handbook-lint.timer'));

describe('the systemd example', () => {
  it('runs a oneshot service as its own user, tokens from an EnvironmentFile, never reading input', () => {
    expect(service.Service).toMatchObject({
      Type: ['oneshot'],
      User: ['handbook-lint'],
      WorkingDirectory: ['/srv/handbook-lint'],
      EnvironmentFile: ['/etc/handbook-lint/env'],
      StandardInput: ['null'],
    });
    expect(service.Service?.ReadWritePaths).toEqual(service.Service?.WorkingDirectory);
  });

  it('has an ExecStart our CLI accepts: it lints, writes the report and logs the stage timings', async () => {
    const [execStart = ''] = service.Service?.ExecStart ?? [];
    expect(execStart).toMatch(/^\/\S+\/handbook-lint run /);
    const { code, stdout, stderr, dir } = await runDocumented(execStart);
    expect(code).toBe(0); // --fail-on never
    expect(stdout).toBe('');
    expect(stderr).toMatch(
      /^handbook-lint: crawl \d+\.\ds \(45 pages\), site \d+\.\ds, rules .*report \d+\.\ds\n$/,
    );
    expect(readFileSync(join(dir, 'handbook-report.md'), 'utf8')).toMatch(/^# Handbook report/);
  });

  it('has a nightly, persistent timer for the service', () => {
    expect(timer.Timer).toMatchObject({ OnCalendar: ['*-*-* 02:30:00'], Persistent: ['true'] });
    expect(timer.Install?.WantedBy).toEqual(['timers.target']);
  });

  const analyze = spawnSync('systemd-analyze', ['--version']).status === 0;
  it.skipIf(!analyze)('passes systemd-analyze verify (with ExecStart pointed at an existing program)', () => {
    const dir = tempTree({
      'handbook-lint.service': read('systemd/handbook-lint.service').replace(
        /^ExecStart=\S+/m,
        `ExecStart=${process.execPath}`,
      ),
      'handbook-lint.timer': read('systemd/handbook-lint.timer'),
    });
    const files = ['handbook-lint.service', 'handbook-lint.timer'].map((f) => join(dir, f));
    expect(() => execFileSync('systemd-analyze', ['verify', ...files], { stdio: 'pipe' })).not.toThrow();
  });
});

describe('the cron example', () => {
  const lines = read('cron/handbook-lint.cron')
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  const entries = lines.filter((line) => !/^[A-Z_]+=/.test(line));

  it('is one system crontab entry: nightly, as the handbook-lint user', () => {
    expect(entries).toHaveLength(1);
    const [minute, hour, day, month, weekday, user] = (entries[0] ?? '').split(/\s+/);
    expect([minute, hour, day, month, weekday, user]).toEqual(['30', '2', '*', '*', '*', 'handbook-lint']);
  });

  it('reads the tokens from a file and runs a command line our CLI accepts', async () => {
    const command = (entries[0] ?? '').split(/\s+/).slice(6).join(' ');
    const steps = command.split('&&').map((s) => s.trim());
    expect(steps).toContain('. /etc/handbook-lint/env');
    const { code, stderr, dir } = await runDocumented(steps.at(-1) ?? '');
    expect(code).toBe(0);
    expect(stderr).toMatch(/^handbook-lint: crawl /);
    expect(existsSync(join(dir, 'handbook-report.md'))).toBe(true);
  });

  it('runs the same command as the systemd service', () => {
    const command = (entries[0] ?? '').split('&&').at(-1)?.trim();
    const execStart = service.Service?.ExecStart?.[0]?.replace(/^\S+\/handbook-lint/, 'handbook-lint');
    expect(command).toBe(execStart);
  });
});

describe('the README', () => {
  it('shows the example files verbatim, ready to copy', () => {
    const readme = readFileSync(join(EXAMPLES, '../README.md'), 'utf8');
    for (const file of [
      'systemd/handbook-lint.service',
      'systemd/handbook-lint.timer',
      'cron/handbook-lint.cron',
    ]) {
      expect(readme).toContain(`\n${read(file)}\`\`\`\n`);
    }
  });
});
