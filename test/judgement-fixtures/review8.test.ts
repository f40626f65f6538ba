import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { defaultConfig } from '../../src/config.js';
import { type Finding, fingerprint } from '../../src/model/finding.js';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../../src/normalize/document-types.js';
import { FolderTemplates } from '../../src/rules/folder-template.js';
import { loadActiveRules } from '../../src/rules/settings.js';
import type { SitePage } from '../../src/site.js';
import { runCli, tempTree } from '../helpers/cli.js';
import { notionEmulatorForSuite, TOKEN_ENV } from '../helpers/notion.js';
import { lintDecisionFolder } from './decision-folder.js';

/**
 * A second reading of the session's folder-template changes (54a2f1a..207072a): pages, written for
 * these tests, that the changes judge wrongly. Each failing test is a clear bug; `it.skip` marks a
 * judgement call, kept to document it.
 */
const NOW = '2026-12-01';

/** A Nygard record (Context, Decision, Consequences), with `head` written under its title. */
const nygard = (n: number, title: string, head = '') =>
  `# ${n}. ${title}\n\n${head}## Context\n\nThe current way loses messages under load, so we need something else.\n\n## Decision\n\nWe will use ${title} because it is well supported.\n\n## Consequences\n\nOne more service to run.\n`;

/** A record written to a template of its own (Decision, Rationale, Approach), as folder-template.test.ts's. */
const merged = (n: number, title: string, head = '') =>
  `# ${title}\n\n${head}## Decision\n\nWe use ${title.toLowerCase()} from release ${n}.\n\n## Rationale\n\nThe current way loses messages under load.\n\n## Approach\n\nA new module replaces the old one.\n`;

const FIELDS = 'Status: Accepted\nDate: 2024-03-02\nOwner: Ana Lima\n\n';

const rules = (found: readonly (readonly unknown[])[]) => found.map(([rule]) => rule);

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);
const typeOf = (path: string, title: string) => classify({ path, title, labels: [], fields: [] });

describe('a folder whose records all leave a field out: the folder shows its template asks for it', () => {
  it('still asks the status of three records that keep an empty Status heading or front matter key', async () => {
    // The template's Status heading (or MADR's `status:` key) was copied and never filled in: the
    // template asks for it, all three records are sloppy. Alone, each is reported (found: none).
    const { on } = await lintDecisionFolder(
      {
        'adr/0001-use-kafka.md': nygard(1, 'Kafka', '## Status\n\n'),
        'adr/0002-use-redis.md': nygard(2, 'Redis', '## Status\n\n'),
        'adr/0003-use-postgres.md': nygard(3, 'Postgres', '## Status\n\n'),
        'docs/decisions/0001-use-kafka.md': `---\nstatus:\ndate:\n---\n${nygard(1, 'Kafka')}`,
        'docs/decisions/0002-use-redis.md': `---\nstatus:\ndate:\n---\n${nygard(2, 'Redis')}`,
        'docs/decisions/0003-use-postgres.md': `---\nstatus:\ndate:\n---\n${nygard(3, 'Postgres')}`,
      },
      NOW,
    );
    for (const file of ['0001-use-kafka.md', '0002-use-redis.md', '0003-use-postgres.md']) {
      expect(rules(on(`adr/${file}`))).toContain('decision-status');
      expect(rules(on(`docs/decisions/${file}`))).toContain('decision-status');
      expect(rules(on(`docs/decisions/${file}`))).toContain('decision-date');
    }
  });

  // Judgement call: nothing on these pages shows a Status was asked, but all three follow Nygard's
  // template, whose Status section is one of its five parts (domain.md), and the sections rule already
  // judges a record of a known family by that family. The folder is more likely sloppy than a team
  // that decides by merging (whose records follow no known family, like folder-template.test.ts's).
  it.skip('still asks the status and date of three Nygard records that all leave them out', async () => {
    const { on } = await lintDecisionFolder(
      {
        'adr/0001-use-kafka.md': nygard(1, 'Kafka'),
        'adr/0002-use-redis.md': nygard(2, 'Redis'),
        'adr/0003-use-postgres.md': nygard(3, 'Postgres'),
      },
      NOW,
    );
    for (const file of ['0001-use-kafka.md', '0002-use-redis.md', '0003-use-postgres.md']) {
      expect(rules(on(`adr/${file}`))).toContain('decision-status');
      expect(rules(on(`adr/${file}`))).toContain('decision-date');
    }
  });

  it("still asks a record that is its process's own the status the other records of its folder keep in a pull request", async () => {
    // Three Rust-style RFCs are not asked a status (optional-when: it lives in the pull request); they
    // are no evidence that the ADR written beside them keeps its status elsewhere.
    const rust = (n: number) =>
      `# RFC ${n}\n\n- Start Date: 2024-01-0${n}\n\n## Summary\n\nA thing.\n\n## Motivation\n\nBecause.\n\n## Guide-level explanation\n\nIt works.\n\n## Reference-level explanation\n\nDetails.\n\n## Drawbacks\n\nNone.\n\n## Rationale and alternatives\n\nOthers are worse.\n\n## Unresolved questions\n\nNone.\n`;
    const { on } = await lintDecisionFolder(
      {
        'rfcs/0001-a.md': rust(1),
        'rfcs/0002-b.md': rust(2),
        'rfcs/0003-c.md': rust(3),
        'rfcs/0004-use-kafka.md': nygard(4, 'Kafka', 'Date: 2024-03-02\nOwner: Ana Lima\n\n'),
      },
      NOW,
    );
    expect(rules(on('rfcs/0004-use-kafka.md'))).toContain('decision-status');
  });
});

