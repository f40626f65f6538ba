import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { firstFile } from './site-docusaurus.js';
import { siteFolders } from './site-front-matter.js';

/**
 * Files (or folders) that say a site generator builds the folder holding them: Jekyll, MkDocs, Zensical,
 * Hugo, VitePress, VuePress, Sphinx, mdBook, Jupyter Book, GitBook, docsify, Middleman and Quarto.
 */
const CONFIG_FILES = [
  '_config.yml',
  '_config.yaml',
  'mkdocs.yml',
  'mkdocs.yaml',
  'zensical.toml',
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  '.vitepress',
  '.vuepress',
  'conf.py',
  'source/conf.py',
  'book.toml',
  '_toc.yml',
  'SUMMARY.md',
  // docsify's sidebar: the site serves a folder's README.md at a link to the folder, and no listing.
  '_sidebar.md',
  'config.rb',
  'config/tech-docs.yml',
  '_quarto.yml',
];
/** Generators whose config is a script (`docusaurus.config.js`, `astro.config.mjs`, …). */
const CONFIG_SCRIPTS = [
  'docusaurus.config',
  'astro.config',
  'eleventy.config',
  '.eleventy',
  'gatsby-config',
  'next.config',
];

/**
 * Whether the lint root's `content/` folder is a site's (Hugo, Next.js) whose config is not found by its name:
 * Hugo's `config.toml` (a name any tool may use) or `config/` folder beside it, or a site's home page in it
 * (`content/_index.md`, `content/index.md`). A plain repository may keep some pages in a folder of that name,
 * read on its repository host.
 */
export function contentSiteIn(root: string): boolean {
  const content = join(root, 'content');
  if (!existsSync(content)) return false;
  return (
    ['config.toml', 'config.yaml', 'config.yml', 'config/_default'].some((name) =>
      existsSync(join(root, name)),
    ) || ['_index.md', 'index.md', 'index.mdx'].some((name) => existsSync(join(content, name)))
  );
}

/**
 * Whether Jekyll (kramdown) or Docusaurus (MDX) builds the lint root's pages: they read an HTML block to its
 * closing tag, where GitHub (CommonMark) ends it at a blank line and shows the indented lines after as code.
 */
export function htmlBlocksToClosingTag(root: string): boolean {
  return siteFolders(root).some(
    (folder) =>
      ['_config.yml', '_config.yaml'].some((name) => existsSync(join(folder, name))) ||
      firstFile(folder, 'docusaurus.config') !== undefined,
  );
}

/**
 * Whether a site generator's config is in one of the lint root's `siteFolders`: a handbook published by one
 * is read on its site, where a folder with no index page is no page; without one it is read on its
 * repository host, where a link to a folder opens the folder's listing.
 */
export function generatorConfigIn(root: string): boolean {
  return siteFolders(root).some(siteConfigIn);
}

/** Whether a site generator's config is in `folder` itself. */
export function siteConfigIn(folder: string): boolean {
  return (
    CONFIG_FILES.some((name) => existsSync(join(folder, name))) ||
    CONFIG_SCRIPTS.some((stem) => firstFile(folder, stem) !== undefined)
  );
}
