import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defaultConfig, loadConfig } from '../src/config.js';
import { PARALLEL_MIN_PAGES } from '../src/parallel/pool.js';
import { formatJson } from '../src/report/json.js';
import { run } from '../src/run.js';
import { tempTree } from './helpers/cli.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const BUNDLE = join(REPO, 'action');
const NOW = '2026-11-22';
const exec = promisify(execFile);

const listing = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();

/** Runs the committed bundle as action.yml does: inputs and GitHub's files in the environment. */
async function runBundle(workspace: string, inputs: Record<string, string>) {
  const temp = tempTree({ 'output.txt': '', 'summary.md': '' });
  const env = {
    PATH: process.env.PATH,
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: join(temp, 'output.txt'),
    GITHUB_STEP_SUMMARY: join(temp, 'summary.md'),
    RUNNER_TEMP: temp,
    ...Object.fromEntries(Object.entries(inputs).map(([name, value]) => [`INPUT_${name}`, value])),
  };
  const child = exec(process.execPath, [join(BUNDLE, 'action.js')], { env, maxBuffer: 64 * 1024 * 1024 });
  const code = await child.then(
    () => 0,
    (error: { code: number }) => error.code,
  );
  const outputs = Object.fromEntries(
    readFileSync(join(temp, 'output.txt'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { code, outputs };
}

/** A handbook large enough that the linter reads it on worker threads. */
function largeHandbook(): string {
  const pages = PARALLEL_MIN_PAGES + 50;
  const files: Record<string, string> = { 'handbook/index.md': '# Handbook\n\n[First](p0.md)\n' };
  for (let i = 0; i < pages; i++) {
    files[`handbook/p${i}.md`] =
      `---\nowner: team-${i % 7}\n---\n# Page ${i}\n\nSee [next](p${i + 1}.md) and [a gone page](gone-${i % 3}.md).\n\n## Notes\n\nTBD\n`;
  }
  return tempTree(files);
}

describe("the GitHub Action's committed bundle (action/)", () => {
  it('is what `npm run bundle` builds from the current sources (run it and commit action/ when this fails)', async () => {
    const fresh = mkdtempSync(join(tmpdir(), 'handbook-lint-bundle-'));
    try {
      await exec(process.execPath, [join(REPO, 'scripts/bundle-action.mjs'), fresh], { cwd: REPO });
      expect(listing(BUNDLE)).toEqual(listing(fresh));
      for (const file of listing(fresh).filter((name) => name.endsWith('.js'))) {
        const same = readFileSync(join(BUNDLE, file)).equals(readFileSync(join(fresh, file)));
        expect(same, `action/${file}`).toBe(true);
      }
    } finally {
      rmSync(fresh, { recursive: true, force: true });
    }
  }, 120_000);

  it('runs with no install and no build: same findings as the sources on the example handbook', async () => {
    const { code, outputs } = await runBundle(REPO, { CONFIG: 'config.example.yml', NOW });
    const expected = await run(await loadConfig(join(REPO, 'config.example.yml')), { now: new Date(NOW) });
    expect(code).toBe(1);
    expect(Number(outputs.findings)).toBeGreaterThan(0);
    expect(outputs.errors).toBe(String(expected.findings.filter((f) => f.severity === 'error').length));
  }, 120_000);

  it('lints a large handbook on its bundled worker threads, byte-identical to the in-thread run', async () => {
    const workspace = largeHandbook();
    const { code, outputs } = await runBundle(workspace, { PATH: 'handbook', NOW, FAIL_ON: 'never' });
    expect(code).toBe(0);
    const inline = formatJson(await run(defaultConfig(join(workspace, 'handbook')), { now: new Date(NOW) }));
    expect(readFileSync(outputs['json-report'] ?? '', 'utf8')).toBe(inline);
  }, 180_000);
});
