import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { HandbookLintError } from '../../src/errors.js';
import { applyMirror, MANIFEST_FILE, readManifest } from '../../src/sync/mirror.js';
import { placePages } from '../../src/sync/paths.js';
import { loadNotionFixture, type NotionEmulator, startNotionEmulator } from '../emulators/notion.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { NOTION_FIXTURE, notionConfigFile, TOKEN_ENV } from '../helpers/notion.js';

// Each test crawls the emulated workspace once or twice: more than vitest's 5 s on a busy machine.
const SLOW_MS = 60_000;
const SECRET = 'the contents of a file outside the mirror';

/** Every file under `dir` with its text (symbolic links not followed). */
function contents(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => readFileSync(join(entry.parentPath, entry.name), 'utf8'));
}

describe('sync treats its manifest as untrusted input', () => {
  let emulator: NotionEmulator;
  let configFile: string;
  let securityKey: string;
  let parent: string;
  let out: string;

  const sync = () => runCli(['sync', '--config', configFile, '--out', out]);
  const manifest = () => JSON.parse(readFileSync(join(out, MANIFEST_FILE), 'utf8'));
  const writeManifest = (data: unknown) => writeFileSync(join(out, MANIFEST_FILE), JSON.stringify(data));

  beforeAll(async () => {
    const fixture = await loadNotionFixture(NOTION_FIXTURE);
    const security = fixture.pages.find((page) => page.title === 'Security');
    if (!security) throw new Error('no fixture page "Security"');
    securityKey = `notion:${security.id}`;
    emulator = await startNotionEmulator({ fixture: NOTION_FIXTURE });
    process.env[TOKEN_ENV] = emulator.token;
    configFile = notionConfigFile(emulator);
  });
  afterAll(async () => {
    delete process.env[TOKEN_ENV];
    await emulator.close();
  });
  beforeEach(async () => {
    parent = tempTree({ 'victim.md': SECRET, 'elsewhere/page.md': SECRET });
    out = join(parent, 'mirror');
    expect((await sync()).code).toBe(3); // the fixture has pages it cannot read
  }, SLOW_MS);

  it(
    'never deletes a file outside --out that a manifest entry names; one warning per entry',
    async () => {
      const data = manifest();
      data.pages['notion:evil'] = { file: '../victim.md', hash: 'x' };
      data.files[join(parent, 'elsewhere/page.md')] = 'x';
      data.files['..\\victim.md'] = 'x';
      data.files['a\0.md'] = 'x';
      data.files['.git/config.md'] = 'x';
      writeManifest(data);

      const result = await sync();
      expect(result.code).toBe(3);
      expect(readFileSync(join(parent, 'victim.md'), 'utf8')).toBe(SECRET);
      expect(readFileSync(join(parent, 'elsewhere/page.md'), 'utf8')).toBe(SECRET);
      const warnings = result.stderr
        .split('\n')
        .filter((line) => line.includes(`${MANIFEST_FILE}: ignoring`));
      expect(warnings).toHaveLength(5);
      expect(result.stderr).toContain(
        `warning ${MANIFEST_FILE}: ignoring the entry of page "notion:evil", "../victim.md" (it leads out of the folder (..))`,
      );
      expect(result.stderr).toContain('(it is an absolute path)');
      expect(result.stderr).toContain('(it contains a backslash)');
      expect(result.stderr).toContain('(it contains a NUL byte)');
      expect(result.stderr).not.toContain('\0');
      // The next manifest lists only what this sync wrote.
      expect(Object.values(manifest().pages).map((page) => (page as { file: string }).file)).not.toContain(
        '../victim.md',
      );
    },
    SLOW_MS,
  );

  it(
    'never deletes through a symbolic link that leads out of --out',
    async () => {
      symlinkSync(join(parent, 'elsewhere'), join(out, 'linked'));
      const data = manifest();
      data.files['linked/page.md'] = 'x';
      writeManifest(data);

      const result = await sync();
      expect(result.code).toBe(3);
      expect(readFileSync(join(parent, 'elsewhere/page.md'), 'utf8')).toBe(SECRET);
      expect(result.stderr).toContain(
        `${MANIFEST_FILE}: not deleting "linked/page.md" (a symbolic link leads it out of the folder)`,
      );
    },
    SLOW_MS,
  );

  it(
    'never copies a file from outside --out as the last good copy of an unreadable page',
    async () => {
      symlinkSync(join(parent, 'victim.md'), join(out, 'security-copy.md'));
      const data = manifest();
      data.pages[securityKey] = { file: 'security-copy.md', hash: 'x' };
      writeManifest(data);

      const result = await sync();
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`${MANIFEST_FILE}: not keeping "security-copy.md"`);
      expect(contents(out).filter((text) => text.includes(SECRET))).toEqual([]);
      expect(readFileSync(join(parent, 'victim.md'), 'utf8')).toBe(SECRET);
    },
    SLOW_MS,
  );

  it.each([
    ['not JSON', '{"schemaVersion": 1, <<<<<<< HEAD', 'is not valid JSON'],
    ['an array', '[]', 'is not a manifest'],
    ['pages of the wrong type', '{"schemaVersion":1,"pages":"x","files":{}}', 'is not a manifest (pages: '],
  ])(
    'a manifest that is %s counts as empty, with a warning; nothing is deleted',
    async (_, text, warning) => {
      writeFileSync(join(out, 'kept.md'), '# Mine\n');
      writeFileSync(join(out, MANIFEST_FILE), text);
      const result = await sync();
      expect(result.code).toBe(3);
      expect(result.stderr).toContain(`warning ${MANIFEST_FILE} ${warning}`);
      expect(result.stderr).toContain('ignored, so this sync deletes no file an earlier sync wrote');
      expect(result.stdout).toContain('deleted 0');
      expect(existsSync(join(out, 'kept.md'))).toBe(true);
      expect(manifest().schemaVersion).toBe(1); // a good manifest replaces it
    },
    SLOW_MS,
  );

  it('keeps refusing a manifest of another format version, which a newer handbook-lint wrote', async () => {
    writeFileSync(join(out, MANIFEST_FILE), '{"schemaVersion":2,"pages":{},"files":{}}');
    const result = await sync();
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`has a ${MANIFEST_FILE} this handbook-lint does not read`);
  });
});

