import { describe, expect, it } from 'vitest';
import {
  type Coverage,
  type CoverageConfig,
  computeCoverage,
  coverageSchema,
  DEFAULT_COVERAGE,
} from '../src/coverage.js';
import type { Finding } from '../src/model/finding.js';
import type { Severity } from '../src/model/severity.js';
import { typeClassifier } from '../src/normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../src/normalize/document-types.js';
import { buildPage } from '../src/normalize/page.js';
import type { SitePage } from '../src/site.js';

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);

function page(file: string, markdown = '', extra: Partial<SitePage> = {}): SitePage {
  const built = buildPage(
    { source: 'markdown', id: file, url: file, path: file, file, markdown, fallbackTitle: file },
    classify,
  );
  const { markdown: _m, tree: _t, fields: _f, ...slim } = built;
  return { ...slim, ...extra };
}

function wikiPage(path: string, title: string): SitePage {
  return {
    key: `notion:${path}`,
    source: 'notion',
    id: path,
    title,
    url: `https://www.notion.so/${path.replace(/\W/g, '')}`,
    path,
    labels: [],
    links: [],
    headings: [],
    anchors: [],
    problems: [],
  };
}

function finding(on: SitePage, ruleId: string, severity: Severity = 'warning'): Finding {
  return {
    ruleId,
    severity,
    message: `${ruleId} on ${on.path}`,
    page: { key: on.key, title: on.title, url: on.url, path: on.path },
    fingerprint: `${ruleId}:${on.key}`,
  };
}

function config(input: unknown = {}): CoverageConfig {
  return coverageSchema.parse(input);
}

const covered = (coverage: Coverage) =>
  coverage.topics.filter((t) => t.status === 'covered').map((t) => t.id);
const topic = (coverage: Coverage, id: string) => coverage.topics.find((t) => t.id === id);
const metricOf = (coverage: Coverage, id: string) => coverage.metrics.find((m) => m.id === id);

describe('default topics', () => {
  it.each<[string, SitePage, string[]]>([
    ['charter by title', page('company/charter.md', '# Communication charter\n'), ['communication-charter']],
    ['response times by title', page('company/rt.md', '# Response-time expectations\n'), ['response-times']],
    ['response times by SLA', page('ops/levels.md', '# Our SLAs\n'), ['response-times']],
    ['response times by path', page('ops/sla.md', '# Service levels\n'), ['response-times']],
    [
      'decision making',
      page('how-we-work/decision-making.md', '# How we make decisions (RFC and DACI)\n'),
      ['decision-making'],
    ],
    ['decision log index', page('decisions/index.md', '# Index\n'), ['decision-log']],
    ['decision log title', page('eng/log.md', '# Engineering decision log\n'), ['decision-log']],
    ['escalation', page('ops/blockers.md', '# Escalating blockers\n'), ['escalation-path']],
    ['meeting policy by path', page('how-we-work/meeting-policy.md', '# When we meet\n'), ['meeting-policy']],
    ['tool guide by path', page('company/tools.md', '# Where things live\n'), ['tool-guide']],
    ['onboarding by title', page('people/week1.md', '# Your first week\n'), ['onboarding']],
    ['onboarding by folder', page('onboarding/laptop.md', '# Laptop setup\n'), ['onboarding']],
    ['templates by type', page('docs/standup.md', '---\ntype: template\n---\n# Standup\n'), ['templates']],
    ['home at the root', page('README.md', '# Welcome\n'), ['handbook-home']],
    ['home by title', page('start.md', '# Acme handbook\n'), ['handbook-home']],
    ['wiki breadcrumb, any case', wikiPage('Engineering/Onboarding', 'Start here'), ['onboarding']],
    ['a team index is not the home', page('teams/a/index.md', '# Team A\n'), []],
    ['a decision record is not the log', page('decisions/0001-use-x.md', '# 0001: Use X\n'), []],
    ['working from home is not the home', page('people/remote.md', '# Working from home\n'), []],
  ])('%s', (_, p, ids) => {
    expect(covered(computeCoverage([p], [], DEFAULT_COVERAGE))).toEqual(ids);
  });

  it('reports a topic no page matches as missing', () => {
    expect(topic(computeCoverage([page('a.md', '# A\n')], [], DEFAULT_COVERAGE), 'escalation-path')).toEqual({
      id: 'escalation-path',
      title: 'Escalation path',
      status: 'missing',
      page: null,
      matches: 0,
      errors: [],
      unreadable: null,
    });
  });
});

