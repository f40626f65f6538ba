import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSidecarFields } from '../../src/platforms/markdown/sidecar.js';
import { readSiteNavigation } from '../../src/site-navigation.js';
import { parseYamlText } from '../../src/yaml-file.js';
import { runJson, tempTree } from '../helpers/cli.js';

// The YAML library checks that no mapping repeats a key by comparing each new key with every earlier
// one: 60,000 keys (some 600 KB) cost 56 s, and a page may hold 5 MiB of front matter (hours). Page
// front matter, a site generator's `mkdocs.yml`, a KEP's `kep.yaml` and the config are all parsed so.
// Keys written twice are now found by remembering the keys seen, with the same message and position.
// No stopwatch: 80,000 keys (under 1 MiB, the cap on each of these files), where the old check's cost,
// growing with the square of the keys, is some two minutes a file, and the test's own timeout (a minute,
// a minute and a half for a whole run) is the clock; each test also asserts the answer (fields, nav, duplicates found at their line).
const KEYS = 80_000;
const manyKeys = (prefix = 'k') => Array.from({ length: KEYS }, (_, i) => `${prefix}${i}: v`).join('\n');

interface Report {
  findings: {
    ruleId: string;
    message: string;
    page: { path: string };
    position?: { start: { line: number } };
  }[];
}

describe('YAML with tens of thousands of keys', () => {
  it('a page whose front matter has 80,000 keys is read; a key written twice is still a finding at its line', {
    timeout: 90_000, // the whole run on the page: half a minute under load, where the old check alone took two
  }, async () => {
    const root = tempTree({
      'handbook/index.md': '# Home\n\n- [Many](many.md)\n- [Twice](twice.md)\n',
      'handbook/many.md': `---\n${manyKeys()}\nowner: Ana\n---\n# Many\n`,
      'handbook/twice.md': '---\ntitle: Twice\nowner: Ana\ntitle: Again\n---\n# Twice\n',
    });
    const { code, stdout } = await runJson(join(root, 'handbook'));
    expect(code).toBe(0);
    const frontMatter = (JSON.parse(stdout) as Report).findings.filter((f) => f.ruleId === 'front-matter');
    expect(frontMatter.map((f) => [f.page.path, f.message, f.position?.start.line])).toEqual([
      ['twice.md', expect.stringContaining('Map keys must be unique'), 4],
    ]);
  });

  it('an mkdocs.yml of 80,000 keys is read, its nav as before', { timeout: 60_000 }, () => {
    const root = tempTree({
      'mkdocs.yml': `site_name: Handbook\nnav:\n  - Home: index.md\nextra:\n${manyKeys('  k')}\n`,
      'docs/index.md': '# Home\n',
    });
    expect(readSiteNavigation(join(root, 'docs'))).toEqual({
      files: ['index.md'],
      slugStyle: 'python-markdown',
    });
  });

  it('a config of 80,000 keys parses, and each key written twice is an error at its line', {
    timeout: 60_000,
  }, () => {
    const { diagnostics: none } = parseYamlText('handbook-lint.yml', `extra:\n${manyKeys('  k')}\n`);
    expect(none).toEqual([]);
    const { diagnostics } = parseYamlText('handbook-lint.yml', 'a: 1\nb: 2\na: 3\nc:\n  d: 1\n  d: 2\n');
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, 'YAML syntax: Map keys must be unique'],
      [6, 'YAML syntax: Map keys must be unique'],
    ]);
  });

  it("a KEP's kep.yaml of 80,000 keys is read; one that writes a key twice still gives no fields", {
    timeout: 60_000,
  }, async () => {
    const root = tempTree({
      'many/kep.yaml': `status: implemented\n${manyKeys()}\n`,
      'twice/kep.yaml': 'status: implemented\nstatus: provisional\n',
    });
    const fields = await readSidecarFields(root, 'many/kep.yaml');
    expect(fields.status?.value).toBe('implemented');
    expect(await readSidecarFields(root, 'twice/kep.yaml')).toEqual({});
  });
});
