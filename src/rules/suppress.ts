import type { Root } from 'mdast';

const DIRECTIVE = /<!--\s*handbook-lint-(disable-next-line|disable|enable)\b([^>]*?)-->/g;

/** A line range (inclusive) in which some rules, or all (`rules` empty), are switched off. */
interface Range {
  from: number;
  to: number;
  rules: Set<string>;
}

/** Inline suppressions of one page, read from its HTML comments. */
export interface Suppressions {
  /** Whether a finding of `ruleId` at `line` (undefined = whole page) is suppressed. */
  covers(ruleId: string, line: number | undefined): boolean;
}

/** No suppressions: the common case, shared. */
export const NO_SUPPRESSIONS: Suppressions = { covers: () => false };

function ruleList(text: string): Set<string> {
  return new Set(text.split(/[\s,]+/).filter(Boolean));
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
          ranges.push({ from: line, to: line, rules: new Set(ids) });
        } else if (match[1] === 'disable') open.set(key, node.position.start.line);
        else {
          const from = open.get(key);
          if (from !== undefined) ranges.push({ from, to: node.position.end.line, rules: new Set(ids) });
          open.delete(key);
        }
      }
    }
    for (const child of (node.children ?? []) as (typeof node)[]) visit(child);
  };
  visit(tree);
  for (const [key, from] of open) ranges.push({ from, to: Number.POSITIVE_INFINITY, rules: ruleList(key) });
  const pageWide = ranges.filter((r) => r.to === Number.POSITIVE_INFINITY || r.from !== r.to);
  return {
    covers(ruleId, line) {
      const applies = (r: Range) => r.rules.size === 0 || r.rules.has(ruleId);
      if (line === undefined) return pageWide.some(applies);
      return ranges.some((r) => applies(r) && line >= r.from && line <= r.to);
    },
  };
}
