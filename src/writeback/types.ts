import type { Target, WriteAction } from '../model/writeback.js';
import type { PublishedPage } from '../state.js';
import type { CommentContent } from './comment-text.js';
import type { FindingsPageBody } from './content.js';

/** The wikis this tool can comment on. */
export type Platform = 'notion' | 'confluence';

/** What publishing a findings page did or would do. */
export interface PublishResult {
  /** Absent when the content is unchanged and the page still exists. */
  action?: WriteAction;
  /** The page as the ledger keeps it (for a planned create: the id is empty). */
  page: PublishedPage;
}

/** One findings page target: Markdown file, Notion page or Confluence page, behind one interface. */
export interface FindingsPageWriter {
  readonly target: Target;
  /**
   * Creates the page, or replaces its content in place; reads whatever it needs to decide (does
   * the recorded page still exist?) but writes only when `dryRun` is false and the digest differs
   * from the one the ledger recorded.
   */
  publish(
    body: FindingsPageBody,
    previous: PublishedPage | undefined,
    dryRun: boolean,
  ): Promise<PublishResult>;
}

/** A comment of ours found on a wiki page: written by this integration's own user and carrying the marker. */
export interface FoundComment {
  id: string;
  discussionId?: string;
  /** The digest of the fingerprint set the marker names. */
  digest: string;
}

/** A wiki's comment operations; comments.ts decides what to post, these only talk to the API. */
export interface CommentApi {
  readonly platform: Platform;
  /**
   * Our own comment on the page (when the ledger lost track of it): only one the integration's
   * user wrote counts, so a person quoting the marker is never edited, replied into or adopted.
   */
  find(pageId: string): Promise<FoundComment | undefined>;
  /** The page owner's id on the platform, to mention in a first comment. */
  owner(pageId: string): Promise<string | undefined>;
  create(pageId: string, content: CommentContent): Promise<{ id: string; discussionId?: string }>;
  /** Confluence updates its comment in place; Notion replies in the comment's discussion. */
  follow(
    comment: { id: string; discussionId?: string },
    pageId: string,
    content: CommentContent,
  ): Promise<{ id: string; discussionId?: string }>;
}
