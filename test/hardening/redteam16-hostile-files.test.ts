import { execFileSync, spawn } from 'node:child_process';
import { closeSync, constants, openSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { scanMarkdownFolder } from '../../src/platforms/markdown/folder.js';
import { fromDisk } from '../../src/platforms/markdown/page-text.js';
import { runCli, tempTree } from '../helpers/cli.js';

// Sixteenth round. The Markdown source on a hostile repository: a FIFO, links to a device, out of the root and in
// a loop, a folder named like a page. The walk judged each by its directory entry and held (a FIFO or device is
// no file, a link is followed only to a file inside the root). The read did not judge what it opened: it asked the
// file's size by path and then read the path to its end. So a page swapped after the walk for a FIFO waited for a
// writer forever (the run hung), one swapped for a link to /dev/zero was read until Node's 2 GiB limit, and a
// file that was empty when asked and grew meanwhile was read as far as it grew. A page is now opened without
// waiting, judged on the opened file (a regular file within the page budget) and read no further than the budget.

const BUDGET = 64 * 1024;
// A guard, not a measure: a read that has not ended by then is taken as one that never will.
const GUARD_MS = 10_000;
const hung = Symbol('hung');

async function bounded<T>(promise: Promise<T>): Promise<T | typeof hung> {
  let timer: NodeJS.Timeout | undefined;
  const guard = new Promise<typeof hung>((resolve) => {
    timer = setTimeout(() => resolve(hung), GUARD_MS);
  });
  try {
    return await Promise.race([promise, guard]);
  } finally {
    clearTimeout(timer);
  }
}

/** Lets a reader blocked in opening a FIFO go (a writer that opens and closes at once), so no thread stays stuck. */
function release(fifo: string): void {
  try {
    closeSync(openSync(fifo, constants.O_WRONLY | constants.O_NONBLOCK));
  } catch {
    // No reader was waiting (ENXIO), or the FIFO is gone.
  }
}

const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

function hostileRepository(): string {
  const root = tempTree({
    'docs/guide.md': '# Guide\n\nSee [the setup](setup.md).\n',
    'docs/setup.md': '# Setup\n\nInstall it.\n',
    'docs/a.md/inside.md': '# Inside\n\nA page in a folder named like one.\n',
  });
  roots.push(root);
  execFileSync('mkfifo', [join(root, 'docs/x.md')]);
  symlinkSync('/dev/zero', join(root, 'docs/y.md'));
  symlinkSync('/etc/passwd', join(root, 'docs/z.md'));
  symlinkSync('loop-b.md', join(root, 'docs/loop-a.md'));
  symlinkSync('loop-a.md', join(root, 'docs/loop-b.md'));
  symlinkSync('self.md', join(root, 'docs/self.md'));
  return root;
}

describe('a repository of files that are no pages', () => {
  it('lists its pages and none of the FIFO, the device, the link out, the loops or the folder (held)', async () => {
    const root = hostileRepository();
    const scan = await bounded(scanMarkdownFolder({ root, include: ['**/*.md'], exclude: [] }));
    expect(scan).not.toBe(hung);
    if (scan === hung) return;
    expect(scan.pages).toEqual(['docs/a.md/inside.md', 'docs/guide.md', 'docs/setup.md']);
  }, 30_000);

  it('is linted to its end, reading nothing outside the root (held)', async () => {
    const root = hostileRepository();
    const run = await bounded(
      runCli(['run', root, '--format', 'json', '--fail-on', 'never', '--now', '2026-04-01']),
    );
    release(join(root, 'docs/x.md'));
    expect(run).not.toBe(hung);
    if (run === hung) return;
    expect(run.stderr).not.toMatch(/internal error/);
    expect(run.code).toBe(0);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/root:x:0:0/);
  }, 60_000);
});

describe('a page changed between the walk and the read', () => {
  it('swapped for a FIFO: unreadable with the reason, never waiting for a writer', async () => {
    const root = tempTree({});
    roots.push(root);
    const fifo = join(root, 'page.md');
    execFileSync('mkfifo', [fifo]);
    const text = await bounded(fromDisk(root, { file: 'page.md' }, BUDGET));
    release(fifo);
    expect(text).not.toBe(hung);
    expect(text).toEqual({ reason: expect.stringMatching(/not a regular file/) });
  }, 30_000);

  it('swapped for a link to /dev/zero: unreadable with the reason, nothing read', async () => {
    const root = tempTree({});
    roots.push(root);
    symlinkSync('/dev/zero', join(root, 'page.md'));
    const text = await bounded(fromDisk(root, { file: 'page.md' }, BUDGET));
    expect(text).toEqual({ reason: expect.stringMatching(/not a regular file/) });
  }, 30_000);

  it('a FIFO fed without end (a file that grows while read): refused, not read on', async () => {
    const root = tempTree({});
    roots.push(root);
    const fifo = join(root, 'page.md');
    execFileSync('mkfifo', [fifo]);
    // A writer that keeps the FIFO full for as long as anyone reads it.
    const writer = spawn('sh', ['-c', `while :; do printf '%065536d' 0; done > '${fifo}'`], {
      stdio: 'ignore',
    });
    try {
      const text = await bounded(fromDisk(root, { file: 'page.md' }, BUDGET));
      expect(text).not.toBe(hung);
      expect(text).toEqual({ reason: expect.stringMatching(/not a regular file/) });
    } finally {
      writer.kill('SIGKILL');
      release(fifo);
    }
  }, 30_000);
});
