import { relative } from 'node:path';
import { matchesGlob } from '../../glob.js';

/**
 * Says so when MDX pages (Docusaurus, Nextra, Fumadocs) are left unread: with the default `include` a
 * handbook written in `.mdx` got no finding and no word why. Not read by default, as their sites'
 * own link rules (a content folder served at the root, components) are not all known here.
 */
export function unreadMdx(
  assets: readonly string[],
  exclude: readonly string[],
  configFile?: string,
): string[] {
  const mdx = assets.filter(
    (file) =>
      // `_snippet.mdx`: a partial that pages import (Docusaurus), not a page.
      /(?:^|\/)[^_/][^/]*\.mdx$/i.test(file) &&
      !file.split('/').some((part) => part.startsWith('.')) &&
      !exclude.some((glob) => matchesGlob(file, glob)),
  );
  if (!mdx.length) return [];
  const files =
    mdx.length === 1 ? `1 .mdx file (${mdx[0]}) was` : `${mdx.length} .mdx files (${mdx[0]}, …) were`;
  // A run without a config (`run docs`) has no file to edit: it was told to edit one that was not there.
  const config = configFile
    ? relative(process.cwd(), configFile) || configFile
    : 'a config (handbook-lint init writes one)';
  return [
    `${files} not read: add '**/*.mdx' to sources.markdown.include in ${config} to lint them as Markdown.`,
  ];
}
