import { describe, expect, it } from 'vitest';
import { badgeLabel, badgeMessage } from '../../src/normalize/status-markup.js';
import { lintDecisionFolder } from '../judgement-fixtures/decision-folder.js';

// A record's status may be shown by markup (status-markup.ts, ninth round): a badge whose message is
// read from its URL (badgen, shields.io), a docs site's component with a `status=` attribute, a
// retired record's banner. A pull request writes all of it. Eighth hardening round: badges that
// contradict the written status, hostile URLs and attributes of 100 KB.

const NOW = '2026-06-01';
const body =
  '\n\n## Context\n\nWe need one place for decisions.\n\n## Decision\n\nWe keep ADRs because they are searchable.\n\n## Consequences\n\nMore files.\n';
const status = (found: readonly (readonly unknown[])[]) =>
  found.filter(([rule]) => rule === 'decision-status' || rule === 'decision-lag');
const shields = (label: string, message: string) =>
  `![status](https://img.shields.io/badge/${label}-${message}-green)`;

describe('a badge that contradicts the written status', () => {
  it('a Status line at the top wins over a badge under a Status heading (earlier places win) (held)', async () => {
    const { on } = await lintDecisionFolder(
      {
        'adr/0001-x.md': `# 1. Use ADRs\n\nStatus: Proposed\nDate: 2025-01-01\n\n## Status\n\n${shields('status', 'accepted')}${body}`,
      },
      NOW,
    );
    // Proposed since 2025: the lag is reported, the badge's "accepted" does not hide it.
    expect(status(on('adr/0001-x.md'))).toEqual([['decision-lag', expect.stringContaining('Proposed')]]);
  });

  it('a badge not labelled as a state (build, coverage, any label) is no status, whatever it says (held)', async () => {
    const { on } = await lintDecisionFolder(
      {
        'adr/0001-x.md': `# 1. Use ADRs\n\nDate: 2025-01-01\n\n## Status\n\n${shields('build', 'accepted')}\n\nProposed${body}`,
      },
      NOW,
    );
    expect(status(on('adr/0001-x.md'))).toEqual([['decision-lag', expect.stringContaining('Proposed')]]);
  });

  it('under a Status heading, a state badge above the written word is read first, as the site shows it (stated in the README)', async () => {
    const { on } = await lintDecisionFolder(
      {
        'adr/0001-x.md': `# 1. Use ADRs\n\nDate: 2025-01-01\n\n## Status\n\n${shields('status', 'accepted')}\n\nProposed${body}`,
      },
      NOW,
    );
    expect(status(on('adr/0001-x.md'))).toEqual([]);
  });
});

describe('hostile badge URLs and components (held)', () => {
  it.each([
    ['a label of 100 KB', `https://img.shields.io/badge/${'a'.repeat(100_000)}-accepted-green`, 'accepted'],
    ['broken escapes', 'https://badgen.net/badge/status/%E0%A4%A/green', '%E0%A4%A'],
    [
      'a host that only starts like shields',
      'https://img.shields.io.example.com/badge/status-accepted-green',
      undefined,
    ],
    ['a javascript: URL', 'javascript:alert(1)//img.shields.io/badge/status-accepted-green', undefined],
    ['dashes only', 'https://img.shields.io/badge/---', undefined],
  ])('%s: read as a URL, not a crash', (_what, url, message) => {
    expect(badgeMessage(url)).toBe(message);
    expect(() => badgeLabel(url)).not.toThrow();
  });

  it('a badge whose message carries line breaks and workflow commands is a status value, not a line of its own', async () => {
    const url = 'https://img.shields.io/badge/status-%0A%3A%3Aerror%3A%3Apwned%0D-red';
    const { on } = await lintDecisionFolder(
      { 'adr/0001-x.md': `# 1. Use ADRs\n\nDate: 2025-01-01\n\n## Status\n\n![s](${url})${body}` },
      NOW,
    );
    const [finding] = status(on('adr/0001-x.md'));
    expect(finding?.[0]).toBe('decision-status');
    // The finding quotes the value; the reports escape it (redteam6-github-format, terminal.test.ts).
    expect(String(finding?.[1])).toContain('::error::pwned');
  });

  it('a component of 100 KB is not read for a status, and costs no rescan', async () => {
    const attribute = `<adr-status data-x="${' status='.repeat(12_000)}" status="accepted" />`;
    const { on } = await lintDecisionFolder(
      {
        'adr/0001-x.md': `# 1. Use ADRs\n\nDate: 2025-01-01\n\n## Status\n\n${attribute}\n\nProposed${body}`,
      },
      NOW,
    );
    expect(status(on('adr/0001-x.md'))).toEqual([['decision-lag', expect.stringContaining('Proposed')]]);
  });
});