describe('the folder a record is compared with', () => {
  it('is the whole decision log when its records are kept in year folders', async () => {
    // 2023's records write a status, date and owner; 2024's three leave all out: the log's template
    // asks them, 2024's are sloppy. Each year folder is judged alone now, so 2024 loses all three.
    const { on } = await lintDecisionFolder(
      {
        'decisions/2023/0001-a.md': merged(1, 'Alpha', FIELDS),
        'decisions/2023/0002-b.md': merged(2, 'Beta', FIELDS),
        'decisions/2023/0003-c.md': merged(3, 'Gamma', FIELDS),
        'decisions/2024/0004-d.md': merged(4, 'Delta'),
        'decisions/2024/0005-e.md': merged(5, 'Epsilon'),
        'decisions/2024/0006-f.md': merged(6, 'Zeta'),
      },
      NOW,
    );
    for (const file of ['0004-d.md', '0005-e.md', '0006-f.md']) {
      const found = rules(on(`decisions/2024/${file}`));
      expect(found).toContain('decision-status');
      expect(found).toContain('decision-date');
      expect(found).toContain('decision-owner');
    }
  });

  it('is the whole minutes folder when notes are kept in year folders', async () => {
    const note = (day: string, agenda: boolean) =>
      `# Team sync ${day}\n\n${agenda ? '## Agenda\n\n- Release\n\n' : ''}## Notes\n\nWe talked about the release.\n\n## Action items\n\n- @ana to update the guide by ${day}.\n`;
    const root = tempTree({
      'README.md': '# Meetings\n',
      'meetings/2024/2024-01-08.md': note('2024-01-08', true),
      'meetings/2024/2024-01-15.md': note('2024-01-15', true),
      'meetings/2024/2024-01-22.md': note('2024-01-22', true),
      'meetings/2025/2025-01-06.md': note('2025-01-06', false),
      'meetings/2025/2025-01-13.md': note('2025-01-13', false),
      'meetings/2025/2025-01-20.md': note('2025-01-20', false),
    });
    const { stdout } = await runCli(['run', root, '--format', 'json', '--now', '2026-07-01']);
    const agenda = (JSON.parse(stdout).findings as { ruleId: string; page: { file: string } }[])
      .filter((f) => f.ruleId === 'meeting-agenda')
      .map((f) => f.page.file)
      .sort();
    expect(agenda).toEqual([
      'meetings/2025/2025-01-06.md',
      'meetings/2025/2025-01-13.md',
      'meetings/2025/2025-01-20.md',
    ]);
  }, 60_000);

  it("counts the template kept in the records' own templates/ subfolder", async () => {
    const { on } = await lintDecisionFolder(
      {
        'docs/adr/templates/template.md':
          '# NNNN. Title\n\nStatus: Proposed | Accepted | Superseded\nDate: YYYY-MM-DD\nDeciders: [names]\n\n## Decision\n\n## Rationale\n\n## Approach\n',
        'docs/adr/0001-a.md': merged(1, 'Alpha'),
        'docs/adr/0002-b.md': merged(2, 'Beta'),
        'docs/adr/0003-c.md': merged(3, 'Gamma'),
      },
      NOW,
    );
    for (const file of ['0001-a.md', '0002-b.md', '0003-c.md']) {
      expect(rules(on(`docs/adr/${file}`))).toContain('decision-status');
      expect(rules(on(`docs/adr/${file}`))).toContain('decision-date');
    }
  });

  // Judgement call: a handbook-wide templates/ folder whose ADR template writes a status. Which
  // folder of records a template in another folder serves is a guess (by its name, `adr-template`,
  // or by its type), so a maintainer may reasonably leave it out.
  it.skip("counts an ADR template kept in the handbook's templates/ folder", async () => {
    const { on } = await lintDecisionFolder(
      {
        'docs/templates/adr-template.md':
          '# NNNN. Title\n\nStatus: Proposed | Accepted | Superseded\nDate: YYYY-MM-DD\n\n## Decision\n\n## Rationale\n\n## Approach\n',
        'docs/adr/0001-a.md': merged(1, 'Alpha'),
        'docs/adr/0002-b.md': merged(2, 'Beta'),
        'docs/adr/0003-c.md': merged(3, 'Gamma'),
      },
      NOW,
    );
    expect(rules(on('docs/adr/0001-a.md'))).toContain('decision-status');
  });

  it('is no folder for wiki pages whose parent is not known (pages of different spaces)', async () => {
    // A wiki page with no parent key falls into one `confluence:` / `notion:` bucket, judged as one
    // folder across the whole wiki: Notion pages whose parent is a block (sub-pages laid out in a
    // column or a toggle, the API's `block_id` parent) or the workspace (a teamspace's top pages), and
    // Confluence pages whose parent is not listed (restricted, or above the configured roots).
    const rules = await loadActiveRules(defaultConfig(tempTree({ 'README.md': '# x\n' })));
    const templates = new FolderTemplates();
    const findings: Finding[] = [];
    for (const space of ['ENG', 'OPS', 'HR']) {
      const key = `confluence:${space}-42`;
      templates.add({ source: 'confluence', key } as SitePage, [{ rule: 'decision-status', writes: [] }]);
      findings.push({
        ruleId: 'decision-status',
        page: { key },
        fingerprint: fingerprint('decision-status', key, 'status missing'),
      } as unknown as Finding);
    }
    expect(templates.judge(findings, rules)).toHaveLength(3);
  });
});

