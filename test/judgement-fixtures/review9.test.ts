import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { defaultConfig } from '../../src/config.js';
import { textLanguage } from '../../src/normalize/language.js';
import { run } from '../../src/run.js';
import { starlightNavigation } from '../../src/site-starlight.js';
import { tempTree } from '../helpers/cli.js';

/**
 * A second reading of the eighth round's rule changes (73e8c14..4462e0b): Chinese minutes, arrows and
 * "(@owner)" line ends as outcomes, link-only pages as pointers, decision-rationale's new reason words,
 * Astro Starlight's sidebar and GitHub's community files as orphan-page roots. Pages written for these
 * tests, none copied. Each failing test is a clear bug; `it.skip` marks a judgement call, kept to document it.
 */
const NOW = new Date('2026-07-01T00:00:00Z');

/** The pages one rule reports on this handbook, sorted. */
async function found(handbook: Record<string, string>, rule: string): Promise<string[]> {
  const result = await run(defaultConfig(tempTree(handbook)), { now: NOW });
  return result.findings
    .filter((f) => f.ruleId === rule)
    .map((f) => f.page.file ?? '')
    .sort();
}

// ---------------------------------------------------------------------------------------------------
// Chinese minutes
// ---------------------------------------------------------------------------------------------------

/** Chinese minutes that record no outcome (over 40 Han characters), with `extra` after their prose. */
const zhNotes = (date: string, extra = '') =>
  `# ${date} 会议纪要\n\n## 会议内容\n\n本次会议回顾了上次的议题，并由各位成员分享了近期的工作进展和遇到的问题。大家对发布计划的细节交换了意见。${extra}\n`;

describe('meeting-outcomes on Chinese minutes: words that say nothing was decided', () => {
  it('does not take 没有决定 / 沒確定 / 未能达成共识 / 暂无结论 ("not decided", "no consensus", "no conclusion yet") as an outcome', async () => {
    // The lookbehind (?<![未没不待]) sees one character: 没有决定 has 有 before 决定, 达成共识 has 成 before
    // 共识, 暂无结论 has 无; the traditional 沒 is not in the set at all (還沒確定).
    const pages = {
      'meetings/2024-03-01.md': zhNotes('2024-03-01'),
      'meetings/2024-03-02.md': zhNotes('2024-03-02', '下次会议的时间还没有决定。'),
      'meetings/2024-03-03.md': zhNotes('2024-03-03', '關於新版本的發布日期，大家還沒確定。'),
      'meetings/2024-03-04.md': zhNotes('2024-03-04', '关于是否迁移数据库，大家未能达成共识。'),
      'meetings/2024-03-05.md': zhNotes('2024-03-05', '结论：暂无。'),
    };
    expect(await found(pages, 'meeting-outcomes')).toEqual(Object.keys(pages).sort());
  }, 60_000);

  it('does not take 通过 meaning "by way of" (通过视频会议, 通过邮件) as "approved"', async () => {
    // 通过 is the everyday word for "via"; only 通过 after a motion (议案通过, 一致通过) is a decision.
    const pages = {
      'meetings/2024-03-01.md': zhNotes('2024-03-01'),
      'meetings/2024-03-02.md': zhNotes('2024-03-02', '本次会议通过视频会议进行，会后材料通过邮件发送。'),
    };
    expect(await found(pages, 'meeting-outcomes')).toEqual(Object.keys(pages).sort());
  }, 60_000);

  it('reads a decision written in traditional characters (會議決定 ...): 決定 is not in the list', async () => {
    // The zh phrases have 確定, 決議, 通過, 共識, 結論 in both forms but 决定 only simplified.
    const pages = {
      'meetings/2024-03-01.md': zhNotes('2024-03-01'),
      'meetings/2024-03-02.md': zhNotes('2024-03-02', '會議決定下一版本採用新的發布流程。'),
    };
    expect(await found(pages, 'meeting-outcomes')).toEqual(['meetings/2024-03-01.md']);
  }, 60_000);

  // Judgement call: 负责人：待定 is an owner slot left open ("person in charge: TBD"); it is a to-do with no
  // owner rather than no outcome at all. Reported here because nothing was decided nor assigned.
  it.skip('does not take an open owner slot (负责人：待定) as someone taking a task', async () => {
    const pages = {
      'meetings/2024-03-01.md': zhNotes('2024-03-01'),
      'meetings/2024-03-02.md': zhNotes('2024-03-02', '\n\n- 文档更新，负责人：待定\n'),
    };
    expect(await found(pages, 'meeting-outcomes')).toEqual(Object.keys(pages).sort());
  }, 60_000);
});

