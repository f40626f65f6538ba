import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { run } from '../../src/run.js';
import { tempTree } from '../helpers/cli.js';
import { lintDecisionFolder } from './decision-folder.js';

/**
 * Decision records as the tenth out-of-sample round met them, written for the test (the pages themselves
 * are other people's text): Chinese records, an RFC header list with bold keys and no colons, a status in
 * its heading, a Rust-style template beside its one record, and reasons given in the Context or the
 * Consequences of records that weigh no options.
 */

const NOW = '2026-12-01';

const rulesOn = (found: (readonly unknown[])[]) => found.map(([rule]) => rule);

describe('judgement fixtures: the tenth round, decision records in Chinese', () => {
  it('reads the status, its date, the headings and the deciders as Chinese records write them', async () => {
    const record = [
      '# ADR-002: 文档架构重构',
      '',
      '## 状态',
      '',
      '**已完成** - 2025-09-23',
      '',
      '## 上下文与问题陈述',
      '',
      '文档分散在多个目录中，因为没有统一的入口，新成员很难找到标准。',
      '',
      '## 考虑的选项',
      '',
      '- 统一导航',
      '- 保持现状',
      '',
      '## 决策结果',
      '',
      '选择统一导航，因为它降低了学习成本。',
      '',
      '## 影响评估',
      '',
      '- 入口统一',
      '',
      ...Array.from({ length: 30 }, (_, i) => `- 检查项 ${i + 1}`),
      '',
      '## 决策批准',
      '',
      '**决策者**: 系统架构师',
      '',
    ].join('\n');
    const second = [
      '# ADR-003: 导航重构',
      '',
      '## 状态',
      '',
      '接受 - 2025-09-24',
      '',
      '## 背景',
      '',
      '由于目录太深，文档难以维护。',
      '',
      '## 决策',
      '',
      '我们采用三层结构，因为它简化了维护。',
      '',
      '## 后果',
      '',
      '- 维护成本降低',
      '',
      '## 决策制定者',
      '',
      '架构组',
      '',
    ].join('\n');
    const { on } = await lintDecisionFolder(
      { 'docs/adr/ADR-002-docs.md': record, 'docs/adr/ADR-003-nav.md': second },
      NOW,
    );
    expect(on('docs/adr/ADR-002-docs.md')).toEqual([]);
    expect(on('docs/adr/ADR-003-nav.md')).toEqual([]);
  });
});

describe('judgement fixtures: the tenth round, fields written without a colon', () => {
  const rfc = (status: string) =>
    `# RFC 0001: Detailed query logging\n\n* **Status** ${status}\n* **Author** Ana Ruiz <ana@example.com>\n* **Date** 2019-03-01\n\n# Suggestion\n\nLog every query with its plan.\n\n## Decision\n\nWe log queries because support cannot reproduce slow ones.\n`;

  it('reads `* **Status** Implemented` and `* **Author** …` as the status and the owner', async () => {
    const { on } = await lintDecisionFolder({ 'docs/rfcs/0001-query-logging.md': rfc('Implemented') }, NOW);
    const found = rulesOn(on('docs/rfcs/0001-query-logging.md'));
    expect(found).not.toContain('decision-status');
    expect(found).not.toContain('decision-owner');
    expect(found).not.toContain('decision-date');
  });

  it('still judges the value a bold key gives', async () => {
    const { on } = await lintDecisionFolder({ 'docs/rfcs/0001-query-logging.md': rfc('Parked') }, NOW);
    expect(on('docs/rfcs/0001-query-logging.md')).toContainEqual([
      'decision-status',
      expect.stringContaining('found: Parked'),
    ]);
  });

  it('reads `## Status Accepted` over nothing as the status, not "## Status quo" over its section', async () => {
    const record = (heading: string, under: string) =>
      `# ADR-001: Split the API\n\nDate: 2025-05-01\nDeciders: Ana Ruiz\n\n## Context\n\nOne process serves both the database and the API, because it began as a script.\n\n${heading}\n\n${under}## Decision\n\nSplit them, because they scale apart.\n\n## Consequences\n\nTwo deployments.\n`;
    const inHeading = await lintDecisionFolder(
      { 'docs/adr/ADR-001-split.md': record('## Status Accepted', '') },
      NOW,
    );
    expect(rulesOn(inHeading.on('docs/adr/ADR-001-split.md'))).not.toContain('decision-status');
    const section = await lintDecisionFolder(
      { 'docs/adr/ADR-001-split.md': record('## Status quo', 'One binary.\n\n') },
      NOW,
    );
    expect(rulesOn(section.on('docs/adr/ADR-001-split.md'))).toContain('decision-status');
  });
});

