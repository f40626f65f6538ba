import { oneLine } from './source-client.js';

// A path segment as the APIs' own paths and ids are written: no dot segments, no escapes, no query.
const PLAIN_SEGMENT = /^[A-Za-z0-9_~:-][A-Za-z0-9._~:-]*$/;

/**
 * A request path a client refuses to send: a segment a page or an answer wrote (an id such as
 * `1/../../user/current` or `%2e%2e`) that URL parsing would turn into a request for something else.
 */
export class UnsafeRequestError extends Error {
  constructor(path: string) {
    super(`refused to request ${oneLine(path)}: a segment of the path is no plain name or id`);
    this.name = 'UnsafeRequestError';
  }
}

/**
 * Whether a request path, as an SDK or a next link wrote it (before URL parsing resolves it), is
 * plain names and ids: no query or fragment either, which an id could otherwise start.
 */
export function isPlainPath(path: string): boolean {
  return path
    .replace(/^\//, '')
    .split('/')
    .every((segment) => PLAIN_SEGMENT.test(segment));
}
