import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tempTree } from './helpers/cli.js';

// An eighth round of newcomers: someone who installs the package, a markdownlint-cli2 user, an
// ESLint user, a writer piping pages from an editor, and a reader of CI logs.

const CLI = fileURLToPath(new URL('../dist/cli.js', import.meta.url));
const SLOW_MS = 60_000;
const noStack = (stderr: string) => expect(stderr).not.toMatch(/\n\s+at /);

interface Spawned {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI in `cwd` with `input` on its standard input. */
function piped(args: string[], cwd: string, input: Buffer): Promise<Spawned> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { cwd }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 70) : 0, stdout, stderr }),
    );
    child.stdin?.end(input);
  });
}

describe('a page piped from an editor that saved it as UTF-16 or Latin-1 (- and --stdin)', () => {
  it('is read as a file is: UTF-16 by its byte order mark, Latin-1 reported at its first bad byte', {
    timeout: SLOW_MS,
  }, async () => {
    const dir = tempTree({ 'handbook/index.md': '---\nowner: "@ana"\n---\n# Home\n' });
    const page = '---\nowner: "@ana"\n---\n# Café\n\nContact: TBD\n';
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(page, 'utf16le')]);
    const args = ['run', '-', '--stdin-filename', 'handbook/draft.md', '-f', 'compact'];
    const wide = await piped(args, dir, utf16);
    // Read as UTF-8 it was NUL bytes between letters: no owner, no title, no placeholder found.
    expect(wide.stdout).not.toContain('page-owner');
    expect(wide.stdout).toContain(
      'handbook/draft.md:6:10  warning  placeholder  Unfilled template text "TBD".',
    );
    const latin1 = await piped(args, dir, Buffer.from(page, 'latin1'));
    expect(latin1.code).toBe(1);
    noStack(latin1.stderr);
    expect(latin1.stdout).toContain(
      'handbook/draft.md:4:6  error  front-matter  The file is not UTF-8: the byte at 4:6 cannot be read as text',
    );
  });
});
