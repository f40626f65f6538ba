import { describe, expect, it } from 'vitest';
import { runJson, tempTree } from '../helpers/cli.js';

// The readers the ninth round left unattacked, each fed a line of a mebibyte: the bold-key field reader
// (`**Owner:** …`, extract-fields.ts), CJK keys (`负责人：`, field-keys.ts), the status date and dateline
// readers (field-dates.ts), the todo-note rule's patterns and the underscored slot (`__Name__`). Each read
// its line once: ten such pages (10 MB) in seconds, with the answers below. *Held*; the test's timeout
// is its only clock.

interface Report {
  findings: { ruleId: string; message: string; page: { path: string } }[];
  unreadable: { path: string; reason: string }[];
}

const MIB = 1 << 20;
const fill = (unit: string) => unit.repeat(Math.ceil(MIB / unit.length));
const sections = '\n\n## Context\n\nBecause.\n\n## Decision\n\nX.\n\n## Consequences\n\nY.\n';

describe('field and note readers on lines of a mebibyte (held)', () => {
  it('read each line once and give the answers of short lines', { timeout: 120_000 }, async () => {
    const pages: Record<string, string> = {
      'bold-owner.md': `# Bold owner\n\n**Owner:** @ana ${fill('x ')}\n`,
      'cjk-owner.md': `# 中文页面\n\n负责人：${fill('甲')}\n`,
      'cjk-colons.md': `# 冒号\n\nOwner: @ana\n\n${fill('负责人：')}\n`,
      'todo-long.md': `# Todo\n\nOwner: @ana\n\nTODO: ${fill('a')}\n`,
      'todo-open.md': `# Todos\n\nOwner: @ana\n\n${fill('(TODO ')}\n`,
      'todo-with.md': `# With\n\nOwner: @ana\n\n${fill('with TODO ')}\n`,
      'underscored.md': `# Slots\n\nOwner: @ana\n\nNotetaker: __Name__ ${fill('_')}\n`,
      'decisions/0001-status-on.md': `# 1. Use X\n\nOwner: @ana\n\nDate: 2026-01-01\n\nStatus: Accepted${fill(' on')}${sections}`,
      'decisions/0002-dateline.md': `# ADR 2: Use Z\n\n${fill('July ')}2018\n\nOwner: @ana\n\nStatus: Accepted${sections}`,
    };
    const names = Object.keys(pages);
    pages['index.md'] =
      `# Index\n\nOwner: @ana\n\n${names.map((name) => `- [${name}](${name})`).join('\n')}\n`;
    const report = JSON.parse((await runJson(tempTree(pages))).stdout) as Report;
    const found = report.findings.map((f) => `${f.page.path} ${f.ruleId} ${f.message.slice(0, 60)}`);
    expect(found).toEqual([
      'decisions/0002-dateline.md decision-date Decision record date is missing (found: none).',
      `todo-long.md todo-note Unfinished note left in the page: "TODO: ${'a'.repeat(19)}`,
    ]);
    // A run of a mebibyte of `_` is emphasis markers: the page budget's, as before.
    expect(report.unreadable.map((u) => `${u.path}: ${u.reason}`)).toEqual([
      'underscored.md: the paragraph at line 5 has over 2000 emphasis markers (*, _, ~)',
    ]);
  });
});
