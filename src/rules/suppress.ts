import type { Root } from 'mdast';
import { type Directive, readDirectives } from './directives.js';

/**
 * Where one directive silences rules: lines `from`..`to` (inclusive; `to` null = to the end of the
 * page), for `rules` (empty = every rule but those in `except`, which a later `enable` named).
 */
interface Range {
  directive: number;
  from: number;
  to: number | null;
  rules: string[];
  except: string[];
  /** Whether it also covers whole-page findings (no line): `disable-file`, and a `disable` never enabled again. */
  wholePage: boolean;
}

/**
 * A page's inline directives and the ranges they silence, plus, per directive, the rule ids whose
 * findings it suppressed: filled in as the page rules run (on a worker thread or here) and then the
 * site rules, so unused directives are known only once every rule has run. Plain data throughout.
 */
export interface Suppressions {
  directives: Directive[];
  ranges: Range[];
  /** Per directive (same index): rule ids it suppressed a finding of; for an `enable`, the ids it re-enabled. */
  used: string[][];
  /** Rule ids of whole-page findings that a line directive names but cannot silence (said in its finding). */
  pageWide?: string[];
}

/** No directives: the common case. Never written to, since no range points at a directive. */
export const NO_SUPPRESSIONS: Suppressions = { directives: [], ranges: [], used: [] };

const FILE_SPAN = Number.MAX_SAFE_INTEGER;

function covers(range: Range, ruleId: string, line: number | undefined): boolean {
  if (range.rules.length ? !range.rules.includes(ruleId) : range.except.includes(ruleId)) return false;
  if (line === undefined) return range.wholePage;
  return line >= range.from && line <= (range.to ?? line);
}

/** The narrower range wins the credit, so a directive made redundant by a narrower one shows up as unused. */
function span(range: Range, directives: readonly Directive[]): number {
  if (directives[range.directive]?.kind === 'disable-file') return FILE_SPAN;
  return range.to === null ? FILE_SPAN - range.from : range.to - range.from;
}

/**
 * Whether a finding of `ruleId` at `line` (undefined = whole page) is suppressed; if so, the
 * narrowest directive that covers it is recorded as used.
 */
export function isSuppressed(suppressions: Suppressions, ruleId: string, line: number | undefined): boolean {
  let best: Range | undefined;
  for (const range of suppressions.ranges) {
    if (!covers(range, ruleId, line)) continue;
    if (!best || span(range, suppressions.directives) < span(best, suppressions.directives)) best = range;
  }
  if (!best) {
    // A markdownlint habit: disable-next-line above the title for a missing owner. Noted, so the
    // directive's finding can say why it did not apply instead of "no finding to suppress".
    const named = suppressions.ranges.some((range) => !range.wholePage && range.rules.includes(ruleId));
    if (line === undefined && named && !suppressions.pageWide?.includes(ruleId))
      suppressions.pageWide = [...(suppressions.pageWide ?? []), ruleId];
    return false;
  }
  const used = suppressions.used[best.directive];
  if (used && !used.includes(ruleId)) used.push(ruleId);
  return true;
}

interface Open {
  directive: number;
  from: number;
  except: string[];
}

/** The `disable` blocks still open while reading a page, by rule id ('*' for the one naming no rule). */
class Blocks {
  private readonly open = new Map<string, Open>();
  constructor(private readonly ranges: Range[]) {}

  disable(index: number, directive: Directive): void {
    const from = directive.position.start.line;
    for (const key of directive.rules.length ? directive.rules : ['*']) {
      const before = this.open.get(key);
      if (before) this.close(key, before, from);
      this.open.set(key, { directive: index, from, except: [] });
    }
  }

  /** Ends the blocks `directive` names (ESLint's rules); returns what it ended: rule ids, or '*' for all. */
  enable(directive: Directive): string[] {
    const at = directive.position.end.line;
    if (!directive.rules.length) {
      const any = this.open.size > 0;
      for (const [key, block] of this.open) this.close(key, block, at);
      this.open.clear();
      return any ? ['*'] : [];
    }
    return directive.rules.filter((id) => {
      const block = this.open.get(id);
      if (block) {
        this.close(id, block, at);
        this.open.delete(id);
      }
      const all = this.open.get('*');
      if (!all || all.except.includes(id)) return block !== undefined;
      // A `disable` of every rule is still open: every rule but this one stays off from here.
      this.close('*', all, at);
      this.open.set('*', { directive: all.directive, from: at, except: [...all.except, id] });
      return true;
    });
  }

  /** A block never enabled again runs to the end of the page, and so covers whole-page findings too. */
  end(): void {
    for (const [key, block] of this.open) this.close(key, block, null);
    this.open.clear();
  }

  private close(key: string, block: Open, to: number | null): void {
    const { directive, from, except } = block;
    this.ranges.push({
      directive,
      from,
      to,
      rules: key === '*' ? [] : [key],
      except,
      wholePage: to === null,
    });
  }
}

/** Turns directives into the ranges they silence; records what each `enable` ended in `used`. */
function rangesOf(directives: readonly Directive[], markdown: string, used: string[][]): Range[] {
  const ranges: Range[] = [];
  const lines = markdown.split('\n');
  const nextContentLine = (line: number) => {
    let next = line + 1;
    while (next <= lines.length && !lines[next - 1]?.trim()) next++;
    return next;
  };
  const blocks = new Blocks(ranges);
  for (const [index, directive] of directives.entries()) {
    // Written for another tool or with the name misspelled: reported by the directive rule, never applied.
    if (directive.tool) continue;
    const { start, end } = directive.position;
    const range = { directive: index, rules: directive.rules, except: [], wholePage: false };
    if (directive.kind === 'disable-line') ranges.push({ ...range, from: start.line, to: end.line });
    else if (directive.kind === 'disable-next-line') {
      const line = nextContentLine(end.line);
      ranges.push({ ...range, from: line, to: line });
    } else if (directive.kind === 'disable-file')
      ranges.push({ ...range, from: 1, to: null, wholePage: true });
    else if (directive.kind === 'disable') blocks.disable(index, directive);
    else if (directive.kind === 'enable') used[index] = blocks.enable(directive);
  }
  blocks.end();
  return ranges;
}

/** Reads a page's directives (see directives.ts) into the ranges they silence; a misspelled form silences nothing. */
export function readSuppressions(tree: Root, markdown: string): Suppressions {
  const directives = readDirectives(tree, markdown);
  if (!directives.length) return NO_SUPPRESSIONS;
  const used = directives.map((): string[] => []);
  return { directives, ranges: rangesOf(directives, markdown, used), used };
}
