import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { type Finding, fingerprint } from '../../src/model/finding.js';
import { FolderTemplates, type TemplateRecord } from '../../src/rules/folder-template.js';
import { loadActiveRules } from '../../src/rules/settings.js';
import type { SitePage } from '../../src/site.js';
import { tempTree } from '../helpers/cli.js';

// Records are judged against their folder's own template (src/rules/folder-template.ts,
// folder-sections.ts) once the crawl has read every page. A folder is a Markdown folder, a Notion
// page's parent or database, a Confluence parent page: one a pull request can fill with files, a
// decision log that grows a row a day. The judgement must cost what its records cost, and must not
// depend on the order the crawl met them in.

const finding = (ruleId: string, key: string, matched: string): Finding =>
  ({ ruleId, page: { key }, fingerprint: fingerprint(ruleId, key, matched) }) as unknown as Finding;

/** A KEP-like record: all of the folder's write Summary, none writes Motivation. */
const kep = (key: string): TemplateRecord[] => [
  { rule: 'decision-sections', family: 'KEP', writes: [], familyWrites: ['Summary'] },
  { rule: 'decision-status', writes: key.endsWith('7') ? ['status'] : [] },
];

async function activeRules() {
  return loadActiveRules(defaultConfig(tempTree({ 'README.md': '# x\n' })));
}

describe("judging records by their folder's template", () => {
  it('a folder of 30,000 records of one family is judged in one pass (each record was copied again for every record after it)', {
    timeout: 10_000,
  }, async () => {
    // dropFamilyUnwritten gathered a family's records with `[...list, record]`: 20,000 records cost
    // 12 s, 50,000 some 100 s, 100,000 eight minutes, all before the report.
    const rules = await activeRules();
    const templates = new FolderTemplates();
    const findings: Finding[] = [];
    for (let i = 0; i < 30_000; i++) {
      const key = `notion:row-${i}`;
      templates.add({ source: 'notion', key, parent: 'notion:decision-log' } as SitePage, kep(key));
      findings.push(finding('decision-sections', key, 'Motivation missing'));
    }
    findings.push(finding('page-owner', 'notion:row-1', 'owner missing'));
    const kept = templates.judge(findings, rules);
    // No record of the folder writes Motivation: the folder's version of the template has none.
    expect(kept.map((f) => f.ruleId)).toEqual(['page-owner']);
  });

  it('gives the same findings whatever order the crawl met the pages in (held)', async () => {
    const rules = await activeRules();
    const pages: { page: SitePage; records: TemplateRecord[]; findings: Finding[] }[] = [];
    // Three folders: one of KEPs, one of plain records where one writes the status, one of two records.
    for (const [folder, count] of [
      ['docs/keps', 5],
      ['docs/adr', 4],
      ['docs/small', 2],
    ] as const)
      for (let i = 0; i < count; i++) {
        const file = `${folder}/000${i}-x.md`;
        const key = `markdown:${file}`;
        const records: TemplateRecord[] =
          folder === 'docs/keps'
            ? kep(key)
            : [
                { rule: 'decision-sections', writes: i === 1 ? ['Context'] : [] },
                { rule: 'decision-status', writes: i === 1 ? ['status'] : [] },
              ];
        pages.push({
          page: { source: 'markdown', key, file } as SitePage,
          records,
          findings: [
            finding('decision-sections', key, 'Motivation missing'),
            finding('decision-sections', key, 'Context missing'),
            finding('decision-sections', key, 'Consequences missing'),
            finding('decision-status', key, 'status missing'),
          ],
        });
      }
    const judged = (order: typeof pages) => {
      const templates = new FolderTemplates();
      for (const { page, records } of order) templates.add(page, records);
      return templates
        .judge(
          order.flatMap((p) => p.findings),
          rules,
        )
        .map((f) => f.fingerprint)
        .sort();
    };
    const first = judged(pages);
    // Reversed, and interleaved folder by folder.
    expect(judged([...pages].reverse())).toEqual(first);
    expect(
      judged([...pages].sort((a, b) => (a.page.key.at(-6) ?? '').localeCompare(b.page.key.at(-6) ?? ''))),
    ).toEqual(first);
    // Something was dropped and something kept: the order check is not about an empty answer.
    expect(first.length).toBeGreaterThan(0);
    expect(first.length).toBeLessThan(pages.length * 4);
  });

  it('does not count a wiki page whose parent is not known among its own sub-pages', async () => {
    // A page with no known parent is compared with no other page; its folder was named by its own key,
    // which is the folder of its sub-pages: a top-level decision and two sub-page decisions, none with
    // a status, made a folder of three, and all three status findings went.
    const rules = await activeRules();
    const templates = new FolderTemplates();
    const findings: Finding[] = [];
    const pages = [
      { source: 'notion', key: 'notion:top' },
      { source: 'notion', key: 'notion:sub-1', parent: 'notion:top' },
      { source: 'notion', key: 'notion:sub-2', parent: 'notion:top' },
    ] as SitePage[];
    for (const page of pages) {
      templates.add(page, [{ rule: 'decision-status', writes: [] }]);
      findings.push(finding('decision-status', page.key, 'status missing'));
    }
    expect(templates.judge(findings, rules).map((f) => f.page.key)).toEqual(pages.map((p) => p.key));
  });
});