describe('the script test that tells Chinese: Japanese and Korean are not Chinese', () => {
  it('does not take Japanese shorthand minutes (kanji nouns, names in kanji, little kana) for Chinese', () => {
    // kana * 10 < han: Japanese notes written as noun lists with an attendee list of kanji names have
    // under a tenth as much kana as kanji. They are then read with the Chinese phrases: 確定申告 (a tax
    // return) reads as 确定 "decided".
    const japanese = [
      '# 定例会議 2024年3月1日',
      '## 参加者',
      '田中太郎、佐藤花子、鈴木一郎、高橋次郎、伊藤三郎、渡辺四郎、山本五郎、中村六郎',
      '## 議題',
      '- 確定申告進捗報告',
      '- 新人研修計画',
      '## 内容',
      '- 確定申告：経理部より進捗報告。書類提出来週予定。',
      '- 新人研修：人事部より概要説明。',
    ].join('\n');
    expect(textLanguage(japanese)).not.toBe('zh');
  });

  it('does not credit Japanese shorthand minutes with an outcome for 確定申告 (a tax return), read as Chinese 确定', async () => {
    const notes = (date: string, topic: string) =>
      [
        `# 定例会議 ${date}`,
        '## 参加者',
        '田中太郎、佐藤花子、鈴木一郎、高橋次郎、伊藤三郎、渡辺四郎、山本五郎、中村六郎',
        '## 内容',
        `- ${topic}：経理部より進捗報告。書類提出来週予定。`,
        '- 新人研修：人事部より概要説明。',
        '',
      ].join('\n');
    const pages = {
      'meetings/2024-03-01.md': notes('2024-03-01', '年末調整'),
      'meetings/2024-03-08.md': notes('2024-03-08', '確定申告'),
    };
    expect(await found(pages, 'meeting-outcomes')).toEqual(Object.keys(pages).sort());
  }, 60_000);

  it('does not take Korean minutes that gloss terms in Hanja for Chinese', () => {
    // Hangul is counted nowhere: 40 Han characters make any Korean page "mostly Han".
    const korean = [
      '# 정기 회의 2024년 3월 1일',
      '',
      '## 안건',
      '',
      '- 예산안 검토(豫算案 檢討)와 인사 평가(人事 評價) 일정',
      '- 신입 사원 교육 계획(新入 社員 敎育 計劃)',
      '',
      '## 회의 내용',
      '',
      '예산안 검토는 재무팀에서 진행 상황을 보고하였고, 인사 평가(人事評價) 일정과 신입 사원 교육(新入社員敎育)에 대해서는',
      '다음 회의에서 다시 논의하기로 하였습니다. 회의록 작성(會議錄 作成)과 자료 공유(資料 共有)는 각 팀에서 맡아서 진행합니다.',
      '참석자: 김민수(金敏洙), 이영희(李英姬), 박철수(朴哲洙)',
    ].join('\n');
    expect(textLanguage(korean)).not.toBe('zh');
  });
});

// ---------------------------------------------------------------------------------------------------
// Arrows and "(@owner)" line ends
// ---------------------------------------------------------------------------------------------------

