import { describe, expect, it } from 'vitest';
import { tempTree } from '../helpers/cli.js';
import { ruleFindings } from './cli-findings.js';

// The twenty-fifth round's decision folders (synthetic pages of their shapes), judged by their own folder first: a
// record series named after its template (`ODH-ADR-0000-template.md`), a Chinese RFC repository whose drafts keep
// the template's number 0000 until they are given one, and names its other records for their component alone.

/** A record with its metadata in a two-column table, as Open Data Hub's template lays it out. */
const tableRecord = (title: string, date: string, status: string) =>
  [
    `# ${title}`,
    '',
    '|                |            |',
    '| -------------- | ---------- |',
    `| Date           | ${date} |`,
    `| Status         | ${status} |`,
    '| Authors        | [Ana Lima](@alima) |',
    '| Superseded by: | N/A |',
    '',
    ...['What', 'Why', 'Goals', 'How', 'Alternatives', 'Risks'].flatMap((h) => [
      `## ${h}`,
      '',
      `The ${h.toLowerCase()} of moving the build to the shared runners.`,
      '',
    ]),
  ].join('\n');

const seriesTemplate = tableRecord('Architecture Decision Record template', 'insert date', 'Approved');

describe('left25: records named in the series of their folder template', () => {
  const tree = (withTemplate: boolean) =>
    tempTree({
      ...(withTemplate ? { 'ODH-ADR-0000-template.md': seriesTemplate } : {}),
      'ODH-ADR-0003-use-shared-runners.md': tableRecord('Use the shared runners', '2023-04-11', 'Accepted'),
      'serving/ODH-ADR-MS-0002-route-per-server.md': tableRecord(
        'One route per server',
        '2026-03-01',
        'Draft',
      ),
    });

  it('types `ODH-ADR-0003-*.md` and `serving/ODH-ADR-MS-0002-*.md` under `ODH-ADR-0000-template.md` as records', async () => {
    const root = tree(true);
    // A record is no page that goes stale: an accepted one of 2023 keeps its date.
    expect(await ruleFindings([root], 'stale-page')).toEqual([]);
    // The draft in a sub-folder is a record too: its stalled draft is reported.
    expect(await ruleFindings([root], 'decision-lag')).toEqual([
      'serving/ODH-ADR-MS-0002-route-per-server.md',
    ]);
  }, 60_000);

  it('still leaves the same pages untyped without the template that names the series', async () => {
    const root = tree(false);
    expect(await ruleFindings([root], 'stale-page')).toEqual(['ODH-ADR-0003-use-shared-runners.md']);
    expect(await ruleFindings([root], 'decision-lag')).toEqual([]);
  }, 60_000);
});

/** A Chinese RFC in the bullet header and headings of the repository's root `0000-template.md`. */
const chineseRfc = (date: string, alternatives: string) =>
  [
    `- 开始日期：${date}`,
    '- 目标主要版本：2.0',
    '- 参考问题 Issues：',
    '',
    '# 概括',
    '',
    '一个悬浮按钮组件。',
    '',
    '# 动机',
    '',
    '统一样式。',
    '',
    '# 详细设计',
    '',
    '| 属性 | 类型 |',
    '| ---- | ---- |',
    '| icon | ReactNode |',
    '',
    '# 缺点',
    '',
    '配置项较少。',
    '',
    '# 备择方案',
    '',
    alternatives,
    '',
    '# 未解决的问题',
    '',
  ].join('\n');

