import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { firstFile, scriptCode } from './site-docusaurus.js';
import { readSiteFile, trimSlashes } from './site-front-matter.js';
import { jekyllConfig } from './site-jekyll.js';
import { readMkdocsConfig } from './site-mkdocs.js';
import { parseSiteYaml } from './yaml-depth.js';

/** Docusaurus' `baseUrl: '/handbook/'` in its config script (comments dropped by scriptCode). Exported for the ReDoS check. */
export const DOCUSAURUS_BASE_URL = /\bbaseUrl\s*:\s*["'`]([^"'`]+)["'`]/;
const HUGO_CONFIGS = [
  'hugo.toml',
  'hugo.yaml',
  'hugo.yml',
  'hugo.json',
  'config.toml',
  'config.yaml',
  'config.yml',
];

/** `/handbook` from `/handbook/`, `handbook` or a URL's path; undefined for the site root or a template expression. */
function basePathOf(value: unknown): string | undefined {
  if (typeof value !== 'string' || /[{}%]/.test(value)) return undefined;
  let path = value.trim();
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(path)) {
    try {
      path = new URL(path).pathname;
    } catch {
      return undefined;
    }
  }
  const trimmed = trimSlashes(path);
  return trimmed === '' ? undefined : `/${trimmed}`;
}

/** A Hugo config's `baseURL` (TOML, YAML or JSON, by the file's extension); undefined when unreadable. */
function hugoBaseUrl(file: string): unknown {
  const text = readSiteFile(file);
  try {
    const config: unknown = file.endsWith('.toml')
      ? parseToml(text)
      : file.endsWith('.json')
        ? JSON.parse(text)
        : parseSiteYaml(text);
    return config && typeof config === 'object' ? (config as Record<string, unknown>).baseURL : undefined;
  } catch {
    return undefined;
  }
}

/** The base path the generator of the site in `folder` publishes it under, from its own config. */
function basePathIn(folder: string): string | undefined {
  const jekyll = jekyllConfig(folder);
  if (jekyll) return basePathOf(jekyll.baseurl);
  const docusaurus = firstFile(folder, 'docusaurus.config');
  if (docusaurus) return basePathOf(DOCUSAURUS_BASE_URL.exec(scriptCode(docusaurus))?.[1]);
  for (const name of ['mkdocs.yml', 'mkdocs.yaml']) {
    const file = join(folder, name);
    if (existsSync(file)) return basePathOf(readMkdocsConfig(readSiteFile(file))?.site_url);
  }
  if (!existsSync(join(folder, 'content'))) return undefined;
  const hugo = HUGO_CONFIGS.map((name) => join(folder, name)).find(existsSync);
  return hugo ? basePathOf(hugoBaseUrl(hugo)) : undefined;
}

/**
 * The URL path a site generator serves the handbook under, as its config says: Jekyll's `baseurl`
 * (`/handbook` for govau.github.io/handbook), Docusaurus' `baseUrl`, the path of MkDocs' `site_url` or of
 * Hugo's `baseURL`. Pages written for such a site link `/handbook/things/`, which is the page
 * `things/index.md`. Read in the lint root and its `docs/` folder (GitHub Pages' other source folder),
 * whose root-absolute paths the site resolves from the lint root too; not above the root, whose site
 * root is not the lint root.
 */
export function readBasePath(root: string): string | undefined {
  for (const folder of [root, join(root, 'docs')]) {
    const base = basePathIn(folder);
    if (base) return base;
  }
  return undefined;
}
