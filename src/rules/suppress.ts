import type { Root } from 'mdast';

const DIRECTIVE = /<!--\s*handbook-lint-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

/** A line range (inclusive; `to` null = to the end) in which some rules, or all (`rules` empty), are off. */
interface Range {
  from: number;
  to: number | null;
  rules: string[];
}

/**
 * Inline suppressions of one page, read from its HTML comments. Plain data, so they survive the trip
 * from a worker thread and can be kept for the site rules without the page's tree.
 */
export interface Suppressions {
  ranges: Range[];
}

/** No suppressions: the common case, shared. */
export const NO_SUPPRESSIONS: Suppressions = { ranges: [] };

function ruleList(text: string): string[] {
  return text.split(/[\s,]+/).filter(Boolean);
}

/** Whether a finding of `ruleId` at `line` (undefined = whole page) is suppressed. */
export function isSuppressed(suppressions: Suppressions, ruleId: string, line: number | undefined): boolean {
  for (const range of suppressions.ranges) {
    if (range.rules.length && !range.rules.includes(ruleId)) continue;
    // A whole-page finding has no line of its own: any range wider than one line covers it.
    if (
      line === undefined
        ? range.to === null || range.from !== range.to
        : line >= range.from && line <= (range.to ?? line)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * Reads `<!-- handbook-lint-disable [ids] -->` (until `handbook-lint-enable` or the end of the page) and
 * `<!-- handbook-lint-disable-next-line [ids] -->`. A whole-page finding is suppressed by a `disable`
 * anywhere on the page, since it has no line of its own.
 */
export function readSuppressions(tree: Root, markdown: string): Suppressions {
  if (!markdown.includes('handbook-lint-')) return NO_SUPPRESSIONS;
  const ranges: Range[] = [];
  const open = new Map<string, number>();
  const lines = markdown.split('\n');
  const nextContentLine = (line: number) => {
    let next = line + 1;
    while (next <= lines.length && !lines[next - 1]?.trim()) next++;
    return next;
  };
  const visit = (node: {
    type: string;
    value?: unknown;
    position?: { start: { line: number }; end: { line: number } };
    children?: unknown[];
  }) => {
    if (node.type === 'html' && typeof node.value === 'string' && node.position) {
      for (const match of node.value.matchAll(DIRECTIVE)) {
        const ids = [...ruleList(match[2] ?? '')];
        const key = ids.sort().join(',');
        if (match[1] === 'disable-next-line') {
          const line = nextContentLine(node.position.end.line);
          ranges.push({ from: line, to: line, rules: ids });
        } else if (match[1] === 'disable') open.set(key, node.position.start.line);
        else {
          const from = open.get(key);
          if (from !== undefined) ranges.push({ from, to: node.position.end.line, rules: ids });
          open.delete(key);
        }
      }
    }
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(tree);
  for (const [key, from] of open) ranges.push({ from, to: null, rules: ruleList(key) });
  return { ranges };
}
