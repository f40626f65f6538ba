// `npm run judge [-- FOLDER...] [--corpus NAME] [--rule ID] [--sample N] [--seed S] [--stubs]`
// Runs the default rules (no config) on every corpus, compares the findings with the labels in
// test/judgement/<corpus>.yml and prints precision and recall per rule and corpus, then a seeded
// sample of findings that have no label yet (--stubs prints them as label entries to fill in).
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';
import {
  corpora,
  judge,
  labelled,
  type Main,
  precision,
  type RuleScore,
  recall,
  SHARED_CORPORA,
  sample,
  totals,
} from './judge.js';
import type { JudgedFinding } from './labels.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    corpus: { type: 'string', multiple: true },
    rule: { type: 'string', multiple: true },
    sample: { type: 'string', default: '5' },
    seed: { type: 'string', default: 'judge' },
    stubs: { type: 'boolean', default: false },
  },
});

const percent = (value: number | undefined) => (value === undefined ? '-' : `${(value * 100).toFixed(0)} %`);
const where = (f: JudgedFinding) =>
  `${f.page.file ?? f.page.path}${f.position ? `:${f.position.start.line}` : ''}`;

function table(scores: readonly RuleScore[]): string {
  const header = [
    'corpus',
    'rule',
    'findings',
    'labelled',
    'right',
    'wrong',
    'artefact',
    'precision',
    'misses',
    'found',
    'recall',
    'lost',
  ];
  const rows = scores.map((s) => [
    s.corpus,
    s.rule,
    String(s.findings),
    String(labelled(s)),
    String(s.right),
    String(s.wrong),
    String(s.artefacts),
    percent(precision(s)),
    String(s.misses),
    String(s.found),
    percent(recall(s)),
    String(s.lost.length),
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i < 2 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

/** A label entry for each sampled finding; `match` only where the line alone does not single it out. */
function stubs(score: RuleScore, picked: readonly JudgedFinding[]): string {
  const entries = picked.map((f) => {
    const twins = score.unlabelled.filter((o) => where(o) === where(f)).length > 1;
    return {
      page: f.page.file ?? f.page.path,
      rule: f.ruleId,
      ...(f.position ? { line: f.position.start.line } : {}),
      ...(twins ? { match: f.excerpt ?? f.message } : {}),
      verdict: 'right|wrong',
      reason: `TODO read the page: ${f.message}`,
    };
  });
  return `# ${score.corpus}\n${stringify(entries, { lineWidth: 0 })}`;
}

const list = corpora(positionals).filter((c) => !values.corpus || values.corpus.includes(c.name));
if (list.length === 0) {
  process.stderr.write(`No corpus to judge (looked in ${SHARED_CORPORA} and examples/handbook).\n`);
  process.exit(2);
}
// The built package, as users run it (`npm run judge` builds first).
const { main } = (await import('../../dist/main.js' as string)) as { main: Main };
const scores = (await judge(main, list)).filter((s) => !values.rule || values.rule.includes(s.rule));
process.stdout.write(`Per rule and corpus (labels in test/judgement/<corpus>.yml):\n\n${table(scores)}\n\n`);
process.stdout.write(`Per rule, all corpora:\n\n${table(totals(scores))}\n`);

const lost = scores.flatMap((s) =>
  s.lost.map((l) => `  ${s.corpus}  ${l.page}${l.line ? `:${l.line}` : ''}  ${l.rule}  (${l.reason})`),
);
if (lost.length > 0) process.stdout.write(`\nLabelled right but no longer found:\n${lost.join('\n')}\n`);

const size = Number(values.sample);
const picks = scores
  .map((s) => ({ score: s, picked: sample(s.unlabelled, size, values.seed) }))
  .filter((p) => p.picked.length > 0);
if (picks.length > 0 && size > 0) {
  process.stdout.write(
    `\nUnlabelled findings, a sample of up to ${size} per rule and corpus (seed "${values.seed}"):\n`,
  );
  for (const { score, picked } of picks) {
    if (values.stubs) {
      process.stdout.write(`\n${stubs(score, picked)}`);
      continue;
    }
    process.stdout.write(`\n${score.corpus} / ${score.rule} (${score.unlabelled.length} unlabelled)\n`);
    for (const f of picked)
      process.stdout.write(`  ${where(f)}  ${f.message}${f.excerpt ? `  | ${f.excerpt}` : ''}\n`);
  }
}
