import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';

// A fifteenth round of newcomers: a Vale, ESLint 9 or markdownlint-cli2 user with a handbook in a
// docs/ folder, from a fresh clone and from the packed package installed in an empty project, who
// types the options, config keys and page comments those tools taught them.

const HANDBOOK = {
  'docs/index.md': '---\nowner: "@ana"\n---\n# Handbook\n\n- [Leave](leave.md)\n',
  'docs/leave.md': '---\nowner: "@ana"\n---\n# Leave\n\nAsk your lead. Location: TBD.\n',
};

describe("Vale's and ESLint 9's options that have no counterpart here (--sort, --concurrency, --output-format)", () => {
  it('say what does the job here, exit 2', async () => {
    const docs = join(tempTree(HANDBOOK), 'docs');
    const said = async (option: string[]) => {
      const run = await runCli(['run', docs, ...option]);
      expect(run.code).toBe(2);
      return run.stderr;
    };
    expect(await said(['--sort'])).toContain('Unknown option --sort. Findings come in one stable order');
    expect(await said(['--no-wrap'])).toContain('Use --format compact');
    expect(await said(['--relative'])).toContain('already name files from the working folder');
    expect(await said(['--concurrency', '2'])).toContain('linted on worker threads on its own');
    expect(await said(['--stats'])).toContain('Use --verbose');
    expect(await said(['--exit-on-fatal-error'])).toContain('never stops a run');
    expect(await said(['--output-format', 'json'])).toContain('Use --format (-f)');
    expect(await said(['--reporter', 'json'])).toContain('Use --format (-f)');
    // Not "Did you mean --config?": the negation asks for no config, which --config cannot give.
    const noConfig = await said(['--no-config']);
    expect(noConfig).not.toContain('Did you mean');
    expect(noConfig).toContain('the nearest handbook-lint.yml');
  });

  it('a misspelled option of ours still gets the nearest one', async () => {
    const docs = join(tempTree(HANDBOOK), 'docs');
    const typo = await runCli(['run', docs, '--formt', 'json']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('Unknown option --formt. Did you mean --format?');
  });
});
