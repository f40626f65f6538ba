import { join, relative, sep } from 'node:path';
import type { TypeMatcher } from './normalize/doc-type.js';
import { siteFolders } from './site-front-matter.js';
import { hugoContent } from './site-slugs.js';

/**
 * The config's document types with what the handbook's site generator says: a Hugo site's `archetypes/`
 * holds the pages `hugo new` copies into `content/` (`{{ .Name }}` in their front matter, `<!-- TODO -->`
 * for each copy's author), so they are templates. Only where a Hugo site is found (`hugo.toml`, or a
 * `config.*` beside `content/`): elsewhere a folder of that name may hold a design team's personas.
 */
export function withSiteTypes<
  T extends { markdown?: { root: string }; documentTypes: Record<string, TypeMatcher> },
>(config: T): T {
  const root = config.markdown?.root;
  const template = config.documentTypes.template;
  if (root === undefined || template === undefined) return config;
  const archetypes = siteFolders(root)
    .filter((site) => hugoContent(site) !== undefined)
    .map((site) => relative(root, join(site, 'archetypes')).split(sep).join('/'))
    .filter((folder) => !folder.startsWith('..'))
    .map((folder) => `${folder}/**`);
  if (archetypes.length === 0) return config;
  const paths = [...(template.paths ?? []), ...archetypes];
  return { ...config, documentTypes: { ...config.documentTypes, template: { ...template, paths } } };
}
