import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

const ROOT = new URL('../', import.meta.url);
const read = (file: string) => readFileSync(fileURLToPath(new URL(file, ROOT)), 'utf8');

type Yaml = Record<string, unknown>;

interface Step {
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}

interface Workflow {
  name: string;
  on: Yaml;
  permissions?: Record<string, string>;
  jobs: Record<string, { 'runs-on': string; steps: Step[] }>;
}

function parseYaml(text: string): unknown {
  const doc = parseDocument(text, { uniqueKeys: true });
  expect(doc.errors.map((e) => e.message)).toEqual([]);
  return doc.toJS();
}

/** The README's ```yaml blocks that are workflows (they have jobs). */
const workflows = [...read('README.md').matchAll(/^```yaml\n([\s\S]*?)^```$/gm)]
  .map((match) => parseYaml(match[1] ?? '') as Yaml)
  .filter((doc): doc is Yaml & Workflow => typeof doc === 'object' && doc !== null && 'jobs' in doc);

const action = parseYaml(read('action.yml')) as {
  inputs: Record<string, { description: string; default?: string }>;
  outputs: Record<string, { description: string; value: string }>;
  runs: { using: string; steps: Step[] };
};

const isOurAction = (step: Step) => step.uses?.startsWith('handbook-lint/handbook-lint@') ?? false;
const steps = (workflow: Workflow) => Object.values(workflow.jobs).flatMap((job) => job.steps);
const stepUsing = (workflow: Workflow, action: string) =>
  steps(workflow).find((s) => s.uses?.startsWith(`${action}@`));

describe('action.yml', () => {
  const lint = action.runs.steps.find((s) => s.id === 'lint');

  it('is a composite action on Node 22 that runs the committed bundle, installing and compiling nothing', () => {
    expect(action.runs.using).toBe('composite');
    expect(action.runs.steps[0]).toMatchObject({
      uses: 'actions/setup-node@v4',
      with: { 'node-version': 22 },
    });
    expect(action.runs.steps).toHaveLength(3);
    expect(action.runs.steps[2]).toMatchObject({
      uses: 'actions/upload-artifact@v4',
      with: { path: '${{ steps.lint.outputs.html-report }}' },
    });
    for (const step of action.runs.steps) expect(step.run ?? '').not.toMatch(/\b(npm|npx|tsc)\b/);
    expect(lint?.run).toBe('node "$GITHUB_ACTION_PATH/action/action.js"');
  });

  it('passes every input to the entry point as INPUT_*', () => {
    expect(Object.keys(action.inputs)).toEqual([
      'config',
      'path',
      'format',
      'fail-on',
      'dry-run',
      'accept-shrink',
      'full',
      'now',
      'report-dir',
      'dashboard-artifact',
    ]);
    const expected = Object.fromEntries(
      Object.keys(action.inputs).map((name) => [
        `INPUT_${name.toUpperCase().replace(/-/g, '_')}`,
        `\${{ inputs.${name} }}`,
      ]),
    );
    expect(lint?.env).toEqual(expected);
  });

  it('declares the outputs the entry point writes', () => {
    const names = [
      'errors',
      'warnings',
      'findings',
      'coverage',
      'json-report',
      'markdown-report',
      'sarif-report',
      'html-report',
    ];
    expect(Object.keys(action.outputs)).toEqual(names);
    for (const name of names) expect(action.outputs[name]?.value).toBe(`\${{ steps.lint.outputs.${name} }}`);
  });
});

describe("the README's example workflows", () => {
  it('are valid YAML workflows: a nightly one, one for pull requests and the smallest start', () => {
    expect(workflows.map((w) => Object.keys(w.on).sort())).toEqual([
      ['schedule', 'workflow_dispatch'],
      ['pull_request'],
      ['pull_request'],
    ]);
    for (const workflow of workflows) {
      expect(workflow.name).toEqual(expect.any(String));
      for (const job of Object.values(workflow.jobs)) {
        expect(job['runs-on']).toBe('ubuntu-latest');
        for (const step of job.steps) expect(step.uses ?? step.run).toEqual(expect.any(String));
      }
    }
  });

  it('use only the inputs and outputs action.yml declares', () => {
    for (const workflow of workflows) {
      const ours = steps(workflow).filter(isOurAction);
      expect(ours).toHaveLength(1);
      for (const name of Object.keys(ours[0]?.with ?? {})) expect(Object.keys(action.inputs)).toContain(name);
      const text = JSON.stringify(workflow);
      for (const [, id, output] of text.matchAll(/steps\.([\w-]+)\.outputs\.([\w-]+)/g)) {
        expect(id).toBe(ours[0]?.id);
        expect(Object.keys(action.outputs)).toContain(output);
      }
    }
  });

  it('nightly: keeps the ledger with actions/cache, keeps the reports, uploads SARIF, tokens from secrets', () => {
    const nightly = workflows[0] as Workflow;
    const schedule = nightly.on.schedule as { cron: string }[];
    expect(schedule[0]?.cron.split(' ')).toHaveLength(5);
    const restore = stepUsing(nightly, 'actions/cache/restore');
    const save = stepUsing(nightly, 'actions/cache/save');
    expect(restore?.with?.path).toBe('.handbook-lint/state.json\n.handbook-lint/state.cache.json\n');
    expect(save?.with?.path).toBe(restore?.with?.path);
    // A run-unique key (caches are immutable) restored by its prefix: the newest ledger wins.
    expect(restore?.with?.key).toContain('${{ github.run_id }}');
    expect(save?.with?.key).toBe(restore?.with?.key);
    expect(restore?.with?.key?.startsWith(restore.with['restore-keys'] ?? '-')).toBe(true);
    const lint = steps(nightly).find(isOurAction);
    expect(lint?.with?.['fail-on']).toBe('never');
    expect(lint?.env).toEqual({
      NOTION_TOKEN: '${{ secrets.NOTION_TOKEN }}',
      CONFLUENCE_EMAIL: '${{ secrets.CONFLUENCE_EMAIL }}',
      CONFLUENCE_TOKEN: '${{ secrets.CONFLUENCE_TOKEN }}',
    });
    expect(stepUsing(nightly, 'actions/upload-artifact')?.with?.path).toContain(
      'steps.lint.outputs.json-report',
    );
    expect(stepUsing(nightly, 'github/codeql-action/upload-sarif')?.with?.sarif_file).toBe(
      '${{ steps.lint.outputs.sarif-report }}',
    );
    expect(nightly.permissions?.['security-events']).toBe('write');
  });

  it('pull requests: fail on errors, with full history for edit dates', () => {
    const pr = workflows[1] as Workflow;
    expect(steps(pr).find(isOurAction)?.with).toEqual({ config: 'handbook-lint.yml', 'fail-on': 'error' });
    // The smallest start needs no config: a folder and the default rules.
    expect(steps(workflows[2] as Workflow).find(isOurAction)?.with).toEqual({ path: 'handbook' });
    for (const workflow of workflows) {
      expect(stepUsing(workflow, 'actions/checkout')?.with?.['fetch-depth']).toBe(0);
    }
  });
});