describe('configured topics', () => {
  const custom = (match: Record<string, string[]>) =>
    config({ topics: [{ id: 'runbook', title: 'Runbook', match }], scopes: [] });

  it.each<[string, Record<string, string[]>, SitePage, boolean]>([
    ['label, any case', { labels: ['runbook'] }, page('ops/x.md', '---\ntags: [RunBook]\n---\n# X\n'), true],
    ['type', { types: ['guide'] }, page('ops/x.md', '---\ntype: guide\n---\n# X\n'), true],
    ['heading', { headings: ['^on.?call'] }, page('ops/x.md', '# X\n\n## On-call\n'), true],
    ['path glob', { paths: ['ops/**'] }, page('ops/x.md', '# X\n'), true],
    ['title', { titles: ['runbook'] }, page('ops/x.md', '# X\n'), false],
  ])('%s', (_, match, p, hit) => {
    expect(covered(computeCoverage([p], [], custom(match)))).toEqual(hit ? ['runbook'] : []);
  });

  it('names the best page: healthy first, then shallowest, index first, then by path', () => {
    const pages = [
      page('onboarding/zeta.md', '# Onboarding Z\n'),
      page('onboarding/index.md', '# Onboarding\n'),
      page('onboarding/alpha.md', '# Onboarding A\n'),
      page('teams/x/onboarding.md', '# X onboarding\n'),
      page('onboarding.md', '# Onboarding (broken)\n'),
    ];
    const broken = pages[4] as SitePage;
    for (const order of [pages, [...pages].reverse()]) {
      const result = topic(
        computeCoverage(order, [finding(broken, 'broken-link', 'error')], DEFAULT_COVERAGE),
        'onboarding',
      );
      expect(result?.page?.path).toBe('onboarding/index.md');
      expect(result?.matches).toBe(5);
    }
  });
});

describe('unhealthy and unreadable topic pages', () => {
  const rt = page('company/response-times.md', '# Response times\n');

  it('a matching page with an error is present but unhealthy, and says why', () => {
    const coverage = computeCoverage(
      [rt],
      [finding(rt, 'broken-link', 'error'), finding(rt, 'stale-page')],
      DEFAULT_COVERAGE,
    );
    expect(topic(coverage, 'response-times')).toMatchObject({
      status: 'unhealthy',
      page: { key: rt.key, path: 'company/response-times.md' },
      errors: [{ ruleId: 'broken-link', message: 'broken-link on company/response-times.md' }],
    });
    expect(metricOf(coverage, 'coverage')?.numerator).toBe(0);
  });

  it('a warning does not make a topic page unhealthy', () => {
    const coverage = computeCoverage([rt], [finding(rt, 'stale-page', 'warning')], DEFAULT_COVERAGE);
    expect(topic(coverage, 'response-times')?.status).toBe('covered');
  });

  it('a healthy page elsewhere still covers the topic', () => {
    const other = page('ops/sla.md', '# SLA\n');
    const coverage = computeCoverage([rt, other], [finding(rt, 'broken-link', 'error')], DEFAULT_COVERAGE);
    expect(topic(coverage, 'response-times')).toMatchObject({
      status: 'covered',
      page: { path: 'ops/sla.md' },
      errors: [],
    });
  });

  it('an unreadable page never covers a topic and is left out of every metric', () => {
    const locked = page('company/response-times.md', '# Response times\n', {
      unreadable: { reason: 'HTTP 403' },
    });
    const fine = page('a.md', '# A\n');
    const coverage = computeCoverage(
      [locked, fine],
      [finding(locked, 'page-owner', 'error')],
      DEFAULT_COVERAGE,
    );
    expect(topic(coverage, 'response-times')).toMatchObject({
      status: 'unreadable',
      unreadable: 'HTTP 403',
      errors: [],
    });
    for (const id of ['ownership', 'freshness', 'healthy']) {
      expect(metricOf(coverage, id)).toMatchObject({ numerator: 1, denominator: 1, percent: 100 });
    }
  });
});