describe("judgement fixtures: the tenth round, the folder's template with one record", () => {
  it('asks the one record no owner when the template beside it has no author field', async () => {
    const template =
      "- Feature Name: (fill me in with a unique ident, `my_awesome_feature`)\n- Start Date: (fill me in with today's date, YYYY-MM-DD)\n- RFC PR: (leave this empty)\n\n# Summary\n\nOne paragraph explanation of the feature.\n\n# Motivation\n\nWhy are we doing this?\n\n# Detailed design\n\nThe bulk of the RFC.\n\n# Drawbacks\n\nWhy should we *not* do this?\n\n# Alternatives\n\nWhat other designs have been considered?\n";
    const record =
      '- Feature Name: iterator_language\n- Start Date: 2021-02-03\n- RFC PR: #12\n\n# Summary\n\nA small language to define iterators.\n\n# Motivation\n\nUsers write the same loops again and again.\n\n# Detailed design\n\nA grammar of three rules.\n\n# Drawbacks\n\nOne more thing to learn.\n\n# Alternatives\n\nLua scripts.\n';
    const { on } = await lintDecisionFolder(
      { 'rfcs/00000-template.md': template, 'rfcs/00001-iterator-language.md': record },
      NOW,
    );
    expect(rulesOn(on('rfcs/00001-iterator-language.md'))).not.toContain('decision-owner');
  });

  it('still asks the one record what the template beside it asks', async () => {
    const template =
      '# ADR-NNN: Titel\n\n- Status: [Vorgeschlagen | Akzeptiert]\n- Datum: YYYY-MM-DD\n- Autoren: [Name(n)]\n\n## Kontext\n\n[Beschreibung]\n\n## Entscheidung\n\n[Beschreibung]\n\n## Konsequenzen\n\n[Beschreibung]\n';
    const record =
      '# ADR-001: Datenbank trennen\n\n## Status Akzeptiert\n\n## Kontext\n\nDie API und der Import teilen sich einen Prozess.\n\n## Entscheidung\n\nWir trennen sie, weil sie unterschiedlich skalieren.\n\n## Konsequenzen\n\nZwei Deployments.\n';
    const { on } = await lintDecisionFolder(
      { 'docs/adr/template.md': template, 'docs/adr/ADR-001-trennen.md': record },
      NOW,
    );
    expect(rulesOn(on('docs/adr/ADR-001-trennen.md')).sort()).toEqual(['decision-date', 'decision-owner']);
  });
});

describe("judgement fixtures: the tenth round, the template a folder's README shows in a code block", () => {
  const readme = (fence: string) =>
    `# Decisions\n\nWe record decisions in this format:\n\n${fence}\n# Title\n\n## Status\n\nWhat is the status?\n\n## Context\n\nWhat is the issue?\n\n## Decision\n\nWhat is the change?\n\n## Consequences\n\nWhat becomes easier?\n\`\`\`\n\n- [Bundles](2022-01-14_bundles.md)\n`;
  const record = (status: string) =>
    `# Bundle distribution\n\n${status}## Context\n\nWe want to ship bundles because users ask for them.\n\n## Decision\n\nCommit them to a new repository.\n\n## Consequences\n\nTags stay simple.\n`;
  const lint = async (fence: string, status: string) => {
    const root = tempTree({
      'decisions/README.md': readme(fence),
      'decisions/2022-01-14_bundles.md': record(status),
    });
    const result = await run(defaultConfig(root), { now: new Date(NOW) });
    return result.findings
      .filter((f) => f.page.file === 'decisions/2022-01-14_bundles.md' && f.ruleId.startsWith('decision-'))
      .map((f) => f.ruleId)
      .sort();
  };

  it('asks its records only what the template in the README asks', async () => {
    expect(await lint('```', '## Status\n\nAccepted\n\n')).toEqual([]);
    expect(await lint('```markdown', '')).toEqual(['decision-status']);
  });

  it('takes no code block of another language, or of fewer than two headings, for the template', async () => {
    expect(await lint('```yaml', '## Status\n\nAccepted\n\n')).toEqual(['decision-owner']);
  });
});

describe('judgement fixtures: the tenth round, reasons outside the Decision', () => {
  const nygard = (context: string, consequences: string) =>
    `# 24. Egress inspection\n\nDate: 2023-03-30\nDeciders: Platform team\n\n## Status\n\nAccepted\n\n## Context\n\n${context}\n\n## Decision\n\nWe will keep two egress VPCs.\n\n## Consequences\n\n${consequences}\n`;
  const rationale = async (context: string, consequences: string) => {
    const { on } = await lintDecisionFolder({ 'adr/0024-egress.md': nygard(context, consequences) }, NOW);
    return rulesOn(on('adr/0024-egress.md')).filter((rule) => rule === 'decision-rationale');
  };

  it('takes a requirement stated in the Context, or a gain stated in the Consequences, as the reason', async () => {
    expect(
      await rationale('This requirement comes before any traffic may leave.', '- Diagrams updated.'),
    ).toEqual([]);
    expect(
      await rationale(
        'We publish bundles.',
        '- Tags without prefixes are necessary for compatibility with the CDN.',
      ),
    ).toEqual([]);
    expect(
      await rationale('We publish bundles.', '- Not publishing on npm helps avoid duplicate copies.'),
    ).toEqual([]);
  });

  it('still asks for a reason when neither says why', async () => {
    expect(await rationale('We publish bundles.', '- Diagrams updated.')).toEqual(['decision-rationale']);
    expect(await rationale('We publish bundles.', '- This does not reduce the work.')).toEqual([
      'decision-rationale',
    ]);
  });
});
