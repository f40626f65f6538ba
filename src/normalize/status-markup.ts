import type { Html, Paragraph, Root, RootContent } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import type { Field } from '../model/page.js';
import { isStateWord } from './state-words.js';

/**
 * The message a status badge image shows, read from its URL: badgen's `/badge/<subject>/<status>/<color>`
 * and shields.io's `/badge/<label>-<message>-<color>` (`--` a dash, `_` a space) or `?message=` (also `/static/v1`). A record
 * that shows its status as a badge has only "Generic badge" as the image's text.
 */
export function badgeMessage(url: string): string | undefined {
  return badgeParts(url)?.message;
}

/** The badge's label (badgen's subject), if it has one. */
export function badgeLabel(url: string): string | undefined {
  return badgeParts(url)?.label;
}

function badgeParts(url: string): { label?: string; message?: string } | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  const segments = parsed.pathname.split('/').filter(Boolean).map(decodeSegment);
  const query = parsed.hostname === 'img.shields.io' ? parsed.searchParams.get('message') : null;
  const queryLabel = parsed.searchParams.get('label') ?? undefined;
  if (query) return { message: query, ...(queryLabel ? { label: queryLabel } : {}) };
  if (segments[0] !== 'badge') return undefined;
  if (parsed.hostname === 'badgen.net') return { label: segments[1], message: segments[2] };
  if (parsed.hostname !== 'img.shields.io') return undefined;
  const parts = (segments[1] ?? '').split(/(?<!-)-(?!-)/).map((part) => unescapeShields(part));
  if (parts.length >= 3) return { label: parts[0], message: parts[1] };
  return parts.length === 2 ? { message: parts[0] } : undefined;
}

