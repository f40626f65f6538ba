import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  utimesSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describes, type JudgedFinding, type Label, loadLabels, type Miss } from './labels.js';

const PROJECT = fileURLToPath(new URL('../../', import.meta.url));
export const SHARED_CORPORA = resolve(PROJECT, '../shared/corpora');
const LABELS = fileURLToPath(new URL('./', import.meta.url));
/** The day a corpus without a snapshot date is judged on. */
const DEFAULT_NOW = '2026-12-01';
/** "Today" for the example handbook (examples/README.md). */
const EXAMPLES_NOW = '2026-11-22';
/** Folders of ../shared/corpora that are not Markdown handbooks. */
const NOT_HANDBOOKS = new Set(['_meta', 'confluence-storage']);

/** A handbook to judge: where it is, the day to judge it on, and its label file. */
export interface Corpus {
  name: string;
  root: string;
  /** YYYY-MM-DD: a snapshot is judged on the day it was taken, so ages are those its maintainers saw. */
  now: string;
  /** `_meta/<name>-last-commit.tsv`: each file's last upstream commit, since a copy has no history. */
  times?: string;
  labels: string;
}

/** Every handbook in ../shared/corpora (those present), our own fixture handbooks, the embedded example handbook, and named folders. */
export function corpora(extraFolders: readonly string[] = []): Corpus[] {
  const found: Corpus[] = [];
  if (existsSync(SHARED_CORPORA)) {
    const manifest = JSON.parse(readFileSync(join(SHARED_CORPORA, '_meta/manifest.json'), 'utf8')) as {
      name: string;
      commit_date?: string;
    }[];
    for (const entry of readdirSync(SHARED_CORPORA, { withFileTypes: true })) {
      if (!entry.isDirectory() || NOT_HANDBOOKS.has(entry.name)) continue;
      const times = join(SHARED_CORPORA, '_meta', `${entry.name}-last-commit.tsv`);
      found.push({
        name: entry.name,
        root: join(SHARED_CORPORA, entry.name),
        now: manifest.find((m) => m.name === entry.name)?.commit_date ?? DEFAULT_NOW,
        ...(existsSync(times) ? { times } : {}),
        labels: join(LABELS, `${entry.name}.yml`),
      });
    }
  }
  // Small handbooks written for cases the real corpora lack (no text copied from anywhere).
  const own = join(LABELS, 'handbooks');
  for (const entry of existsSync(own) ? readdirSync(own, { withFileTypes: true }) : []) {
    if (entry.isDirectory())
      found.push({
        name: entry.name,
        root: join(own, entry.name),
        now: DEFAULT_NOW,
        labels: join(LABELS, `${entry.name}.yml`),
      });
  }
  found.push({
    name: 'examples-handbook',
    root: join(PROJECT, 'examples/handbook'),
    now: EXAMPLES_NOW,
    labels: join(LABELS, 'examples-handbook.yml'),
  });
  for (const folder of extraFolders) {
    const name = basename(resolve(folder));
    found.push({ name, root: resolve(folder), now: DEFAULT_NOW, labels: join(LABELS, `${name}.yml`) });
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

function copyTree(from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const entry of readdirSync(from, { withFileTypes: true })) {
    if (entry.isDirectory()) copyTree(join(from, entry.name), join(to, entry.name));
    else if (entry.isFile()) copyFileSync(join(from, entry.name), join(to, entry.name));
  }
}

/** A copy whose file times are the upstream commit times, as a checkout with history would give them. */
function withUpstreamTimes(corpus: Corpus & { times: string }): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'handbook-lint-judge-')), corpus.name);
  copyTree(corpus.root, dir);
  for (const line of readFileSync(corpus.times, 'utf8').split('\n').slice(1)) {
    const [path, , unix] = line.split('\t');
    if (!path || !unix || !existsSync(join(dir, path))) continue;
    utimesSync(join(dir, path), Number(unix), Number(unix));
  }
  return dir;
}

/** The command line's entry point: the test passes the sources', `npm run judge` the built package's. */
export type Main = (argv: string[]) => Promise<number>;

