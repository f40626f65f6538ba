import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { tempTree } from '../helpers/temp-tree.js';

// Since the ninth round a run says how many `.mdx` pages it left unread (folder.ts, unreadMdx; the
// CLI prints the notice on standard error, the Action as a warning), and a root link finds files a
// generator serves from static/ or public/ (site-files.ts). A pull request names the files.

const lint = (root: string) =>
  runCli(['run', root, '--format', 'json', '--fail-on', 'never', '--now', '2026-04-01']);

describe('the unread .mdx notice (held)', () => {
  it('20,000 unread .mdx files are one line, not one each', { timeout: 60_000 }, async () => {
    const root = tempTree({ 'README.md': '# Handbook\n' });
    for (let i = 0; i < 20_000; i++) writeFileSync(join(root, `page-${i}.mdx`), '# Page\n');
    const { stderr } = await lint(root);
    const notices = stderr.split('\n').filter((line) => line.includes('.mdx'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(/20000 \.mdx files \(page-\d+\.mdx, …\) were not read/);
  });

  it('a file name carrying terminal escapes and workflow commands is printed as text', async () => {
    const name = '\u001b]0;pwned\u0007\u001b[2J\n::error::forged\r.mdx';
    const root = tempTree({ 'README.md': '# Handbook\n', [name]: '# Page\n' });
    const { stderr } = await lint(root);
    for (const control of ['\u001b', '\u0007', '\r']) expect(stderr).not.toContain(control);
    expect(stderr.split('\n').some((line) => line.startsWith('::'))).toBe(false);
    expect(stderr).toContain('\\x1b]0;pwned\\x07\\x1b[2J\\x0a::error::forged\\x0d.mdx');
  });
});

describe('static/ and public/ roots (held)', () => {
  it('a link through static/ out of the lint root, or a file link planted there to a file outside, finds nothing', async () => {
    const outside = tempTree({ 'secret.txt': 'secret\n' });
    const root = tempTree({
      'README.md': '# Handbook\n\n[a](/static/../../secret.txt) [b](/static/leak.txt) [c](/static/ok.txt)\n',
      'static/ok.txt': 'ok\n',
    });
    // A link planted under static/ to a file outside the project: a file the site would serve, never read.
    symlinkSync(join(outside, 'secret.txt'), join(root, 'static', 'leak.txt'));
    const { stdout } = await lint(root);
    const broken = (JSON.parse(stdout) as { findings: { ruleId: string; message: string }[] }).findings
      .filter((f) => f.ruleId === 'broken-link')
      .map((f) => f.message);
    // static/ok.txt is served; the link out of static/ and the planted link out of the project are not.
    expect(broken).toEqual([
      'Broken link /static/../../secret.txt: no such page.',
      'Broken link /static/leak.txt: no such page.',
    ]);
  });
});
