import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { buildPage } from '../../src/normalize/page.js';
import { runJson, tempTree } from '../helpers/cli.js';

// Thirteenth round, held. The lead line (lead-line.ts: a bold state and a date under the title, new in the
// last round) and run-in bold labels (`**Decision:** …` as a section, find-section.ts) read a mebibyte once:
// their patterns are anchored and bounded (a state of at most three words of 30 letters, a separator and
// spaces of at most 3), the bold's text is taken once, and a label over 60 characters is no section before
// any lookup. A paragraph of a mebibyte under the title, a bold of 50,000 lines, and a record of 6,000
// run-in paragraphs cost what their parsing costs, with the answers of short ones.

const classify = typeClassifier({});
const page = (markdown: string) =>
  buildPage(
    {
      source: 'markdown',
      id: 'adr/0001-x.md',
      url: 'adr/0001-x.md',
      path: 'adr/0001-x.md',
      markdown,
      fallbackTitle: 'x',
    },
    classify,
  );
const words = `${'ab '.repeat(20)}\n`;

describe('a hostile lead line', () => {
  it('a lead line that runs on for a mebibyte still gives its state and date', { timeout: 60_000 }, () => {
    const read = page(
      `# 1. Use Kafka\n\n**Accepted** · 2026-01-02 ${words.repeat(15_000)}\n## Context\n\nWhy.\n`,
    );
    expect(read.unreadable).toBeUndefined();
    expect(read.fields.status?.value).toBe('Accepted');
    expect(read.fields['status-date']?.value).toBe('2026-01-02');
  });

  it('a bold of 50,000 lines, or a mebibyte of separators before the date, sets nothing', {
    timeout: 60_000,
  }, () => {
    const bold = page(`# 1. Use Kafka\n\n**${'Accepted\n'.repeat(50_000)}** · 2026-01-02\n`);
    expect(bold.unreadable).toBeUndefined();
    expect(bold.fields.status).toBeUndefined();
    const spaced = page(`# 1. Use Kafka\n\n**Accepted** ${'· \n'.repeat(300_000)}2026-01-02\n`);
    expect(spaced.fields.status).toBeUndefined();
  });

  it('a record of 6,000 run-in paragraphs is judged as a short one', { timeout: 60_000 }, async () => {
    const runIns = '**Context:** We must choose.\n\n**Decision:** We use Kafka because it scales.\n\n';
    const root = tempTree({
      'adr/0001-kafka.md': `# 1. Use Kafka\n\nStatus: Accepted\nDate: 2026-01-02\n\n${runIns.repeat(3_000)}**Consequences:** More ops.\n`,
      'adr/0002-short.md': `# 2. Use Kafka\n\nStatus: Accepted\nDate: 2026-01-02\n\n${runIns}**Consequences:** More ops.\n`,
    });
    const rules = (file: string, run: { stdout: string }) =>
      (JSON.parse(run.stdout).findings as { ruleId: string; page: { file: string } }[])
        .filter((f) => f.page.file === file)
        .map((f) => f.ruleId)
        .sort();
    const run = await runJson(root);
    expect(rules('adr/0001-kafka.md', run)).toEqual(rules('adr/0002-short.md', run));
  });
});
