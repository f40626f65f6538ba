import { z } from 'zod';
import { SEVERITIES, type Severity } from '../model/severity.js';
import { type FindingsPageTargets, PLATFORMS } from '../platforms/registry.js';

/** Comments a run may write at most, so a first run on a messy wiki floods nobody. */
export const DEFAULT_COMMENT_CAP = 25;

// Each platform names its own findings page's settings.
const findingsPageSchema = z.strictObject(
  Object.fromEntries(
    PLATFORMS.flatMap((p) => (p.findingsPage ? [[p.id, p.findingsPage.schema.optional()]] : [])),
  ),
);

/** `writeback:` in the config; everything is off unless configured. */
export const writebackSchema = z
  .strictObject({
    'findings-page': findingsPageSchema.default({}),
    comments: z
      .strictObject({
        enabled: z.boolean().default(false),
        /** Pages with a finding at or above this level get a comment. */
        level: z.enum(SEVERITIES as [Severity, ...Severity[]]).default('error'),
        cap: z.number().int().min(0).default(DEFAULT_COMMENT_CAP),
        'cooldown-hours': z.number().min(0).default(24),
      })
      .default({ enabled: false, level: 'error', cap: DEFAULT_COMMENT_CAP, 'cooldown-hours': 24 }),
  })
  .default({
    'findings-page': {},
    comments: { enabled: false, level: 'error', cap: DEFAULT_COMMENT_CAP, 'cooldown-hours': 24 },
  });

/** The validated write-back settings: each platform's findings page (ids normalized, paths absolute) and the comments. */
export type WritebackConfig = FindingsPageTargets & {
  comments: { enabled: boolean; level: Severity; cap: number; cooldownHours: number };
};

/** Turns the parsed section into settings; `resolvePath` makes a findings file's path absolute. */
export function toWritebackConfig(
  raw: z.output<typeof writebackSchema>,
  resolvePath: (path: string) => string,
): WritebackConfig {
  const pages: Record<string, unknown> = raw['findings-page'];
  const targets: Record<string, unknown> = {};
  for (const platform of PLATFORMS) {
    const page = pages[platform.id];
    if (page !== undefined && platform.findingsPage)
      targets[platform.id] = platform.findingsPage.target(page as never, resolvePath);
  }
  const c = raw.comments;
  return {
    ...(targets as FindingsPageTargets),
    comments: { enabled: c.enabled, level: c.level, cap: c.cap, cooldownHours: c['cooldown-hours'] },
  };
}

/** Whether anything is written back, which is what makes a run keep a ledger even for a Markdown folder. */
export function writesBack(config: WritebackConfig): boolean {
  return config.comments.enabled || PLATFORMS.some((p) => config[p.id] !== undefined);
}