describe('a Notion decision log whose Status property no row fills in', () => {
  const emulator = notionEmulatorForSuite(() => ({
    workspace: { id: '6aad03b5-46d6-4a29-9abd-5f04c805473a', name: 'Acme' },
    bot: { id: '64919542-571c-4b8f-a55b-32fd3ecf6fa4', name: 'Handbook Lint' },
    users: [{ id: 'f61d6ec7-6a15-4be7-b004-78857d4f0f21', name: 'Maya Chen' }],
    databases: [
      {
        id: 'fc8cb733-9d2c-4d04-be5a-f060fced03ac',
        dataSourceId: 'd5ad4831-6c0b-4a54-82d8-769268b9f15d',
        title: 'Decision log',
        parentPageId: '3bedbdac-1492-49d5-b700-e09e45dfa456',
        createdTime: '2024-06-01T09:00:00.000Z',
        lastEditedTime: '2026-05-13T08:00:00.000Z',
        createdBy: 'f61d6ec7-6a15-4be7-b004-78857d4f0f21',
        titleProperty: 'Decision',
        schema: {
          Status: { type: 'status', options: ['Proposed', 'Accepted', 'Rejected'] },
          Owner: { type: 'people' },
          'Decided on': { type: 'date' },
        },
      },
    ],
    pages: [
      {
        id: '3bedbdac-1492-49d5-b700-e09e45dfa456',
        title: 'Engineering',
        parent: { type: 'workspace' },
        createdTime: '2024-02-01T09:20:00.000Z',
        lastEditedTime: '2026-05-02T11:00:00.000Z',
        createdBy: 'f61d6ec7-6a15-4be7-b004-78857d4f0f21',
        markdown: 'Decisions live in the decision log below.\n',
      },
      ...['Use Kafka', 'Use Redis', 'Use Postgres'].map((title, i) => ({
        id: `7a000000-0000-4000-8000-00000000000${i + 1}`,
        title,
        parent: { type: 'data_source' as const, id: 'd5ad4831-6c0b-4a54-82d8-769268b9f15d' },
        createdTime: '2026-04-01T09:00:00.000Z',
        lastEditedTime: '2026-05-01T09:00:00.000Z',
        createdBy: 'f61d6ec7-6a15-4be7-b004-78857d4f0f21',
        properties: {
          Status: { type: 'status' as const, name: null },
          Owner: { type: 'people' as const, ids: [] },
          'Decided on': { type: 'date' as const, start: null },
        },
        markdown:
          '## Context\nThe current way loses messages under load.\n## Decision\nWe will use it because it is well supported.\n## Consequences\nOne more service to run.\n',
      })),
    ],
  }));

  it('still asks each row its status: the database has the property, the rows left it empty', async () => {
    const config = {
      sources: {
        notion: { 'token-env': TOKEN_ENV, 'base-url': emulator().url, 'requests-per-second': 1000 },
      },
    };
    const dir = tempTree({ 'handbook-lint.yml': stringify(config) });
    const { stdout } = await runCli([
      'run',
      '--config',
      `${dir}/handbook-lint.yml`,
      '--format',
      'json',
      '--now',
      '2026-06-01',
    ]);
    const status = (JSON.parse(stdout).findings as { ruleId: string; page: { title: string } }[])
      .filter((f) => f.ruleId === 'decision-status')
      .map((f) => f.page.title)
      .sort();
    expect(status).toEqual(['Use Kafka', 'Use Postgres', 'Use Redis']);
  }, 60_000);
});

