import { describe, expect, it } from 'vitest';
import { wordpressNavigation } from '../../src/site-wordpress.js';
import { runCli, tempTree } from '../helpers/cli.js';

// Thirteenth round. The WordPress.org manifest reader (site-wordpress.ts, new in the last round) takes a
// `markdown_source` URL's path apart and looks for the file from each of its parts on, joining the rest
// with `join(folder, ...parts.slice(at))`. A manifest (a file a pull request writes, read up to 1 MiB) whose
// URL has 200,000 parts spread them into one call: "Maximum call stack size exceeded", the run's internal
// error (exit 70), before the crawl. Fewer parts cost the square of their number (8,000: 1.4 s; a manifest of
// thirty such URLs, 40 s). Parts that decode to a path (`%2e%2e`, `%2F`) had files probed outside the
// handbook. Held: `__proto__` keys, nesting and cyclic parents (the reader reads no parent).

const page = (title: string) => `# ${title}\n\nHow we work.\n`;
const handbook = {
  'index.md': page('Handbook'),
  'about/index.md': page('About'),
  'drafts/index.md': page('Drafts'),
};
const source = (path: string) => `https://github.com/example/handbook/blob/main/${path}`;

describe('a hostile WordPress handbook manifest', () => {
  it('a URL of 200,000 parts names no file, and the run lints the handbook (no internal error)', async () => {
    const manifest = {
      index: { markdown_source: source('index.md') },
      about: { markdown_source: source('about/index.md') },
      long: { markdown_source: source(`${'a/'.repeat(200_000)}index.md`) },
    };
    const root = tempTree({ ...handbook, 'handbook-manifest.json': JSON.stringify(manifest) });
    expect(wordpressNavigation(root, root)).toEqual({
      files: ['index.md', 'about/index.md'],
      indexesListed: true,
    });
    const run = await runCli(['run', root, '--format', 'json', '--now', '2026-07-01']);
    expect(run.stderr).not.toMatch(/internal error/);
    const orphans = (JSON.parse(run.stdout).findings as { ruleId: string; page: { file: string } }[])
      .filter((f) => f.ruleId === 'orphan-page')
      .map((f) => f.page.file);
    expect(orphans).toEqual(['drafts/index.md']);
  });

  it('thirty URLs of 8,000 parts each are read in one pass each (the timeout is the only clock)', {
    timeout: 30_000,
  }, () => {
    const manifest: Record<string, unknown> = { index: { markdown_source: source('index.md') } };
    for (let i = 0; i < 30; i++)
      manifest[`p${i}`] = { markdown_source: source(`${'x/'.repeat(8_000)}${i}.md`) };
    const root = tempTree({ ...handbook, 'handbook-manifest.json': JSON.stringify(manifest) });
    expect(wordpressNavigation(root, root)).toEqual({ files: ['index.md'], indexesListed: true });
  });

  it('parts that decode to a path of their own (`%2F`) name nothing (`/etc/passwd` was listed); __proto__ and parents change nothing (held)', () => {
    const manifest = JSON.parse(
      JSON.stringify({
        index: { markdown_source: source('index.md'), parent: 'about' },
        about: { markdown_source: source('about/index.md'), parent: 'index' },
        up: { markdown_source: source('%2e%2e/%2e%2e/etc/passwd') },
        slash: { markdown_source: source('%2Fetc%2Fpasswd') },
        back: { markdown_source: source('about%5C..%5C..%5Csecret.md') },
      }),
    );
    const text = JSON.stringify(manifest).replace(
      '{',
      '{"__proto__":{"markdown_source":"https://github.com/o/r/blob/main/drafts/index.md"},',
    );
    const root = tempTree({ ...handbook, 'handbook-manifest.json': text });
    const nav = wordpressNavigation(root, root);
    // The `__proto__` key is an entry like any other (JSON.parse makes it an own key): it names a page.
    expect(nav).toEqual({ files: ['drafts/index.md', 'index.md', 'about/index.md'], indexesListed: true });
    expect(({} as Record<string, unknown>).markdown_source).toBeUndefined();
  });
});
