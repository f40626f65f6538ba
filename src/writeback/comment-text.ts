import type { Finding } from '../model/finding.js';
import type { RuleInfo } from '../report/result.js';
import { markerText } from './marker.js';
import { escapeStorage } from './storage.js';
import type { Platform } from './types.js';

/** Findings one comment lists; the findings page has the rest. */
const COMMENT_MAX_FINDINGS = 10;
/** Longest message quoted in a comment (Notion caps a rich text run at 2000 characters). */
const MAX_MESSAGE = 300;

/** What a comment says: the findings, how much changed since the last comment, where the findings page is. */
export interface CommentContent {
  kind: 'comment' | 'update' | 'resolved';
  findings: readonly Finding[];
  fingerprints: readonly string[];
  rules: ReadonlyMap<string, RuleInfo>;
  /** Change since the comment this one follows. */
  added: number;
  removed: number;
  mention?: string;
  findingsPage?: { title: string; url: string };
}

// Notion's enhanced markdown escapes these with a backslash.
const escapeNotion = (text: string) => text.replace(/[\\*~`$[\]<>{}|^_]/g, (c) => `\\${c}`);
const clip = (text: string) => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text);
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function intro(c: CommentContent): string {
  if (c.kind === 'resolved') return 'All handbook-lint findings on this page are fixed. Thank you!';
  const count = plural(c.findings.length, 'problem');
  if (c.kind === 'update')
    return `Update: ${c.added} new, ${c.removed} fixed since the last comment. Now ${count}:`;
  return `handbook-lint found ${count} on this page:`;
}

function notionText(c: CommentContent): string {
  const lines = [`${c.mention ? `${c.mention} ` : ''}${escapeNotion(intro(c))}`];
  for (const f of c.findings.slice(0, COMMENT_MAX_FINDINGS)) {
    const fix = c.rules.get(f.ruleId)?.fix;
    // A follow-up stays short: the rule and the problem; the first comment also says how to fix it.
    const how = fix && c.kind === 'comment' ? ` How to fix: ${escapeNotion(clip(fix))}` : '';
    lines.push(`- \`${f.ruleId}\`: ${escapeNotion(clip(f.message))}${how}`);
  }
  const rest = c.findings.length - COMMENT_MAX_FINDINGS;
  if (rest > 0) lines.push(`…and ${rest} more.`);
  if (c.findingsPage?.url)
    lines.push(`All findings: [${escapeNotion(c.findingsPage.title)}](${c.findingsPage.url})`);
  lines.push(markerText(c.fingerprints));
  return lines.join('\n');
}

function storageText(c: CommentContent): string {
  const parts = [`<p>${c.mention ? `${c.mention} ` : ''}${escapeStorage(intro(c))}</p>`];
  const items = c.findings.slice(0, COMMENT_MAX_FINDINGS).map((f) => {
    const rule = c.rules.get(f.ruleId);
    const fix = rule?.fix ? `<br />How to fix: ${escapeStorage(clip(rule.fix))}` : '';
    return `<li><code>${escapeStorage(f.ruleId)}</code> ${escapeStorage(clip(f.message))}${fix}</li>`;
  });
  if (items.length) parts.push(`<ul>${items.join('')}</ul>`);
  const rest = c.findings.length - COMMENT_MAX_FINDINGS;
  if (rest > 0) parts.push(`<p>…and ${rest} more.</p>`);
  if (c.findingsPage?.url) {
    parts.push(
      `<p>All findings: <a href="${escapeStorage(c.findingsPage.url)}">${escapeStorage(c.findingsPage.title)}</a></p>`,
    );
  }
  parts.push(`<p><sub>${escapeStorage(markerText(c.fingerprints))}</sub></p>`);
  return parts.join('');
}

/** A comment body in the platform's format (Notion markdown or Confluence storage), ending with the marker. */
export function commentBody(platform: Platform, content: CommentContent): string {
  return platform === 'notion' ? notionText(content) : storageText(content);
}
