import { z } from 'zod';
import { credentialUrlSchema } from '../../http/credential-url.js';
import { notionIdOf } from './urls.js';

/** Notion's documented average budget per integration. */
export const NOTION_REQUESTS_PER_SECOND = 3;

const pageRef = z.string().refine((value) => notionIdOf(value) !== undefined, {
  error: (issue) => `not a Notion page id or URL: ${String(issue.input)}`,
});

/** `sources.notion` in the config file; the token itself is never here, only the name of the variable holding it. */
export const notionSourceSchema = z.strictObject({
  'token-env': z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name')
    .default('NOTION_TOKEN'),
  'base-url': credentialUrlSchema.default('https://api.notion.com'),
  /** Crawl only these pages and everything under them; all shared pages when absent. */
  roots: z.array(pageRef).optional(),
  'requests-per-second': z.number().positive().default(NOTION_REQUESTS_PER_SECOND),
  concurrency: z.number().int().min(1).max(64).default(3),
  'timeout-ms': z.number().int().positive().default(30_000),
  'max-attempts': z.number().int().min(1).max(10).default(4),
});

/** The validated Notion source settings, camel-cased for the code. */
export interface NotionSourceConfig {
  tokenEnv: string;
  baseUrl: string;
  /** Root page ids, dashed; empty = every page shared with the integration. */
  roots: string[];
  requestsPerSecond: number;
  concurrency: number;
  timeoutMs: number;
  maxAttempts: number;
}

/** Turns the parsed config section into settings (ids normalized, no trailing slash for the SDK's URL building). */
export function toNotionConfig(raw: z.output<typeof notionSourceSchema>): NotionSourceConfig {
  return {
    tokenEnv: raw['token-env'],
    baseUrl: raw['base-url'].replace(/\/+$/, ''),
    roots: (raw.roots ?? []).map((ref) => notionIdOf(ref) ?? ref),
    requestsPerSecond: raw['requests-per-second'],
    concurrency: raw.concurrency,
    timeoutMs: raw['timeout-ms'],
    maxAttempts: raw['max-attempts'],
  };
}
