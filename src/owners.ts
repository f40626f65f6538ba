import { z } from 'zod';
import { closest } from './closest.js';
import { compareText } from './model/compare.js';
import { type Finding, type FindingPage, fingerprint } from './model/finding.js';
import { type LintResult, narrowTo } from './model/result.js';
import { OWNER_SOURCES } from './normalize/fields.js';
import type { ActiveRule } from './rules/load.js';
import type { SitePage } from './site.js';
import { plural } from './words.js';

/** `owners:` in the config: who owns a page that names nobody and inherits nobody (README "Owners"). */
export const ownersSchema = z
  .strictObject({ 'last-editor': z.boolean().default(false) })
  .default({ 'last-editor': false });

/** `owners:` in the config. */
export interface OwnersConfig {
  /** The page's last editor owns it when nothing else names an owner (`owners.last-editor`). */
  lastEditor: boolean;
}

/** `owners:` as the stage reads it. */
export function toOwnersConfig(raw: z.output<typeof ownersSchema>): OwnersConfig {
  return { lastEditor: raw['last-editor'] };
}

/** A page's resolved owner and where it came from (OWNER_SOURCES, or a sidecar file's name). */
export interface ResolvedOwner {
  owner: string;
  source: string;
}

/** What resolution reads of a page: the slim page has it, so no body is kept for it. */
type OwnedPage = Pick<SitePage, 'key' | 'source' | 'parent' | 'owner' | 'ownerSource' | 'lastEditor'>;

/** An owner the page names itself; CODEOWNERS comes after inheritance, so it is not the page's own. */
function ownOwner(page: OwnedPage): ResolvedOwner | undefined {
  if (!page.owner || page.ownerSource === OWNER_SOURCES.codeowners) return undefined;
  return { owner: page.owner, source: page.ownerSource ?? OWNER_SOURCES.page };
}

/**
 * Every page's owner, by the chain a maintainer would follow: the page's own (front matter, an
 * `Owner:` line, a wiki property, the wiki's page owner, a sidecar file), else the nearest parent page
 * (a Markdown page's parent is the index page of its folder or an ancestor folder) that names one,
 * or, for a Markdown page, the index above the lint root that names one (`aboveRoot`), else CODEOWNERS, else
 * the last editor when `lastEditor` is set. Linear in pages: each page's
 * nearest named ancestor is worked out once.
 */
export function resolveOwners(
  pages: Iterable<OwnedPage>,
  config: OwnersConfig,
  aboveRoot?: string,
): Map<string, ResolvedOwner> {
  const byKey = new Map<string, OwnedPage>();
  for (const page of pages) byKey.set(page.key, page);
  const named = new Map<string, ResolvedOwner | null>();
  const namedAbove = (key: string | undefined): ResolvedOwner | undefined => {
    const chain: string[] = [];
    let found: ResolvedOwner | undefined;
    for (let at = key; at !== undefined && !chain.includes(at); at = byKey.get(at)?.parent) {
      const known = named.get(at);
      if (known !== undefined) {
        found = known ?? undefined;
        break;
      }
      chain.push(at);
      const page = byKey.get(at);
      // A meta tag names its own page's maintainer (every page of fleetdm.com's handbook has one): not the folder's.
      found = page && page.ownerSource !== OWNER_SOURCES.metaTag ? ownOwner(page) : undefined;
      if (found) break;
    }
    for (const at of chain) named.set(at, found ?? null);
    return found;
  };
  const owners = new Map<string, ResolvedOwner>();
  for (const page of byKey.values()) {
    const own = ownOwner(page);
    // A Markdown page's folders go on above the lint root: the owner an index there names (`ownerAbove`).
    const inherited =
      own === undefined
        ? (namedAbove(page.parent)?.owner ?? (page.source === 'markdown' ? aboveRoot : undefined))
        : undefined;
    const resolved =
      own ??
      (inherited && {
        owner: inherited,
        source: page.source === 'markdown' ? OWNER_SOURCES.folderIndex : OWNER_SOURCES.parent,
      }) ??
      (page.owner ? { owner: page.owner, source: OWNER_SOURCES.codeowners } : undefined) ??
      (config.lastEditor && page.lastEditor
        ? { owner: page.lastEditor, source: OWNER_SOURCES.lastEditor }
        : undefined);
    if (resolved) owners.set(page.key, resolved);
  }
  return owners;
}

/** Sources that make a page owned for rules whose owner field takes inherited owners (`inherited: true`). */
const INHERITED = new Set<string>([OWNER_SOURCES.parent, OWNER_SOURCES.folderIndex]);

/** Rules whose "owner missing" finding an owner inherited from a parent page or folder index settles. */
function inheritingRules(rules: readonly ActiveRule[]): string[] {
  return rules
    .filter((rule) => {
      if (rule.kind.name !== 'fields') return false;
      const fields = (rule.options as { fields?: Record<string, { inherited?: boolean }> }).fields;
      return fields?.owner?.inherited === true;
    })
    .map((rule) => rule.id);
}

/**
 * The findings with their page's resolved owner, less the "owner missing" findings of rules that
 * accept an inherited owner on pages that have one. Page rules run before the whole site is known,
 * so those findings are settled here, after the crawl.
 */
