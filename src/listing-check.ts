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

/**
 * Answers one listing may take before it is taken for one that never ends (an API or a proxy that
 * hands out a fresh cursor each time): 1,000,000 Confluence pages at 250 an answer, 400,000 Notion
 * pages at 100, far above any handbook; at the default rates some 7 minutes of Confluence's
 * requests, 22 of Notion's. It was 100,000, some 9 hours of Notion's.
 */
export const MAX_LISTING_REQUESTS = 4_000;

/**
 * Remembers the cursors a paginated listing has followed: a cursor seen before means the API
 * answers in a loop, and one past `limit` answers one that never ends; either would be followed
 * forever.
 */
export class CursorTrail {
  private readonly seen = new Set<string>();
  /** Set when the listing was stopped for its length, not for a repeated cursor. */
  endless = false;

  constructor(readonly limit = MAX_LISTING_REQUESTS) {}

  /** False when this cursor was followed before, or the listing has had `limit` answers. */
  follow(cursor: string): boolean {
    // The first answer came without a cursor: `seen.size + 1` answers are in.
    if (this.seen.size + 1 >= this.limit) {
      this.endless = true;
      return false;
    }
    if (this.seen.has(cursor)) return false;
    this.seen.add(cursor);
    return true;
  }
}
