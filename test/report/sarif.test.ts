import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Finding, FindingPage } from '../../src/model/finding.js';
import { type LintResult, type RuleInfo, summarize } from '../../src/model/result.js';
import { formatSarif, SARIF_FINGERPRINT_KEY } from '../../src/report/sarif.js';
import { run } from '../../src/run.js';
import { runCli } from '../helpers/cli.js';

// The SARIF 2.1.0 schema as Microsoft's SARIF SDK validates with it (provenance in test/fixtures/README.md).
const SCHEMA = JSON.parse(
  readFileSync(fileURLToPath(new URL('../fixtures/sarif-2.1.0.schema.json', import.meta.url)), 'utf8'),
);
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(SCHEMA);

function expectValidSarif(text: string): SarifLog {
  const log = JSON.parse(text) as SarifLog;
  validate(log);
  expect(validate.errors ?? []).toEqual([]);
  return log;
}

interface SarifResult {
  ruleId: string;
  ruleIndex?: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation: {
      artifactLocation: { uri: string; uriBaseId?: string };
      region: { startLine: number; startColumn?: number; endLine?: number; endColumn?: number };
    };
    logicalLocations?: { name: string; fullyQualifiedName: string; kind: string }[];
    message?: { text: string };
  }[];
  partialFingerprints: Record<string, string>;
  baselineState?: string;
}

interface SarifLog {
  version: string;
  runs: {
    tool: {
      driver: { name: string; version: string; informationUri: string; rules: Record<string, unknown>[] };
    };
    invocations: { executionSuccessful: boolean; toolExecutionNotifications?: unknown[] }[];
    results: SarifResult[];
  }[];
}

const CONFIG = fileURLToPath(new URL('../../config.example.yml', import.meta.url));
const example = await run(await loadConfig(CONFIG), { now: new Date('2026-11-22T00:00:00Z') });

const RULES: RuleInfo[] = [
  {
    id: 'decision-status',
    level: 'error',
    description: 'A decision record states its status.',
    fix: 'Add a `Status:` line.',
    url: 'https://x.test/decision-status',
  },
  {
    id: 'stale-page',
    level: 'warning',
    description: 'Pages are reviewed.',
    url: 'https://x.test/stale-page',
  },
  { id: 'placeholder', level: 'off', description: 'No template text.', url: 'https://x.test/placeholder' },
];

const WIKI_PAGE: FindingPage = {
  key: 'confluence:98765',
  title: 'Use cursor pagination',
  url: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/98765',
  path: 'Engineering/Decisions/Use cursor pagination',
  file: 'Engineering/Decisions/Use cursor pagination',
};

const MD_PAGE: FindingPage = {
  key: 'markdown:teams/design/tokens #1.md',
  title: 'Tokens',
  url: 'teams/design/tokens #1.md',
  path: 'teams/design/tokens #1.md',
  file: 'teams/design/tokens #1.md',
};

function finding(page: FindingPage, ruleId: string, extra: Partial<Finding> = {}): Finding {
  return {
    ruleId,
    severity: 'warning',
    message: `${ruleId} problem`,
    page,
    fingerprint: `${ruleId}-${page.key.length}`,
    ...extra,
  };
}

const mixed: LintResult = (() => {
  const findings = [
    finding(WIKI_PAGE, 'decision-status', {
      severity: 'error',
      position: { start: { line: 3, column: 1 }, end: { line: 3, column: 14 } },
    }),
    finding(WIKI_PAGE, 'stale-page', { severity: 'info' }),
    finding(MD_PAGE, 'stale-page'),
  ];
  return {
    summary: summarize(findings, 2, 1),
    findings,
    rules: RULES,
    unreadable: [{ key: 'confluence:1', path: 'Engineering/Secret', reason: 'HTTP 403: no permission' }],
    history: {
      status: { 'decision-status-16': 'new', 'stale-page-16': 'open' },
      newCount: 1,
      openCount: 1,
      fixed: [],
      trends: [],
    },
  };
})();

