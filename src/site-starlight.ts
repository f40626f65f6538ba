import { join, posix, relative, sep } from 'node:path';
import { firstFile, scriptCode } from './site-docusaurus.js';
import { markdownFiles, withinRoot } from './site-front-matter.js';

/** Where Starlight (Astro's docs theme) keeps its pages in Astro's `srcDir`: `content/docs`. */
const DOCS = ['content', 'docs'];

/**
 * A doc's slug: its path without the extension, lower case, spaces as dashes, an `index` page its
 * folder's (`Guides/Getting Started.md` is `guides/getting-started`, `guides/index.md` is `guides`).
 */
export function slugOf(file: string): string {
  return file
    .replace(/\.mdx?$/i, '')
    .replace(/(?:^|\/)index$/i, '')
    .toLowerCase()
    .replace(/\s+/g, '-');
}

/** The folders that hold a file, nearest first (`a/b/c.md`: `a/b`, `a`). */
function foldersOf(slug: string): string[] {
  const parts = slug.split('/');
  return parts.slice(0, -1).map((_, i) => parts.slice(0, parts.length - 1 - i).join('/'));
}

/** A sidebar item's slug or link as a slug: no slashes around it, no anchor, without the site's `base`. */
function asSlug(written: string, base: string): string {
  const slug = written.replace(/[#?].*$/, '').replace(/^\/+|\/+$/g, '');
  return (base && slug.startsWith(`${base}/`) ? slug.slice(base.length + 1) : slug).toLowerCase();
}

/**
 * The pages Starlight's sidebar lists, from `astro.config.*` when it uses the `starlight()` integration,
 * in `content/docs` under Astro's `srcDir` (`src` by default). With no `sidebar` every page is listed
 * (it is generated from the docs folder), and so with a sidebar kept in another module; otherwise the folders
 * an item generates (`autogenerate: { directory: 'guides' }`) and the pages items name by slug or link
 * (`{ slug: 'tools' }`, `'guides/example'`, `{ link: '/tools/' }`). The config is code, so these are
 * read as the quoted strings that name a page that exists.
 */
export function starlightNavigation(root: string, site: string): string[] | undefined {
  const config = firstFile(site, 'astro.config');
  if (!config) return undefined;
  const text = scriptCode(config);
  if (!/\bstarlight\s*\(/.test(text)) return undefined;
  const srcDir = /\bsrcDir\s*:\s*["'`]([^"'`]+)["'`]/.exec(text)?.[1] ?? 'src';
  const docs = join(site, srcDir, ...DOCS);
  if (!withinRoot(root, docs)) return undefined;
  const fromRoot = (file: string) => relative(root, join(docs, file)).split(sep).join(posix.sep);
  const files = markdownFiles(docs);
  // No sidebar, or one kept in a module the config imports (`sidebar: sidebar`): every page, as read
  // here, is reached.
  if (!/\bsidebar\s*:\s*\[/.test(text)) return files.map(fromRoot);
  // Each object without braces inside, then its `directory`: one pattern spanning both would backtrack.
  const generated = new Set<string>();
  for (const item of text.matchAll(/\{[^{}]*\}/g)) {
    const directory = /\bdirectory\s*:\s*["'`]([^"'`]*)["'`]/.exec(item[0])?.[1];
    if (directory === undefined) continue;
    const folder = posix.normalize(directory).replace(/^\/+|\/+$/g, '');
    if (folder === '.' || folder === '') return files.map(fromRoot);
    generated.add(slugOf(folder));
  }
  const listed = new Set(
    files.filter((file) =>
      foldersOf(file.toLowerCase().replace(/\s+/g, '-')).some((folder) => generated.has(folder)),
    ),
  );
  const base = (/\bbase\s*:\s*["'`]([^"'`]+)["'`]/.exec(text)?.[1] ?? '').replace(/^\/+|\/+$/g, '');
  const bySlug = new Map(files.map((file) => [slugOf(file), file]));
  for (const literal of text.matchAll(/["'`]([\w./#-]+)["'`]/g)) {
    const file = bySlug.get(asSlug(literal[1] as string, base));
    if (file) listed.add(file);
  }
  return [...listed].map(fromRoot);
}
