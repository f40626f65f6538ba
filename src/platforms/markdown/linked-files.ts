import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * Folders the walk never enters: installed packages, and git's own files (its config can hold a remote's
 * credentials), never a page's text. A symbolic link into one leads nowhere the run reads either.
 */
export const UNWALKED = new Set(['node_modules', '.git']);

/**
 * The symbolic links of a walk (relative posix paths) that lead to a file inside the root, each with its
 * target's path from the root. A handbook links one text under two names so (`docs/contributing.md` to
 * the repository's CONTRIBUTING.md, which GitHub and the site both show), and a link to that name goes
 * somewhere. A link out of the root (or into a folder, an `UNWALKED` one, or to nothing) leads nowhere the
 * run reads: it is left out, and a Markdown link to it is broken (RELIABILITY.md: a file planted to one
 * outside is never read). The crawl still follows no folder link.
 */
export async function linkedFiles(root: string, links: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (links.length === 0) return found;
  const real = await realpath(root).catch(() => undefined);
  if (real === undefined) return found;
  for (const link of links) {
    const target = await realpath(join(root, link)).catch(() => undefined);
    if (target === undefined) continue;
    const path = relative(real, target);
    if (path === '' || path === '..' || path.startsWith(`..${sep}`) || isAbsolute(path)) continue;
    if (path.split(sep).some((part) => UNWALKED.has(part))) continue;
    if ((await stat(target).catch(() => undefined))?.isFile()) found.set(link, path.split(sep).join('/'));
  }
  return found;
}

/** The walk's symbolic links sorted: those read as pages, the others (files links may lead to), and aliases. */
export interface SortedLinks {
  pages: string[];
  assets: string[];
  /** Each link that is another name for a page, with that page's file: a link to it reaches that page. */
  aliases: Map<string, string>;
}

/**
 * Sorts the links of a walk. A link to a page is a name for that page's text, linted once, there. A link
 * to another file inside the root (a CONTRIBUTING.md outside `include`, a `.github/` guide) is a page by
 * its own name, as a file is, once: a second link to the same file names the first one's page. A link to
 * a file the config excludes is no page (`exclude` is how pages are left out), but, as the excluded file
 * itself, a file a Markdown link may lead to.
 */
export async function sortLinks(
  root: string,
  links: readonly string[],
  pages: ReadonlySet<string>,
  is: { page: (file: string) => boolean; excluded: (file: string) => boolean },
): Promise<SortedLinks> {
  const sorted: SortedLinks = { pages: [], assets: [], aliases: new Map() };
  const named = new Map<string, string>();
  for (const [link, target] of await linkedFiles(root, [...links].sort())) {
    const page = pages.has(target) ? target : named.get(target);
    if (page !== undefined) sorted.aliases.set(link, page);
    if (page === undefined && is.page(link) && !is.excluded(target)) {
      named.set(target, link);
      sorted.pages.push(link);
    } else sorted.assets.push(link);
  }
  return sorted;
}
