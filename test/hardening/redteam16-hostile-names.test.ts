import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

// Sixteenth round. A pull request names a page and titles it to reach the reports: ANSI escapes (a colour, a
// cleared line, an OSC title), a right-to-left override that shows a name backwards and `</script>`. A path of
// 10,000 characters is no file Linux makes (4,096 bytes a path), so not tried here. The existing promises
// (redteam6-github-format, the HTML report's escaping) are checked again against these.

const ESC = '\u001b';
const RLO = '\u202e';
const hostileTitle = `Guide ${ESC}[2K${ESC}]0;owned${ESC}\\ ${RLO}dm.exe</script><script>alert(1)</script>`;
const NOW = ['--now', '2026-04-01', '--fail-on', 'never'];

/** A guide titled, headed and linking with the hostile text; `name` is its file's name. */
function repository(name = 'guide.md'): string {
  return tempTree({
    [`docs/${name}`]: `# ${hostileTitle}\n\n## ${hostileTitle}\n\n## ${hostileTitle}\n\nSee [x](miss${RLO}ing.md) and [y](${ESC}[8mgone.md).\n`,
    'docs/index.md': '# Home\n\nSee [the guide](guide.md).\n',
  });
}

describe('hostile page names and titles in the reports', () => {
  it('--format github: no raw escape character of page text reaches the log, one annotation per finding (held)', async () => {
    const run = await runCli(['run', repository(), '--format', 'github', ...NOW]);
    expect(run.stderr).not.toMatch(/internal error/);
    // The broken link's finding quotes its target with the override shown, not acting (fixed in hardening 17);
    // the file property names the file as the repository does.
    expect(run.stdout).toContain('Broken link miss\\u202eing.md');
    expect(run.stdout).not.toContain(RLO);
    expect(run.stdout).not.toContain(ESC);
    for (const line of run.stdout.trimEnd().split('\n')) expect(line).toMatch(/^::(?:error|warning|notice) /);
  });

  it('--format compact and the console: a file name and a title with an override show it as \\u202e (hardening 17)', async () => {
    const root = repository(`red${RLO}gpj.md`);
    for (const format of ['compact', 'console']) {
      const run = await runCli(['run', root, '--format', format, ...NOW]);
      expect(run.stdout).toContain('red\\u202egpj.md');
      expect(run.stdout + run.stderr).not.toContain(RLO);
    }
  });

  it('--format sarif: the escape is JSON-escaped, the file still named (held)', async () => {
    const root = repository(`${ESC}[31mred${RLO}gpj.md`);
    const out = join(root, 'report.sarif');
    const run = await runCli(['run', root, '--format', 'sarif', '-o', out, ...NOW]);
    expect(run.stderr).not.toMatch(/internal error/);
    const text = readFileSync(out, 'utf8');
    expect(text).not.toContain(ESC);
    expect(() => JSON.parse(text)).not.toThrow();
  });

  it('--format html: the title is text, no script element, no raw escape (held)', async () => {
    const root = repository(`${ESC}[31mred${RLO}gpj.md`);
    const out = join(root, 'report.html');
    const run = await runCli(['run', root, '--format', 'html', '-o', out, ...NOW]);
    expect(run.stderr).not.toMatch(/internal error/);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain(ESC);
  });
});
