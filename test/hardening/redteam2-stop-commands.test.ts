import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ActionEnv, runAction } from '../../src/github/action.js';
import { type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { tempTree } from '../helpers/cli.js';
import { notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';
import { N, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';

// Wiki text that is a workflow command when a line starts with it: no line break needed, as the
// title or a heading is printed where a line starts.
const FORGED = '::error file=README.md,title=FORGED::forged';
const MASK = '::add-mask::FORGED';

/**
 * The lines a GitHub runner reads for commands: those outside the blocks that
 * `::stop-commands::TOKEN` opens and `::TOKEN::` closes.
 */
function liveLines(log: string): string[] {
  const live: string[] = [];
  let stop: string | undefined;
  for (const raw of log.split(/\r\n|\r|\n/)) {
    const line = raw.trimStart();
    if (stop !== undefined) {
      if (line === `::${stop}::`) stop = undefined;
      continue;
    }
    const opened = /^::stop-commands::(.+)$/.exec(line);
    if (opened) stop = opened[1];
    else live.push(line);
  }
  return live;
}

// The action's own commands, whose message is escaped (`workflowCommand`) and may quote the wiki.
const OWN_COMMAND = /^::(warning|error) title=handbook-lint::/;

const stopTokens = (log: string) => [...log.matchAll(/^::stop-commands::(.+)$/gm)].map((m) => m[1]);

describe("the GitHub Action prints a wiki's words with workflow commands stopped", () => {
  let emulator: NotionEmulator;
  let config: string;
  beforeEach(async () => {
    const fixture = notionWorkspace();
    const deploy = fixture.pages.find((p) => p.id === N.deploy);
    if (!deploy) throw new Error('the fixture has the deploy guide');
    deploy.title = `Deploy\n${FORGED}\n  ${MASK}`;
    deploy.markdown = `# ${MASK}\n\n${deploy.markdown}\n${FORGED}\n`;
    emulator = await startNotionEmulator({ fixture });
    process.env[TOKEN_ENV] = emulator.token;
    config = notionConfigFile(emulator, {}, notionWriteBack());
  });
  afterEach(async () => {
    delete process.env[TOKEN_ENV];
    await emulator.close();
  });

  async function action(format: string): Promise<string> {
    const temp = tempTree({ 'output.txt': '', 'summary.md': '' });
    const env: ActionEnv = {
      GITHUB_WORKSPACE: temp,
      GITHUB_OUTPUT: join(temp, 'output.txt'),
      GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
      RUNNER_TEMP: temp,
      INPUT_CONFIG: config,
      INPUT_NOW: '2026-06-01',
      INPUT_FORMAT: format,
      'INPUT_DRY-RUN': 'true',
    };
    let log = '';
    const write = (text: string) => {
      log += text;
    };
    expect(await runAction(env, { stdout: write, stderr: write })).toBe(0);
    return log;
  }

  it.each(['console', 'markdown', 'json'])(
    "%s: the wiki's words are printed only where the runner runs no command",
    async (format) => {
      const log = await action(format);
      expect(log).toContain('FORGED');
      const live = liveLines(log).filter((line) => line.includes('FORGED') && !OWN_COMMAND.test(line));
      expect(live).toEqual([]);
    },
  );

  it('the stop token is new in every run and never one the wiki could know', async () => {
    const first = stopTokens(await action('console'));
    const second = stopTokens(await action('console'));
    expect(first.length).toBeGreaterThan(0);
    expect(new Set(first).size).toBe(1);
    expect(first[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(second[0]).not.toBe(first[0]);
  });
});
