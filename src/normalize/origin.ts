import type { ParseProblem, Unreadable } from '../model/page.js';

/**
 * The front matter key under which a mirrored wiki page (`handbook-lint sync`) records where it came
 * from. A mapping is never a field, so nothing in it can answer for a field a rule asks about (the
 * wiki's creation time is no decision date, its creator no decision owner).
 */
export const ORIGIN_KEY = 'wiki';

/** A mirrored page's origin as written in its front matter. */
export interface WikiOrigin {
  source: string;
  id: string;
  url: string;
  /** ISO time the page was last updated (or reviewed, as its fields say) in the wiki. */
  updated?: string;
  created?: string;
  author?: string;
  /** The owner the platform records, when no field names one. */
  owner?: string;
  /** Why the wiki page could not be read at the last sync; the file keeps its last good copy. */
  unreadable?: string;
  /** Problems the wiki source met reading the page (e.g. malformed Confluence storage). */
  problems?: string[];
}

/** What a mirrored page carries beyond its fields, in the page model's terms. */
export interface OriginFacts {
  source: 'notion' | 'confluence';
  updatedAt?: Date;
  createdAt?: Date;
  author?: string;
  owner?: string;
  unreadable?: Unreadable;
  problems: ParseProblem[];
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() ? value : undefined;

function time(value: unknown): Date | undefined {
  const date = text(value) === undefined ? undefined : new Date(value as string);
  return date && !Number.isNaN(date.getTime()) ? date : undefined;
}

/**
 * Reads the origin of a mirrored page, so linting the mirror judges each page as the wiki did: by
 * the wiki's times (to the second), people and readability rather than by the file's git history.
 */
export function readOrigin(data: Record<string, unknown>): OriginFacts | undefined {
  const origin = data[ORIGIN_KEY];
  if (typeof origin !== 'object' || origin === null || Array.isArray(origin)) return undefined;
  const fields = origin as Record<string, unknown>;
  if ((fields.source !== 'notion' && fields.source !== 'confluence') || !text(fields.id)) return undefined;
  const updatedAt = time(fields.updated);
  const createdAt = time(fields.created);
  const author = text(fields.author);
  const owner = text(fields.owner);
  const unreadable = text(fields.unreadable);
  const problems = Array.isArray(fields.problems) ? fields.problems.filter((p) => text(p)) : [];
  return {
    source: fields.source,
    ...(updatedAt ? { updatedAt } : {}),
    ...(createdAt ? { createdAt } : {}),
    ...(author ? { author } : {}),
    ...(owner ? { owner } : {}),
    ...(unreadable ? { unreadable: { reason: unreadable } } : {}),
    problems: problems.map((message) => ({ code: 'wiki', message: String(message) })),
  };
}
