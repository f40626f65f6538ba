/**
 * Edit distance, for "did you mean" suggestions on rule ids, page names and anchors. Two letters
 * swapped count as one edit (optimal string alignment): `rnu` is one typo away from `run`.
 */
export function editDistance(a: string, b: string): number {
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        current[j] = Math.min(current[j] ?? 0, (before[j - 2] ?? 0) + 1);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/**
 * `a` and `b` without the folders and the extension they share: `docs/hr/missing.md` and
 * `docs/hr/readme.md` are as near as `missing` and `readme`, not near because their folder is long.
 */
function differingParts(a: string, b: string): [string, string] {
  let prefix = 0;
  while (prefix < a.length && a[prefix] === b[prefix]) prefix++;
  const folders = prefix ? a.lastIndexOf('/', prefix - 1) + 1 : 0;
  const dot = a.lastIndexOf('.');
  const extension =
    dot > folders && b.endsWith(a.slice(dot)) && b.length - (a.length - dot) >= folders ? a.length - dot : 0;
  return [a.slice(folders, a.length - extension), b.slice(folders, b.length - extension)];
}

/**
 * The candidate nearest to `target`, if it is near enough to be a likely typo: at most a third of
 * the length of the name that differs (shared folders and extension left out), at least one edit.
 */
export function closest(target: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const [name, other] = differingParts(target, candidate);
    const limit = Math.max(1, Math.floor(name.length / 3));
    if (Math.abs(other.length - name.length) > limit) continue;
    const distance = editDistance(name, other);
    if (distance <= limit && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * `closest`, else a candidate that differs from `target` in case only (`PLACEHOLDER`, `ERROR`): edit
 * distance puts a name in capitals as far as a different word. For names a user types (rule ids,
 * levels), not paths, where case is part of the name.
 */
export function closestAnyCase(target: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const lower = target.toLowerCase();
  return closest(target, list) ?? list.find((candidate) => candidate.toLowerCase() === lower);
}

/**
 * What guesses may still cost, in edit-distance cells (some 50 million a second). A page's broken links
 * share one: each guess compares its target with every heading or every file of a folder, so a page
 * of 10,000 broken anchors into a page of 2,000 headings cost 14 s, 40,000 73 s.
 */
export interface GuessBudget {
  cells: number;
}

/** The cells one page's guesses may cost: a second, as for a mistyped path (cli/input-hints.ts). */
export const PAGE_GUESS_CELLS = 50_000_000;

/**
 * `closest`, charged to `budget`: the cells it will compare are counted first (candidates whose length
 * `closest` passes over cost nothing), and a guess the budget cannot pay is not made and ends the
 * budget, so the guesses stop at one place (the first links of a page keep theirs) instead of coming
 * back for cheaper targets later.
 */
export function closestWithin(
  target: string,
  candidates: readonly string[],
  budget: GuessBudget,
): string | undefined {
  if (budget.cells <= 0) return undefined;
  let cells = 0;
  for (const candidate of candidates) {
    const [name, other] = differingParts(target, candidate);
    if (Math.abs(other.length - name.length) <= Math.max(1, Math.floor(name.length / 3)))
      cells += (name.length + 1) * (other.length + 1);
  }
  if (cells > budget.cells) {
    budget.cells = 0;
    return undefined;
  }
  budget.cells -= cells;
  return closest(target, candidates);
}