describe('sync paths from the wiki stay inside the mirror', () => {
  it('builds names from the letters and digits of page ids only', () => {
    const page = (id: string) => ({
      key: `notion:${id}`,
      id,
      source: 'notion' as const,
      title: 'Same',
      path: 'Same',
    });
    const files = placePages([page('1'), page('/../../../etc/x'), page('..\\..\\y')], {
      fixed: new Map(),
      bySource: false,
      reserved: [],
    });
    const names = [...files.values()];
    expect(new Set(names).size).toBe(3);
    for (const name of names) expect(name).toMatch(/^same(-[a-z0-9]+)?\.md$/);
  });

  it('refuses to write an entry whose path leads out of the folder, or through a symbolic link', async () => {
    const parent = tempTree({ 'elsewhere/keep.md': SECRET });
    const root = join(parent, 'mirror');
    mkdirSync(root);
    const warn = () => {};
    await expect(
      applyMirror(root, [{ file: '../escape.md', content: 'x' }], undefined, false, warn),
    ).rejects.toThrow(
      new HandbookLintError(
        'OUTPUT_FAILED',
        'sync refuses to write "../escape.md": it leads out of the folder (..)',
      ),
    );
    symlinkSync(join(parent, 'elsewhere'), join(root, 'linked'));
    await expect(
      applyMirror(root, [{ file: 'linked/keep.md', content: 'x' }], undefined, false, warn),
    ).rejects.toThrow(/sync refuses to write linked\/keep\.md: a symbolic link leads it out of/);
    expect(readFileSync(join(parent, 'elsewhere/keep.md'), 'utf8')).toBe(SECRET);
    expect(existsSync(join(parent, 'escape.md'))).toBe(false);
  });

  it('reads a manifest with bad entries, keeping the good ones', async () => {
    const root = tempTree({
      [MANIFEST_FILE]: JSON.stringify({
        schemaVersion: 1,
        pages: {
          'notion:a': { file: 'a.md', hash: 'h' },
          'notion:b': { file: 7 },
          'notion:c': { file: '/c.md', hash: 'h' },
        },
        files: { 'README.md': 'h', '../x.md': 'h' },
      }),
    });
    const warnings: string[] = [];
    const manifest = await readManifest(root, (line) => warnings.push(line));
    expect(manifest).toEqual({
      schemaVersion: 1,
      pages: { 'notion:a': { file: 'a.md', hash: 'h' } },
      files: { 'README.md': 'h' },
    });
    expect(warnings).toEqual([
      `${MANIFEST_FILE}: ignoring the entry of page "notion:b" (not a { file, hash } entry); no file is written or deleted for it`,
      `${MANIFEST_FILE}: ignoring the entry of page "notion:c", "/c.md" (it is an absolute path); no file is written or deleted for it`,
      `${MANIFEST_FILE}: ignoring the file "../x.md" (it leads out of the folder (..)); no file is written or deleted for it`,
    ]);
  });
});
