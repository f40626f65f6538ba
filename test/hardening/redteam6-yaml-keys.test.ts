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
const KEYS = 60_000;
const manyKeys = (prefix = 'k') => Array.from({ length: KEYS }, (_, i) => `${prefix}${i}: v`).join('\n');

function timed<T>(read: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = read();
  return { value, ms: performance.now() - start };
}

interface Report {
  findings: {
    ruleId: string;
    message: string;
    page: { path: string };
    position?: { start: { line: number } };
  }[];
}

describe('YAML with tens of thousands of keys', () => {
  it('a page whose front matter has 60,000 keys is read in seconds; a key written twice is still a finding at its line', {
    timeout: 300_000,
  }, async () => {
    const root = tempTree({
      'handbook/index.md': '# Home\n\n- [Many](many.md)\n- [Twice](twice.md)\n',
      'handbook/many.md': `---\n${manyKeys()}\nowner: Ana\n---\n# Many\n`,
      'handbook/twice.md': '---\ntitle: Twice\nowner: Ana\ntitle: Again\n---\n# Twice\n',
    });
    const start = performance.now();
    const { code, stdout } = await runJson(join(root, 'handbook'));
    const seconds = (performance.now() - start) / 1000;
    expect(code).toBe(0);
    const frontMatter = (JSON.parse(stdout) as Report).findings.filter((f) => f.ruleId === 'front-matter');
    expect(frontMatter.map((f) => [f.page.path, f.message, f.position?.start.line])).toEqual([
      ['twice.md', expect.stringContaining('Map keys must be unique'), 4],
    ]);
    expect(seconds).toBeLessThan(20);
  });

  it('an mkdocs.yml of 60,000 keys is read in a moment, its nav as before', { timeout: 300_000 }, () => {
    const root = tempTree({
      'mkdocs.yml': `site_name: Handbook\nnav:\n  - Home: index.md\nextra:\n${manyKeys('  k')}\n`,
      'docs/index.md': '# Home\n',
    });
    const { value, ms } = timed(() => readSiteNavigation(join(root, 'docs')));
    expect(value).toEqual({ files: ['index.md'] });
    expect(ms).toBeLessThan(3_000);
  });

  it('a config of 60,000 keys parses in a moment, and each key written twice is an error at its line', {
    timeout: 300_000,
  }, () => {
    const { ms } = timed(() => parseYamlText('handbook-lint.yml', `extra:\n${manyKeys('  k')}\n`));
    expect(ms).toBeLessThan(3_000);
    const { diagnostics } = parseYamlText('handbook-lint.yml', 'a: 1\nb: 2\na: 3\nc:\n  d: 1\n  d: 2\n');
    expect(diagnostics.map((d) => [d.line, d.message])).toEqual([
      [3, 'YAML syntax: Map keys must be unique'],
      [6, 'YAML syntax: Map keys must be unique'],
    ]);
  });

  it("a KEP's kep.yaml of 60,000 keys is read in a moment; one that writes a key twice still gives no fields", {
    timeout: 300_000,
  }, async () => {
    const root = tempTree({
      'many/kep.yaml': `status: implemented\n${manyKeys()}\n`,
      'twice/kep.yaml': 'status: implemented\nstatus: provisional\n',
    });
    const start = performance.now();
    const fields = await readSidecarFields(root, 'many/kep.yaml');
    expect(performance.now() - start).toBeLessThan(3_000);
    expect(fields.status?.value).toBe('implemented');
    expect(await readSidecarFields(root, 'twice/kep.yaml')).toEqual({});
  });
});
