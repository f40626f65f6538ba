import { beforeAll, describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { markdownTasks, readMarkdownPage, scanMarkdownFolder } from '../../src/platforms/markdown/folder.js';
import { formatJson } from '../../src/report/json.js';
import { run } from '../../src/run.js';
import { sharedCorpus } from '../helpers/shared.js';

const CORPORA = Object.fromEntries(
  [
    'sourcegraph-handbook',
    'adr-cometbft',
    'meetings-rust-compiler-team',
    'adr-madr-samples',
    'kep-kubernetes',
  ].map((name) => [name, sharedCorpus(name)]),
);
const present = (name: string) => CORPORA[name]?.present ?? false;
const NOW = new Date('2026-11-22T00:00:00Z');
// Whole real handbooks, linted twice: minutes on a busy 2-core machine.
const SLOW_MS = 600_000;

async function lint(corpus: string) {
  return run(defaultConfig(CORPORA[corpus]?.path ?? corpus), { now: NOW });
}

function findingsOf(result: Awaited<ReturnType<typeof lint>>, ruleId: string, file: string) {
  return result.findings.filter((f) => f.ruleId === ruleId && f.page.file === file);
}

describe.each(['sourcegraph-handbook', 'adr-cometbft', 'meetings-rust-compiler-team', 'adr-madr-samples'])(
  'corpus %s',
  (corpus) => {
    it.skipIf(!present(corpus))(
      'lints without a crash and gives identical JSON on a second run',
      async () => {
        const first = formatJson(await lint(corpus));
        const second = formatJson(await lint(corpus));
        expect(JSON.parse(first).summary.pages).toBeGreaterThan(0);
        expect(second).toBe(first);
      },
      SLOW_MS,
    );
  },
);

describe.skipIf(!present('adr-cometbft'))('adr-cometbft decision records', () => {
  let result: Awaited<ReturnType<typeof lint>>;
  beforeAll(async () => {
    result = await lint('adr-cometbft');
  }, SLOW_MS);
  const architecture = 'docs/references/architecture';

  it('flags records with no Status at all', () => {
    for (const file of [
      'tendermint-core/adr-022-abci-errors.md',
      'tendermint-core/adr-008-priv-validator.md',
    ]) {
      const status = findingsOf(result, 'decision-status', `${architecture}/${file}`);
      expect(status, file).toHaveLength(1);
      expect(status[0]?.position, file).toBeUndefined();
    }
  });

  it('accepts messy but valid statuses', () => {
    for (const file of ['adr-114-undo-109.md', 'adr-110-remote-mempool.md']) {
      expect(findingsOf(result, 'decision-status', `${architecture}/${file}`), file).toEqual([]);
    }
  });
});

describe.skipIf(!present('kep-kubernetes'))('kep-kubernetes with no config', () => {
  let pages: Awaited<ReturnType<typeof readMarkdownPage>>[];
  beforeAll(async () => {
    const root = CORPORA['kep-kubernetes']?.path ?? '';
    const config = defaultConfig(root);
    const options = { root, include: ['**/*.md'], exclude: [] };
    const scan = await scanMarkdownFolder(options);
    const tasks = await markdownTasks(options, scan);
    const classify = typeClassifier(config.documentTypes);
    const proposals = tasks.filter((t) => /^keps\/sig-[^/]+\/\d+-[^/]+\/README\.md$/.test(t.file));
    pages = await Promise.all(proposals.map((t) => readMarkdownPage({ root }, t, classify)));
  }, SLOW_MS);

  it('takes every proposal for a decision record, with status, date and authors from its kep.yaml', () => {
    expect(pages.length).toBeGreaterThan(40);
    for (const page of pages) {
      expect(page.type, page.file).toBe('decision');
      expect(page.fields.status?.source, page.file).toBe('kep.yaml');
      expect(page.fields['creation-date']?.value, page.file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(page.fields.authors?.value, page.file).toMatch(/@/);
    }
  });

  it(
    'reports no action item from a sign-off checklist',
    async () => {
      const result = await lint('kep-kubernetes');
      expect(result.findings.filter((f) => f.ruleId === 'action-items')).toEqual([]);
    },
    SLOW_MS,
  );
});
