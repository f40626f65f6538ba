import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli, tempTree } from '../helpers/cli.js';

const cwd = process.cwd();
afterEach(() => process.chdir(cwd));

/** A user rule; `errors` is what its invalid example claims it reports. */
function approverRule(errors: string, types = '[decision]'): string {
  return [
    'check: fields',
    'description: A decision names its approver.',
    'level: error',
    `applies-to: { types: ${types} }`,
    'fields:',
    '  approver: { required: true }',
    'message: "Decision has no approver."',
    'examples:',
    '  valid:',
    '    - "---\\napprover: Ana\\n---\\n# ADR 1: Queue\\n"',
    '  invalid:',
    '    - markdown: "# ADR 1: Queue\\n\\nWe use a queue.\\n"',
    `      errors: ["${errors}"]`,
    '',
  ].join('\n');
}

const RIGHT = 'Decision has no approver.';
const CONFIG = 'sources:\n  markdown: { root: handbook }\nrule-folders: [my-rules]\n';
const PAGES = { 'handbook/index.md': '---\nowner: Ann\n---\n# Home\n' };

/** Runs the CLI in a fresh repository (a tree with a `.git` folder) holding `files`. */
async function inRepo(files: Record<string, string>, args: string[]) {
  const root = tempTree(files);
  mkdirSync(join(root, '.git'));
  process.chdir(root);
  return { ...(await runCli(args)), root };
}

describe('rules --test', () => {
  it('passes the default pack, exit 0 with a one-line summary', async () => {
    const { code, stdout } = await inRepo({}, ['rules', '--test']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^All \d+ examples of \d+ rules pass\.\n$/);
  });

  it("adds the config's rule folders", async () => {
    const { code, stdout } = await inRepo(
      { 'handbook-lint.yml': CONFIG, 'my-rules/decision-approver.yml': approverRule(RIGHT) },
      ['rules', '--test'],
    );
    expect(code).toBe(0);
    const defaults = await inRepo({}, ['rules', '--test']);
    const count = (text: string) => Number(/of (\d+) rules/.exec(text)?.[1]);
    expect(count(stdout)).toBe(count(defaults.stdout) + 1);
  });

  it('shows a failing example at its file:line:col with expected and actual findings, exit 1', async () => {
    const { code, stdout, root } = await inRepo({ 'my-rules/decision-approver.yml': approverRule('Nope.') }, [
      'rules',
      '--test',
      'my-rules',
    ]);
    expect(code).toBe(1);
    const file = join(root, 'my-rules/decision-approver.yml');
    expect(stdout).toContain(
      `${file}:12:7  decision-approver: invalid example 1 should give exactly its 1 listed error(s)\n` +
        '    expected:\n      Nope.\n    actual:\n',
    );
    expect(stdout).toContain(RIGHT);
    expect(stdout).toMatch(/\n1 of 2 examples of 1 rule failed \(decision-approver\)\.\n$/);
  });

  it('shows a valid example that gives findings', async () => {
    const rule = approverRule(RIGHT).replace('approver: Ana', 'reviewer: Ana');
    const { code, stdout, root } = await inRepo({ 'my-rules/decision-approver.yml': rule }, [
      'rules',
      '--test',
      'my-rules',
    ]);
    expect(code).toBe(1);
    const file = join(root, 'my-rules/decision-approver.yml');
    expect(stdout).toContain(
      `${file}:10:7  decision-approver: valid example 1 should give no finding but gave 1\n` +
        `    expected:\n      (none)\n    actual:\n      ${RIGHT}\n`,
    );
    expect(stdout).toMatch(/\n1 of 2 examples of 1 rule failed \(decision-approver\)\.\n$/);
  });

  it('refuses an example clock that is no date at its line and column (exit 2)', async () => {
    const rule = approverRule(RIGHT).replace(
      '    - markdown: "# ADR 1',
      '    - now: someday\n      markdown: "# ADR 1',
    );
    const { code, stderr, root } = await inRepo({ 'my-rules/decision-approver.yml': rule }, [
      'rules',
      '--test',
      'my-rules',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${join(root, 'my-rules/decision-approver.yml')}:12:12  examples.invalid.0.now:`,
    );
  });

  it('DIR replaces the default pack and the config', async () => {
    const { code, stdout } = await inRepo({ 'my-rules/decision-approver.yml': approverRule(RIGHT) }, [
      'rules',
      '--test',
      'my-rules',
    ]);
    expect(code).toBe(0);
    expect(stdout).toBe('All 2 examples of 1 rule pass.\n');
  });

  it('a folder without --test is a usage error', async () => {
    const { code, stderr } = await inRepo({ 'my-rules/decision-approver.yml': approverRule(RIGHT) }, [
      'rules',
      'my-rules',
    ]);
    expect(code).toBe(2);
    expect(stderr).toContain('only with --test');
  });
});

describe('run refuses broken user rules (exit 2, file:line:col)', () => {
  it('a rule whose example fails', async () => {
    const { code, stderr, root } = await inRepo(
      { ...PAGES, 'handbook-lint.yml': CONFIG, 'my-rules/decision-approver.yml': approverRule('Nope.') },
      ['run'],
    );
    expect(code).toBe(2);
    expect(stderr).toContain('rules --test');
    expect(stderr).toContain(
      `${join(root, 'my-rules/decision-approver.yml')}:12:7  decision-approver: invalid example 1 should give exactly its 1 listed error(s)`,
    );
  });

  it('a rule that applies to an unknown document type, with a suggestion', async () => {
    const { code, stderr, root } = await inRepo(
      {
        ...PAGES,
        'handbook-lint.yml': CONFIG,
        'my-rules/decision-approver.yml': approverRule(RIGHT, '[decisions]'),
      },
      ['run'],
    );
    expect(code).toBe(2);
    expect(stderr).toContain(
      `${join(root, 'my-rules/decision-approver.yml')}:4:23  unknown document type "decisions" (did you mean "decision"?)`,
    );
  });

  it("a type the config's document-types define is known", async () => {
    const config = `${CONFIG}document-types:\n  policy: { folders: [policies] }\n`;
    const { code, stderr } = await inRepo(
      {
        ...PAGES,
        'handbook-lint.yml': config,
        'my-rules/decision-approver.yml': approverRule(RIGHT, '[policy]'),
      },
      ['run'],
    );
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });

  it('a rule that applies to an unknown source', async () => {
    const rule = approverRule(RIGHT).replace('{ types: [decision] }', '{ sources: [sharepoint] }');
    const { code, stderr, root } = await inRepo(
      { ...PAGES, 'handbook-lint.yml': CONFIG, 'my-rules/decision-approver.yml': rule },
      ['run'],
    );
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(root, 'my-rules/decision-approver.yml')}:4:25  applies-to.sources.0:`);
  });

  it("the project's own rules are never refused for types a config leaves out", async () => {
    const config =
      'sources:\n  markdown: { root: handbook }\ndocument-types:\n  policy: { folders: [policies] }\n';
    const { code, stderr } = await inRepo({ ...PAGES, 'handbook-lint.yml': config }, ['run']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
  });
});
