import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../src/config.js';
import { CompactHeading, CompactLink } from '../../src/model/compact-outline.js';
import type { Heading, Link, Page } from '../../src/model/page.js';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { buildPage } from '../../src/normalize/page.js';
import { PassCompactor } from '../../src/rules/compact-pass.js';
import { lintSitePage } from '../../src/rules/engine.js';
import { type PagePass, passPage } from '../../src/rules/page-pass.js';
import { loadActiveRules } from '../../src/rules/settings.js';
import { NO_SUPPRESSIONS } from '../../src/rules/suppress.js';
import { Site, type SitePage } from '../../src/site.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const rules = await loadActiveRules(defaultConfig('.'));

function md(file: string, markdown: string): Page {
  return buildPage(
    { source: 'markdown', id: file, url: file, path: file, file, markdown, fallbackTitle: file },
    typeClassifier({}),
  );
}

const LINE =
  'See [the team](team.md#on-call), [nowhere](gone.md), [a slug](team.md#nope) and <https://example.org>.';

const pages = [
  md(
    'index.md',
    [
      '---',
      'owner: Ann',
      'labels: [handbook]',
      '---',
      '# Home {#top}',
      '',
      LINE,
      '',
      '## Links *below*',
      '',
      'A [reference][ref] and <a href="team.md">html</a>. Venue: TBD',
      '',
      '[ref]: team.md#esc',
    ].join('\n'),
  ),
  // A repeated heading's slug is the text's with `-1`; an explicit `{#id}` is not the text's at all.
  md(
    'team.md',
    '# Team\n\n## On call\n\n### Escalation {#esc}\n\n## On call\n\n[home](index.md#top) [again](#on-call-1)\n',
  ),
];

/** A pass as the page stage makes it here, and as it arrives from a worker thread (a structured clone) and is compacted. */
function passes(page: Page): { here: PagePass; fromWorker: PagePass } {
  const here = passPage(page, rules, { now: NOW }, []);
  return { here, fromWorker: new PassCompactor().compact(structuredClone(here)) };
}

/** What a link or heading reads as, whatever holds it. */
const linkView = (l: Link) => ({
  href: l.href,
  text: l.text,
  kind: l.kind,
  anchor: l.anchor,
  position: l.position,
});
const headingView = (h: Heading) => ({ depth: h.depth, text: h.text, slug: h.slug, position: h.position });

function siteFindings(slim: SitePage[]) {
  const site = new Site();
  for (const page of slim) site.add(page);
  site.build();
  return slim.flatMap((page) => lintSitePage(page, rules, { now: NOW, site }, [], NO_SUPPRESSIONS));
}

describe('a page pass from a worker, compacted for the link graph', () => {
  const both = pages.map(passes);

  it('reads like the pass the page stage made: links, headings, page fields and findings', () => {
    for (const { here, fromWorker } of both) {
      expect(fromWorker.page.links.map(linkView)).toEqual(here.page.links.map(linkView));
      expect(fromWorker.page.headings.map(headingView)).toEqual(here.page.headings.map(headingView));
      const { links: _l, headings: _h, ...fields } = fromWorker.page;
      const { links: _hl, headings: _hh, ...hereFields } = here.page;
      expect(fields).toEqual(hereFields);
      expect(fromWorker.findings).toEqual(here.findings);
    }
    expect(both[0]?.here.page.links.map((l) => l.href)).toEqual([
      'team.md#on-call',
      'gone.md',
      'team.md#nope',
      'https://example.org',
      'team.md#esc',
      'team.md',
    ]);
    expect(both.flatMap((pass) => pass.here.findings).length).toBeGreaterThan(0);
  });

  it('gives the site rules the same findings, positions included', () => {
    const here = siteFindings(both.map((pass) => pass.here.page));
    const compacted = siteFindings(both.map((pass) => pass.fromWorker.page));
    expect(compacted).toEqual(here);
    const at = (text: string) => ({ line: 7, column: LINE.indexOf(text) + 1 });
    const broken = compacted.filter((f) => f.ruleId === 'broken-link').map((f) => f.position?.start);
    expect(broken).toMatchObject([at('[nowhere]'), at('[a slug]')]);
  });
});

describe('compact links and headings', () => {
  it('give back a position without offsets, and none where the link had none', () => {
    const position = { start: { line: 3, column: 1 }, end: { line: 3, column: 9 } };
    expect(new CompactLink({ href: 'a.md', text: 'a', kind: 'internal', position }).position).toEqual(
      position,
    );
    const bare = new CompactLink({ href: 'https://x.org/#top', text: '', kind: 'external' });
    expect(bare.position).toBeUndefined();
    expect(bare.anchor).toBe('top');
    expect(new CompactHeading({ depth: 2, text: 'T', slug: 't' }).position).toBeUndefined();
  });
});