describe('scopes', () => {
  const pages = [
    page('teams/a/onboarding.md', '# Onboarding for team A\n'),
    page('teams/a/deep/decisions.md', '# Decision log\n'),
    page('teams/b/index.md', '# Team B\n'),
    page('teams/readme.md', '# Teams\n'),
  ];

  it('one scope per matching folder, with the topics expected there', () => {
    const coverage = computeCoverage(pages, [], DEFAULT_COVERAGE);
    expect(coverage.scopes.map((s) => [s.name, s.folder, s.covered, s.expected, s.pass])).toEqual([
      ['teams', 'teams/a', 2, 2, true],
      ['teams', 'teams/b', 0, 2, false],
    ]);
    expect(coverage.scopes[1]?.topics.map((t) => [t.id, t.status])).toEqual([
      ['onboarding', 'missing'],
      ['decision-log', 'missing'],
    ]);
  });

  it.each(['teams/*', 'teams/*/', 'teams/*/**'])('folder glob %s names the same folders', (glob) => {
    const coverage = computeCoverage(
      pages,
      [],
      config({ scopes: [{ name: 't', paths: [glob], each: true, topics: ['onboarding'] }] }),
    );
    expect(coverage.scopes.map((s) => s.folder)).toEqual(['teams/a', 'teams/b']);
  });

  it('path globs are relative to the scope folder', () => {
    const home = config({
      topics: [{ id: 'team-home', title: 'Team home', 'site-wide': false, match: { paths: ['index.md'] } }],
      scopes: [{ name: 'teams', paths: ['teams/*'], each: true, topics: ['team-home'] }],
    });
    const coverage = computeCoverage(pages, [], home);
    expect(coverage.topics).toEqual([]);
    expect(coverage.scopes.map((s) => [s.folder, s.pass])).toEqual([
      ['teams/a', false],
      ['teams/b', true],
    ]);
  });

  it('a scope taken as a whole is expected even when no page lives there', () => {
    const whole = config({
      scopes: [{ name: 'engineering', paths: ['engineering/**'], topics: ['onboarding'] }],
    });
    const coverage = computeCoverage(pages, [], whole);
    expect(coverage.scopes).toMatchObject([
      { name: 'engineering', folder: null, covered: 0, expected: 1, pass: false },
    ]);
  });

  it('overall coverage counts site-wide topics and every scope expectation', () => {
    const coverage = computeCoverage(pages, [], DEFAULT_COVERAGE);
    // site: onboarding and decision-log found among the 10 topics; scopes: 2 of 4
    expect(metricOf(coverage, 'coverage')).toMatchObject({
      numerator: 4,
      denominator: 14,
      percent: 28.6,
      pass: false,
    });
  });
});

describe('metrics', () => {
  const owned = page('a.md', '# A\n');
  const ownerless = page('b.md', '# B\n');
  const stale = page('c.md', '# C\n');
  const template = page('templates/t.md', '# T\n');
  const badDecision = page('decisions/0001-x.md', '# 0001: X\n');
  const goodDecision = page('decisions/0002-y.md', '# 0002: Y\n');
  const noOutcome = page('meetings/2026-01-01.md', '# Sync\n');
  const withOutcome = page('meetings/2026-01-08.md', '# Sync\n');
  const locked = page('u.md', '', { unreadable: { reason: 'HTTP 403' } });
  const pages = [
    owned,
    ownerless,
    stale,
    template,
    badDecision,
    goodDecision,
    noOutcome,
    withOutcome,
    locked,
  ];
  const findings = [
    finding(ownerless, 'page-owner'),
    finding(stale, 'stale-page'),
    finding(template, 'page-owner'),
    finding(badDecision, 'decision-sections', 'error'),
    finding(goodDecision, 'decision-lag', 'warning'),
    finding(noOutcome, 'meeting-outcomes'),
    finding(locked, 'page-owner', 'error'),
  ];
  const coverage = computeCoverage(pages, findings, DEFAULT_COVERAGE);

  it('classifies the test pages as expected', () => {
    expect(pages.map((p) => p.type ?? '-')).toEqual([
      '-',
      '-',
      '-',
      'template',
      'decision',
      'decision',
      'meeting-notes',
      'meeting-notes',
      '-',
    ]);
  });

  it.each<[string, number, number, number, boolean]>([
    // readable pages but templates; b has no owner
    ['ownership', 6, 7, 85.7, false],
    // readable pages but templates; c is stale
    ['freshness', 6, 7, 85.7, true],
    // decision records without an error (a warning does not count against it)
    ['decisions', 1, 2, 50, false],
    ['meetings', 1, 2, 50, false],
    // every readable page, templates included
    ['healthy', 7, 8, 87.5, true],
  ])('%s: %i of %i', (id, numerator, denominator, percent, pass) => {
    expect(metricOf(coverage, id)).toMatchObject({ numerator, denominator, percent, pass });
  });

  it('lists every metric in a fixed order with labels and targets', () => {
    expect(coverage.metrics.map((m) => [m.id, m.target])).toEqual([
      ['coverage', 90],
      ['decisions', 80],
      ['ownership', 90],
      ['freshness', 80],
      ['meetings', 80],
      ['healthy', 80],
    ]);
    expect(coverage.metrics.every((m) => m.label.length > 0)).toBe(true);
  });

  it('nothing to measure: percent null, and it passes', () => {
    const empty = computeCoverage([owned], [], config({ topics: [], scopes: [] }));
    expect(metricOf(empty, 'coverage')).toMatchObject({
      numerator: 0,
      denominator: 0,
      percent: null,
      pass: true,
    });
    expect(metricOf(empty, 'meetings')).toMatchObject({ denominator: 0, percent: null, pass: true });
  });

  it('judges the target on the rounded percent, as the report shows it', () => {
    const pages = Array.from({ length: 3000 }, (_, i) => wikiPage(`Wiki/P${i}`, `P${i}`));
    const stale = pages.slice(0, 121).map((p) => finding(p, 'stale-page'));
    const target = config({ targets: { freshness: 96 } });
    expect(metricOf(computeCoverage(pages, stale, target), 'freshness')).toMatchObject({
      numerator: 2879,
      percent: 96,
      pass: true,
    });
  });

  it('rules and level from config decide what disqualifies a page', () => {
    const custom = config({ metrics: { ownership: { rules: [], level: 'warning', 'exclude-types': [] } } });
    // every page with a warning or an error: b, c, t, 0001, 0002, meeting without outcome
    expect(metricOf(computeCoverage(pages, findings, custom), 'ownership')).toMatchObject({
      numerator: 2,
      denominator: 8,
    });
  });
});

