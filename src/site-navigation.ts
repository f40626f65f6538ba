import { existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { parse } from 'yaml';

/**
 * The pages a site generator's navigation lists, outside any page: MkDocs builds its sidebar from
 * `mkdocs.yml`'s `nav`, so a page listed there is reached even when no page links to it.
 * `files` are paths relative to the lint root; `folder` (MkDocs without `nav`) means the sidebar
 * lists every page under that folder.
 */
export type SiteNavigation = { files: string[] } | { folder: string };

const MKDOCS_FILES = ['mkdocs.yml', 'mkdocs.yaml'];

/** MkDocs' navigation for a Markdown root, from `mkdocs.yml` in the root or the folder above it. */
export function readSiteNavigation(root: string): SiteNavigation | undefined {
  for (const folder of [root, dirname(root)]) {
    for (const name of MKDOCS_FILES) {
      const file = join(folder, name);
      if (existsSync(file)) return mkdocsNavigation(root, folder, readFileSync(file, 'utf8'));
    }
  }
  return undefined;
}

function mkdocsNavigation(root: string, folder: string, text: string): SiteNavigation | undefined {
  let config: unknown;
  try {
    // `!!python/name:` tags (Material's extensions) are read as empty values, not warned about.
    config = parse(text, { logLevel: 'silent' });
  } catch {
    return undefined;
  }
  if (!config || typeof config !== 'object') return undefined;
  const { docs_dir: docsDir, nav } = config as { docs_dir?: unknown; nav?: unknown };
  const docs = resolve(folder, typeof docsDir === 'string' ? docsDir : 'docs');
  const fromRoot = (path: string) => relative(root, path).split(sep).join(posix.sep);
  const docsFromRoot = fromRoot(docs);
  if (docsFromRoot.startsWith('..') || isAbsolute(docsFromRoot)) return undefined;
  if (nav === undefined || nav === null) return { folder: docsFromRoot };
  const files: string[] = [];
  collectNavFiles(nav, (entry) => files.push(fromRoot(join(docs, entry))));
  return { files };
}

/** Every page path in a `nav` tree: strings, `Title: path` entries and nested sections; URLs are left out. */
function collectNavFiles(node: unknown, add: (path: string) => void): void {
  if (typeof node === 'string') {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(node) && !node.startsWith('/')) add(node);
  } else if (Array.isArray(node)) {
    for (const item of node) collectNavFiles(item, add);
  } else if (node && typeof node === 'object') {
    for (const value of Object.values(node)) collectNavFiles(value, add);
  }
}
