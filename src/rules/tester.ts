import type { Page } from '../model/page.js';
import { formatPosition } from '../model/position.js';
import { typeClassifier } from '../normalize/doc-type.js';
import { DEFAULT_DOCUMENT_TYPES } from '../normalize/document-types.js';
import { buildPage } from '../normalize/page.js';
import { Site } from '../site.js';
import { plural } from '../words.js';
import { lintPage, lintSitePage } from './engine.js';
import type { ActiveRule, InvalidExample, Rule, ValidExample } from './load.js';
import { readSuppressions } from './suppress.js';

/** The clock examples run at unless they set `now`, so stale/lifecycle examples never rot. */
const EXAMPLE_NOW = '2026-06-01';

const classify = typeClassifier(DEFAULT_DOCUMENT_TYPES);

/** Builds the page an example describes, forced into the rule's `applies-to` so the rule looks at it. */
function examplePage(rule: Rule, example: ValidExample | InvalidExample): Page {
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

/** An example whose findings differ from what the rule file says it gives. */
export interface ExampleFailure {
  rule: Rule;
  group: 'valid' | 'invalid';
  index: number;
  expected: string[];
  /** The findings it gave, or why it could not run. */
  actual: string[] | { error: string };
}

/** What testing a set of rules found: how many examples ran and which failed. */
export interface RuleTestResult {
  rules: number;
  examples: number;
  failures: ExampleFailure[];
  /** Rules with no example at all: "all pass" must not read as tested. */
  untested: string[];
}

function same(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((line, i) => line === b[i]);
}

/** Runs every example of every rule: a valid one must give no finding, an invalid one exactly its `errors`. */
export function testRules(rules: readonly Rule[]): RuleTestResult {
  const failures: ExampleFailure[] = [];
  let examples = 0;
  for (const rule of rules) {
    const cases = [
      ...rule.examples.valid.map((example) => ({ group: 'valid' as const, example, expected: [] })),
      ...rule.examples.invalid.map((example) => ({
        group: 'invalid' as const,
        example,
        expected: example.errors,
      })),
    ];
    const seen = { valid: 0, invalid: 0 };
    for (const { group, example, expected } of cases) {
      const index = seen[group]++;
      examples++;
      let actual: ExampleFailure['actual'];
      try {
        actual = runExample(rule, example);
      } catch (error) {
        // A user's example (a bad `now`, say) must not end the run with a stack trace.
        actual = { error: (error as Error).message };
      }
      if (Array.isArray(actual) && same(actual, expected)) continue;
      failures.push({ rule, group, index, expected, actual });
    }
  }
  const untested = rules
    .filter((r) => !r.examples.valid.length && !r.examples.invalid.length)
    .map((r) => r.id);
  return { rules: rules.length, examples, failures, untested };
}

/** Where a failing example starts in its rule file. */
export function failureLocation(failure: ExampleFailure): { file: string; line: number; column: number } {
  const at = failure.rule.examplesAt[failure.group][failure.index] ?? { line: 1, column: 1 };
  return { file: failure.rule.file, ...at };
}

/** One line saying what went wrong with an example, for a diagnostic or the head of a report entry. */
export function failureSummary(failure: ExampleFailure): string {
  const which = `${failure.rule.id}: ${failure.group} example ${failure.index + 1}`;
  if (!Array.isArray(failure.actual)) return `${which} could not run: ${failure.actual.error}`;
  return failure.group === 'valid'
    ? `${which} should give no finding but gave ${failure.actual.length}`
    : `${which} should give exactly its ${failure.expected.length} listed error(s)`;
}

const listed = (lines: readonly string[]) =>
  lines.length ? lines.map((l) => `      ${l}`) : ['      (none)'];

/** A failing example as `file:line:col  summary` with the expected and actual findings below it. */
export function formatFailure(failure: ExampleFailure): string {
  const { file, line, column } = failureLocation(failure);
  const actual = Array.isArray(failure.actual) ? failure.actual : [];
  return [
    `${file}:${line}:${column}  ${failureSummary(failure)}`,
    ...(Array.isArray(failure.actual)
      ? ['    expected:', ...listed(failure.expected), '    actual:', ...listed(actual)]
      : []),
  ].join('\n');
}

/** The one-line summary `rules --test` ends with. */
export function formatTestSummary(result: RuleTestResult): string {
  const tested = `${plural(result.examples, 'example')} of ${plural(result.rules, 'rule')}`;
  const { untested } = result;
  const none = untested.length
    ? ` ${untested.join(', ')} ${untested.length === 1 ? 'has' : 'have'} no examples, so nothing tests ${untested.length === 1 ? 'it' : 'them'}: add examples.valid and examples.invalid.`
    : '';
  if (!result.failures.length) return `All ${tested} pass.${none}`;
  const failed = new Set(result.failures.map((f) => f.rule.id));
  return `${result.failures.length} of ${tested} failed (${[...failed].join(', ')}).${none}`;
}
