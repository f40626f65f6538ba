import { join, posix, relative, sep } from 'node:path';
import { firstFile, scriptCode } from './site-docusaurus.js';
import { markdownFiles, withinRoot } from './site-front-matter.js';

/** Where Starlight (Astro's docs theme) keeps its pages: `src/content/docs`, each page's slug its path. */
const DOCS = ['src', 'content', 'docs'];

/** A doc's slug: its path without the extension, an `index` page its folder's (`guides/index.md` is `guides`). */
function slugOf(file: string): string {
  return file
    .replace(/\.mdx?$/i, '')
    .replace(/(?:^|\/)index$/i, '')
    .toLowerCase();
}

/** A sidebar item's slug or link as a slug: no slashes around it, no anchor, without the site's `base`. */
function asSlug(written: string, base: string): string {
  const slug = written.replace(/[#?].*$/, '').replace(/^\/+|\/+$/g, '');
  return (base && slug.startsWith(`${base}/`) ? slug.slice(base.length + 1) : slug).toLowerCase();
}

/**
 * The pages Starlight's sidebar lists, from `astro.config.*` when it uses the `starlight()` integration.
 * With no `sidebar` every page is listed (it is generated from the docs folder); otherwise the folders
 * an item generates (`autogenerate: { directory: 'guides' }`) and the pages items name by slug or link
 * (`{ slug: 'tools' }`, `'guides/example'`, `{ link: '/tools/' }`). The config is code, so these are
 * read as the quoted strings that name a page that exists.
 */
export function starlightNavigation(root: string, site: string): string[] | undefined {
  const config = firstFile(site, 'astro.config');
  if (!config) return undefined;
  const text = scriptCode(config);
  if (!/\bstarlight\s*\(/.test(text)) return undefined;
  const docs = join(site, ...DOCS);
  if (!withinRoot(root, docs)) return undefined;
  const fromRoot = (file: string) => relative(root, join(docs, file)).split(sep).join(posix.sep);
  const files = markdownFiles(docs);
  if (!/\bsidebar\s*:/.test(text)) return files.map(fromRoot);
  const listed = new Set<string>();
  // Each object without braces inside, then its `directory`: one pattern spanning both would backtrack.
  for (const item of text.matchAll(/\{[^{}]*\}/g)) {
    const directory = /\bdirectory\s*:\s*["'`]([^"'`]*)["'`]/.exec(item[0])?.[1];
    if (directory === undefined) continue;
    const folder = posix.normalize(directory).replace(/^\/+|\/+$/g, '');
    if (!withinRoot(docs, join(docs, folder))) continue;
    for (const file of files) if (folder === '.' || file.startsWith(`${folder}/`)) listed.add(file);
  }
  const base = (/\bbase\s*:\s*["'`]([^"'`]+)["'`]/.exec(text)?.[1] ?? '').replace(/^\/+|\/+$/g, '');
  const bySlug = new Map(files.map((file) => [slugOf(file), file]));
  for (const literal of text.matchAll(/["'`]([\w./#-]+)["'`]/g)) {
    const file = bySlug.get(asSlug(literal[1] as string, base));
    if (file) listed.add(file);
  }
  return [...listed].map(fromRoot);
}
