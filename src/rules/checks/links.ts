import { posix } from 'node:path';
import { z } from 'zod';
import { closestWithin, type GuessBudget, PAGE_GUESS_CELLS } from '../../closest.js';
import type { Link } from '../../model/page.js';
import type { Site, SitePage } from '../../site.js';
import type { Hit, SiteCheckKind } from '../check.js';
import type { RuleRegex } from '../regex.js';
import { compileRegex, regexSource } from './values.js';

const options = z.object({
  /** Regular expressions on hrefs to leave unchecked (generated pages, links into other repos). */
  ignore: z.array(regexSource).default([]),
  'check-anchors': z.boolean().default(true),
});
type Options = z.output<typeof options>;

interface FileIndex {
  byFolder: Map<string, string[]>;
  byName: Map<string, string[]>;
}

const indexes = new WeakMap<Site, FileIndex>();

function push(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

// Suggestions only look at the same folder and same-named files, so a broken link costs O(folder), not O(site).
function fileIndex(site: Site): FileIndex {
  let index = indexes.get(site);
  if (!index) {
    index = { byFolder: new Map(), byName: new Map() };
    for (const file of site.files()) {
      push(index.byFolder, posix.dirname(file), file);
      push(index.byName, posix.basename(file), file);
    }
    indexes.set(site, index);
  }
  return index;
}

function suggestFile(site: Site, wanted: string, budget: GuessBudget): string | undefined {
  if (budget.cells <= 0) return undefined;
  const index = fileIndex(site);
  const name = posix.basename(wanted).replace(/(\.md)?$/, '.md');
  const candidates = [
    ...(index.byFolder.get(posix.dirname(wanted)) ?? []),
    ...(index.byName.get(name) ?? []),
  ];
  return closestWithin(wanted.endsWith('.md') ? wanted : `${wanted}.md`, candidates, budget);
}

function relativeTo(from: SitePage, file: string): string {
  return from.file ? posix.relative(posix.dirname(from.file), file) : file;
}

const DEV_SERVER = 'the address of a local development server, which readers cannot open';

/**
 * A link to a page of the handbook on the author's dev server, named by its title ("[Tooling](http://localhost:3000/guide/tooling.html)").
 * One whose text is its address ("open [http://localhost:3000/guide/](…) in your browser") tells the reader to run the site.
 */
function devServerLink(link: Link, copyOf: string | undefined): boolean {
  if (copyOf === undefined) return false;
  const text = link.text.toLowerCase();
  return !text.includes('://') && !text.includes('localhost') && !text.includes('127.0.0.1');
}

/**
 * The record a template names as its example (MADR's "superseded by [ADR-0005](0005-example.md)", in the
 * languages its translations use): the copy's author replaces it, so the template links to no real page.
 * Numbered as a record: a template's "see the [filled-in example](example.md)" names a page to keep.
 * Exported for the ReDoS check.
 */
export const EXAMPLE_TARGET =
  /(?:^|\/)(?:[a-z]{1,4}[-_])?\d{1,5}[-_](?:example|exemplo|ejemplo|exemple|esempio|beispiel|voorbeeld)s?\.md$/i;

/**
 * A template's slot for a link, its target a bare word that names what goes there (`[name](url)`, `[doc](link)`,
 * French `lien`, Spanish `enlace`) or marks it to fill in (`[recording](FIXME)`, `(TODO)`, `(TBD)`): the copy's
 * author fills it in. On a filled page the same target is a link left broken, and reported.
 */
const SLOT_TARGET = /^(?:url|link|lien|enlace|href|fixme|todo|tbd|tba|xxx)$/i;

/**
 * A template expression (`{{ item.url }}`, `{% link a.md %}`, `${BASE_URL}`) or a build-time token that opens
 * the target or one of its folders (`%WORDPRESS_BASE_URL%/page/`, replaced by a string-replace plugin): the
 * build fills the target in. Three characters at least, so a percent-encoded byte (`%E2%80`) is no token.
 * Exported for the static ReDoS check.
 */
export const TEMPLATED = /\{\{|\{%|\$\{|(?:^|\/)%[A-Z][A-Z\d_]{2,}%/;

function check(
  page: SitePage,
  link: Link,
  opts: Options,
  site: Site,
  ignore: RuleRegex[],
  budget: GuessBudget,
): Hit | undefined {
  const resolution = site.resolution(link);
  if (!resolution || resolution.kind === 'asset') return undefined;
  if (resolution.kind === 'external' && !devServerLink(link, resolution.devServerCopyOf)) return undefined;
  if (TEMPLATED.test(link.href) || ignore.some((re) => re.test(link.href))) return undefined;
  const at = {
    matched: link.href,
    excerpt: link.href,
    ...(link.position ? { position: link.position } : {}),
  };
  if (resolution.devServerCopyOf !== undefined) {
    const hint = ` Did you mean ${relativeTo(page, resolution.devServerCopyOf)}?`;
    return { ...at, data: { href: link.href, reason: DEV_SERVER, suggestion: hint } };
  }
  if (resolution.kind === 'missing') {
    const wanted = resolution.wanted ?? link.href;
    if (page.type === 'template' && (EXAMPLE_TARGET.test(wanted) || SLOT_TARGET.test(link.href)))
      return undefined;
    const suggestion =
      wanted.startsWith('../') || wanted.includes(':') ? undefined : suggestFile(site, wanted, budget);
    const hint = suggestion ? ` Did you mean ${relativeTo(page, suggestion)}?` : '';
    return { ...at, data: { href: link.href, reason: 'no such page', suggestion: hint } };
  }
  if (resolution.kind !== 'page' || !resolution.anchor || !opts['check-anchors'] || !resolution.target)
    return undefined;
  const target = site.page(resolution.target);
  if (!target || target.unreadable || site.hasAnchor(target, resolution.anchor)) return undefined;
  // Past the page's guess budget the candidates are not even gathered (a copy of the headings per link).
  const near =
    budget.cells > 0
      ? closestWithin(
          resolution.anchor.toLowerCase(),
          [...target.headings.map((h) => h.slug), ...target.anchors],
          budget,
        )
      : undefined;
  const hint = near ? ` Did you mean #${near}?` : '';
  return {
    ...at,
    data: {
      href: link.href,
      reason: `no heading or anchor "#${resolution.anchor}" on that page`,
      suggestion: hint,
    },
  };
}

/** Broken internal links and anchors, resolved through the site so every source's links are checked alike. */
export const linksCheck: SiteCheckKind<Options> = {
  scope: 'site',
  name: 'links',
  values: ['href', 'reason', 'suggestion'],
  options,
  run(page, opts, { site }) {
    if (page.unreadable) return [];
    const ignore = opts.ignore.map((re) => compileRegex(re, ''));
    const hits: Hit[] = [];
    // One budget for the page's guesses: every broken link is reported, the first ones with a guess.
    const budget: GuessBudget = { cells: PAGE_GUESS_CELLS };
    for (const link of page.links) {
      const hit = check(page, link, opts, site, ignore, budget);
      if (hit) hits.push(hit);
    }
    return hits;
  },
};
