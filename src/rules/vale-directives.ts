/**
 * Vale's comments that switch one rule: `<!-- vale Style.Rule = NO -->`, and `= YES` to switch it
 * back on. A Vale user writes them for a handbook-lint rule by habit; `<!-- vale off -->` names no
 * rule and is Vale's alone, so it is not read.
 */
const VALE_RULE = /<!--\s*vale\s+((?:[\w-]+\.)*([\w-]+))\s*=\s*(NO|YES)\s*-->/g;

/** Whether a comment may be one of Vale's, before the page is searched for them. */
export const VALE_MARK = /<!--\s*vale\s/i;

/** One Vale comment: the rule it names (its style's prefix left off), and whether it turns it off. */
export interface ValeComment {
  index: number;
  text: string;
  rule: string;
  kind: 'disable' | 'enable';
}

/** The Vale comments in `value`, in order. */
export function valeComments(value: string): ValeComment[] {
  return [...value.matchAll(VALE_RULE)].map((match) => ({
    index: match.index,
    text: match[0],
    rule: match[2] ?? '',
    kind: match[3] === 'NO' ? 'disable' : 'enable',
  }));
}

/** The handbook-lint comment that does what a Vale comment naming `rule` meant to do. */
export function valeMeant(kind: string, rule: string): string {
  return `<!-- handbook-lint-${kind} ${rule} -->`;
}
