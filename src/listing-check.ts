/**
 * What a wiki crawl tells the run about its listing, so that a listing that cannot be trusted
 * (search cut short, a cursor that loops, another wiki's ledger) never marks findings fixed.
 */
export class ListingCheck {
  /** Who each source's listing came from (workspace, site and spaces), recorded in the ledger. */
  readonly identities = new Map<string, string>();
  /** Why a listing may be missing pages, one sentence each. */
  readonly problems: string[] = [];

  identify(source: string, identity: string): void {
    this.identities.set(source, identity);
  }

  implausible(reason: string): void {
    this.problems.push(reason);
  }
}

/** Cursors a listing may follow before it is taken for a loop: far above any real wiki (25 million pages at 250). */
export const MAX_LISTING_REQUESTS = 100_000;

/**
 * Remembers the cursors a paginated listing has followed: a cursor seen before means the API
 * answers in a loop, which would be followed forever.
 */
export class CursorTrail {
  private readonly seen = new Set<string>();

  /** False when this cursor was followed before (or the listing is implausibly long). */
  follow(cursor: string): boolean {
    if (this.seen.has(cursor) || this.seen.size >= MAX_LISTING_REQUESTS) return false;
    this.seen.add(cursor);
    return true;
  }
}
