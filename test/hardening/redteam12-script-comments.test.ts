import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scriptCode } from '../../src/site-docusaurus.js';

// Twelfth round, held. The site configs' comment stripper (SCRIPT_TOKEN, site-docusaurus.ts) reads a
// script's strings, regular expressions and comments left to right, each token once: a sidebars.js of a
// mebibyte (the most a site file is read; a larger one is read as none) of `/*` left open, strings and
// template literals left open, escapes, regular expressions that never close, or all of them mixed, is
// stripped in the time it takes to read, with the right text out. vitest's timeout is the only clock.

const dir = mkdtempSync(join(tmpdir(), 'hl-rt12-script-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The file's code without its comments, written to a file first. */
function stripped(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return scriptCode(file);
}

const MIB = 1024 * 1024;

describe('a mebibyte of hostile script', () => {
  it.each([
    ['`/*` left open on one line', '/*'.repeat(MIB / 2 - 8), ''],
    ['`/*` left open on each line', '/*\n'.repeat(300_000), '\n'.repeat(300_000)],
    ['`/**` runs', `/*${'*'.repeat(MIB - 8)}`, ''],
    ['double quotes', '"'.repeat(MIB - 8), '"'.repeat(MIB - 8)],
    ['a template literal left open', `\`${'\\'.repeat(MIB - 8)}`, `\`${'\\'.repeat(MIB - 8)}`],
    ['regular expressions that never close', '( /a'.repeat(250_000), '( /a'.repeat(250_000)],
    ['all of them mixed', '(/"\'`/*'.repeat(140_000), null],
  ])('%s: stripped once', { timeout: 30_000 }, (what, text, code) => {
    const out = stripped(`${what.length}.js`, text);
    if (code !== null) expect(out).toBe(code);
    else expect(out.length).toBeLessThanOrEqual(text.length);
  });

  it('a file over a mebibyte is read as none; comments inside strings and regular expressions are code', () => {
    expect(stripped('big.js', `module.exports = {};\n${'/*'.repeat(MIB)}`)).toBe('');
    expect(
      stripped('ok.js', "const a = 'https://x'; // gone\nconst r = p.replace(/\\/*$/, ''); /* gone */\n"),
    ).toBe("const a = 'https://x'; \nconst r = p.replace(/\\/*$/, ''); \n");
  });
});
