import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { State } from '../../src/state.js';
import type { NotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { notionConfigFile } from '../helpers/notion.js';
import { N, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';
import { notionBehindProxy } from './behind-proxy.js';
import { notionAnswersTwice } from './notion-answers-twice.js';

// Twelfth round, a bad night: the wiki answers twice on the first night, when there is no ledger yet
// (redteam5-answers-twice covers a wiki that answers twice after a clean run has written its ledger).
// Notion's search gives its pages again under a cursor spelled without dashes, each time under another
// parent, and every comment listing answers with each comment twice. The first run still writes one
// comment on each offending page and one findings page; a clean run after it, without that ledger (as a
// run that lost it), finds everything already written: no write at all. *(held)*

const NOW = ['--now', '2026-06-01'];
const readState = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as State;

describe('a Notion wiki that answers twice on the first night', () => {
  const env = notionBehindProxy({ fixture: notionWorkspace() });
  afterEach(() => env.proxy.setRules([]));

  it('one comment on each page, one findings page; a clean run after it writes nothing', async () => {
    const dir = tempTree({});
    const config = (state: string) =>
      notionConfigFile(
        { url: env.proxy.url } as NotionEmulator,
        {},
        { ...notionWriteBack(), state: { path: state } },
      );
    env.proxy.setRules(notionAnswersTwice());
    const first = join(dir, 'first.json');
    const run = await runCli(['run', '--config', config(first), '--format', 'json', ...NOW]);
    expect(run.code).toBe(0);
    // The repeat was asked for and answered: the test plays what it says.
    expect(env.proxy.log.filter((r) => r.path === '/v1/search' && r.fault).length).toBe(2);
    expect([N.deploy, N.runbook].map((id) => env.emulator.comments(id).length)).toEqual([1, 1]);
    const report = JSON.parse(run.stdout) as { findings: { fingerprint: string }[] };
    expect(new Set(report.findings.map((f) => f.fingerprint)).size).toBe(report.findings.length);
    const page = readState(first).writeback.pages.notion?.id ?? '';
    expect(page).not.toBe('');

    env.proxy.setRules([]);
    env.emulator.log.length = 0;
    const clean = await runCli([
      'run',
      '--config',
      config(join(dir, 'clean.json')),
      '--format',
      'json',
      ...NOW,
    ]);
    expect(clean.code).toBe(0);
    expect(env.emulator.log.filter((e) => e.write).map((e) => `${e.method} ${e.path}`)).toEqual([]);
    expect(readState(join(dir, 'clean.json')).writeback.pages.notion?.id).toBe(page);
  }, 120_000);
});
