import { z } from 'zod';
import { credentialUrlSchema } from '../../http/credential-url.js';
import { confluencePageId } from './urls.js';

/** Requests per second a crawl allows itself by default: well inside the burst limits API tokens get. */
export const CONFLUENCE_REQUESTS_PER_SECOND = 10;

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');

const pageRef = z.string().refine((value) => confluencePageId(value) !== undefined, {
  error: (issue) => `not a Confluence page id or page URL: ${String(issue.input)}`,
});

/** `sources.confluence` in the config file; credentials are never here, only the names of the variables holding them. */
export const confluenceSourceSchema = z.strictObject({
  /** The site, e.g. https://acme.atlassian.net (a trailing `/wiki` is accepted). */
  'site-url': credentialUrlSchema,
  'email-env': envName.default('CONFLUENCE_EMAIL'),
  'token-env': envName.default('CONFLUENCE_TOKEN'),
  /** Space keys to crawl; empty = every space the account can see. */
  spaces: z.array(z.string().regex(/^~?[A-Za-z0-9_]+$/, 'a space key such as ENG')).default([]),
  /** Crawl only these pages and everything under them. */
  roots: z.array(pageRef).default([]),
  'requests-per-second': z.number().positive().default(CONFLUENCE_REQUESTS_PER_SECOND),
  concurrency: z.number().int().min(1).max(64).default(4),
  'timeout-ms': z.number().int().positive().default(30_000),
  'max-attempts': z.number().int().min(1).max(10).default(4),
});

/** The validated Confluence source settings, camel-cased for the code. */
export interface ConfluenceSourceConfig {
  /** Site URL without `/wiki` and without a trailing slash, as confluence.js wants its `host`. */
  siteUrl: string;
  emailEnv: string;
  tokenEnv: string;
  spaces: string[];
  /** Root page ids; empty = whole spaces. */
  roots: string[];
  requestsPerSecond: number;
  concurrency: number;
  timeoutMs: number;
  maxAttempts: number;
}

/** Turns the parsed config section into settings (roots as ids, the site URL in the form the SDK builds on). */
export function toConfluenceConfig(raw: z.output<typeof confluenceSourceSchema>): ConfluenceSourceConfig {
  return {
    siteUrl: raw['site-url'].replace(/\/+$/, '').replace(/\/wiki$/, ''),
    emailEnv: raw['email-env'],
    tokenEnv: raw['token-env'],
    spaces: raw.spaces,
    roots: raw.roots.map((ref) => confluencePageId(ref) ?? ref),
    requestsPerSecond: raw['requests-per-second'],
    concurrency: raw.concurrency,
    timeoutMs: raw['timeout-ms'],
    maxAttempts: raw['max-attempts'],
  };
}
