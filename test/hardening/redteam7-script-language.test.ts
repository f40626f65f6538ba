import { describe, expect, it } from 'vitest';
import { textLanguage } from '../../src/normalize/language.js';
import { runJson, tempTree } from '../helpers/cli.js';

// Chinese minutes are told by their script (src/normalize/language.ts) since the eighth round, and
// meeting-outcomes reads them with Chinese phrases. A page's text can hold what no language writes: lone
// surrogates (a Notion or Confluence answer's JSON can carry "\ud800"), bidi controls that reorder what
// a reader sees (U+202E), 100 KB lines of one script inside another. Held when tried: the language is
// told by the letters alone, the page is judged, and the cost is the page's.

const RLO = '\u202e';
const LONE = '\ud800';

describe('language by script, with text no language writes', () => {
  it('tells Chinese through bidi controls and lone surrogates, and nothing from them alone', () => {
    const han = '本次会议回顾了上次的议题并由各位成员分享了近期的工作进展';
    expect(textLanguage(`${RLO}${LONE}`.repeat(50_000) + han.repeat(4))).toBe('zh');
    expect(textLanguage(`${LONE}${RLO}\udfff`.repeat(100_000))).toBeUndefined();
    // Japanese shorthand between the Han characters stays Japanese, however long the line.
    expect(textLanguage(`${han}です`.repeat(20_000))).toBeUndefined();
    // An English page quoting one Chinese sentence is not Chinese.
    const english =
      'The team agreed to review the release plan and the budget with the other teams next week. ';
    expect(textLanguage(english.repeat(20) + han)).toBe('en');
  });

  it('judges Chinese minutes of 100 KB lines with bidi controls: an outcome counts, none is a finding', async () => {
    const line = `本次会议回顾了上次的议题${RLO}并由各位成员分享了近期的工作进展和遇到的问题`.repeat(3_000);
    const root = tempTree({
      'handbook/meetings/2022-10-20-sync.md': `# 2022-10-20 会议纪要\n\n## 会议内容\n\n${line}\n`,
      'handbook/meetings/2022-10-27-sync.md': `# 2022-10-27 会议纪要\n\n## 会议内容\n\n${line}确定下次会议的时间为十一月十日。\n`,
    });
    const { code, stdout } = await runJson(`${root}/handbook`);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { findings: { ruleId: string; page: { path: string } }[] };
    const outcomes = report.findings.filter((f) => f.ruleId === 'meeting-outcomes').map((f) => f.page.path);
    expect(outcomes).toEqual(['meetings/2022-10-20-sync.md']);
  }, 120_000);
});
