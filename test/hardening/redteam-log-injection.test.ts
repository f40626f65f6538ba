import { createServer, type Server } from 'node:http';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type ActionEnv, runAction } from '../../src/github/action.js';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import { generateConfluenceSpace } from '../emulators/confluence-fixture.js';
import { closeServer, listen } from '../emulators/http-util.js';
import { type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import {
  TOKEN_ENV as CONFLUENCE_TOKEN_ENV,
  confluenceConfigFile,
  EMAIL,
  EMAIL_ENV,
} from '../helpers/confluence.js';
import { notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';
import { N, notionWorkspace, notionWriteBack } from '../writeback/fixtures.js';
import { confluenceBehindProxy } from './behind-proxy.js';

// What a hostile wiki writes where handbook-lint prints it: on a line of its own in a CI log, GitHub
// would run it as a workflow command (override a step output, mask the log, forge an annotation).
const INJECTED = '\n::set-output name=errors::0\n  ::add-mask::handbook\r::error::forged\n';
const NOW = ['--now', '2026-06-01'];

/** Lines a GitHub runner would take for workflow commands: `::` first, after leading blanks. */
function commandLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/).filter((line) => line.trimStart().startsWith('::'));
}

/** A wiki that answers every request with an error whose message is `INJECTED`. */
function hostileServer() {
  let server: Server | undefined;
  const self = { url: '' };
  beforeAll(async () => {
    server = createServer((_req, res) => {
      res.writeHead(400, { 'content-type': 'application/json' });
      const message = `bad request${INJECTED}`;
      res.end(
        JSON.stringify({
          object: 'error',
          status: 400,
          code: 'validation_error',
          message,
          errors: [{ title: message }],
        }),
      );
    });
    self.url = `http://127.0.0.1:${await listen(server, 0)}`;
  });
  afterAll(async () => {
    if (server) await closeServer(server);
  });
  return self;
}

describe('a wiki reply with line breaks stays on its line', () => {
  const wiki = hostileServer();

  it('Notion: the listing error is one line', async () => {
    process.env[TOKEN_ENV] = 'secret_redteam_notion_token';
    try {
      const file = notionConfigFile({ url: wiki.url } as NotionEmulator);
      const run = await runCli(['run', '--config', file, ...NOW]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Notion search for pages failed: 400 validation_error: bad request');
      expect(commandLines(run.stderr)).toEqual([]);
    } finally {
      delete process.env[TOKEN_ENV];
    }
  });

  it('Confluence: the listing error is one line', async () => {
    process.env[EMAIL_ENV] = EMAIL;
    process.env[CONFLUENCE_TOKEN_ENV] = 'redteam-confluence-token';
    try {
      const dir = tempTree({
        'handbook-lint.yml': `sources:\n  confluence:\n    site-url: ${wiki.url}\n    email-env: ${EMAIL_ENV}\n    token-env: ${CONFLUENCE_TOKEN_ENV}\n`,
      });
      const run = await runCli(['run', '--config', join(dir, 'handbook-lint.yml'), ...NOW]);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('Confluence space listing failed: 400 Bad Request: bad request');
      expect(commandLines(run.stderr)).toEqual([]);
    } finally {
      delete process.env[EMAIL_ENV];
      delete process.env[CONFLUENCE_TOKEN_ENV];
    }
  });
});

describe('a page title with line breaks stays on its line in the write-back log', () => {
  let emulator: NotionEmulator;
  let file: string;
  beforeEach(async () => {
    const fixture = notionWorkspace();
    const deploy = fixture.pages.find((p) => p.id === N.deploy);
    if (!deploy) throw new Error('the fixture has the deploy guide');
    deploy.title = `Deploy guide${INJECTED}`;
    emulator = await startNotionEmulator({ fixture });
    process.env[TOKEN_ENV] = emulator.token;
    file = notionConfigFile(emulator, {}, notionWriteBack());
  });
  afterEach(async () => {
    delete process.env[TOKEN_ENV];
    await emulator.close();
  });

  it('the CLI: the dry-run plan names the page on one line', async () => {
    const run = await runCli(['run', '--config', file, '--dry-run', '--format', 'json', ...NOW]);
    expect(run.code).toBe(0);
    expect(run.stderr).toMatch(/comment\s+notion\s+"Deploy guide\\x0a::set-output/);
    expect(commandLines(run.stderr)).toEqual([]);
  });

  it('the GitHub Action: no line of its log is a workflow command it did not mean', async () => {
    const temp = tempTree({ 'output.txt': '', 'summary.md': '' });
    const env: ActionEnv = {
      GITHUB_WORKSPACE: temp,
      GITHUB_OUTPUT: join(temp, 'output.txt'),
      GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
      RUNNER_TEMP: temp,
      INPUT_CONFIG: file,
      INPUT_NOW: '2026-06-01',
      'INPUT_DRY-RUN': 'true',
    };
    let log = '';
    const code = await runAction(env, {
      stdout: (text) => {
        log += text;
      },
      stderr: (text) => {
        log += text;
      },
    });
    expect(code).toBe(0);
    expect(log).toContain('Deploy guide');
    // Only the action's own commands: its warnings, errors and annotations, and the stop-commands
    // block around the plan and the report (redteam2-stop-commands.test.ts).
    const token = /^::stop-commands::(.+)$/m.exec(log)?.[1];
    for (const line of commandLines(log)) {
      if (line === `::stop-commands::${token}` || line === `::${token}::`) continue;
      expect(line).toMatch(/^::(warning|error|notice) [^\n]*::/);
    }
  });
});

describe('a next link with line breaks stays on its line', () => {
  const env = confluenceBehindProxy({ fixture: generateConfluenceSpace(5) });
  afterEach(() => env.proxy.setRules([]));

  it('Confluence: the refused link is quoted on one line', async () => {
    env.proxy.setRules([
      {
        path: '/wiki/rest/api/content/search',
        fault: {
          kind: 'transform',
          change: (json) => ({
            ...json,
            _links: { ...json._links, next: `https://elsewhere.invalid/x${INJECTED}` },
          }),
        },
      },
    ]);
    const run = await runCli([
      'run',
      '--config',
      confluenceConfigFile({ url: env.proxy.url } as ConfluenceEmulator),
      ...NOW,
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Confluence sent a next link off the site');
    expect(commandLines(run.stderr)).toEqual([]);
  });
});
