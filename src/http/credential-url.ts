import { z } from 'zod';
import { HandbookLintError } from '../errors.js';

// This machine: an emulator, a tunnel or a proxy listening here. Nothing sent to it crosses a network.
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

function carriesSafely(value: string): boolean {
  const url = new URL(value);
  return url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK.test(url.hostname));
}

/**
 * The URL of an API the credentials are sent to: https, or plain http only to this machine. A token
 * sent over http to another host can be read on the way, even when the host then redirects to https.
 */
export const credentialUrlSchema = z.url().refine(carriesSafely, {
  error:
    'the credentials are sent to this URL, so it must use https (http only to this machine: localhost, 127.0.0.1)',
});

/** Names the API hosts besides the platforms' own that credentials may go to: `wiki.acme.com,127.0.0.1`. */
export const API_HOSTS_ENV = 'HANDBOOK_LINT_API_HOSTS';

/**
 * Refuses to send credentials to a host that is neither the platform's own nor named in the
 * environment. A config file is changed by pull requests, and an Action or a nightly job may read a
 * pull request's config while the token comes from the job's secrets: a `base-url` of the request's
 * choosing would hand the token to its host. Whoever sets the token names any other host beside it.
 */
export function checkCredentialHost(
  url: string,
  platform: { setting: string; tokenEnv: string; own: string; isOwn: (hostname: string) => boolean },
  env: NodeJS.ProcessEnv,
): void {
  const { hostname, host } = new URL(url);
  if (platform.isOwn(hostname)) return;
  const named = (env[API_HOSTS_ENV] ?? '')
    .split(/[\s,]+/)
    .map((entry) => entry.toLowerCase())
    .filter(Boolean);
  if (named.includes(hostname) || named.includes(host)) return;
  throw new HandbookLintError(
    'CONFIG_INVALID',
    `${platform.setting} sends the credentials in ${platform.tokenEnv} to ${host}, which is not ${platform.own}; the config file alone may not choose that host. Where the credentials are set, also set ${API_HOSTS_ENV}=${hostname} to allow it.`,
  );
}
