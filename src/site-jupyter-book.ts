import { existsSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { readSiteFile } from './site-front-matter.js';
import { parseSiteYaml } from './yaml-depth.js';

/**
 * The pages a Jupyter Book's table of contents (`_toc.yml` beside its `_config.yml`) names: its `root`
 * and every `file` of its parts, chapters and sections, relative to the book's folder and written with
 * or without their extension. `url` entries leave the book. Undefined when `folder` holds no book or
 * lies outside the lint root.
 */
export function jupyterBookNavigation(root: string, folder: string): string[] | undefined {
  const file = join(folder, '_toc.yml');
  if (!existsSync(file)) return undefined;
  let toc: unknown;
  try {
    // Not the library's check for keys written twice: quadratic in the keys (60,000 of them: 56 s), and
    // its errors are ignored here.
    toc = parseSiteYaml(readSiteFile(file));
  } catch {
    return undefined;
  }
  if (!toc || typeof toc !== 'object' || !('root' in toc)) return undefined;
  const fromRoot = relative(root, folder).split(sep).join(posix.sep);
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) return undefined;
  const files: string[] = [];
  collectTocFiles(toc, (entry) => {
    const page = /\.(?:md|markdown|ipynb|rst)$/i.test(entry) ? entry : `${entry}.md`;
    files.push(fromRoot ? posix.join(fromRoot, page) : page);
  });
  return files;
}

/** Every `root` and `file` value in a table of contents tree; URLs are left out. */
function collectTocFiles(node: unknown, add: (path: string) => void): void {
  if (Array.isArray(node)) {
    for (const item of node) collectTocFiles(item, add);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if ((key === 'root' || key === 'file') && typeof value === 'string') {
        if (!/^[a-z][a-z0-9+.-]*:/i.test(value)) add(value.replace(/^\/+/, ''));
      } else collectTocFiles(value, add);
    }
  }
}
