#!/usr/bin/env node
// Benchmarks handbook-lint against the established tools on the same input (see BENCHMARKS.md):
//   npm run bench [-- --only startup|markdownlint|links|scale] [--runs N] [--scale-runs N]
// --runs: timed runs per tool (default 5; 10 for startup, whose runs are short and noisy);
// --scale-runs: timed runs of the 100k-page and remark-at-10k scale measurements (default 1, they
// take minutes each). Where issue 18 sets a target, the ratio is printed with "ok" or "MISSED".
// Every measurement is a whole process (start-up included, as a user or CI sees it): wall clock
// from spawn to exit, and, when GNU time is installed, peak RSS and CPU time (user + system).
// Prints a Markdown table per benchmark and merges the results into bench/out/results.json.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT = join(ROOT, 'bench/out');
const CORPUS = resolve(ROOT, '../shared/corpora/sourcegraph-handbook');
const CLI = join(ROOT, 'dist/cli.js');
const GENERATOR = join(ROOT, 'bench/generate-handbook.mjs');
const BENCHMARKS = ['startup', 'markdownlint', 'links', 'scale'];
const SCALE_SIZES = [10_000, 100_000];
/** The wall ratio 100k / 10k pages (linear time) and issue 18's peak RSS bound at 100k pages. */
const SCALE_TARGET = { ratio: 12, rssMb: 800 };
/** Issue 18: handbook-lint / markdownlint-cli2 on sourcegraph-handbook, and on a one-page folder. */
const MARKDOWNLINT_TARGET = { wall: 0.6, cpu: 0.8 };
const STARTUP_TARGET = 1.2;

const { values: args } = parseArgs({
  options: {
    only: { type: 'string', multiple: true },
    runs: { type: 'string' },
    'scale-runs': { type: 'string', default: '1' },
  },
});
const only = args.only ?? BENCHMARKS;
for (const name of only)
  if (!BENCHMARKS.includes(name)) fail(`--only takes one of ${BENCHMARKS.join(', ')}; got "${name}"`);
const runs = positiveInt('--runs', args.runs ?? '5');
const startupRuns = positiveInt('--runs', args.runs ?? '10');
const scaleRuns = positiveInt('--scale-runs', args['scale-runs']);

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(2);
}

function positiveInt(name, value) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) fail(`${name} takes a whole number >= 1; got "${value}"`);
  return n;
}

/** The tools are run with this same Node, not whatever `node` is first on PATH (the bins say `env node`). */
const bin = (pkg, file) => [process.execPath, join(ROOT, 'node_modules', pkg, file)];
const version = (pkg) =>
  JSON.parse(readFileSync(join(ROOT, 'node_modules', pkg, 'package.json'), 'utf8')).version;

/** GNU time gives peak RSS and CPU time of the child; without it (or with busybox's) those are n/a. */
const GNU_TIME =
  spawnSync('/usr/bin/time', ['-f', '%M', '-o', '/dev/null', 'true']).status === 0 ? '/usr/bin/time' : null;

const scratch = join(tmpdir(), `handbook-lint-bench-${process.pid}`);
mkdirSync(scratch, { recursive: true });
process.on('exit', () => rmSync(scratch, { recursive: true, force: true }));

/**
 * Runs one process to completion. Its output goes to files, not pipes, so that reading it costs
 * this process nothing while the clock runs; `check` then reads them to verify the run did the work.
 */
async function measure(label, command, commandArgs, cwd) {
  const stdoutFile = join(scratch, `${label}.stdout`);
  const stderrFile = join(scratch, `${label}.stderr`);
  const timeFile = join(scratch, `${label}.time`);
  const [argv0, ...argv] = GNU_TIME
    ? [GNU_TIME, '-f', '%M %U %S', '-o', timeFile, command, ...commandArgs]
    : [command, ...commandArgs];
  const out = openSync(stdoutFile, 'w');
  const err = openSync(stderrFile, 'w');
  const start = process.hrtime.bigint();
  const code = await new Promise((done, error) => {
    spawn(argv0, argv, { cwd, stdio: ['ignore', out, err] })
      .on('error', error)
      .on('exit', (status, signal) => done(signal ? `signal ${signal}` : status));
  });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  closeSync(out);
  closeSync(err);
  const stdout = readFileSync(stdoutFile, 'utf8');
  const stderr = readFileSync(stderrFile, 'utf8');
  let rssMb = null;
  let cpuMs = null;
  if (GNU_TIME) {
    // The last line: GNU time puts "Command exited with non-zero status N" before it when the tool fails.
    const [rssKb, user, sys] = readFileSync(timeFile, 'utf8')
      .trim()
      .split('\n')
      .at(-1)
      .split(' ')
      .map(Number);
    rssMb = rssKb / 1024;
    cpuMs = (user + sys) * 1000;
  }
  return { ms, rssMb, cpuMs, code, stdout, stderr };
}

