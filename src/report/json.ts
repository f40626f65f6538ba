import type { Finding } from '../model/finding.js';
import type { LintResult } from '../model/result.js';
import { TOOL_NAME, TOOL_VERSION } from '../version.js';

/** Bumped on any incompatible change to the JSON report; documented in docs/json-report.md. */
export const JSON_SCHEMA_VERSION = 3;

/** Findings per piece of `jsonReport`: pieces of a few hundred KB, however many findings there are. */
const FINDINGS_PER_PIECE = 500;
/** How JSON.stringify(report, null, 2) indents an entry of the report's findings array. */
const ENTRY_INDENT = '    ';

function reportedFinding(f: Finding, result: LintResult) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: f.message,
    page: f.page,
    position: f.position
      ? {
          start: { line: f.position.start.line, column: f.position.start.column },
          end: { line: f.position.end.line, column: f.position.end.column },
        }
      : null,
    excerpt: f.excerpt ?? null,
    url: f.url ?? null,
    location: f.location ?? null,
    // Resolved after the crawl (page, parent page, folder index, CODEOWNERS, last editor): who acts on it.
    owner: f.page.owner ?? null,
    ownerSource: f.page.ownerSource ?? null,
    fingerprint: f.fingerprint,
    status: result.history?.status[f.fingerprint] ?? 'new',
  };
}

/** Everything but the findings, which come last. */
function reportHead(result: LintResult) {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    tool: { name: TOOL_NAME, version: TOOL_VERSION },
    summary: result.summary,
    rules: result.rules,
    unreadable: result.unreadable,
    // What the run told besides its findings (a part of the handbook left out, a setting that did nothing).
    notices: (result.notices ?? []).map(({ code, message }) => ({ code, message })),
    coverage: result.coverage ?? null,
    // Against the previous run in the ledger; a run without a ledger has no previous run, so all is new.
    history: {
      previousRun: result.history?.previousRun ?? null,
      new: result.history?.newCount ?? result.findings.length,
      open: result.history?.openCount ?? 0,
      fixed: result.history?.fixed.length ?? 0,
      accepted: result.accepted ?? { suppressed: 0, baselined: 0 },
      trends: result.history?.trends ?? [],
    },
    fixed: (result.history?.fixed ?? []).map((f) => ({
      ruleId: f.ruleId,
      severity: f.severity,
      message: f.message,
      page: f.page,
      firstSeen: f.firstSeen,
      fingerprint: f.fingerprint,
    })),
    findings: [],
  };
}

/**
 * The machine-readable report in pieces that join into `formatJson`'s text, so a report of
 * 100,000 pages is written without ever being one string (with the objects it is made from) in memory.
 */
export function* jsonReport(result: LintResult): Generator<string> {
  const head = JSON.stringify(reportHead(result), null, 2);
  const { findings } = result;
  if (!findings.length) {
    yield `${head}\n`;
    return;
  }
  // The head ends in `"findings": []\n}`: the entries go between the brackets, indented as in one stringify.
  yield `${head.slice(0, head.lastIndexOf('[]'))}[\n${ENTRY_INDENT}`;
  for (let from = 0; from < findings.length; from += FINDINGS_PER_PIECE) {
    const entries = findings
      .slice(from, from + FINDINGS_PER_PIECE)
      // A JSON text has no raw line breaks inside strings, so every line break is one to indent.
      .map((f) => JSON.stringify(reportedFinding(f, result), null, 2).replaceAll('\n', `\n${ENTRY_INDENT}`));
    yield `${from ? `,\n${ENTRY_INDENT}` : ''}${entries.join(`,\n${ENTRY_INDENT}`)}`;
  }
  yield '\n  ]\n}\n';
}

/** The machine-readable report: stable key order, no timestamps, so two runs on the same input are identical. */
export function formatJson(result: LintResult): string {
  return [...jsonReport(result)].join('');
}
