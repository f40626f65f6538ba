import { existsSync } from 'node:fs';
import { isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { BLOCK_COMMENT } from './site-docusaurus.js';
import { readSiteFile } from './site-front-matter.js';

/**
 * The pages a Jigsaw site's sidebar lists. Jigsaw (a PHP static site generator) builds pages from
 * `source/`; its docs sites keep the sidebar as the `navigation` array of `config.php`, often in a
 * file of its own (`navigation.php`, or one `config.php` requires), mapping titles to page paths
 * (`'Setup' => 'docs/setup'`, or `'url' => '/docs/setup'`). The config is code, so the quoted paths
 * are read as written; an entry commented out is not in the sidebar. Undefined when `folder` is not a
 * Jigsaw project with a navigation.
 */
export function jigsawNavigation(root: string, folder: string): string[] | undefined {
  const config = join(folder, 'config.php');
  const source = join(folder, 'source');
  if (!existsSync(config) || !existsSync(source)) return undefined;
  const configText = withoutComments(readSiteFile(config));
  const navigation = /['"]navigation['"]\s*=>/.exec(configText);
  if (!navigation) return undefined;
  const texts = [configText.slice(navigation.index)];
  for (const name of requiredFiles(configText, folder)) texts.push(withoutComments(readSiteFile(name)));
  const fromRoot = relative(root, source).split(sep).join(posix.sep);
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) return undefined;
  const files: string[] = [];
  for (const text of texts)
    for (const match of text.matchAll(/=>\s*['"]([^'"\s]+)['"]/g)) {
      const link = match[1] as string;
      if (/^[a-z][a-z0-9+.-]*:/i.test(link) || link.startsWith('#')) continue;
      const path = link.replace(/^\/+|\/+$/g, '').replace(/\.(?:html|md)$/, '');
      for (const page of path === '' ? ['index.md'] : [`${path}.md`, `${path}.blade.md`, `${path}/index.md`])
        files.push(fromRoot ? posix.join(fromRoot, page) : page);
    }
  return files;
}

/** The navigation files a config pulls in (`require_once('navigation.php')`, `include 'nav.php'`), that exist. */
function requiredFiles(text: string, folder: string): string[] {
  const names = [
    ...text.matchAll(/\b(?:require|include)(?:_once)?\s*\(?\s*(?:__DIR__\s*\.\s*)?['"]([^'"]+\.php)['"]/g),
  ].map((match) => resolve(folder, (match[1] as string).replace(/^\/+/, '')));
  // Only files of the project: a config that names one elsewhere is not the handbook's navigation.
  return [...new Set(names)].filter((name) => {
    const path = relative(folder, name);
    return !path.startsWith('..') && !isAbsolute(path) && existsSync(name);
  });
}

/**
 * A PHP `//` or `#` comment line. Its indent is spaces and tabs, not blank lines: `^\s*` rescanned the file
 * from each line (a file of blank lines: minutes). Exported for the static ReDoS check.
 */
export const PHP_LINE_COMMENT = /^[ \t]*(?:\/\/|#).*$/gm;

/**
 * PHP text without its `//`, `#` and block comments, so commented-out entries are not read. A block comment
 * left open runs to the end (BLOCK_COMMENT).
 */
function withoutComments(text: string): string {
  return text.replace(BLOCK_COMMENT, '').replace(PHP_LINE_COMMENT, '');
}
