import { realpath, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, sep } from 'node:path';

/**
 * The symbolic links of a walk (relative posix paths) that lead to a file inside the root, each with its
 * target's path from the root. A handbook links one text under two names so (`docs/contributing.md` to
 * the repository's CONTRIBUTING.md, which GitHub and the site both show), and a link to that name goes
 * somewhere. A link out of the root (or into a folder, or to nothing) leads nowhere the run reads: it is
 * left out, and a Markdown link to it is broken (RELIABILITY.md: a file planted to one outside is never
 * read). The crawl still follows no folder link.
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
    if ((await stat(target).catch(() => undefined))?.isFile()) found.set(link, path.split(sep).join('/'));
  }
  return found;
}
