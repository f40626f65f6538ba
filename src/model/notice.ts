/**
 * Which part of a run told something: `rules` (rule folders, rules an archived handbook turns off), `site`
 * (a site's navigation or files read in part or not at all), `crawl` (pages or files a crawl left out or read
 * in part), `paths` (config paths and excludes that match no page), `suppressions` (expired or unmatched),
 * `listing` (a listing not trusted: nothing written) and `write-back` (its problems). A program reading the
 * JSON report filters on it; `message` is for people.
 */
export type NoticeCode = 'rules' | 'site' | 'crawl' | 'paths' | 'suppressions' | 'listing' | 'write-back';

/** What a run tells the person running it besides its findings, printed as a warning and kept in the JSON report. */
export interface Notice {
  code: NoticeCode;
  message: string;
}

/** The texts as notices of one code, in their order. */
export function noticesOf(code: NoticeCode, messages: readonly string[]): Notice[] {
  return messages.map((message) => ({ code, message }));
}
