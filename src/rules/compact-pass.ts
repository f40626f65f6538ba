import { CompactHeading, CompactLink } from '../model/compact-outline.js';
import type { Finding } from '../model/finding.js';
import type { SitePage } from '../site.js';
import type { TemplateRecord } from './folder-template.js';
import type { PagePass } from './page-pass.js';

// Shared by every page without labels, anchors or problems; frozen, as nothing may add to a slim page.
const EMPTY: never[] = Object.freeze([]) as never[];

type Strings<T> = { [K in keyof T]: T[K] extends string | undefined ? K : never }[keyof T];

/** Points each field of `into` at `from`'s string when they are equal, so one string stays, not two. */
function share<T extends object>(into: T, fields: readonly Strings<T>[], from: string | undefined): void {
  if (from === undefined) return;
  for (const field of fields) if (into[field] === from) (into[field] as string | undefined) = from;
}

/**
 * Makes the page passes that come from worker threads as small as they can be for their stay in
 * this thread (until the run ends): links and headings with their positions as numbers, and one
 * string where a reply brings a copy of an equal one (a structured clone copies every string). What
 * a pass reads stays equal; it is changed in place.
 */
export class PassCompactor {
  /** Values of fields with few of them: source, type, rule id, severity, label, person. */
  private readonly strings = new Map<string, string>();
  private previous: SitePage | undefined;

  compact(pass: PagePass): PagePass {
    this.compactPage(pass.page);
    for (const finding of pass.findings) this.compactFinding(finding, pass.page);
    pass.templates = pass.templates.length
      ? pass.templates.map((record) => this.compactRecord(record))
      : EMPTY;
    this.previous = pass.page;
    return pass;
  }

  private intern<T extends string>(value: T): T {
    const known = this.strings.get(value);
    if (known !== undefined) return known as T;
    this.strings.set(value, value);
    return value;
  }

  private compactPage(page: SitePage): void {
    page.source = this.intern(page.source);
    // Pages arrive folder by folder: a page's parent is most often the one the page before it had.
    share(page, ['parent'], this.previous?.parent);
    // A Markdown page's id, URL, path and file are one string.
    share(page, ['id', 'url', 'path'], page.file);
    share(page, ['url', 'path'], page.id);
    for (const field of ['type', 'owner', 'ownerSource', 'author', 'lastEditor'] as const) {
      const value = page[field];
      if (value !== undefined) page[field] = this.intern(value);
    }
    page.labels = page.labels.length ? page.labels.map((label) => this.intern(label)) : EMPTY;
    page.anchors = page.anchors.length ? page.anchors : EMPTY;
    page.problems = page.problems.length ? page.problems : EMPTY;
    page.links = page.links.map((link) => new CompactLink(link));
    page.headings = page.headings.map((heading) => new CompactHeading(heading));
  }

  private compactRecord(record: TemplateRecord): TemplateRecord {
    const rule = this.intern(record.rule);
    const writes = record.writes.length ? record.writes.map((heading) => this.intern(heading)) : EMPTY;
    const compact: TemplateRecord =
      record.family === undefined ? { rule, writes } : { rule, family: this.intern(record.family), writes };
    if (record.template) compact.template = true;
    if (record.familyWrites)
      compact.familyWrites = record.familyWrites.map((heading) => this.intern(heading));
    return compact;
  }

  private compactFinding(finding: Finding, page: SitePage): void {
    finding.ruleId = this.intern(finding.ruleId);
    finding.severity = this.intern(finding.severity);
    if (finding.url !== undefined) finding.url = this.intern(finding.url);
    // A pass's findings share one page summary (a structured clone keeps that), made of the page's strings.
    const summary = finding.page;
    for (const field of ['key', 'title', 'url', 'path', 'file', 'owner'] as const)
      share(summary, [field], page[field]);
    if (summary.ownerSource !== undefined) summary.ownerSource = this.intern(summary.ownerSource);
  }
}
