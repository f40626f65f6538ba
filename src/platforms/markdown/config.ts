import { resolve } from 'node:path';
import { z } from 'zod';
import { SLUG_STYLES, type SlugStyle } from '../../normalize/slug-style.js';
import { globSchema } from '../../schemas.js';

/** `sources.markdown` in the config. */
export const markdownSourceSchema = z.strictObject({
  root: z.string().min(1),
  include: z.array(globSchema).default(['**/*.md', '**/*.markdown']),
  exclude: z.array(globSchema).default([]),
  'base-path': z.string().startsWith('/').optional(),
  'site-url': z.url().optional(),
  'slug-style': z.enum(SLUG_STYLES).default('github'),
  /** The handbook's repository (`https://github.com/acme/handbook[/tree/main/docs]`); detected from git when unset. */
  repository: z.url().optional(),
  /** Metadata files whose fields belong to the README/index (or only page) of their folder. */
  'sidecar-files': z.array(z.string().min(1)).default(['kep.yaml', 'metadata.yaml']),
  /** Files larger than this are listed unreadable instead of parsed (see normalize/budget.ts). */
  'max-page-bytes': z.number().int().positive().optional(),
});

/** The Markdown folder to lint, its root resolved. */
export interface MarkdownSourceConfig {
  root: string;
  include: string[];
  exclude: string[];
  basePath?: string;
  siteUrl?: string;
  slugStyle?: SlugStyle;
  repository?: string;
  sidecarFiles?: string[];
  maxPageBytes?: number;
  /** The config file that names this folder, for notices that say what to change in it. */
  configFile?: string;
}

/** `sources.markdown` with its root resolved against `base` (the config file's folder). */
export function toMarkdownConfig(
  raw: z.output<typeof markdownSourceSchema>,
  base: string,
): MarkdownSourceConfig {
  return {
    root: resolve(base, raw.root),
    include: raw.include,
    exclude: raw.exclude,
    sidecarFiles: raw['sidecar-files'],
    ...(raw['base-path'] ? { basePath: raw['base-path'] } : {}),
    ...(raw['site-url'] ? { siteUrl: raw['site-url'] } : {}),
    slugStyle: raw['slug-style'],
    ...(raw.repository ? { repository: raw.repository } : {}),
    ...(raw['max-page-bytes'] ? { maxPageBytes: raw['max-page-bytes'] } : {}),
  };
}
