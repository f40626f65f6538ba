import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSidecarFields } from '../../src/platforms/markdown/sidecar.js';
import { runJson, tempTree } from '../helpers/cli.js';

// The YAML reader costs some 5 s and 450 MB a megabyte of flow collections, more when they nest: front
// matter of 4 MiB of `[` (inside the 5 MiB page budget) took 68 s and 3.7 GB before it ended on the stack,
// 2 MiB 23 s. Front matter, and a KEP's kep.yaml read beside a record, are read up to 1 MiB, as config
// files are (real ones are a few hundred bytes to a few KB); a larger one is a front-matter finding, or
// no fields, at once. No stopwatch: the cap itself is asserted (a finding that names it; a kep.yaml over it
// that would parse gives no fields), and the test's own timeout is the clock for the nested text.
const NESTED = '['.repeat(2 * 1024 * 1024);

interface Report {
  findings: { ruleId: string; message: string; page: { path: string } }[];
}

describe('YAML of megabytes', () => {
  it('front matter of 2 MiB is a front-matter finding that names the cap, and the page is still judged', {
    timeout: 60_000,
  }, async () => {
    const root = tempTree({
      'handbook/index.md': '# Home\n\n- [Page](page.md)\n',
      'handbook/page.md': `---\nowner: Ana\nnested: ${NESTED}\n---\n# Page\n\nText.\n`,
    });
    const { code, stdout } = await runJson(join(root, 'handbook'));
    expect(code).toBe(0);
    const findings = (JSON.parse(stdout) as Report).findings.filter((f) => f.page.path === 'page.md');
    expect(findings.map((f) => f.ruleId)).toContain('front-matter');
    expect(findings.find((f) => f.ruleId === 'front-matter')?.message).toContain('at most 1 MiB');
  });

  it("a KEP's kep.yaml of 2 MiB gives no fields, unread", { timeout: 60_000 }, async () => {
    const root = tempTree({
      'kep/kep.yaml': `status: implemented\nnested: ${NESTED}\n`,
      // Over the cap but cheap to parse: read, it would give its status; past the cap it is not read.
      'long/kep.yaml': `status: implemented\n${'# a comment line of some sixty characters, kept to the end\n'.repeat(40_000)}`,
      'short/kep.yaml': 'status: implemented\n# a comment\n',
    });
    expect(await readSidecarFields(root, 'kep/kep.yaml')).toEqual({});
    expect(await readSidecarFields(root, 'long/kep.yaml')).toEqual({});
    expect((await readSidecarFields(root, 'short/kep.yaml')).status?.value).toBe('implemented');
  });
});
