import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { type Finding, fingerprint } from '../../src/model/finding.js';
import { type LintResult, summarize } from '../../src/model/result.js';
import { NOTION_MAX_BLOCKS, renderFindingsPage } from '../../src/writeback/content.js';
import { escapeStorage, formatStorage } from '../../src/writeback/storage.js';
import { HOSTILE_TITLE } from './fixtures.js';

function wellFormedText(storage: string): string {
  const parser = new SaxesParser({ xmlns: false });
  let text = '';
  parser.on('text', (t) => {
    text += t;
  });
  parser.on('error', (error) => {
    throw error;
  });
  parser.write(`<body>${storage}</body>`).close();
  return text;
}

function finding(i: number, title = `Page ${i}`): Finding {
  const page = {
    key: `confluence:${i}`,
    title,
    url: `https://acme.atlassian.net/wiki/spaces/HB/pages/${i}`,
    path: `HB/${title}`,
  };
  return {
    ruleId: 'broken-link',
    severity: 'error',
    message: `Broken link ${i} <a href="x">`,
    page,
    fingerprint: fingerprint('broken-link', page.key, String(i)),
  };
}

function result(findings: Finding[]): LintResult {
  return {
    summary: summarize(findings, findings.length, 0),
    findings,
    rules: [],
    unreadable: [{ key: 'k', path: 'Secret & <restricted>', reason: '403 ]]>' }],
  };
}

describe('storage format', () => {
  it('escapes markup, CDATA ends, ampersands and quotes, and drops characters XML forbids', () => {
    const nasty = `${HOSTILE_TITLE} "q" 'a' \u0000\u0007\uFFFE \uD800 ok \uD83D\uDE80`;
    const escaped = escapeStorage(nasty);
    expect(escaped).toBe(
      '&lt;script&gt;alert(1)&lt;/script&gt; ]]&gt; &amp; 🚀 Runbook &quot;q&quot; &#39;a&#39;   ok 🚀',
    );
    expect(wellFormedText(`<p title="${escaped}">${escaped}</p>`)).toBe(`${HOSTILE_TITLE} "q" 'a'   ok 🚀`);
  });

  it('renders a findings page that is well-formed XML showing page text as text', () => {
    const body = formatStorage(result([finding(1, HOSTILE_TITLE), finding(2)]));
    const text = wellFormedText(body);
    expect(text).toContain(HOSTILE_TITLE);
    expect(text).toContain('Broken link 1 <a href="x">');
    expect(text).toContain('Secret & <restricted>: 403 ]]>');
    expect(body).not.toMatch(/<script|<a href="x">/);
  });
});

describe('Notion findings page size', () => {
  it('lists only as many findings as fit in one write, and counts the rest', () => {
    const many = Array.from({ length: 3000 }, (_, i) => finding(i));
    const text = renderFindingsPage('notion', result(many), { title: 'Findings' }).content;
    expect(text.split('\n').filter((l) => l.trim()).length).toBeLessThanOrEqual(NOTION_MAX_BLOCKS);
    expect(text).toMatch(/…and \d+ more findings not listed here/);
    expect(text).not.toContain('&lt;'); // Notion's markdown escapes with backslashes
    expect(text).toContain('Broken link 1 \\<a href="x"\\>');
  });
});