describe('meeting-outcomes: arrows and owners closing a line', () => {
  it('does not take an agenda of topics with their presenters ("Q3 roadmap (@ana)") as an outcome', async () => {
    // A recall loss that matters: GitLab-style agendas name each item's presenter as "(@handle)", so every
    // such page with no outcome is now credited. The line end should count as an owner only outside an
    // Agenda section (or only on a line that reads as a task: a verb first).
    const notes = (date: string, agenda: string) =>
      `# Team sync ${date}\n\n## Agenda\n\n${agenda}\n\n## Notes\n\nWe talked about the roadmap and the open roles at length.\n`;
    const pages = {
      'meetings/2024-03-01.md': notes('2024-03-01', '- Q3 roadmap\n- Hiring update'),
      'meetings/2024-03-08.md': notes('2024-03-08', '- Q3 roadmap (@ana)\n- Hiring update (@ben)'),
    };
    expect(await found(pages, 'meeting-outcomes')).toEqual(Object.keys(pages).sort());
  }, 60_000);

  // Guard (passes): code blocks are not read for outcomes.
  it('does not take a line that starts "=>" inside a code block (irb output) as a conclusion', async () => {
    const pages = {
      'meetings/2024-03-01.md':
        '# Ruby sync 2024-03-01\n\n## Notes\n\nWe looked at the new parser together.\n',
      'meetings/2024-03-08.md':
        '# Ruby sync 2024-03-08\n\n## Notes\n\nWe looked at the new parser together:\n\n```\nirb> Parser.parse("1 + 1")\n=> 2\n```\n',
    };
    expect(await found(pages, 'meeting-outcomes')).toEqual(Object.keys(pages).sort());
  }, 60_000);

  // Judgement call: a list that walks through a flow with arrows ("- -> redirect to the IdP") describes,
  // it concludes nothing; the rule cannot tell it from "-> stick to the current structure" without
  // reading the verb. Kept to document the cost.
  it.skip('does not take a flow written as arrow steps as conclusions', async () => {
    const pages = {
      'meetings/2024-03-01.md':
        '# Auth sync 2024-03-01\n\n## Notes\n\nThe current login flow:\n\n- User clicks login\n- -> redirect to the IdP\n- -> callback sets the cookie\n',
    };
    expect(await found(pages, 'meeting-outcomes')).toEqual(Object.keys(pages).sort());
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Pointers
// ---------------------------------------------------------------------------------------------------

describe('a page that is nothing but a link is a pointer', () => {
  // Judgement call: a page that is only the link to the meeting's recording holds no written notes; the
  // norm (notes record decisions and action items in writing) asks for them. The bare-link branch was
  // written for a link to the notes kept on another site, and cannot tell a video host from a notes site.
  it.skip('still judges notes that are only a link to the recording', async () => {
    const pages = {
      'meetings/2024-03-01.md': '# Sprint review 2024-03-01\n\nhttps://www.youtube.com/watch?v=abc123\n',
    };
    expect(await found(pages, 'meeting-outcomes')).toEqual(['meetings/2024-03-01.md']);
  }, 60_000);

  // Judgement call (the word branch predates this round): a short page of notes whose one sentence names
  // the document the meeting discussed ("doc") is taken for a pointer to notes kept elsewhere.
  it.skip('still judges a short notes page whose sentence links the document it discussed', async () => {
    const pages = {
      'meetings/2024-03-01.md':
        '# Design review 2024-03-01\n\nWe reviewed the [RFC doc](https://docs.example.com/rfc-12) and went through its open questions.\n',
    };
    expect(await found(pages, 'meeting-outcomes')).toEqual(['meetings/2024-03-01.md']);
  }, 60_000);

  it('reads a page of 400,000 blank lines under its title without rescanning it (the pointer test)', {
    timeout: 60_000,
  }, () => {
    // `\s*(?:#[^\n]*\n+)?` backtracked one newline at a time and each step read the rest of the page for a
    // heading (`(?![\s\S]*^[ \t]*#)`) before the 300-character test: 100,000 blank lines took 13 s per rule
    // (meeting-agenda and meeting-outcomes both carry the pattern), 400,000 some three minutes. The length is
    // now tested first: well under a millisecond. A hang guard with no stopwatch: the test's own timeout is
    // the clock (vitest fails a synchronous test that overran it when it returns). recheck cannot judge this
    // pattern (`unknown`: see redos-patterns.test.ts).
    const text = `# Sync 2024-03-01\n${'\n'.repeat(400_000)}x\n`;
    for (const file of ['rules/meeting-agenda.yml', 'rules/meeting-outcomes.yml']) {
      const rule = parse(readFileSync(file, 'utf8')) as { unless: { text?: string }[] };
      const pointer = rule.unless.find((condition) => condition.text?.includes('zulip'))?.text ?? '';
      expect(pointer).toMatch(/^\(\?<!\[\\s\\S\]\)\(\?=\[\\s\\S\]\{0,600\}/);
      expect(new RegExp(pointer, 'imu').test(text)).toBe(false);
    }
  });
});

// ---------------------------------------------------------------------------------------------------
// decision-rationale's new words
// ---------------------------------------------------------------------------------------------------

describe('decision-rationale: words that name no reason', () => {
  const en = (n: number, extra: string) =>
    `# ADR ${n}: Message broker\n\n## Status\n\nAccepted\n\n## Context\n\nWe pick a message broker for the order service.\n\n## Decision\n\nWe use Kafka.${extra}\n\n## Consequences\n\nOne more service to run.\n`;
  const es = (n: number, extra: string) =>
    `# ADR ${n}: Broker de mensajes\n\n## Estado\n\nAceptado\n\n## Contexto\n\nElegimos un broker de mensajes para el servicio de pedidos.\n\n## Decisión\n\nUsamos Kafka.${extra}\n\n## Consecuencias\n\nUn servicio más que operar.\n`;

  it('does not credit "hard to say" / "hard to tell" as a reason', async () => {
    const pages = {
      'adr/0001-broker.md': en(1, ''),
      'adr/0002-broker.md': en(2, ' It is hard to say whether it beats RabbitMQ.'),
      'adr/0003-broker.md': en(3, ' Hard to tell yet how many partitions we need.'),
    };
    expect(await found(pages, 'decision-rationale')).toEqual(Object.keys(pages).sort());
  }, 60_000);

  it('does not credit "requiere más análisis" / "requer mais discussão" / "necesita revisión" (a need for more work, not a reason)', async () => {
    const pages = {
      'adr/0001-broker.md': es(1, ''),
      'adr/0002-broker.md': es(2, ' La configuración de particiones requiere más análisis.'),
      'adr/0003-broker.md': es(3, ' El tamaño del clúster necesita revisión.'),
      'adr/0004-broker.md': es(4, ' A retenção ainda requer mais discussão.'),
    };
    expect(await found(pages, 'decision-rationale')).toEqual(Object.keys(pages).sort());
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Astro Starlight
// ---------------------------------------------------------------------------------------------------

const page = (title: string) => `# ${title}\n\nWhat the team agreed on ${title.toLowerCase()}.\n`;
const astro = (starlight: string, head = '') =>
  `import { defineConfig } from 'astro/config';\nimport starlight from '@astrojs/starlight';\n${head}export default defineConfig({\n${starlight}\n});\n`;

describe("orphan-page: Starlight's sidebar", () => {
  it("reaches the pages of a site whose Astro srcDir moves the docs folder (srcDir: './www')", async () => {
    // The docs are in www/content/docs; src/content/docs does not exist and every page is an orphan.
    const root = tempTree({
      'astro.config.mjs': astro("  srcDir: './www',\n  integrations: [starlight({ title: 'Handbook' })],"),
      'www/content/docs/index.md': page('Handbook'),
      'www/content/docs/guides/onboarding.md': page('Onboarding'),
      'www/content/docs/guides/on-call.md': page('On call'),
    });
    const result = await run(defaultConfig(root), { now: NOW });
    expect(result.findings.filter((f) => f.ruleId === 'orphan-page').map((f) => f.page.file)).toEqual([]);
  }, 60_000);

  it('reaches the pages of an autogenerated folder whose name has capitals (directory: guides, folder Guides/)', async () => {
    // Starlight matches `directory` against slugs, which are lower case; the folder test is case-sensitive.
    const root = tempTree({
      'astro.config.mjs': astro(
        "  integrations: [starlight({ title: 'H', sidebar: [{ label: 'Guides', autogenerate: { directory: 'guides' } }] })],",
      ),
      'src/content/docs/Guides/Onboarding.md': page('Onboarding'),
      'src/content/docs/Guides/On-call.md': page('On call'),
    });
    const result = await run(defaultConfig(root), { now: NOW });
    expect(result.findings.filter((f) => f.ruleId === 'orphan-page').map((f) => f.page.file)).toEqual([]);
  }, 60_000);

  it('reaches a page whose file name has spaces by its slug (slug: getting-started for "Getting Started.md")', async () => {
    const root = tempTree({
      'astro.config.mjs': astro(
        "  integrations: [starlight({ title: 'H', sidebar: [{ label: 'Start', slug: 'getting-started' }] })],",
      ),
      'src/content/docs/Getting Started.md': page('Getting started'),
    });
    const result = await run(defaultConfig(root), { now: NOW });
    expect(result.findings.filter((f) => f.ruleId === 'orphan-page').map((f) => f.page.file)).toEqual([]);
  }, 60_000);

  it('reaches the pages of nested groups, and of a sidebar kept in a module the config imports', async () => {
    // Larger Starlight sites keep the sidebar in its own file (`sidebar: sidebar` from './sidebar.mjs'):
    // the config has a `sidebar:` key and no slug, so every page is an orphan.
    const root = tempTree({
      'astro.config.mjs': astro(
        "  integrations: [starlight({ title: 'H', sidebar: sidebar })],",
        "import { sidebar } from './sidebar.mjs';\n",
      ),
      'sidebar.mjs':
        "export const sidebar = [\n  { label: 'Team', items: [\n    { label: 'Guides', items: [{ label: 'Onboarding', slug: 'team/onboarding' }, { label: 'All', autogenerate: { directory: 'team/guides' } }] },\n  ] },\n];\n",
      'src/content/docs/team/onboarding.md': page('Onboarding'),
      'src/content/docs/team/guides/on-call.md': page('On call'),
    });
    const result = await run(defaultConfig(root), { now: NOW });
    expect(result.findings.filter((f) => f.ruleId === 'orphan-page').map((f) => f.page.file)).toEqual([]);
  }, 60_000);

  it('nested groups written in the config itself are read', async () => {
    // Control for the test above: the same sidebar inline.
    const root = tempTree({
      'astro.config.mjs': astro(
        "  integrations: [starlight({ title: 'H', sidebar: [\n    { label: 'Team', items: [\n      { label: 'Guides', items: [{ label: 'Onboarding', slug: 'team/onboarding' }, { label: 'All', autogenerate: { directory: 'team/guides' } }] },\n    ] },\n  ] })],",
      ),
      'src/content/docs/team/onboarding.md': page('Onboarding'),
      'src/content/docs/team/guides/on-call.md': page('On call'),
      'src/content/docs/team/drafts.md': page('Drafts'),
    });
    const result = await run(defaultConfig(root), { now: NOW });
    expect(result.findings.filter((f) => f.ruleId === 'orphan-page').map((f) => f.page.file)).toEqual([
      'src/content/docs/team/drafts.md',
    ]);
  }, 60_000);

  it('reads a config of 60,000 autogenerated items over 1,000 pages: every page listed', () => {
    // Each `directory` item walked every page (items x pages): 20,000 items over 3,000 pages took 4 s.
    // The directories are collected in a set first, then the pages walked once. The cost is asserted
    // without a stopwatch in test/hardening/starlight-items.test.ts (200,000 pages, the test's timeout).
    const files: Record<string, string> = {};
    for (let i = 0; i < 1000; i++) files[`src/content/docs/g/p${i}.md`] = page(`P${i}`);
    const items = Array.from({ length: 60_000 }, () => "{directory:'g'}").join(',');
    files['astro.config.mjs'] = astro(`  integrations: [starlight({ title: 'H', sidebar: [${items}] })],`);
    const root = tempTree(files);
    expect(starlightNavigation(root, root)).toHaveLength(1000);
  }, 60_000);

  // Judgement call: every quoted string that names a page counts, so a group's label ('FAQ') reaches
  // faq.md though the sidebar never lists it. Lenient (a missed orphan, not a wrong finding).
  it.skip('does not take a label that happens to equal a slug as listing that page', async () => {
    const root = tempTree({
      'astro.config.mjs': astro(
        "  integrations: [starlight({ title: 'H', sidebar: [{ label: 'FAQ', items: [{ label: 'Billing', slug: 'billing' }] }] })],",
      ),
      'src/content/docs/billing.md': page('Billing'),
      'src/content/docs/faq.md': page('FAQ'),
    });
    const result = await run(defaultConfig(root), { now: NOW });
    expect(result.findings.filter((f) => f.ruleId === 'orphan-page').map((f) => f.page.file)).toEqual([
      'src/content/docs/faq.md',
    ]);
  }, 60_000);
});

// ---------------------------------------------------------------------------------------------------
// Community files
// ---------------------------------------------------------------------------------------------------

describe('orphan-page: GitHub community files', () => {
  it('reaches community files named in other cases or separators (contributing.md, docs/security.md)', async () => {
    // GitHub finds these case-insensitively; only the upper-case names are roots.
    const pages = {
      'README.md': page('Handbook'),
      'contributing.md': page('Contributing'),
      'docs/security.md': page('Security policy'),
    };
    expect(await found(pages, 'orphan-page')).toEqual([]);
  }, 60_000);

  // Judgement call: GitHub takes GOVERNANCE.md as a default community health file, but whether every
  // repository page links it as it links the contributing guide is not established here.
  it.skip('reaches GOVERNANCE.md, which GitHub lists among the community files too', async () => {
    const pages = { 'README.md': page('Handbook'), 'GOVERNANCE.md': page('Governance') };
    expect(await found(pages, 'orphan-page')).toEqual([]);
  }, 60_000);
});
