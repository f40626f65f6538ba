import { describe, expect, it } from 'vitest';
import type { LintResult } from '../../src/model/result.js';
import { progressLine } from '../../src/progress.js';
import { palette } from '../../src/report/colors.js';
import { formatConsole } from '../../src/report/console.js';
import { formatSyncDetails } from '../../src/sync/report.js';
import type { SyncResult } from '../../src/sync/sync.js';
import { forTerminal } from '../../src/terminal.js';
import { runCli, tempTree } from '../helpers/cli.js';

// What a hostile page title carries: clear the screen, retitle the window, ring, a one-byte CSI.
const ESCAPES = '\u001b[2J\u001b]0;pwned\u0007\u009b31m\r';
const SHOWN = '\\x1b[2J\\x1b]0;pwned\\x07\\x9b31m\\x0d';
// Any control character but the line breaks a report is made of.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the test looks for control characters.
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/;

describe('what pages say reaches a terminal escaped', () => {
  it('shows control characters as \\xNN and keeps other text', () => {
    expect(forTerminal(`Title${ESCAPES} ünïcödé 開発`)).toBe(`Title${SHOWN} ünïcödé 開発`);
  });

  it('shows bidirectional overrides and isolates as \\uNNNN, and keeps right-to-left text and its marks', () => {
    // "Trojan Source": an override shows `gpj.exe` as `exe.jpg`; an isolate reorders what follows it.
    expect(forTerminal('a\u202egpj.exe \u2066x\u2069 \u202ay\u202c')).toBe(
      'a\\u202egpj.exe \\u2066x\\u2069 \\u202ay\\u202c',
    );
    expect(forTerminal('שלום \u200fעולם \u200eA')).toBe('שלום \u200fעולם \u200eA');
  });

  it('run: file names and link targets with escapes are printed escaped', async () => {
    const root = tempTree({ [`evil${ESCAPES}.md`]: `# Evil ${ESCAPES}\n\nSee [x](missing\u009b.md).\n` });
    const { stdout, stderr } = await runCli(['run', root]);
    expect(stdout).toContain(`evil${SHOWN}.md`);
    expect(stdout).toContain('Broken link missing\\x9b.md');
    expect(stdout + stderr).not.toMatch(CONTROL);
  });

  it('the console report escapes wiki paths, URLs, messages and unreadable reasons, not its own colors', () => {
    const page = {
      key: 'notion:1',
      path: `Home/${ESCAPES}`,
      url: `https://x.test/${ESCAPES}`,
      title: ESCAPES,
    };
    const result = {
      summary: {
        pages: 2,
        findings: 1,
        errors: 1,
        warnings: 0,
        infos: 0,
        pagesWithFindings: 1,
        unreadablePages: 1,
      },
      findings: [{ page, severity: 'error', message: `Broken link ${ESCAPES}`, ruleId: 'broken-link' }],
      rules: [],
      unreadable: [{ key: 'notion:2', path: `Secret ${ESCAPES}`, reason: `403 ${ESCAPES}` }],
    } as unknown as LintResult;
    const text = formatConsole(result, palette({ isTTY: true }, {}));
    // biome-ignore lint/suspicious/noControlCharactersInRegex: removes the report's own colors.
    const colorsRemoved = text.replace(/\u001b\[\d+m/g, '');
    expect(colorsRemoved).not.toMatch(CONTROL);
    expect(text).toContain(`Home/${SHOWN}`);
    expect(text).toContain(`https://x.test/${SHOWN}`);
    expect(text).toContain(`Broken link ${SHOWN}`);
    expect(text).toContain(`Secret ${SHOWN}: 403 ${SHOWN}`);
    expect(text).toContain('\u001b[31m'); // its own colors stay
  });

  it("sync's details escape titles, reasons, files and warnings", () => {
    const result: SyncResult = {
      out: '/m',
      dryRun: true,
      written: [`a${ESCAPES}.md`],
      unchanged: [],
      deleted: [`b${ESCAPES}.md`],
      unreadable: [{ title: ESCAPES, file: 'c.md', reason: ESCAPES, kept: false }],
      warnings: [`manifest ${ESCAPES}`],
    };
    const text = formatSyncDetails(result, palette({ isTTY: false }, {}));
    expect(text).not.toMatch(CONTROL);
    expect(text).toContain(`write  a${SHOWN}.md`);
    expect(text).toContain(`delete b${SHOWN}.md`);
    expect(text).toContain(`c.md: "${SHOWN}" could not be read (${SHOWN})`);
    expect(text).toContain(`warning manifest ${SHOWN}`);
  });

  it('the progress line escapes what it is given, keeping its own cursor moves', () => {
    const writes: string[] = [];
    const stream = { isTTY: true, columns: 200, write: (chunk: string) => writes.push(chunk) > 0 };
    const report = progressLine(stream as unknown as NodeJS.WriteStream, () => 0);
    report({
      source: `notion${ESCAPES}`,
      listed: 1,
      fetched: 0,
      cached: 0,
      left: 1,
      requests: 0,
      rateLimited: 0,
      retries: 0,
      done: false,
    });
    expect(writes).toEqual([`\r\u001b[Knotion${SHOWN}: listed 1, fetched 0, 1 left, 0.0 req/s`]);
  });

  it('errors quoting the config escape what they quote', async () => {
    const root = tempTree({ 'c.yml': `"bad${ESCAPES}": 1\n` });
    const { code, stderr } = await runCli(['run', root, '--config', `${root}/c.yml`]);
    expect(code).toBe(2);
    expect(stderr).toContain(`unknown key "bad${SHOWN}"`);
    expect(stderr).not.toMatch(CONTROL);
  });
});
