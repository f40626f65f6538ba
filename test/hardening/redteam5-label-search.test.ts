import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import { generateConfluenceSpace } from '../emulators/confluence-fixture.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { confluenceConfigFile } from '../helpers/confluence.js';
import { confluenceBehindProxy } from './behind-proxy.js';

// A fresh attack (hardening 5): the label search types pages (decision, meeting notes); a search
// that stops early is a half answer the listing's checks did not see.
const NOW = ['--now', '2026-06-01'];

interface Report {
  findings: { fingerprint: string }[];
  fixed: unknown[];
}

describe('a Confluence label search cut short', () => {
  const env = confluenceBehindProxy({ fixture: generateConfluenceSpace(600) });
  afterEach(() => env.proxy.setRules([]));

  it('its first answer with no next link: the pages after it keep their findings, nothing is called fixed (exit 3)', async () => {
    const state = join(tempTree({}), 'state.json');
    const config = confluenceConfigFile(
      { url: env.proxy.url } as ConfluenceEmulator,
      {},
      { 'fail-on': 'never', state: { path: state } },
    );
    const lint = async () => {
      const run = await runCli(['run', '--config', config, '--format', 'json', ...NOW]);
      return { code: run.code, stderr: run.stderr, report: JSON.parse(run.stdout || '{}') as Report };
    };
    const first = await lint();
    expect(first.code).toBe(0);
    env.proxy.setRules([
      {
        path: '/wiki/rest/api/content/search',
        method: 'GET',
        fault: {
          kind: 'transform',
          change: (json) => {
            const links = { ...json._links };
            delete links.next;
            return { ...json, _links: links };
          },
        },
      },
    ]);
    const second = await lint();
    // Every page past the first 200 lost its labels: 241 findings of untyped decisions were called fixed.
    expect(second.report.fixed).toEqual([]);
    expect(second.code).toBe(3);
    expect(second.stderr).toContain(
      "Confluence's label search ended on a full answer with no next link, and 400 listed pages were not in it",
    );
  }, 120_000);
});
