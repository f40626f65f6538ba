import { DEFAULT_DOCUMENT_TYPES } from '../config.js';
import type { Page } from '../model/page.js';
import { formatPosition } from '../model/position.js';
import { typeClassifier } from '../normalize/doc-type.js';
import { buildPage } from '../normalize/page.js';
import { Site } from '../site.js';
import { lintPage, lintSitePage } from './engine.js';
import type { ActiveRule, InvalidExample, Rule, ValidExample } from './load.js';
import { readSuppressions } from './suppress.js';

/** The clock examples run at unless they set `now`, so stale/lifecycle examples never rot. */
export const EXAMPLE_NOW = '2026-06-01';

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);

/** Builds the page an example describes, forced into the rule's `applies-to` so the rule looks at it. */
export function examplePage(rule: Rule, example: ValidExample | InvalidExample): Page {
  const { markdown, path = 'example.md' } = typeof example === 'string' ? { markdown: example } : example;
  const page = buildPage(
    { source: 'markdown', id: path, url: path, path, file: path, markdown, fallbackTitle: path },
    classify,
  );
  const types = rule.appliesTo.types;
  if (types?.length && !(page.type && types.includes(page.type))) page.type = types[0];
  const labels = rule.appliesTo.labels;
  if (labels?.length && !page.labels.some((l) => labels.includes(l))) page.labels.push(labels[0] as string);
  return page;
}

/** Runs one example through the engine and renders its findings as `line:col-line:col: message`. */
export function runExample(rule: Rule, example: ValidExample | InvalidExample): string[] {
  const page = examplePage(rule, example);
  const now = new Date(typeof example === 'object' && example.now ? example.now : EXAMPLE_NOW);
  const active: ActiveRule = { ...rule, configuredLevel: rule.level };
  const suppressions = readSuppressions(page.tree, page.markdown);
  const site = new Site();
  site.add(page);
  site.build();
  const findings = [
    ...lintPage(page, [active], { now }, [], suppressions),
    ...[...site.all()].flatMap((p) => lintSitePage(p, [active], { now, site }, [], suppressions)),
  ];
  return findings.map((f) => (f.position ? `${formatPosition(f.position)}: ${f.message}` : f.message));
}
