import { existsSync } from 'node:fs';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { markdownFiles, readSiteFile, withinRoot } from './site-front-matter.js';
import { i18nLocales, MKDOCS_FILES, readMkdocsConfig } from './site-mkdocs.js';

/** A page's locale suffix as the plugin names it (`publish.fr.md`, `index.pt-BR.md`). */
const LOCALE_SUFFIX = /\.([a-z]{2}(?:[-_][A-Za-z]{2,4})?)\.(?:md|markdown)$/;

/** Where a page is served without its extension: a folder's index at the folder (`docs/meta/index` is `docs/meta`). */
function servedPath(path: string): string {
  return path.replace(/(?:^|\/)index$/, '') || '.';
}

/**
 * Where an MkDocs site with mkdocs-static-i18n (in `folder`, from the lint `root`) serves its pages: the
 * default locale's `meta/publish.fr.md` at `meta/publish/`, another locale's `meta/publish.en.md` at
 * `en/meta/publish/`, and, as the plugin falls back to the default language, the default page also at
 * `en/meta/publish/` when it has no English copy; a page with no suffix in every language. Keys are page
 * files, values served paths (the page's own first), both from the lint root. Undefined with no i18n plugin.
 */
export function mkdocsI18nPaths(root: string, folder: string): Record<string, string[]> | undefined {
  const file = MKDOCS_FILES.map((name) => join(folder, name)).find(existsSync);
  const config = file === undefined ? undefined : readMkdocsConfig(readSiteFile(file));
  const locales = config && i18nLocales(config.plugins);
  if (!config || !locales) return undefined;
  const docs = resolve(folder, typeof config.docs_dir === 'string' ? config.docs_dir : 'docs');
  // A run on one section of the site (the lint root inside docs_dir): its pages as if it were docs_dir.
  const docsFromRoot = withinRoot(docs, root) ? '' : relative(root, docs).split(sep).join(posix.sep);
  if (docsFromRoot.startsWith('..') || isAbsolute(docsFromRoot)) return undefined;
  const pages = markdownFiles(docsFromRoot ? docs : root);
  const present = new Set(pages);
  const served: Record<string, string[]> = {};
  const fromRoot = (path: string) => (docsFromRoot ? posix.join(docsFromRoot, path) : path);
  for (const page of pages) {
    const locale = LOCALE_SUFFIX.exec(page)?.[1];
    if (locale !== undefined && locale !== locales.main && !locales.others.includes(locale)) continue;
    const stem = page.replace(LOCALE_SUFFIX, '').replace(/\.(?:md|markdown)$/, '');
    const own = locale === undefined || locale === locales.main ? [] : [locale];
    const fallbacks =
      locale === undefined || locale === locales.main
        ? locales.others.filter((other) => !present.has(`${stem}.${other}.md`))
        : [];
    const paths = [
      ...(own.length ? [] : [servedPath(stem)]),
      ...[...own, ...fallbacks].map((l) => servedPath(`${l}/${stem}`)),
    ];
    served[fromRoot(page)] = paths.map((path) => fromRoot(path));
  }
  return served;
}

/**
 * What an mkdocs-static-i18n site serves for a link to `x.md` when only its translations exist: the linking
 * page's own language's copy (`x.en.md` from `y.en.md`), else the default language's, served at `x/`, where
 * the plugin falls back to it. `servedAt` maps served paths to files, `keyOf` a page file to its key.
 */
export function localizedPage(
  from: string,
  wanted: string,
  servedAt: ReadonlyMap<string, string>,
  keyOf: (file: string) => string | undefined,
): string | undefined {
  const stem = wanted.replace(/\.(?:md|markdown)$/, '');
  const locale = LOCALE_SUFFIX.exec(from)?.[1];
  const own = locale === undefined ? undefined : keyOf(`${stem}.${locale}.md`);
  if (own !== undefined) return own;
  const fallback = servedAt.get(servedPath(stem));
  return fallback !== undefined && fallback.replace(LOCALE_SUFFIX, '') === stem ? keyOf(fallback) : undefined;
}
