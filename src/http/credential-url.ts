import { z } from 'zod';

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
