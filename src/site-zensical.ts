import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'smol-toml';
import { readSiteFile } from './site-front-matter.js';
import { type MkdocsConfig, mkdocsNavigation } from './site-mkdocs.js';
import type { SiteNavigation } from './site-nav.js';

/**
 * The navigation of a Zensical project (the successor of Material for MkDocs) in `folder`: its
 * `zensical.toml` sets MkDocs' settings in a `[project]` table (`docs_dir`, `nav`), which the MkDocs
 * reader turns into pages. Undefined when there is no such file or it cannot be read.
 */
export function zensicalNavigation(root: string, folder: string): SiteNavigation | undefined {
  const file = join(folder, 'zensical.toml');
  if (!existsSync(file)) return undefined;
  const config = readProjectSettings(readSiteFile(file));
  return config && mkdocsNavigation(root, folder, config);
}

/**
 * `docs_dir` and `nav` of the `[project]` table, read with a TOML parser. A file it cannot parse (or
 * nests past the parser's stack) gives no settings, as an invalid `mkdocs.yml` gives none; the file is
 * already bounded in size by readSiteFile.
 */
export function readProjectSettings(text: string): MkdocsConfig | undefined {
  let parsed: Record<string, unknown>;
  try {
    parsed = parse(text);
  } catch {
    return undefined;
  }
  const project = parsed.project;
  if (typeof project !== 'object' || project === null || Array.isArray(project)) return {};
  const settings: MkdocsConfig = {};
  const { docs_dir, nav } = project as Record<string, unknown>;
  if (docs_dir !== undefined) settings.docs_dir = docs_dir;
  if (nav !== undefined) settings.nav = nav;
  return settings;
}