/**
 * A warm-up run (file cache, not counted) unless `warmUp` is false, then `count` timed runs. `check`
 * throws if a run did not lint what it should (wrong file count, crash), so a fast broken run is
 * never reported as fast; it returns the facts (files, findings) shown beside the timings.
 */
async function bench(tool, { command, args, cwd = ROOT, check, warmUp = true, count = runs }) {
  process.stderr.write(`  ${tool}: `);
  const samples = [];
  let facts;
  for (let i = warmUp ? -1 : 0; i < count; i++) {
    const sample = await measure(tool.replace(/\W+/g, '-'), command, args, cwd);
    facts = check(sample);
    if (i >= 0) samples.push(sample);
    process.stderr.write(i < 0 ? 'w ' : `${(sample.ms / 1000).toFixed(1)}s `);
  }
  process.stderr.write('\n');
  const all = (key) => samples.map((s) => s[key]);
  return {
    tool,
    command: [command, ...args].join(' ').replaceAll(ROOT, '').replaceAll(process.execPath, 'node'),
    ...facts,
    runs: samples.length,
    medianMs: median(all('ms')),
    minMs: Math.min(...all('ms')),
    maxMs: Math.max(...all('ms')),
    medianCpuMs: GNU_TIME ? median(all('cpuMs')) : null,
    peakRssMb: GNU_TIME ? Math.max(...all('rssMb')) : null,
  };
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function expectExit(sample, allowed, tool) {
  if (!allowed.includes(sample.code)) {
    throw new Error(`${tool} exited with ${sample.code}:\n${sample.stderr.slice(-2000)}`);
  }
}

/** The pages handbook-lint lints by default: *.md outside dot folders and node_modules. */
function markdownFiles(dir) {
  return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((entry) => {
    const parts = join(entry.parentPath, entry.name)
      .slice(dir.length + 1)
      .split('/');
    return (
      entry.isFile() &&
      entry.name.endsWith('.md') &&
      !parts.some((p) => p.startsWith('.') || p === 'node_modules')
    );
  }).length;
}

/** Runs handbook-lint and checks from its JSON report that it linted every page. */
function handbookLint(dir, pages, extra = []) {
  return {
    command: process.execPath,
    args: [CLI, 'run', dir, '--format', 'json', '--fail-on', 'never', ...extra],
    check(sample) {
      expectExit(sample, [0], 'handbook-lint');
      const { summary, findings } = JSON.parse(sample.stdout);
      if (summary.pages !== pages)
        throw new Error(`handbook-lint linted ${summary.pages} pages, expected ${pages}`);
      return { pages: summary.pages, findings: findings.length };
    },
  };
}

const seconds = (ms) => (ms === null ? 'n/a' : `${(ms / 1000).toFixed(2)} s`);
const megabytes = (mb) => (mb === null ? 'n/a' : `${Math.round(mb)} MB`);
const ratio = (a, b) => (a === null || b === null ? 'n/a' : `${(a / b).toFixed(2)}x`);
/** `a / b` against an upper bound: "0.55x (target <= 0.6x) ok", or MISSED. */
function against(a, b, max) {
  if (a === null || b === null) return `n/a (target <= ${max}x)`;
  const value = a / b;
  return `${value.toFixed(2)}x (target <= ${max}x) ${value <= max ? 'ok' : 'MISSED'}`;
}

function table(results) {
  const rows = results.map(
    (r) =>
      `| ${r.tool} | ${r.pages} | ${r.findings} | ${seconds(r.medianMs)} | ${seconds(r.minMs)} – ${seconds(r.maxMs)} | ${seconds(r.medianCpuMs)} | ${megabytes(r.peakRssMb)} |`,
  );
  return [
    '| tool | files | findings | median wall | min – max | median CPU (user+sys) | peak RSS |',
    '|---|---:|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

/**
 * markdownlint-cli2 with its default rules over `dir`'s `**\/*.md` outside dot folders and
 * node_modules, checked to have linted all `pages` files. Globs on the command line, config pinned
 * to markdownlint's defaults (written to the scratch folder): nothing is written into `dir`.
 */
function markdownlintCli2(dir, pages) {
  const config = join(scratch, '.markdownlint-cli2.jsonc');
  writeFileSync(config, JSON.stringify({ config: { default: true } }));
  const [node, mdl] = bin('markdownlint-cli2', 'markdownlint-cli2-bin.mjs');
  return {
    command: node,
    args: [mdl, '--config', config, '**/*.md', '#node_modules', '#**/.*/**'],
    cwd: dir,
    check(sample) {
      expectExit(sample, [0, 1], 'markdownlint-cli2'); // 1 means "issues found"
      const linted = Number(/Linting: (\d+) file/.exec(sample.stdout)?.[1]);
      if (linted !== pages) throw new Error(`markdownlint-cli2 linted ${linted} files, expected ${pages}`);
      const issues = Number(/Summary: (\d+) issue/.exec(sample.stdout)?.[1] ?? 0);
      return { pages: linted, findings: issues };
    },
  };
}

const MARKDOWNLINT = `markdownlint-cli2 ${version('markdownlint-cli2')}`;

/** Start-up: both tools on a folder of one small page, where loading the tool is nearly all the cost. */
async function benchStartup() {
  const dir = join(scratch, 'one-page');
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'index.md'),
    '# Handbook\n\nWelcome to the handbook. Ask in #help when something is unclear.\n\n## Contact\n\n- People team: people@example.com\n',
  );
  const results = [
    await bench('handbook-lint', { ...handbookLint(dir, 1), count: startupRuns }),
    await bench(MARKDOWNLINT, { ...markdownlintCli2(dir, 1), count: startupRuns }),
  ];
  return {
    title: 'Start-up: handbook-lint vs markdownlint-cli2 (a folder of one page)',
    results,
    ratios: {
      'wall (handbook-lint / markdownlint-cli2)': against(
        results[0].medianMs,
        results[1].medianMs,
        STARTUP_TARGET,
      ),
      'CPU (handbook-lint / markdownlint-cli2)': against(
        results[0].medianCpuMs,
        results[1].medianCpuMs,
        STARTUP_TARGET,
      ),
    },
  };
}

/** handbook-lint with all default rules vs markdownlint-cli2 with its default rules, same files. */
async function benchMarkdownlint() {
  const pages = markdownFiles(CORPUS);
  const results = [
    await bench('handbook-lint', handbookLint(CORPUS, pages)),
    await bench(MARKDOWNLINT, markdownlintCli2(CORPUS, pages)),
  ];
  return {
    title: `All default rules: handbook-lint vs markdownlint-cli2 (sourcegraph-handbook, ${pages} files)`,
    results,
    ratios: {
      'wall (handbook-lint / markdownlint-cli2)': against(
        results[0].medianMs,
        results[1].medianMs,
        MARKDOWNLINT_TARGET.wall,
      ),
      'CPU (handbook-lint / markdownlint-cli2)': against(
        results[0].medianCpuMs,
        results[1].medianCpuMs,
        MARKDOWNLINT_TARGET.cpu,
      ),
    },
  };
}

/** A config with every rule off but broken-link, made from `handbook-lint rules` so a new rule cannot sneak in. */
function linksOnlyConfig() {
  const listed = spawnSync(process.execPath, [CLI, 'rules'], { encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`handbook-lint rules failed:\n${listed.stderr}`);
  const ids = listed.stdout
    .split('\n')
    .map((line) => line.split(/\s+/)[0])
    .filter(Boolean);
  if (!ids.includes('broken-link')) return null;
  const file = join(OUT, 'links-only.yml');
  const levels = ids.map((id) => `  ${id}: ${id === 'broken-link' ? 'error' : '"off"'}`);
  writeFileSync(
    file,
    `# Written by bench/run.mjs: every rule off except broken-link.\nrules:\n${levels.join('\n')}\n`,
  );
  return file;
}

/** remark-cli + remark-validate-links over `dir`, checked to have processed all `pages` files. */
function remarkLinks(dir, pages) {
  const [node, remarkCli] = bin('remark-cli', 'cli.js');
  // An absolute plugin path, since remark resolves plugins from its working directory (the corpus).
  // repository:false: the corpus is not a git clone, and links to GitHub URLs are not what is compared.
  const plugin = `${join(ROOT, 'node_modules/remark-validate-links/index.js')}=repository:false`;
  return {
    command: node,
    // --no-stdout: report only, never write a file; '.*/' skips dot folders as handbook-lint does.
    args: [
      remarkCli,
      '.',
      '--use',
      plugin,
      '--ignore-pattern',
      '.*/',
      '--no-config',
      '--no-stdout',
      '--no-color',
    ],
    cwd: dir,
    check(sample) {
      expectExit(sample, [0], 'remark');
      // The reporter names every file once, with ": no issues found" when clean.
      const linted = sample.stderr
        .split('\n')
        .filter((line) => /^\S.*\.md(: no issues found)?$/.test(line)).length;
      if (linted !== pages) throw new Error(`remark processed ${linted} files, expected ${pages}`);
      return { pages: linted, findings: (sample.stderr.match(/remark-validate-links:/g) ?? []).length };
    },
  };
}

const REMARK = `remark-cli ${version('remark-cli')} + remark-validate-links ${version('remark-validate-links')}`;

/** handbook-lint's link check alone vs remark-cli + remark-validate-links, same files. */
async function benchLinks() {
  const pages = markdownFiles(CORPUS);
  const title = `Link check only: handbook-lint broken-link vs remark-validate-links (sourcegraph-handbook, ${pages} files)`;
  const config = linksOnlyConfig();
  if (!config) return { title, pending: 'handbook-lint has no broken-link rule yet' };
  const results = [
    await bench('handbook-lint (broken-link only)', handbookLint(CORPUS, pages, ['--config', config])),
    await bench(REMARK, remarkLinks(CORPUS, pages)),
  ];
  return {
    title,
    results,
    ratios: {
      'wall (handbook-lint / remark)': ratio(results[0].medianMs, results[1].medianMs),
      'CPU (handbook-lint / remark)': ratio(results[0].medianCpuMs, results[1].medianCpuMs),
    },
  };
}

/** Generates bench/out/handbook-N unless it is already there from the same generator source. */
function syntheticHandbook(pages) {
  const dir = join(OUT, `handbook-${pages}`);
  const stamp = join(dir, '.generated');
  const id = createHash('sha256').update(readFileSync(GENERATOR)).digest('hex') + pages;
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === id) return dir;
  process.stderr.write(`  generating ${pages} pages into ${dir}\n`);
  const made = spawnSync(process.execPath, [GENERATOR, String(pages), dir], { stdio: 'inherit' });
  if (made.status !== 0) throw new Error(`generate-handbook.mjs failed for ${pages} pages`);
  writeFileSync(stamp, id);
  return dir;
}

/**
 * Full handbook-lint runs on 10k and 100k synthetic pages (is time linear, memory bounded?), and
 * the link check alone against remark-validate-links at 10k (at 100k remark would take hours).
 */
async function benchScale() {
  // The files were just written or read by an earlier run, so they are in the page cache; a
  // warm-up run would add minutes at 100k pages for nothing. The smaller size is cheap, so it gets
  // --runs runs: the ratio then rests on a median, not on one run.
  const once = { warmUp: false, count: scaleRuns };
  const results = [];
  for (const pages of SCALE_SIZES) {
    const dir = syntheticHandbook(pages);
    const count = pages === SCALE_SIZES.at(-1) ? scaleRuns : runs;
    results.push(
      await bench(`handbook-lint, ${pages} pages`, { ...handbookLint(dir, pages), warmUp: false, count }),
    );
  }
  const [small, large] = results;
  const ratios = {
    [`wall ${SCALE_SIZES[1]} / ${SCALE_SIZES[0]} pages`]: against(
      large.medianMs,
      small.medianMs,
      SCALE_TARGET.ratio,
    ),
    // CPU time is less disturbed than wall time by other work on the machine.
    [`CPU ${SCALE_SIZES[1]} / ${SCALE_SIZES[0]} pages`]: ratio(large.medianCpuMs, small.medianCpuMs),
    [`peak RSS at ${SCALE_SIZES[1]} pages (target < ${SCALE_TARGET.rssMb} MB)`]:
      large.peakRssMb === null
        ? 'n/a'
        : `${megabytes(large.peakRssMb)} ${large.peakRssMb < SCALE_TARGET.rssMb ? 'ok' : 'MISSED'}`,
  };
  const config = linksOnlyConfig();
  if (config) {
    const pages = SCALE_SIZES[0];
    const dir = syntheticHandbook(pages);
    const links = [
      await bench(`handbook-lint (broken-link only), ${pages} pages`, {
        ...handbookLint(dir, pages, ['--config', config]),
        ...once,
      }),
      await bench(`${REMARK}, ${pages} pages`, { ...remarkLinks(dir, pages), ...once }),
    ];
    results.push(...links);
    ratios[`link check at ${pages} pages, wall (handbook-lint / remark)`] = ratio(
      links[0].medianMs,
      links[1].medianMs,
    );
  }
  return { title: 'Scale: synthetic handbooks (bench/generate-handbook.mjs)', results, ratios };
}

const machine = {
  cpu: `${cpus().length} x ${cpus()[0]?.model ?? 'unknown'}`,
  memoryGb: Math.round(totalmem() / 2 ** 30),
  node: process.version,
  gnuTime: Boolean(GNU_TIME),
  // Which handbook-lint was measured; "-dirty" means uncommitted changes were part of it.
  revision:
    spawnSync('git', ['describe', '--always', '--dirty'], { cwd: ROOT, encoding: 'utf8' }).stdout?.trim() ||
    'unknown',
};
console.log(
  `# handbook-lint benchmarks\n\nhandbook-lint ${machine.revision}; ${machine.cpu}, ${machine.memoryGb} GB, Node ${machine.node}; ${runs} runs per tool after 1 warm-up (start-up: ${startupRuns}), ${scaleRuns} of the long scale runs`,
);
if (!GNU_TIME) console.log('GNU time not found (apt-get install -y time): peak RSS and CPU time are n/a.');

mkdirSync(OUT, { recursive: true });
const resultsFile = join(OUT, 'results.json');
const saved = existsSync(resultsFile) ? JSON.parse(readFileSync(resultsFile, 'utf8')) : { benchmarks: {} };
const run = {
  startup: benchStartup,
  markdownlint: benchMarkdownlint,
  links: benchLinks,
  scale: benchScale,
};
let failed = false;
for (const name of only) {
  console.error(`\n${name}:`);
  // The load average shows whether something else was competing for the CPUs during the run.
  const load = loadavg()[0];
  let result;
  try {
    result = {
      ...(await run[name]()),
      load1m: Number(load.toFixed(2)),
      date: new Date().toISOString(),
      machine,
    };
  } catch (error) {
    failed = true;
    result = { title: name, error: error.message, date: new Date().toISOString(), machine };
  }
  saved.benchmarks[name] = result;
  console.log(`\n## ${result.title}\n`);
  if (result.error) console.log(`FAILED: ${result.error}`);
  else if (result.pending) console.log(`pending: ${result.pending}`);
  else {
    console.log(table(result.results));
    console.log('');
    for (const [what, value] of Object.entries(result.ratios)) console.log(`- ${what}: **${value}**`);
    if (load > cpus().length / 2)
      console.log(
        `- note: 1-minute load average was ${load.toFixed(2)} at the start; timings may be inflated`,
      );
  }
}
writeFileSync(resultsFile, `${JSON.stringify(saved, null, 2)}\n`);
console.log(`\nResults written to ${resultsFile.slice(ROOT.length)}`);
process.exitCode = failed ? 1 : 0;
