import { existsSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { readSiteFile, scanFrontMatter, trimSlashes, withinRoot } from './site-front-matter.js';
import type { SiteNavigation } from './site-nav.js';
import { parseSiteYaml } from './yaml-depth.js';

/** The config that says the GOV.UK Tech Docs Template (Middleman) builds the folder holding it. */
const TECH_DOCS_CONFIG = join('config', 'tech-docs.yml');
/** The config's links shown in every page's header and footer. */
const LINK_KEYS = ['header_links', 'footer_links'];
/** A page's front matter that places it in the generated navigation. */
const PLACED = /^(?:parent|section)\s*:/m;

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;

/** The Markdown sources Middleman builds a site path from: `guide/start.html` from `guide/start.html.md`. */
function sourceFiles(path: string): string[] {
  return path.endsWith('.html') ? [`${path}.md`] : [`${path}.html.md`, `${path}/index.html.md`];
}

/** The site paths (`guide/start.html`) the config's header and footer link, from the site root. */
function configLinks(file: string): string[] {
  let config: unknown;
  try {
    config = parseSiteYaml(readSiteFile(file));
  } catch {
    return [];
  }
  if (!config || typeof config !== 'object') return [];
  const urls: string[] = [];
  for (const key of LINK_KEYS) {
    const links = (config as Record<string, unknown>)[key];
    if (!links || typeof links !== 'object') continue;
    for (const value of Object.values(links)) {
      const url = text(value);
      if (url?.startsWith('/') && !url.startsWith('//')) urls.push(trimSlashes(url.split(/[?#]/)[0] ?? ''));
    }
  }
  return urls.filter((url) => url !== '');
}

/**
 * The navigation of a Tech Docs Template site in `folder`: Middleman serves `source/` at the site root
 * (`source/guide/start.html.md` at `/guide/start.html`), every page's header and footer link what
 * `config/tech-docs.yml` lists, and the template's generated navigation (the manual's index, grouped by
 * section; the page tree) shows each page that names its `parent:` or `section:` in its front matter.
 * A page with neither is listed nowhere: only a link reaches it.
 */
export function techDocsNavigation(root: string, folder: string): SiteNavigation | undefined {
  const config = join(folder, TECH_DOCS_CONFIG);
  if (!existsSync(config)) return undefined;
  const source = join(folder, 'source');
  if (!withinRoot(root, source)) return undefined;
  const served = relative(root, source).split(sep).join(posix.sep);
  const placed = scanFrontMatter(source, PLACED)
    .filter(({ data }) => text(data.parent) !== undefined || text(data.section) !== undefined)
    .map(({ file }) => file);
  const files = [...placed, ...configLinks(config).flatMap(sourceFiles)];
  return {
    files: served ? files.map((file) => posix.join(served, file)) : files,
    partial: true,
    ...(served ? { served } : {}),
  };
}