describe('left25: a Chinese RFC repository whose drafts are numbered 0000', () => {
  const root = tempTree({
    '0000-template.md': chineseRfc('（填写今天的日期，YYYY-MM-DD）', '还考虑了哪些其他设计？'),
    'react/0000-HoverButton.md': chineseRfc('2024-05-30', ''),
    'react/0000-LoadingPage.md': chineseRfc('2024-06-03', '使用骨架屏，但它不适合整页加载。'),
    'react/0000-template-en.md': chineseRfc('YYYY-MM-DD', ''),
    'react/0000-overview.md': '# 组件总览\n\n- [Badge](Badge.md)\n- [HoverButton](0000-HoverButton.md)\n',
    'react/Badge.md': chineseRfc('2023-04-11', ''),
    'react/usage.md': '# 使用说明\n\n- 安装：npm i\n- 版本：2.0\n\n## 示例\n\n引入组件即可。\n',
  });

  it('judges a filled `0000-*.md` beside the root template as a record: its empty 备择方案 (Alternatives) is found', async () => {
    expect(await ruleFindings([root], 'decision-sections', true)).toEqual([
      'react/0000-HoverButton.md Section "Alternatives considered" is empty (expected in a proposal).',
      'react/Badge.md Section "Alternatives considered" is empty (expected in a proposal).',
    ]);
  }, 60_000);

  it('judges an unnumbered page that opens with the RFC header (目标主要版本, Target Major Version) as a record, not a guide beside it', async () => {
    expect(await ruleFindings([root], 'page-owner')).toEqual(['react/usage.md']);
  }, 60_000);

  it('reads 开始日期 (Start Date) as its date and asks no status of an RFC', async () => {
    expect(await ruleFindings([root], 'decision-date')).toEqual([]);
    expect(await ruleFindings([root], 'decision-status')).toEqual([]);
  }, 60_000);
});

/** A Portuguese RFC with its status under `## Status`, as a students' RFC template writes it. */
const portugueseRfc = (status: string) =>
  [
    '# RFC-0004. Autenticar clientes pelo CPF',
    '',
    'Data: 2026-09-04',
    'Autor: @ana',
    '',
    '## Status',
    '',
    status,
    '',
    '## Resumo',
    '',
    'Autenticar o cliente sem senha.',
    '',
    '## Alternativas consideradas',
    '',
    '- **Senha própria.** Mais cadastro para o cliente.',
    '',
  ].join('\n');

describe('left25: a closed RFC with its outcome after a dash', () => {
  it('reads "Encerrada - Aprovada" (closed, approved) as its outcome, and still finds "Encerrada" alone', async () => {
    const root = tempTree({
      'docs/rfc/0004-autenticar-clientes.md': portugueseRfc('Encerrada - Aprovada'),
      'docs/rfc/0005-escalar-o-cluster.md': portugueseRfc('Closed – Rejected'),
      'docs/rfc/0006-versionar-o-schema.md': portugueseRfc('Encerrada'),
    });
    expect(await ruleFindings([root], 'decision-status')).toEqual(['docs/rfc/0006-versionar-o-schema.md']);
  }, 60_000);
});

/** A record of Open Data Hub's table layout whose sections are `headings`, each with a line of text. */
const sectionsRecord = (title: string, headings: string[], text = (h: string) => `The ${h.toLowerCase()}.`) =>
  [
    `# ${title}`,
    '',
    '|                |            |',
    '| -------------- | ---------- |',
    '| Date           | 2026-06-20 |',
    '| Status         | Accepted |',
    '| Authors        | [Ana Lima](@alima) |',
    '',
    ...headings.flatMap((h) => [`## ${h}`, '', text(h), '']),
  ].join('\n');

describe('left25: a template section that says it is optional', () => {
  const folder = (risksText: string) =>
    tempTree({
      'adr/ODH-ADR-0000-template.md': sectionsRecord(
        'Architecture Decision Record template',
        ['What', 'Why', 'How', 'Alternatives', 'Risks'],
        (h) => (h === 'Risks' ? risksText : `A couple sentences on the ${h.toLowerCase()}.`),
      ),
      'adr/ODH-ADR-0005-label-standard.md': sectionsRecord('Label standard', [
        'What',
        'Why',
        'How',
        'Alternatives',
      ]),
    });

  it('asks no Risks (Consequences) of a record when the template opens that section with "Optional section."', async () => {
    expect(
      await ruleFindings([folder('Optional section. Talk about any risks here.')], 'decision-sections'),
    ).toEqual([]);
  }, 60_000);

  it('still asks it when the template does not say so', async () => {
    expect(await ruleFindings([folder('Talk about any risks here.')], 'decision-sections', true)).toEqual([
      'adr/ODH-ADR-0005-label-standard.md Section "Consequences" is missing (expected in a decision record).',
    ]);
  }, 60_000);
});