describe('SARIF report', () => {
  it('validates against the SARIF 2.1.0 schema for the example handbook', () => {
    const log = expectValidSarif(formatSarif(example, { markdownRoot: 'examples/handbook' }));
    const [sarifRun] = log.runs;
    expect(sarifRun?.results).toHaveLength(example.findings.length);
    expect(sarifRun?.tool.driver).toMatchObject({
      name: 'handbook-lint',
      informationUri: expect.stringMatching(/^https:/),
    });
  });

  it('points Markdown results at the file from the repository root, with the finding span and fingerprint', () => {
    const log = expectValidSarif(formatSarif(example, { markdownRoot: 'examples/handbook' }));
    const results = log.runs[0]?.results ?? [];
    const status = results.find(
      (r) => r.ruleId === 'decision-status' && r.locations[0]?.physicalLocation.region.startColumn,
    );
    expect(status?.locations[0]?.physicalLocation).toEqual({
      artifactLocation: {
        uri: 'examples/handbook/decisions/0004-weekly-update-format.md',
        uriBaseId: '%SRCROOT%',
      },
      region: { startLine: 4, startColumn: expect.any(Number), endLine: 4, endColumn: expect.any(Number) },
    });
    const source = example.findings.find((f) => f.ruleId === 'decision-status' && f.position);
    expect(status?.partialFingerprints).toEqual({ [SARIF_FINGERPRINT_KEY]: source?.fingerprint });
    // A whole-page finding sits on line 1: code scanning needs a line.
    const orphan = results.find((r) => r.ruleId === 'orphan-page');
    expect(orphan?.locations[0]?.physicalLocation.region).toEqual({ startLine: 1 });
    // ruleIndex points at the rule's descriptor.
    const rules = log.runs[0]?.tool.driver.rules ?? [];
    expect(rules[orphan?.ruleIndex ?? -1]?.id).toBe('orphan-page');
    // No ledger comparison for a folder lint: no baselineState.
    expect(results.some((r) => 'baselineState' in r)).toBe(false);
  });

  it('validates with wiki page findings, unreadable pages and since-last-run status', () => {
    const log = expectValidSarif(formatSarif(mixed));
    const [status, stale, markdown] = log.runs[0]?.results ?? [];
    expect(status).toMatchObject({
      ruleId: 'decision-status',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'decision-status problem (https://acme.atlassian.net/wiki/spaces/ENG/pages/98765)' },
      baselineState: 'new',
    });
    expect(status?.locations[0]).toEqual({
      physicalLocation: {
        artifactLocation: { uri: 'confluence/Engineering/Decisions/Use%20cursor%20pagination' },
        region: { startLine: 3, startColumn: 1, endLine: 3, endColumn: 14 },
      },
      logicalLocations: [
        {
          name: 'Use cursor pagination',
          fullyQualifiedName: 'confluence:Engineering/Decisions/Use cursor pagination',
          kind: 'resource',
        },
      ],
      message: { text: 'https://acme.atlassian.net/wiki/spaces/ENG/pages/98765' },
    });
    expect(stale).toMatchObject({ level: 'note', baselineState: 'unchanged' });
    // File names are percent-encoded URI references.
    expect(markdown?.locations[0]?.physicalLocation.artifactLocation).toEqual({
      uri: 'teams/design/tokens%20%231.md',
      uriBaseId: '%SRCROOT%',
    });
    expect(log.runs[0]?.invocations[0]?.toolExecutionNotifications).toHaveLength(1);
  });

  it("validates with the run's notices as tool execution notifications, after the unreadable pages", () => {
    const notices = [
      { code: 'crawl' as const, message: '1 .mdx file (a.mdx) was not read' },
      { code: 'paths' as const, message: 'exclude: no file matches "x"' },
    ];
    const log = expectValidSarif(formatSarif({ ...mixed, notices }));
    const told = log.runs[0]?.invocations[0]?.toolExecutionNotifications as {
      message: { text: string };
      descriptor?: { id: string };
    }[];
    expect(told.map((n) => n.descriptor?.id)).toEqual([undefined, 'notice/crawl', 'notice/paths']);
    expect(told[1]?.message.text).toBe('1 .mdx file (a.mdx) was not read');
  });

  it('describes every rule with its fix as help, and marks rules switched off', () => {
    const rules = expectValidSarif(formatSarif(mixed)).runs[0]?.tool.driver.rules;
    expect(rules?.[0]).toEqual({
      id: 'decision-status',
      name: 'decision-status',
      shortDescription: { text: 'A decision record states its status.' },
      fullDescription: { text: 'A decision record states its status. How to fix: Add a `Status:` line.' },
      helpUri: 'https://x.test/decision-status',
      help: {
        text: 'A decision record states its status. How to fix: Add a `Status:` line.\n\nRule documentation: https://x.test/decision-status',
        markdown:
          'A decision record states its status.\n\n**How to fix:** Add a `Status:` line.\n\n[Rule documentation](https://x.test/decision-status)',
      },
      defaultConfiguration: { level: 'error' },
    });
    expect(rules?.[2]?.defaultConfiguration).toEqual({ level: 'none', enabled: false });
  });

  it('has a schema check that rejects what the schema forbids', () => {
    const log = JSON.parse(formatSarif(mixed));
    log.runs[0].results[0].level = 'fatal';
    log.runs[0].results[0].locations[0].physicalLocation.region.startLine = 0;
    expect(validate(log)).toBe(false);
    expect(validate.errors?.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining([
        '/runs/0/results/0/level',
        '/runs/0/results/0/locations/0/physicalLocation/region/startLine',
      ]),
    );
  });

  it('is what `--format sarif` prints, with paths from the repository root', async () => {
    const { code, stdout } = await runCli([
      'run',
      '--config',
      CONFIG,
      '--now',
      '2026-11-22',
      '--format',
      'sarif',
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe(formatSarif(example, { markdownRoot: 'examples/handbook' }));
  });
});
