import { createHash } from 'node:crypto';

/** Fingerprints a marker lists in full; beyond, the digest alone identifies the set. */
const MARKER_MAX_LISTED = 20;
// Only characters no markup escapes, so the marker reads the same in Notion markdown and storage XML.
const MARKER = /handbook-lint #([0-9a-f]{12})/;

/** One short hash for a set of fingerprints (order-free), so a comment can be matched to the set it lists. */
export function fingerprintDigest(fingerprints: readonly string[]): string {
  return createHash('sha256')
    .update([...fingerprints].sort().join(','))
    .digest('hex')
    .slice(0, 12);
}

/**
 * The last line of every comment this tool writes: the set's digest and its fingerprints, so a
 * later run (even one that lost its ledger) recognizes its own comment and what it listed.
 */
export function markerText(fingerprints: readonly string[]): string {
  const listed = [...fingerprints].sort().slice(0, MARKER_MAX_LISTED);
  const more = fingerprints.length - listed.length;
  return `handbook-lint #${fingerprintDigest(fingerprints)}${listed.length ? `: ${listed.join(' ')}` : ''}${more > 0 ? ` +${more}` : ''}`;
}

/** The digest in a comment's text when it is one of ours. */
export function readMarker(text: string): string | undefined {
  return MARKER.exec(text)?.[1];
}