export function withOwners(
  findings: readonly Finding[],
  owners: ReadonlyMap<string, ResolvedOwner>,
  rules: readonly ActiveRule[],
  updated: (key: string) => Date | undefined = () => undefined,
): Finding[] {
  const settled = new Set<string>();
  const inheriting = inheritingRules(rules);
  for (const [key, resolved] of owners) {
    if (!INHERITED.has(resolved.source)) continue;
    for (const id of inheriting) settled.add(fingerprint(id, key, 'owner missing'));
  }
  const pages = new Map<string, FindingPage>();
  const pageOf = (page: FindingPage): FindingPage => {
    const cached = pages.get(page.key);
    if (cached) return cached;
    const resolved = owners.get(page.key);
    const { owner: _owner, ownerSource: _source, ...rest } = page;
    const updatedAt = updated(page.key);
    const stamped: FindingPage = {
      ...rest,
      ...(resolved ? { owner: resolved.owner, ownerSource: resolved.source } : {}),
      ...(updatedAt ? { lastEdited: updatedAt.toISOString().slice(0, 10) } : {}),
    };
    pages.set(page.key, stamped);
    return stamped;
  };
  return findings
    .filter((finding) => !settled.has(finding.fingerprint))
    .map((finding) => ({ ...finding, page: pageOf(finding.page) }));
}

/** Whether a finding belongs to `name` (`--owner`): any of its page's owners, case-insensitively. */
export function ownedBy(finding: Pick<Finding, 'page'>, name: string): boolean {
  return namedIn(finding.page.owner, name);
}

/** Whether an owner value (`Ana, @platform`) names NAME, case-insensitively, with or without its @. */
function namedIn(owner: string | undefined, name: string): boolean {
  const wanted = name.trim().toLowerCase();
  return ownerNames(owner).some((known) => known.toLowerCase() === wanted);
}

/**
 * The people or teams an owner value names: "Ana, @platform-team" is two; a leading @ is optional when
 * matching. Only commas and semicolons separate: "and" is part of names like "Research and Development".
 */
function ownerNames(owner: string | undefined): string[] {
  const names = listedNames(owner);
  return owner ? [...new Set([owner.trim(), ...names, ...names.map((name) => name.replace(/^@/, ''))])] : [];
}

function listedNames(owner: string | undefined): string[] {
  return (owner ?? '')
    .split(/\s*[,;]\s*/)
    .map((name) => name.trim())
    .filter(Boolean);
}

/**
 * Why `--owner NAME` keeps nothing, when no page is owned by NAME: a typo's nearest owner, else the
 * owners the pages name (the first five). Undefined when NAME owns a page.
 */
export function unowned(result: Pick<LintResult, 'owners'>, name: string): string | undefined {
  const owners = Object.keys(result.owners ?? {});
  if (owners.some((owner) => namedIn(owner, name))) return undefined;
  const names = [...new Set(owners.flatMap(listedNames))].sort(compareText);
  const bare = (owner: string) => owner.replace(/^@/, '').toLowerCase();
  const near = closest(bare(name.trim()), names.map(bare));
  const meant = near === undefined ? undefined : names.find((owner) => bare(owner) === near);
  const shown = names.length > 5 ? `${names.slice(0, 5).join(', ')}, …` : names.join(', ');
  const why = meant
    ? ` (did you mean ${meant}?)`
    : names.length
      ? `; the pages name ${plural(names.length, 'owner')}: ${shown}`
      : '; no page names an owner';
  return `--owner ${name}: no page is owned by ${name}${why}.`;
}

/** How many pages name each owner value ("Ana, @platform" is one value, as pages write it). */
export function pagesPerOwner(owners: Iterable<{ owner: string }>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const { owner } of owners) counts[owner] = (counts[owner] ?? 0) + 1;
  return counts;
}

/**
 * One person's share of a run (`--owner NAME`, a personal digest): the findings on pages they own,
 * counted again over their pages; fixed findings are theirs when the page they were on is. Coverage
 * stays the handbook's (the console leaves it out).
 */
export function forOwner(result: LintResult, name: string): LintResult {
  const theirs = Object.entries(result.owners ?? {}).filter(([owner]) => namedIn(owner, name));
  const pages = theirs.reduce((sum, [, count]) => sum + count, 0);
  const narrowed = narrowTo(
    { ...result, summary: { ...result.summary, pages } },
    result.findings.filter((finding) => ownedBy(finding, name)),
  );
  const history = narrowed.history && {
    ...narrowed.history,
    fixed: narrowed.history.fixed.filter((finding) => ownedBy(finding, name)),
  };
  return { ...narrowed, ...(history ? { history } : {}) };
}

const SOURCE_WORDS: Record<string, string> = {
  [OWNER_SOURCES.frontMatter]: 'front matter',
  [OWNER_SOURCES.page]: 'the page',
  [OWNER_SOURCES.metaTag]: "the page's meta tag",
  [OWNER_SOURCES.property]: 'a page property',
  [OWNER_SOURCES.platform]: "the wiki's page owner",
  [OWNER_SOURCES.parent]: 'the parent page',
  [OWNER_SOURCES.folderIndex]: "the folder's index page",
  [OWNER_SOURCES.codeowners]: 'CODEOWNERS',
  [OWNER_SOURCES.lastEditor]: 'the last edit',
};

/** Where an owner came from, as people read it ("the parent page"); a sidecar file keeps its name. */
export function sourceWords(source: string): string {
  return SOURCE_WORDS[source] ?? source;
}

/** "Owner: Ana (from the parent page)": the resolved owner as people read it; undefined when nobody is known. */
export function ownerLine(page: Pick<FindingPage, 'owner' | 'ownerSource'>): string | undefined {
  if (!page.owner) return undefined;
  const source = page.ownerSource && sourceWords(page.ownerSource);
  return `Owner: ${page.owner}${source ? ` (from ${source})` : ''}.`;
}
