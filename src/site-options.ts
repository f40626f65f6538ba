import { relative } from 'node:path';
import type { SlugStyle } from './normalize/slug-style.js';
import { detectRepository, parseRepository } from './repository.js';
import type { SiteOptions } from './site.js';
import { readBasePath } from './site-base-path.js';
import { noticingRefusals } from './site-front-matter.js';
import { contentSiteIn, generatorConfigIn } from './site-generators.js';
import { readSiteNavigation } from './site-navigation.js';
import { readServedPaths } from './site-slugs.js';

/**
 * How the Markdown source's links map onto the handbook: config, else what its git checkout says. A
 * generator's navigation that could not be read, and each site file refused (once), is told to `onNotice`.
 */
export function siteOptions(
  config: {
    markdown?: {
      root: string;
      repository?: string;
      basePath?: string;
      siteUrl?: string;
      slugStyle?: SlugStyle;
      /** Set by a run on some files outside any handbook: only they were listed (cli/inputs.ts). */
      only?: readonly string[];
    };
  },
  onNotice?: (notice: string) => void,
): SiteOptions {
  const md = config.markdown;
  if (!md) return {};
  const root = md.root;
  const told = new Set<string>();
  return noticingRefusals(
    () => optionsOf(md, onNotice),
    (file, why) => {
      if (told.has(file)) return;
      told.add(file);
      onNotice?.(
        `${relative(root, file)} ${why}; the site is linted without what was not read (its navigation, settings).`,
      );
    },
  );
}

function optionsOf(
  md: NonNullable<Parameters<typeof siteOptions>[0]['markdown']>,
  onNotice?: (notice: string) => void,
): SiteOptions {
  const repository = md.repository ? parseRepository(md.repository) : detectRepository(md.root);
  const navigation = readSiteNavigation(md.root, onNotice);
  const servedPaths = readServedPaths(md.root);
  // The config's `base-path` wins; else the generator's own (Jekyll's `baseurl`, Docusaurus' `baseUrl`...).
  const basePath = md.basePath ?? readBasePath(md.root);
  return {
    folder: md.root,
    ...(md.only ? { onDisk: true } : {}),
    ...(basePath ? { basePath } : {}),
    ...(md.siteUrl ? { siteUrl: md.siteUrl } : {}),
    ...(md.slugStyle ? { slugStyle: md.slugStyle } : {}),
    ...(repository ? { repository } : {}),
    ...(navigation ? { navigation } : {}),
    ...(servedPaths && Object.keys(servedPaths).length > 0 ? { servedPaths } : {}),
    // Read on its repository host, where a link to a folder opens its listing: no generator builds it (a site
    // in one of its folders builds only that folder; the rest is read there as before).
    ...((!navigation || navigation.site !== undefined || navigation.hostIndex) &&
    !basePath &&
    !generatorConfigIn(md.root) &&
    !contentSiteIn(md.root)
      ? { folderListings: true }
      : {}),
    ...(contentSiteIn(md.root) ? { sectionListings: true } : {}),
  };
}
