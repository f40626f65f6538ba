import { slug as githubSlug } from 'github-slugger';
import type { Heading, Link } from './page.js';
import type { Point, Position } from './position.js';

/** Stands for a point without an offset (offsets are 0-based, so never negative). */
const NO_OFFSET = -1;

const KINDS: Record<Link['kind'], Link['kind']> = {
  internal: 'internal',
  external: 'external',
  navigation: 'navigation',
};

function point(line: number, column: number, offset: number): Point {
  return offset === NO_OFFSET ? { line, column } : { line, column, offset };
}

/**
 * A span held as six small integers on the link or heading itself rather than as three objects:
 * the link graph keeps every link and heading of every page until the run ends, and only the few
 * that end up in a finding need their position as an object. Line 0 means no position.
 */
abstract class Spanned {
  private readonly startLine: number;
  private readonly startColumn: number;
  private readonly startOffset: number;
  private readonly endLine: number;
  private readonly endColumn: number;
  private readonly endOffset: number;

  constructor(position: Position | undefined) {
    this.startLine = position?.start.line ?? 0;
    this.startColumn = position?.start.column ?? 0;
    this.startOffset = position?.start.offset ?? NO_OFFSET;
    this.endLine = position?.end.line ?? 0;
    this.endColumn = position?.end.column ?? 0;
    this.endOffset = position?.end.offset ?? NO_OFFSET;
  }

  /** A new Position object each time, equal to the one the page had. */
  get position(): Position | undefined {
    if (this.startLine === 0) return undefined;
    return {
      start: point(this.startLine, this.startColumn, this.startOffset),
      end: point(this.endLine, this.endColumn, this.endOffset),
    };
  }
}

/** A link as the link graph keeps it; reads like the Link it was made from. */
export class CompactLink extends Spanned implements Link {
  readonly href: string;
  readonly text: string;
  readonly kind: Link['kind'];

  constructor(link: Link) {
    super(link.position);
    this.href = link.href;
    // An autolink's text is its href: one string for both.
    this.text = link.text === link.href ? link.href : link.text;
    // One string for each kind, not a copy per link (a worker's reply brings every string anew).
    this.kind = KINDS[link.kind];
  }

  /** The part of the href after `#`, as the page's link had it. */
  get anchor(): string | undefined {
    const hash = this.href.indexOf('#');
    return hash < 0 ? undefined : this.href.slice(hash + 1);
  }
}

/** A heading as the link graph keeps it; reads like the Heading it was made from. */
export class CompactHeading extends Spanned implements Heading {
  readonly depth: number;
  readonly text: string;
  /** Kept only when the text does not give it: an explicit `{#id}`, a repeated heading's `-1`. */
  private readonly ownSlug: string | undefined;

  constructor(heading: Heading) {
    super(heading.position);
    this.depth = heading.depth;
    this.text = heading.text;
    this.ownSlug = heading.slug === githubSlug(heading.text) ? undefined : heading.slug;
  }

  get slug(): string {
    return this.ownSlug ?? githubSlug(this.text);
  }
}
