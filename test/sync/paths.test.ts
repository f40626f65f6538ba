import { describe, expect, it } from 'vitest';
import { type Placeable, placePages, slugify } from '../../src/sync/paths.js';

const page = (id: string, title: string, path: string, extra: Partial<Placeable> = {}): Placeable => ({
  key: `notion:${id}`,
  id,
  source: 'notion',
  title,
  path,
  ...extra,
});
const place = (pages: Placeable[], fixed: [string, string][] = []) =>
  Object.fromEntries(placePages(pages, { fixed: new Map(fixed), bySource: false, reserved: ['README.md'] }));

describe('slugify', () => {
  it.each([
    ['ADR-003: Move CI to self-hosted runners', 'adr-003-move-ci-to-self-hosted-runners'],
    ['Björn’s Émigré notes', 'bjorn-s-emigre-notes'],
    ['開発ガイド', '開発ガイド'], // other scripts stay readable
    ['???', 'untitled'],
    [`${'a'.repeat(40)} ${'b'.repeat(40)}`, 'a'.repeat(40)],
  ])('%s -> %s', (title, slug) => expect(slugify(title)).toBe(slug));
});

describe('placePages', () => {
  it('lays the hierarchy out as folders beside the parent page, under the breadcrumb of top-level pages', () => {
    expect(
      place([
        page('1', 'Handbook Home', 'Handbook/Handbook Home'),
        page('2', 'Decision Log', 'Handbook/Handbook Home/Decision Log', { parent: 'notion:1' }),
        page('3', 'DR-1: Cursors', 'Handbook/Handbook Home/Decision Log/DR-1: Cursors', {
          parent: 'notion:2',
        }),
        page('4', 'CI/CD', 'Handbook/Handbook Home/CI/CD', { parent: 'notion:1' }), // a slash in a title
        page('5', 'Stray', 'Unshared parent/Stray', { parent: 'notion:99' }), // parent not crawled
      ]),
    ).toEqual({
      'notion:1': 'handbook/handbook-home.md',
      'notion:2': 'handbook/handbook-home/decision-log.md',
      'notion:3': 'handbook/handbook-home/decision-log/dr-1-cursors.md',
      'notion:4': 'handbook/handbook-home/ci-cd.md',
      'notion:5': 'unshared-parent/stray.md',
    });
  });

  it('gives the older of two namesakes the plain name and never uses index or README names', () => {
    const older = new Date('2024-01-01');
    const newer = new Date('2025-01-01');
    expect(
      place([
        page('bbbbbbbb-2', 'Notes', 'Notes', { createdAt: newer }),
        page('aaaaaaaa-1', 'notes', 'notes', { createdAt: older }),
        page('cccccccc-3', 'Index', 'Index'),
        page('dddddddd-4', 'README', 'README'),
        page('eeeeeeee-5', 'Notes bbbbbbbb', 'Notes bbbbbbbb'), // takes the name the suffix would give
      ]),
    ).toEqual({
      'notion:aaaaaaaa-1': 'notes.md',
      'notion:bbbbbbbb-2': 'notes-bbbbbbbb2.md',
      'notion:cccccccc-3': 'index-cccccccc.md',
      'notion:dddddddd-4': 'readme-dddddddd.md',
      'notion:eeeeeeee-5': 'notes-bbbbbbbb.md',
    });
  });

  it('keeps a pinned page where it is and places its namesakes and children around it', () => {
    expect(
      place(
        [
          page('1', 'Security', 'Security'),
          page('2', 'Security', 'Security'),
          page('3', 'Runbook', 'Security/Runbook', { parent: 'notion:1' }),
        ],
        [['notion:1', 'old/security.md']],
      ),
    ).toEqual({
      'notion:1': 'old/security.md',
      'notion:2': 'security.md',
      'notion:3': 'old/security/runbook.md',
    });
  });

  it('places pages in a parent cycle (a corrupt answer) by their breadcrumb', () => {
    expect(
      place([page('1', 'A', 'X/A', { parent: 'notion:2' }), page('2', 'B', 'X/B', { parent: 'notion:1' })]),
    ).toEqual({ 'notion:1': 'x/a.md', 'notion:2': 'x/a/b.md' });
  });
});
