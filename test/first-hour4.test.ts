import { execFileSync, spawn } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempTree } from './helpers/cli.js';

// A fourth newcomer's first hour: years of markdownlint-cli2, ESLint and Vale, a fresh clone with no
// ../shared beside it, and those tools' habits typed into this one.
const PAGE = { 'handbook/index.md': '---\nowner: "@ana"\n---\n# Home\n\nSee [x](gone.md).\n' };

const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

describe('-o naming a device or a pipe (ESLint users write --output-file /dev/stdout)', () => {
  it('writes into it and leaves it what it was: a rename would replace /dev/null with a file as root', async () => {
    const dir = tempTree(PAGE);
    const fifo = join(dir, 'report.pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk) => {
      read += String(chunk);
    });
    const closed = new Promise((resolve) => reader.on('close', resolve));
    try {
      const { code, stderr } = await runCli(['run', join(dir, 'handbook'), '-f', 'json', '-o', fifo]);
      expect(stderr).toBe('');
      expect(code).toBe(1);
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      await closed;
      expect(JSON.parse(read).summary.findings).toBe(1);
    } finally {
      reader.kill();
    }
  });
});
