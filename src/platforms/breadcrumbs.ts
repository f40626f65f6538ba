/**
 * The one notice of a wiki's crawl whose breadcrumbs (a page's path in every report) were cut at `depth`
 * titles: a page deeper than that, or in a loop of parents, shows a path that starts part of the way down,
 * as if that were the top. Names the first such page by id (`ids` sorted) and its title, and how many more.
 */
export function cutBreadcrumbs(
  wiki: string,
  ids: readonly string[],
  title: (id: string) => string | undefined,
  depth: number,
): string | undefined {
  const first = ids[0];
  if (first === undefined) return undefined;
  const named = title(first);
  const more = ids.length > 1 ? ` (and ${ids.length - 1} more)` : '';
  return `${wiki}: page ${first}${named === undefined ? '' : ` "${named}"`}${more} has ${depth} or more pages above it (or a loop of parents): its path in the reports shows its ${depth} nearest levels only, not the top.`;
}
