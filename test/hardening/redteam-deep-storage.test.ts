import { describe, expect, it } from 'vitest';
import { generateConfluenceSpace } from '../emulators/confluence-fixture.js';
import { runCli } from '../helpers/cli.js';
import { confluenceConfigFile, confluenceEmulatorForSuite } from '../helpers/confluence.js';

const NOW = ['--now', '2026-06-01'];

interface JsonReport {
  summary: { pages: number };
  unreadable: { key: string; reason: string }[];
}

describe('Confluence pages the converter cannot take, or should not', () => {
  const fixture = generateConfluenceSpace(12);
  const [deep, huge] = [fixture.pages[5], fixture.pages[7]];
  if (!deep || !huge) throw new Error('the generated space has pages');
  // Well-formed XML that a person cannot type, but an import or a script can store.
  deep.body = `<p>${'<span>'.repeat(5_000)}deep${'</span>'.repeat(5_000)}</p>`;
  // 6 MiB of storage: converting it would cost tens of seconds and gigabytes before the Markdown
  // budget could refuse it.
  huge.body = `<p>${'x'.repeat(1_000)}</p>`.repeat(6 * 1_024);
  const emulator = confluenceEmulatorForSuite(() => fixture);

  it('each is unreadable with its reason, judged before any conversion; the run reports every other page (exit 3)', async () => {
    const run = await runCli([
      'run',
      '--config',
      confluenceConfigFile(emulator(), {}, { 'fail-on': 'never' }),
      '--format',
      'json',
      ...NOW,
    ]);
    expect(run.stderr).not.toContain('internal error');
    expect(run.code).toBe(3);
    const report = JSON.parse(run.stdout) as JsonReport;
    expect(report.unreadable).toEqual([
      {
        key: `confluence:${deep.id}`,
        path: expect.any(String),
        reason: expect.stringContaining('could not be converted'),
      },
      {
        key: `confluence:${huge.id}`,
        path: expect.any(String),
        reason: `the page's storage format is ${Buffer.byteLength(huge.body)} bytes, over the limit of 5242880`,
      },
    ]);
    expect(report.summary.pages).toBe(fixture.pages.length);
  }, 60_000);
});
