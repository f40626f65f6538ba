import { execFileSync, spawn } from 'node:child_process';
import { createReadStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';

// A reader that closes the pipe early (`| head -c 10`) has chosen to read no more: `cli.ts` drops the
// rest of standard output and the command ends with its own exit code (1 for findings), as `grep` and
// `git log | head` do, never an error. A report written with `-o` into a pipe took another path: `-o
// /dev/stdout | head -c 10`, `-o /dev/fd/1` or `-o` a named pipe whose reader left ended with "error
// Cannot write report to /dev/stdout: EPIPE" and exit 2, though the findings were reported as far as
// the reader wanted them. Now the same as standard output: no error, the findings' exit code (not
// 141, 128 + SIGPIPE, which Node never takes: it ignores SIGPIPE), no file left beside the pipe.

// The built command line, as a shell pipeline runs it (`npm test` builds it first).
const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** A handbook whose JSON report (some 600 KB) is far larger than a pipe's buffer. */
function bigHandbook(): string {
  const links = Array.from({ length: 3_000 }, (_, i) => `[l](missing-${i}.md)`).join(' ');
  return tempTree({ 'page.md': `# Links\n\nOwner: @ana\n\n${links}\n` });
}

/**
 * Runs the CLI with `args` in a shell pipeline, `| head -c 10`, so its standard output is a pipe (as a
 * terminal's pipeline makes it; Node's own child pipes are sockets, which `/dev/stdout` cannot be
 * opened on). Returns the CLI's exit code (PIPESTATUS), its standard error and what `head` read.
 */
function runIntoClosedStdout(args: string[]): Promise<{ code: number; stderr: string; read: string }> {
  const folder = tempTree({});
  const err = join(folder, 'stderr.txt');
  const status = join(folder, 'status.txt');
  const quoted = [process.execPath, CLI, ...args].map((arg) => `'${arg.replaceAll("'", "'\\''")}'`).join(' ');
  const script = `${quoted} 2>'${err}' | head -c 10; echo "\${PIPESTATUS[0]}" >'${status}'`;
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let read = '';
    child.stdout.on('data', (chunk) => {
      read += String(chunk);
    });
    child.on('close', () =>
      resolve({ code: Number(readFileSync(status, 'utf8')), stderr: readFileSync(err, 'utf8'), read }),
    );
  });
}

const RUN = ['--now', '2026-04-01', '--no-color'];

describe.skipIf(!existsSync(CLI))('a report into a pipe whose reader closed it early', () => {
  it('-o /dev/stdout: exits 1 for the findings, says nothing of EPIPE', { timeout: 60_000 }, async () => {
    const run = await runIntoClosedStdout([
      'run',
      bigHandbook(),
      '--format',
      'json',
      '-o',
      '/dev/stdout',
      ...RUN,
    ]);
    expect(run.read).toMatch(/^\{/);
    expect(run.stderr).not.toMatch(/EPIPE|error/i);
    expect(run.code).toBe(1);
  });

  it('-o a named pipe whose reader read 10 bytes: exits 1, no error, nothing left beside it', {
    timeout: 60_000,
  }, async () => {
    const folder = tempTree({ 'keep.txt': '' });
    const fifo = join(folder, 'report.fifo');
    execFileSync('mkfifo', [fifo]);
    // The reader takes the first chunk and goes, as `head -c 10 report.fifo` does.
    const reader = new Promise<string>((resolve) => {
      const stream = createReadStream(fifo);
      stream.once('data', (chunk) => {
        stream.destroy();
        resolve(String(chunk).slice(0, 10));
      });
    });
    const run = runIntoClosedStdout(['run', bigHandbook(), '--format', 'json', '-o', fifo, ...RUN]);
    expect(await reader).toMatch(/^\{/);
    const { code, stderr } = await run;
    expect(stderr).not.toMatch(/EPIPE|error/i);
    expect(code).toBe(1);
    expect(readdirSync(folder).sort()).toEqual(['keep.txt', 'report.fifo']);
  });

  it('held: standard output itself (json and console) closed early exits 1, no error', {
    timeout: 60_000,
  }, async () => {
    for (const format of ['json', 'console']) {
      const run = await runIntoClosedStdout(['run', bigHandbook(), '--format', format, ...RUN]);
      expect(run.stderr).not.toMatch(/EPIPE|error/i);
      expect(run.code).toBe(1);
    }
  });
});

describe.skipIf(!existsSync(CLI))('-o /dev/stdout when standard output is a socket', () => {
  it('a Node parent (spawn: a socket, not a pipe) gets the whole report and exit 1, not ENXIO and exit 2', {
    timeout: 60_000,
  }, async () => {
    const child = spawn(
      process.execPath,
      [CLI, 'run', bigHandbook(), '--format', 'json', '-o', '/dev/stdout', ...RUN],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += String(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(stderr).toBe('');
    expect((JSON.parse(stdout) as { findings: unknown[] }).findings).toHaveLength(3_000);
    expect(code).toBe(1);
  });
});
