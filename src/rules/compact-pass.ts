import { CompactHeading, CompactLink } from '../model/compact-outline.js';
import type { Finding } from '../model/finding.js';
import type { SitePage } from '../site.js';
import type { PagePass } from './page-pass.js';

/** One string per distinct value of a field with few values (source, rule id, severity, label, person). */
export class Interner {
  private readonly known = new Map<string, string>();

  intern<T extends string>(value: T): T {
    const known = this.known.get(value);
    if (known !== undefined) return known as T;
    this.known.set(value, value);
    return value;
  }
}

// Shared by every page without labels, anchors or problems; frozen, as nothing may add to a slim page.
const EMPTY: never[] = Object.freeze([]) as never[];

type Strings<T> = { [K in keyof T]: T[K] extends string | undefined ? K : never }[keyof T];

/** Points each field of `into` at `from`'s string when they are equal, so one string stays, not two. */
function share<T extends object>(into: T, fields: readonly Strings<T>[], from: string | undefined): void {
  if (from === undefined) return;
  for (const field of fields) if (into[field] === from) (into[field] as string | undefined) = from;
}

function compactPage(page: SitePage, strings: Interner): void {
  page.source = strings.intern(page.source);
  // A Markdown page's id, URL, path and file are one string; a worker's reply brings four copies.
  share(page, ['id', 'url', 'path'], page.file);
  share(page, ['url', 'path'], page.id);
  if (page.type !== undefined) page.type = strings.intern(page.type);
  for (const field of ['owner', 'ownerSource', 'author', 'lastEditor'] as const) {
    const value = page[field];
    if (value !== undefined) page[field] = strings.intern(value);
  }
  page.labels = page.labels.length ? page.labels.map((label) => strings.intern(label)) : EMPTY;
  page.anchors = page.anchors.length ? page.anchors : EMPTY;
  page.problems = page.problems.length ? page.problems : EMPTY;
  page.links = page.links.map((link) => new CompactLink(link));
  page.headings = page.headings.map((heading) => new CompactHeading(heading));
}

function compactFinding(finding: Finding, page: SitePage, strings: Interner): void {
  finding.ruleId = strings.intern(finding.ruleId);
  finding.severity = strings.intern(finding.severity);
  if (finding.url !== undefined) finding.url = strings.intern(finding.url);
  // A pass's findings share one page summary (the reply keeps that), whose strings are the page's.
  const summary = finding.page;
  for (const field of ['key', 'title', 'url', 'path', 'file', 'owner'] as const)
    share(summary, [field], page[field]);
  if (summary.ownerSource !== undefined) summary.ownerSource = strings.intern(summary.ownerSource);
}

/**
 * Makes a page pass that came from a worker thread as small as it can be for its stay in this
 * thread (until the run ends): links and headings with their positions as numbers, one string where
 * the reply brought copies of equal ones. What it reads stays equal; it changes the pass in place.
 */
export function compactPass(pass: PagePass, strings: Interner): PagePass {
  compactPage(pass.page, strings);
  for (const finding of pass.findings) compactFinding(finding, pass.page, strings);
  return pass;
}