/** Lints a corpus exactly as a new user would: `handbook-lint run FOLDER` with no config, read as JSON. */
export async function lintCorpus(main: Main, corpus: Corpus): Promise<JudgedFinding[]> {
  const dir = corpus.times ? withUpstreamTimes(corpus as Corpus & { times: string }) : corpus.root;
  const out = join(mkdtempSync(join(tmpdir(), 'handbook-lint-judge-out-')), 'report.json');
  try {
    const code = await main([
      'run',
      dir,
      '--format',
      'json',
      '--now',
      corpus.now,
      '--fail-on',
      'never',
      '-o',
      out,
    ]);
    if (code !== 0 && code !== 3) throw new Error(`handbook-lint run ${corpus.name} exited ${code}`);
    return (JSON.parse(readFileSync(out, 'utf8')) as { findings: JudgedFinding[] }).findings;
  } finally {
    rmSync(join(out, '..'), { recursive: true, force: true });
    if (dir !== corpus.root) rmSync(join(dir, '..'), { recursive: true, force: true });
  }
}

/** One rule on one corpus, measured against the labels. */
export interface RuleScore {
  corpus: string;
  rule: string;
  findings: number;
  right: number;
  wrong: number;
  artefacts: number;
  misses: number;
  found: number;
  /** Labelled right, but no finding any more: a real problem the rule stopped reporting. */
  lost: Label[];
  unlabelled: JudgedFinding[];
}

export const labelled = (s: Pick<RuleScore, 'right' | 'wrong'>): number => s.right + s.wrong;
/** Share of labelled findings that are right; undefined with no labels. */
export const precision = (s: Pick<RuleScore, 'right' | 'wrong'>): number | undefined =>
  labelled(s) === 0 ? undefined : s.right / labelled(s);
/** Share of labelled misses that are found; undefined with none. */
export const recall = (s: Pick<RuleScore, 'misses' | 'found'>): number | undefined =>
  s.misses === 0 ? undefined : s.found / s.misses;

/** Scores every rule that has a finding or a label on this corpus. */
export function score(
  corpus: string,
  findings: readonly JudgedFinding[],
  labels: { findings: Label[]; misses: Miss[] },
): RuleScore[] {
  const rules = new Set([
    ...findings.map((f) => f.ruleId),
    ...labels.findings.map((l) => l.rule),
    ...labels.misses.map((m) => m.rule),
  ]);
  return [...rules].sort().map((rule) => {
    const mine = findings.filter((f) => f.ruleId === rule);
    const ruleLabels = labels.findings.filter((l) => l.rule === rule);
    const ruleMisses = labels.misses.filter((m) => m.rule === rule);
    const s: RuleScore = {
      corpus,
      rule,
      findings: mine.length,
      right: 0,
      wrong: 0,
      artefacts: 0,
      misses: ruleMisses.length,
      found: 0,
      lost: [],
      unlabelled: [],
    };
    for (const finding of mine) {
      const label = ruleLabels.find((l) => describes(l, finding));
      if (label?.verdict === 'right') s.right++;
      else if (label?.verdict === 'wrong') s.wrong++;
      else if (label?.verdict === 'artefact') s.artefacts++;
      else s.unlabelled.push(finding);
    }
    s.found = ruleMisses.filter((m) => mine.some((f) => describes(m, f))).length;
    s.lost = ruleLabels.filter((l) => l.verdict === 'right' && !mine.some((f) => describes(l, f)));
    return s;
  });
}

/** Lints and scores each corpus in turn. */
export async function judge(main: Main, list: readonly Corpus[]): Promise<RuleScore[]> {
  const scores: RuleScore[] = [];
  for (const corpus of list)
    scores.push(...score(corpus.name, await lintCorpus(main, corpus), await loadLabels(corpus.labels)));
  return scores;
}

/** The same unlabelled findings for the same seed, whatever order the run produced them in. */
export function sample(findings: readonly JudgedFinding[], size: number, seed: string): JudgedFinding[] {
  const key = (f: JudgedFinding) => createHash('sha1').update(`${seed}:${f.fingerprint}`).digest('hex');
  return [...findings].sort((a, b) => key(a).localeCompare(key(b))).slice(0, size);
}

/** Per rule over all corpora. */
export function totals(scores: readonly RuleScore[]): RuleScore[] {
  const byRule = new Map<string, RuleScore>();
  for (const s of scores) {
    const t = byRule.get(s.rule) ?? {
      ...s,
      corpus: 'all',
      findings: 0,
      right: 0,
      wrong: 0,
      artefacts: 0,
      misses: 0,
      found: 0,
      lost: [],
      unlabelled: [],
    };
    t.findings += s.findings;
    t.right += s.right;
    t.wrong += s.wrong;
    t.artefacts += s.artefacts;
    t.misses += s.misses;
    t.found += s.found;
    t.lost = [...t.lost, ...s.lost];
    t.unlabelled = [...t.unlabelled, ...s.unlabelled];
    byRule.set(s.rule, t);
  }
  return [...byRule.values()].sort((a, b) => a.rule.localeCompare(b.rule));
}
