import { HandbookLintError } from '../../errors.js';
import { checkCredentialHost } from '../../http/credential-url.js';
import type { ConfluenceSourceConfig } from './config.js';

/** The account the crawler signs in as. */
export interface ConfluenceCredentials {
  email: string;
  token: string;
}

/**
 * The credentials from the configured environment variables, for an Atlassian Cloud site or a host
 * the environment names (a custom domain); a missing one is a clear error naming it.
 */
export function confluenceCredentials(
  config: ConfluenceSourceConfig,
  env: NodeJS.ProcessEnv = process.env,
): ConfluenceCredentials {
  checkCredentialHost(
    config.siteUrl,
    {
      setting: 'sources.confluence.site-url',
      tokenEnv: `${config.emailEnv} and ${config.tokenEnv}`,
      own: 'an Atlassian Cloud site (*.atlassian.net)',
      isOwn: (hostname) => hostname.endsWith('.atlassian.net'),
    },
    env,
  );
  const email = env[config.emailEnv]?.trim();
  const token = env[config.tokenEnv]?.trim();
  const missing = [email ? undefined : config.emailEnv, token ? undefined : config.tokenEnv].filter(Boolean);
  if (!email || !token) {
    throw new HandbookLintError(
      'AUTH_FAILED',
      `No Confluence credentials: set ${missing.join(' and ')} to the account's email and an API token (sources.confluence.email-env and token-env name the variables; credentials never go in the config file).`,
    );
  }
  return { email, token };
}