describe('fields in headings and checklists', () => {
  it('reads "## Status: see below" as no value, and the status under it', async () => {
    const { on } = await lintDecisionFolder(
      {
        'adr/0001-use-kafka.md': nygard(
          1,
          'Kafka',
          '## Status: see below\n\nAccepted\n\nDate: 2026-01-02\nOwner: Ana Lima\n\n',
        ),
      },
      NOW,
    );
    expect(rules(on('adr/0001-use-kafka.md'))).not.toContain('decision-status');
  });

  it('takes the last ticked state of a checklist ticked as the record moves on, not the first', async () => {
    // Silk.NET's proposals tick their states in turn ("- [x] Proposed / - [x] Discussed with ARB /
    // - [x] Approved / - [ ] Implemented"): the current state is the last ticked one.
    const { on } = await lintDecisionFolder(
      {
        'adr/0001-use-kafka.md': nygard(
          1,
          'Kafka',
          'Date: 2025-01-02\nOwner: Ana Lima\n\n## Status\n\n- [x] Proposed\n- [x] Accepted\n- [ ] Superseded\n\n',
        ),
      },
      NOW,
    );
    expect(rules(on('adr/0001-use-kafka.md'))).not.toContain('decision-lag');
  });
});

describe('dates with a two-digit year', () => {
  // Judgement call (kept skipped): a two-digit year both ways round is read month-first, as a four-digit
  // one always was; a US team writes 12/02/26 for 2 December as often as a French one for 12 February,
  // and the date alone does not say which. Reading by the page's language would settle it.
  it.skip('reads 12/02/26 on a French record day-first, as the dd/mm/aa it was added for', async () => {
    // Proposed since 12 February 2026: overdue on 1 July 2026. Read month-first it is 2 December 2026,
    // a day still to come, and the record is never overdue.
    const { on } = await lintDecisionFolder(
      {
        'adr/0001-utiliser-postgres.md':
          "# ADR 1 : Utiliser Postgres\n\n- Statut : Proposé\n- Date : 12/02/26\n- Décideurs : Ana Lima\n\n## Contexte\n\nNous avons besoin d'une base parce que l'actuelle perd des écritures sous charge.\n\n## Décision\n\nNous utiliserons Postgres parce qu'il est bien supporté.\n\n## Conséquences\n\nPlus de sauvegardes.\n",
      },
      '2026-07-01',
    );
    expect(rules(on('adr/0001-utiliser-postgres.md'))).toContain('decision-lag');
  });
});

describe('template pages by name', () => {
  it('types a numbered file named only "template" a template (rfcs/0001-template.md, ADR-0001-template.md)', () => {
    // Real repositories keep their blank template as rfcs/0001-template.md ("RFC template: blank
    // template, copy this"), adr/0001-template.md, decisions/ADR-0001-template.md.
    expect(typeOf('rfcs/0001-template.md', 'RFC 0001: [Title]')).toBe('template');
    expect(typeOf('adr/0001-template.md', 'ADR template')).toBe('template');
    expect(typeOf('decisions/ADR-0001-template.md', '[short title of solved problem]')).toBe('template');
    // The records the exception was written for stay records.
    expect(typeOf('adr/adr-0001-record-decisions-using-adr-template.md', 'ADR 1: Use the ADR template')).toBe(
      'decision',
    );
  });

  it('asks nothing of rfcs/0001-template.md as a decision record', async () => {
    const { on } = await lintDecisionFolder(
      {
        'rfcs/0001-template.md':
          '# RFC 0001: [Title]\n\n- Status: Draft | Accepted | Rejected\n- Date: YYYY-MM-DD\n- Author: [name]\n\n## Summary\n\n[One paragraph.]\n\n## Motivation\n\n[Why?]\n',
        'rfcs/0002-use-kafka.md': nygard(2, 'Kafka', FIELDS),
        'rfcs/0003-use-redis.md': nygard(3, 'Redis', FIELDS),
      },
      NOW,
    );
    expect(on('rfcs/0001-template.md')).toEqual([]);
  });

  // Judgement call: German "Vorlage" is a template, but a `*-vorlage.md` in a decisions folder is as
  // often a Beschlussvorlage, the motion put to the board for decision: a record, not its template.
  it.skip('does not take a Beschlussvorlage in a decision folder for a template', () => {
    expect(typeOf('adr/haushalt-vorlage.md', 'Beschlussvorlage: Haushalt 2026')).toBe('decision');
  });
});
