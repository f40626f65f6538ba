import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runJson, tempTree } from '../helpers/cli.js';

// A pull request's files in CI with `--format github`: every page's file name, title, heading and link
// reaches an annotation. A runner reads a command from any line (after leading blanks) that starts
// with `::`, splitting lines at \n and \r; `::`, `,` and `:` end a property, `%` starts an escape.
// These names and texts try each, and U+2028 / U+0085 (line breaks elsewhere, not to the runner).
const HOSTILE_NAMES = [
  'a\n::error file=README.md,title=FORGED::forged.md',
  'b\r::add-mask::handbook.md',
  'c%0A::set-output name=x::1.md',
  'd,line=1,title=x::y:z.md',
  'e\u2028::error::u2028\u0085::error::nel.md',
];
const HOSTILE_TEXT =
  '# Title\r::error::title\n\n## Heading %0A::add-mask::x\n\n[link](missing\u2028::error::x.md) and ::warning::text\n';

/** The workflow commands a GitHub runner would read from `log`, as it reads them. */
function commands(log: string): { command: string; properties: Record<string, string>; message: string }[] {
  const decode = (text: string, property: boolean) => {
    let out = text.replace(/%0D/g, '\r').replace(/%0A/g, '\n');
    if (property) out = out.replace(/%3A/g, ':').replace(/%2C/g, ',');
    return out.replace(/%25/g, '%');
  };
  return log
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimStart())
    .filter((line) => line.startsWith('::'))
    .map((line) => {
      const end = line.indexOf('::', 2);
      const [command = '', props = ''] = line.slice(2, end).split(/ (.*)/s);
      const properties: Record<string, string> = {};
      for (const pair of props ? props.split(',') : []) {
        const at = pair.indexOf('=');
        properties[pair.slice(0, at)] = decode(pair.slice(at + 1), true);
      }
      return { command, properties, message: decode(line.slice(end + 2), false) };
    });
}

describe('--format github on files a pull request names and writes', () => {
  it('prints one annotation per finding, on the file as named, and no other command (held)', {
    timeout: 120_000,
  }, async () => {
    const files: Record<string, string> = { 'handbook/index.md': '# Home\n\nWelcome.\n' };
    for (const name of HOSTILE_NAMES) files[`handbook/${name}`] = HOSTILE_TEXT;
    const root = tempTree(files);
    const { stdout, stderr } = await runCli([
      'run',
      join(root, 'handbook'),
      '--format',
      'github',
      '--fail-on',
      'never',
      '--now',
      '2026-04-01',
    ]);
    expect(commands(stderr)).toEqual([]);
    const json = await runJson(join(root, 'handbook'));
    const findings = (JSON.parse(json.stdout) as { findings: { ruleId: string }[] }).findings;
    const seen = commands(stdout);
    // One line per finding, each an annotation: no line of page text became a command of its own.
    expect(stdout.trimEnd().split('\n')).toHaveLength(findings.length);
    expect(seen).toHaveLength(findings.length);
    for (const command of seen) {
      expect(['error', 'warning', 'notice']).toContain(command.command);
      expect(
        Object.keys(command.properties).every((key) =>
          /^(?:file|line|endLine|col|endColumn|title)$/.test(key),
        ),
      ).toBe(true);
    }
    // GitHub places each annotation on the file as it is named in the repository, whatever it holds.
    const named = [...HOSTILE_NAMES, 'index.md'];
    const annotated = seen.map((command) => command.properties.file ?? '');
    for (const file of annotated) expect(named.some((name) => file.endsWith(`handbook/${name}`))).toBe(true);
    for (const name of HOSTILE_NAMES)
      expect(annotated.some((file) => file.endsWith(`handbook/${name}`))).toBe(true);
  });
});
