import { readdirSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { pushAll } from './push-all.js';
import { firstFile, scriptCode } from './site-docusaurus.js';
import { markdownFiles, trimSlashes } from './site-front-matter.js';
import { slugOf } from './site-starlight.js';

/**
 * A glob loader's folder in a content collection's config (`glob({ pattern: '**\/*.md', base: './docs' })`).
 * Exported for the static ReDoS check.
 */
export const LOADER_BASE = /\bbase\s*:\s*["'`]([^"'`\n]+)["'`]/g;
/**
 * A menu item's link: the value of its `href:`, `link:` or `id:`, or `getPermalink`'s first argument, as
 * AstroWind writes them. Its other strings are labels (`text: 'Careers'`) or code, not paths. Exported for
 * the static ReDoS check.
 */
export const MENU_LINK =
  /\b(?:href|link|id)\s*:\s*["'`]([\w./#%-]*)["'`]|\bgetPermalink\(\s*["'`]([\w./#%-]*)["'`]/g;
/** Folders at the top of an Astro project that hold code and build output, not pages. */
const NOT_CONTENT = /^(?:\.|node_modules$|dist$|public$)/;

/**
 * The folders, from the Astro project, whose pages a menu names by their path under them, in the order a
 * name is looked for (two folders can hold a page of one name: the first holding it is the page):
 * `src/pages` (file routing: AstroWind's `getPermalink('/terms')` is `src/pages/terms.md`), each glob
 * loader's `base` in the content config (`src/content.config.ts`, Astro 4's `src/content/config.ts`), each
 * of `src/content/`'s collections, the project itself, and, only when no content config was found, each
 * folder at the project's top, where a loader's base most often is (`./docs`, `./content`): a clone
 * without its content config still names its pages so.
 */
function contentFolders(site: string, srcDir: string): string[] {
  const folders = [`${srcDir}/pages`];
  const configs = [
    firstFile(join(site, srcDir), 'content.config'),
    firstFile(join(site, srcDir, 'content'), 'config'),
  ].filter((config) => config !== undefined);
  for (const config of configs)
    for (const match of scriptCode(config).matchAll(LOADER_BASE))
      folders.push(posix.normalize(match[1] as string));
  const list = (folder: string) => {
    try {
      return readdirSync(join(site, folder), { withFileTypes: true })
        .filter((entry) => entry.isDirectory() && !NOT_CONTENT.test(entry.name))
        .map((entry) => (folder ? `${folder}/${entry.name}` : entry.name));
    } catch {
      return [];
    }
  };
  pushAll(folders, [...list(`${srcDir}/content`), '', ...(configs.length === 0 ? list('') : [])]);
  return folders.map(trimSlashes).filter((folder) => folder !== '.' && !folder.startsWith('..'));
}

/**
 * The pages an Astro site's menu module names: AstroWind keeps its header and footer links in
 * `src/navigation.ts` (`href: getPermalink('/about')`), and hand-built Astro handbooks their sections
 * there too (`{ title: 'Code review', id: 'process/code-review' }`). Read only for an Astro project
 * (`astro.config.*`) and only from that file (under its `srcDir`). The module is code, so its pages are
 * its links (`MENU_LINK`, comments left out) that are a page's path from one of `contentFolders`
 * (without extension, an `index` its folder's, the site's `base` and an anchor dropped); a link that
 * names no page lists none.
 */
export function astroNavigation(root: string, site: string): string[] | undefined {
  const config = firstFile(site, 'astro.config');
  if (!config) return undefined;
  const text = scriptCode(config);
  const srcDir = trimSlashes(
    /\bsrcDir\s*:\s*["'`]([^"'`\n]+)["'`]/.exec(text)?.[1]?.replace(/^\.\//, '') ?? 'src',
  );
  const menu = firstFile(join(site, srcDir), 'navigation');
  // Only pages inside the lint root are listed (the walk below), whichever folder the menu is in.
  if (!menu) return undefined;
  const base = trimSlashes(/\bbase\s*:\s*["'`]([^"'`\n]+)["'`]/.exec(text)?.[1] ?? '');
  const folders = contentFolders(site, srcDir);
  // Each page by its slug under each content folder that holds it, the first folder's page kept for a
  // slug two folders hold; only pages inside the lint root.
  const files = markdownFiles(root).flatMap((file) => {
    const fromSite = relative(site, join(root, file)).split(sep).join(posix.sep);
    return fromSite.startsWith('..') ? [] : [{ file, fromSite }];
  });
  const bySlug = new Map<string, string>();
  for (const folder of folders)
    for (const { file, fromSite } of files)
      if (folder === '' || fromSite.startsWith(`${folder}/`)) {
        const slug = slugOf(folder === '' ? fromSite : fromSite.slice(folder.length + 1));
        if (!bySlug.has(slug)) bySlug.set(slug, file);
      }
  const listed = new Set<string>();
  for (const link of scriptCode(menu).matchAll(MENU_LINK)) {
    const written = trimSlashes((link[1] ?? link[2] ?? '').replace(/[#?].*$/, ''));
    if (written === '' || written.includes('..')) continue;
    const slug = base && written.startsWith(`${base}/`) ? written.slice(base.length + 1) : written;
    const file = bySlug.get(slugOf(slug));
    if (file) listed.add(file);
  }
  return [...listed];
}