describe('coverage config', () => {
  it('defaults to the ten topics of the domain model and one team scope', () => {
    expect(DEFAULT_COVERAGE.topics.map((t) => t.id)).toEqual([
      'communication-charter',
      'response-times',
      'decision-making',
      'decision-log',
      'escalation-path',
      'meeting-policy',
      'tool-guide',
      'onboarding',
      'templates',
      'handbook-home',
    ]);
    expect(DEFAULT_COVERAGE.scopes).toEqual([
      { name: 'teams', paths: ['teams/*/**'], each: true, topics: ['onboarding', 'decision-log'] },
    ]);
  });

  it('fills what a partial section leaves out', () => {
    const partial = config({ targets: { coverage: 95 }, metrics: { freshness: { rules: ['old-page'] } } });
    expect(partial.targets).toMatchObject({ coverage: 95, ownership: 90 });
    expect(partial.metrics.freshness).toEqual({
      types: [],
      'exclude-types': ['template'],
      rules: ['old-page'],
      level: 'off',
    });
    expect(partial.metrics.ownership.rules).toEqual(['page-owner']);
    expect(partial.topics).toHaveLength(10);
  });

  it.each<[string, unknown, (string | number)[], string]>([
    ['unknown key', { topic: [] }, [], 'topic'],
    [
      'unknown topic in a scope',
      { scopes: [{ name: 's', paths: ['a/*'], topics: ['nope'] }] },
      ['scopes', 0, 'topics', 0],
      'unknown topic id "nope"',
    ],
    [
      'duplicate topic id',
      { topics: [1, 2].map(() => ({ id: 'x', title: 'X', match: { titles: ['x'] } })) },
      ['topics', 1, 'id'],
      'duplicate topic id "x"',
    ],
    [
      'bad regex',
      { topics: [{ id: 'x', title: 'X', match: { titles: ['(x'] } }] },
      ['topics', 0, 'match', 'titles', 0],
      'invalid regular expression',
    ],
    [
      'bad glob',
      { scopes: [{ name: 's', paths: ['a/[b'], topics: ['onboarding'] }] },
      ['scopes', 0, 'paths', 0],
      'invalid glob',
    ],
    [
      'empty match',
      { topics: [{ id: 'x', title: 'X', match: {} }] },
      ['topics', 0, 'match'],
      'at least one of',
    ],
    ['target above 100', { targets: { coverage: 120 } }, ['targets', 'coverage'], ''],
  ])('rejects %s', (_, input, path, message) => {
    const parsed = coverageSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    const issue = parsed.error?.issues[0];
    expect(issue?.path).toEqual(path);
    expect(issue?.message).toContain(message);
  });
});

describe('the coverage data', () => {
  it('is plain JSON and does not depend on page order', () => {
    const pages = [
      page('index.md', '# Handbook\n'),
      page('teams/a/onboarding.md', '# Onboarding\n'),
      page('company/tools.md', '# Tools\n'),
      page('teams/b/decisions.md', '# Decision log\n'),
    ];
    const a = computeCoverage(pages, [], DEFAULT_COVERAGE);
    const b = computeCoverage([...pages].reverse(), [], DEFAULT_COVERAGE);
    expect(JSON.parse(JSON.stringify(a))).toEqual(a);
    expect(JSON.stringify(b)).toBe(JSON.stringify(a));
  });
});
