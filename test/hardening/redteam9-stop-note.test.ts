import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { exitCleanlyOnInterrupt } from '../../src/interrupt.js';
import type { ConfluenceEmulator } from '../emulators/confluence.js';
import type { RequestLogEntry } from '../emulators/http-util.js';
import { runCli } from '../helpers/cli.js';
import { commentingWikiForSuite } from '../helpers/confluence.js';

// A run stopped by Ctrl-C or a cancelled job during write-back (src/interrupt.ts) exits without
// saving its ledger: the comments it posted are on the wiki, but nothing records them. The eighth
// round found that its stop message said only that the lock was removed; the user could not tell
// what the wiki now held. The message now names each write made, by kind, platform, title and URL.
// The signal is sent in-process while the third comment is being posted (process.exit stubbed).

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

describe('a run stopped during write-back', () => {
  let emulator: ConfluenceEmulator;
  let file: string;
  let pageIds: string[];
  const before = Object.fromEntries(SIGNALS.map((s) => [s, process.listeners(s)]));
  const wiki = commentingWikiForSuite(40);
  beforeAll(() => {
    ({ emulator, file, pageIds } = wiki());
  });
  afterEach(() => {
    vi.restoreAllMocks();
    for (const signal of SIGNALS)
      for (const listener of process.listeners(signal))
        if (!before[signal]?.includes(listener)) process.removeListener(signal, listener);
  });

  it('names the findings page and each comment it had posted', { timeout: 60_000 }, async () => {
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    exitCleanlyOnInterrupt();
    const commented: string[] = [];
    let onWiki: string[] = [];
    const push = emulator.log.push.bind(emulator.log);
    emulator.log.push = (...entries: RequestLogEntry[]) => {
      for (const entry of entries)
        if (entry.method === 'POST' && entry.path.includes('footer-comments')) {
          // Two comments are on the wiki when the third is asked for.
          if (commented.length === 2) {
            onWiki = pageIds.filter((id) => emulator.comments(id).length > 0);
            process.emit('SIGINT');
          }
          commented.push(entry.path);
        }
      return push(...entries);
    };
    const run = await runCli(['run', '--config', file, '--format', 'json', '--now', '2026-06-01']);
    expect(exit.mock.calls).toEqual([[130]]);
    const note = run.stderr.slice(run.stderr.indexOf('stopped by SIGINT'));
    expect(note).toMatch(/write-back made 3 writes the ledger does not record/);
    // The note's lines, up to the first that is not one (the stubbed exit lets the run go on printing).
    const after = note.split('\n').slice(2);
    const lines = after.slice(
      0,
      after.findIndex((line) => !line.startsWith('  ')),
    );
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^ {2}create page {2}confluence {2}"Handbook lint findings"/);
    // The two comments on the wiki when it stopped, named by the pages they are on.
    expect(onWiki).toHaveLength(2);
    const named = lines
      .slice(1)
      .map((line) => line.match(/^ {2}comment {2}confluence {2}".*\/pages\/(\d+)\//)?.[1]);
    expect(named.sort()).toEqual(onWiki.sort());
  });
});
