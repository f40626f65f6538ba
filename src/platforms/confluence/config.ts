import { z } from 'zod';
import { credentialUrlSchema } from '../../http/credential-url.js';
import { confluencePageId } from './urls.js';

/** Requests per second a crawl allows itself by default: well inside the burst limits API tokens get. */
export const CONFLUENCE_REQUESTS_PER_SECOND = 10;

const envName = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'an environment variable name');

const SPACE_KEY = /^~?[A-Za-z0-9_]+$/;
const SPACE_URL = /\/wiki\/spaces\/(~?[A-Za-z0-9_]+)(?:[/?#]|$)/;

/** A space key; a space's URL pasted from the browser is refused with the key it names. */
export const confluenceSpaceKey = z.string().regex(SPACE_KEY, {
  error: (issue) => {
    const key = SPACE_URL.exec(String(issue.input))?.[1];
    return key
      ? `a space key such as ENG, not a URL: this one names the space ${key}`
      : 'a space key such as ENG';
  },
});

/**
 * A page by id or page URL. An id is digits, which YAML reads as a number unless quoted
 * (`roots: [98309]`), so a whole number is taken as the id it spells.
 */
export const confluencePageRef = z
  .union([z.string(), z.int().nonnegative()])
  .refine((value) => confluencePageId(String(value)) !== undefined, {
    error: (issue) => `not a Confluence page id or page URL: ${String(issue.input)}`,
  });

/** `sources.confluence` in the config file; credentials are never here, only the names of the variables holding them. */
export const confluenceSourceSchema = z.strictObject({
  /** The site, e.g. https://acme.atlassian.net (a trailing `/wiki` is accepted). */
  'site-url': credentialUrlSchema,
  'email-env': envName.default('CONFLUENCE_EMAIL'),
  'token-env': envName.default('CONFLUENCE_TOKEN'),
  /** Space keys to crawl; empty = every space the account can see. */
  spaces: z.array(confluenceSpaceKey).default([]),
  /** Crawl only these pages and everything under them. */
  roots: z.array(confluencePageRef).default([]),
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
    roots: raw.roots.map((ref) => confluencePageId(String(ref)) ?? String(ref)),
    requestsPerSecond: raw['requests-per-second'],
    concurrency: raw.concurrency,
    timeoutMs: raw['timeout-ms'],
    maxAttempts: raw['max-attempts'],
  };
}
