import type { CreateCommentParameters } from '@notionhq/client';
import type { Finding } from '../model/finding.js';
import type { RuleInfo } from '../model/rule-info.js';
import { ownerLine } from '../owners.js';
import { plural } from '../words.js';
import { markerText } from './marker.js';
import { escapeStorage } from './storage.js';

/** Findings one comment lists; the findings page has the rest. */
const COMMENT_MAX_FINDINGS = 10;
/** Longest message quoted in a comment. */
const MAX_MESSAGE = 300;
/** Notion refuses a rich text run over 2000 characters (api-facts §1.7). */
const NOTION_MAX_RUN = 2000;

/** One run of a Notion comment as the API takes it (rich text: the markdown field is inline only). */
export type NotionRun = Extract<CreateCommentParameters, { rich_text: unknown }>['rich_text'][number];

/** What a comment says: the findings, how much changed since the last comment, where the findings page is. */
export interface CommentContent {
  kind: 'comment' | 'update' | 'resolved';
  findings: readonly Finding[];
  fingerprints: readonly string[];
  rules: ReadonlyMap<string, RuleInfo>;
  /** Change since the comment this one follows. */
  added: number;
  removed: number;
  /** The page owner's id on the platform (Notion user id, Confluence account id), to mention. */
  owner?: string;
  findingsPage?: { title: string; url: string };
}

const clip = (text: string) => (text.length > MAX_MESSAGE ? `${text.slice(0, MAX_MESSAGE - 1)}…` : text);

/** Who the findings are for, as plain text: the mention (first comments only) is the one notification. */
function owner(c: CommentContent): string | undefined {
  const page = c.findings[0]?.page;
  return c.kind === 'resolved' || !page ? undefined : ownerLine(page);
}

function intro(c: CommentContent): string {
  if (c.kind === 'resolved') return 'All handbook-lint findings on this page are fixed. Thank you!';
  const count = plural(c.findings.length, 'problem');
  if (c.kind === 'update')
    return `Update: ${c.added} new, ${c.removed} fixed since the last comment. Now ${count}:`;
  return `handbook-lint found ${count} on this page:`;
}

/**
 * A Notion comment as rich text: line breaks inside text runs (the `markdown` field takes inline
 * formatting only, so lists and breaks there are not what the API accepts), rule ids as code, the
 * owner as a user mention, the findings page as a link. Runs stay within 2000 characters and the
 * array far below 100 runs (at most 4 per finding, 10 findings).
 */
export function notionComment(c: CommentContent): NotionRun[] {
  const runs: NotionRun[] = [];
  const text = (content: string, extra: { code?: boolean; url?: string } = {}) => {
    for (let i = 0; i < content.length; i += NOTION_MAX_RUN) {
      runs.push({
        text: {
          content: content.slice(i, i + NOTION_MAX_RUN),
          ...(extra.url ? { link: { url: extra.url } } : {}),
        },
        ...(extra.code ? { annotations: { code: true } } : {}),
      });
    }
  };
  if (c.owner) {
    runs.push({ mention: { user: { id: c.owner } } });
    text(' ');
  }
  text(intro(c));
  for (const f of c.findings.slice(0, COMMENT_MAX_FINDINGS)) {
    const fix = c.rules.get(f.ruleId)?.fix;
    text('\n• ');
    text(f.ruleId, { code: true });
    // A follow-up stays short: the rule and the problem; the first comment also says how to fix it.
    text(`: ${clip(f.message)}${fix && c.kind === 'comment' ? ` How to fix: ${clip(fix)}` : ''}`);
  }
  const rest = c.findings.length - COMMENT_MAX_FINDINGS;
  if (rest > 0) text(`\n…and ${rest} more.`);
  const named = owner(c);
  if (named) text(`\n${clip(named)}`);
  if (c.findingsPage?.url) {
    text('\nAll findings: ');
    text(c.findingsPage.title, { url: c.findingsPage.url });
  }
  text(`\n${markerText(c.fingerprints)}`);
  return runs;
}

/** A Confluence footer comment in storage format, ending with the marker. */
export function storageComment(c: CommentContent): string {
  const mention = c.owner ? `<ac:link><ri:user ri:account-id="${escapeStorage(c.owner)}" /></ac:link> ` : '';
  const parts = [`<p>${mention}${escapeStorage(intro(c))}</p>`];
  const items = c.findings.slice(0, COMMENT_MAX_FINDINGS).map((f) => {
    const rule = c.rules.get(f.ruleId);
    const fix = rule?.fix ? `<br />How to fix: ${escapeStorage(clip(rule.fix))}` : '';
    return `<li><code>${escapeStorage(f.ruleId)}</code> ${escapeStorage(clip(f.message))}${fix}</li>`;
  });
  if (items.length) parts.push(`<ul>${items.join('')}</ul>`);
  const rest = c.findings.length - COMMENT_MAX_FINDINGS;
  if (rest > 0) parts.push(`<p>…and ${rest} more.</p>`);
  const named = owner(c);
  if (named) parts.push(`<p>${escapeStorage(clip(named))}</p>`);
  if (c.findingsPage?.url) {
    parts.push(
      `<p>All findings: <a href="${escapeStorage(c.findingsPage.url)}">${escapeStorage(c.findingsPage.title)}</a></p>`,
    );
  }
  parts.push(`<p><sub>${escapeStorage(markerText(c.fingerprints))}</sub></p>`);
  return parts.join('');
}