/** shields.io's escapes: `--` a dash, `__` an underscore, `_` a space. */
function unescapeShields(part: string): string {
  return part.replace(/--/g, '-').replace(/__/g, '\0').replace(/_/g, ' ').replace(/\0/g, '_');
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A badge's label that says it shows a record's state, not a build, coverage or version. */
const STATE_LABEL = /^(?:status|state|adr|rfc|decision|proposal|statut|estado|stand)$/i;

/** The badge a paragraph is made of alone (an image, or a link around one): its URL. */
export function badgeOnly(paragraph: Paragraph): string | undefined {
  const [only, ...rest] = paragraph.children;
  if (!only || rest.some((node) => node.type !== 'text' || node.value.trim())) return undefined;
  const image = only.type === 'link' && only.children.length === 1 ? only.children[0] : only;
  return image?.type === 'image' && badgeMessage(image.url) !== undefined ? image.url : undefined;
}

/** The state a badge shows when its label says it is the record's state (`ADR | proposed`). */
function stateBadge(url: string): string | undefined {
  const label = badgeLabel(url);
  return label !== undefined && STATE_LABEL.test(label.trim()) ? badgeMessage(url) : undefined;
}

// `<adr-status status='accepted' />`: a docs site's component that renders the record's state.
const STATE_ATTRIBUTE = /^<[a-z][\w-]*\s[^>]*?\b(?:status|state)\s*=\s*(["'])([^"'<>]{1,60})\1/i;

/** Longer HTML is no one-line component; the pattern is not run over it. */
const COMPONENT_MAX_CHARS = 500;

/** The state a site component written as HTML carries in its `status` or `state` attribute. */
function componentState(node: Html): string | undefined {
  const html = node.value.trim();
  const value = html.length > COMPONENT_MAX_CHARS ? undefined : STATE_ATTRIBUTE.exec(html)?.[2];
  // `status="{{ page.status }}"`: a template expression the site fills in, not the state.
  return value && !/[{}$%]/.test(value) ? value : undefined;
}

/**
 * The status shown under the `## Status` heading at `index` by markup whose text is not the status:
 * a component (`<adr-status status='accepted' />`) or a badge, before the section's first other node.
 */
export function shownStatus(nodes: Root['children'], index: number): Field | undefined {
  // By index: a copy of the rest of the page per Status heading is quadratic in a page of many.
  for (let at = index + 1; at < nodes.length; at++) {
    const node = nodes[at];
    if (!node) break;
    const badge = node.type === 'paragraph' ? badgeOnly(node) : undefined;
    const value = node.type === 'html' ? componentState(node) : badge && stateBadge(badge);
    if (value) return { value, ...(node.position ? { position: node.position } : {}) };
    // Build and coverage badges above the written status are passed over, as comments are.
    if (node.type !== 'html' && node.type !== 'definition' && !badge) return undefined;
  }
  return undefined;
}

/** The states a retired record announces at its top instead of in a `Status:` line. */
const BANNER_STATE = /^(?:superseded|deprecated|obsolete|retired|rejected|withdrawn|replaced)\b/i;

/**
 * A retired record's banner, the first thing under its title: a heading or a line all in bold that
 * begins with the state (`## Superseded by [Feature flags](…)`, `**Superseded by [2023-05-15 - Stock
 * API](…), which …**`), as folders that move such records aside write it. The page's status when it
 * states none otherwise.
 */
export function fromStatusBanner(tree: Root, fields: Record<string, Field>): void {
  if (fields.status) return;
  const nodes = tree.children.filter((node) => node.type !== 'yaml');
  const [first, second] = nodes;
  const banner = first?.type === 'heading' && first.depth === 1 ? second : first;
  const bold =
    banner?.type === 'paragraph' && banner.children.length === 1 && banner.children[0]?.type === 'strong';
  if (!banner || !(bold || (banner.type === 'heading' && banner.depth >= 2))) return;
  const text = mdToString(banner).trim();
  if (!BANNER_STATE.test(text)) return;
  fields.status = { value: text, ...(banner.position ? { position: banner.position } : {}) };
}

/**
 * The state a record picked from its template's list by setting it in bold (`Proposed | **Accepted** |
 * Rejected`): the one `|`-separated item that is bold as a whole. Nothing for a list with no pick or
 * several, or for a status followed by another field (`Accepted | **Date:** 2024-03-01`).
 */
export function chosenState(raw: string): string | undefined {
  const items = raw.split('|').map((item) => item.trim());
  if (items.length < 2) return undefined;
  const picked = items.flatMap((item) => /^(\*\*|__)([^*_\n]+?)\1$/.exec(item)?.[2] ?? []);
  return picked.length === 1 && !picked[0]?.includes(':') ? picked[0] : undefined;
}

/** A paragraph's text with its bold parts marked as written, for `chosenState`. */
export const withBold = (node: Paragraph): string =>
  node.children
    .map((child) => (child.type === 'strong' ? `**${mdToString(child)}**` : mdToString(child)))
    .join('');

/** A state's item as a record's history writes it: the state, a colon, then who or when ("Accepted: by the board"). */
const HISTORY_ITEM = /^\s*([\p{L}-]+)\s*[:：]\s*(?:by|on|in|at)\s/iu;

/**
 * A Status section that keeps the record's history instead of defining the lifecycle: every item a state,
 * a colon and who moved it there or when ("- Proposed: by the platform team", "- Superseded: by ADR 12").
 * The record is in the last state reached.
 */
export function stateHistory(node: RootContent): string | undefined {
  if (node.type !== 'list' || node.children.length < 2) return undefined;
  const words = node.children.map(
    (item) => HISTORY_ITEM.exec(mdToString(item).split('\n')[0] ?? '')?.[1] ?? '',
  );
  return words.every((word) => isStateWord(word.toLowerCase())) ? words.at(-1) : undefined;
}

/**
 * A Status section that defines the lifecycle instead of stating the page's place in it: three items or more,
 * each one word, a colon and what it means ("`draft`: this RFC is still being written"), two of the words
 * states at least (a process's own may be new: "active"), as a process RFC lists them. Not a log of states
 * with their dates ("Accepted: 2026-01-02") or with who moved the record on (`stateHistory`).
 */
export function stateGlossary(node: RootContent): boolean {
  if (node.type !== 'list' || node.children.length < 3 || stateHistory(node)) return false;
  const words = node.children.map((item) => {
    const line = mdToString(item).split('\n')[0] ?? '';
    const [, word = '', meaning = ''] = /^\s*([\p{L}-]+)\s*[:：]\s*(.*)$/u.exec(line) ?? [];
    return /^\p{L}/u.test(meaning) && !/\d{4}/.test(meaning) ? word.toLowerCase() : undefined;
  });
  return words.every(Boolean) && words.filter((word) => word && isStateWord(word)).length >= 2;
}
