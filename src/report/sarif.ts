import type { Finding, FindingPage } from '../model/finding.js';
import type { LintResult, RuleInfo } from '../model/result.js';
import type { Severity } from '../model/severity.js';
import { TOOL_HOMEPAGE, TOOL_NAME, TOOL_VERSION } from '../version.js';

/** Where Markdown pages live in the repository, so SARIF names files as code scanning does. */
export interface SarifOptions {
  /** The Markdown source root relative to the repository root, `/`-separated; '' when it is the root. */
  markdownRoot?: string;
  /** Told when results had to be left out (the log says so too), for a line on stderr. */
  warn?: (text: string) => void;
}

/** GitHub code scanning rejects a run with more results than this... */
export const SARIF_MAX_RESULTS = 25_000;
/** ...and a SARIF file larger than this (GitHub counts it compressed; uncompressed is the safe side). */
export const SARIF_MAX_BYTES = 10 * 1024 * 1024;

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The `partialFingerprints` key: versioned so a future change of the fingerprint can use a new key. */
export const SARIF_FINGERPRINT_KEY = 'handbookLint/v1';

const SARIF_SCHEMA =
  'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

const RESULT_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  error: 'error',
  warning: 'warning',
  info: 'note',
};

// Each path segment percent-encoded: a URI reference, never a raw file name with spaces or '#'.
function uriPath(...parts: string[]): string {
  return parts
    .flatMap((part) => part.split('/'))
    .filter(Boolean)
    .map(encodeURIComponent)
    .join('/');
}

function isMarkdown(page: FindingPage): page is FindingPage & { file: string } {
  return page.key.startsWith('markdown:') && page.file !== undefined;
}

// GitHub code scanning rejects a result without a physical location with a line, and rejects
// http(s) URIs ("unrecognized SARIF location URI scheme"). A wiki page therefore gets a
// repository-style path under its source name (`notion/Engineering/Decisions/...`) that code
// scanning shows as the alert's file, a logical location naming the page, and the link to the spot
// (page URL + heading anchor or block id) in the location's message.
function location(finding: Finding, options: SarifOptions) {
  const page = finding.page;
  const p = finding.position;
  // A whole-page finding points at line 1, where the title is: code scanning requires a startLine.
  const region = p
    ? {
        startLine: p.start.line,
        startColumn: p.start.column,
        endLine: p.end.line,
        endColumn: p.end.column,
      }
    : { startLine: 1 };
  if (isMarkdown(page)) {
    return {
      physicalLocation: {
        artifactLocation: { uri: uriPath(options.markdownRoot ?? '', page.file), uriBaseId: '%SRCROOT%' },
        region,
      },
    };
  }
  const source = page.key.slice(0, page.key.indexOf(':'));
  return {
    physicalLocation: { artifactLocation: { uri: uriPath(source, page.path) }, region },
    logicalLocations: [{ name: page.title, fullyQualifiedName: `${source}:${page.path}`, kind: 'resource' }],
    ...(page.url ? { message: { text: wikiLink(finding) } } : {}),
  };
}

// The since-last-run status in SARIF's words. Fixed findings are not listed as `absent` results:
// code scanning would raise them as alerts; it closes an alert when its result stops appearing.
const BASELINE_STATE = { new: 'new', open: 'unchanged' } as const;

const wikiLink = (finding: Finding) => finding.location?.url ?? finding.page.url;

function message(finding: Finding): string {
  // A wiki page's pseudo path is not clickable in code scanning: the message carries the address.
  return isMarkdown(finding.page) || !finding.page.url
    ? finding.message
    : `${finding.message} (${wikiLink(finding)})`;
}

function descriptor(rule: RuleInfo) {
  const fix = rule.fix ? ` How to fix: ${rule.fix}` : '';
  // A team's own rule without a `link` has no documentation page: its help is its description and fix.
  const docs = rule.url ? `\n\nRule documentation: ${rule.url}` : '';
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.description },
    fullDescription: { text: `${rule.description}${fix}` },
    ...(rule.url ? { helpUri: rule.url } : {}),
    help: {
      text: `${rule.description}${fix}${docs}`,
      markdown: `${rule.description}${rule.fix ? `\n\n**How to fix:** ${rule.fix}` : ''}${rule.url ? `\n\n[Rule documentation](${rule.url})` : ''}`,
    },
    defaultConfiguration: {
      level: RESULT_LEVEL[rule.level as Severity] ?? 'none',
      // A rule switched off in config is still described, so code scanning can tell it was not run.
      ...(rule.level === 'off' ? { enabled: false } : {}),
    },
  };
}

type SarifResult = ReturnType<typeof sarifResult>;

function sarifResult(
  f: Finding,
  ruleIndex: number | undefined,
  since: 'new' | 'open' | undefined,
  options: SarifOptions,
) {
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: RESULT_LEVEL[f.severity],
    message: { text: message(f) },
    locations: [location(f, options)],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: f.fingerprint },
    ...(since ? { baselineState: BASELINE_STATE[since] } : {}),
    // Code scanning takes no http(s) location: the wiki spot also goes in the result's property bag.
    ...(f.location ? { properties: { wikiLocation: f.location } } : {}),
  };
}

function sarifLog(result: LintResult, results: SarifResult[], notifications: object[]) {
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: TOOL_NAME,
            version: TOOL_VERSION,
            semanticVersion: TOOL_VERSION,
            informationUri: TOOL_HOMEPAGE,
            rules: result.rules.map(descriptor),
          },
        },
        invocations: [
          {
            executionSuccessful: true,
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        // mdast columns count UTF-16 code units, as JavaScript strings do.
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function capNotice(kept: number, total: number): string {
  return `SARIF lists the ${kept} most severe of ${total} results: GitHub code scanning accepts at most ${SARIF_MAX_RESULTS.toLocaleString('en-US')} results per run and files of at most 10 MB. The JSON report lists them all.`;
}

/**
 * How many of the results (most severe first) fit GitHub's limits in compact JSON: each result's
 * share of the file is its text plus a comma, measured once, so the cut costs one pass.
 */
function fitting(result: LintResult, ranked: SarifResult[], notifications: object[]): number {
  const notice = { level: 'warning', message: { text: capNotice(ranked.length, ranked.length) } };
  let bytes = Buffer.byteLength(JSON.stringify(sarifLog(result, [], [...notifications, notice]))) + 1;
  let n = 0;
  for (const r of ranked.slice(0, SARIF_MAX_RESULTS)) {
    bytes += Buffer.byteLength(JSON.stringify(r)) + 1;
    if (bytes > SARIF_MAX_BYTES) break;
    n++;
  }
  return n;
}

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers: one run, every rule described,
 * one result per finding with the finding's fingerprint, so alerts follow a problem across edits.
 * Beyond code scanning's limits (25,000 results, 10 MB) the log is written without indentation,
 * the most severe results are kept and a tool notification says how many were left out, rather
 * than GitHub refusing the whole upload.
 */
export function formatSarif(result: LintResult, options: SarifOptions = {}): string {
  const index = new Map(result.rules.map((rule, i) => [rule.id, i]));
  const status = result.history?.status;
  const results = result.findings.map((f) =>
    sarifResult(f, index.get(f.ruleId), status?.[f.fingerprint], options),
  );
  const notifications: object[] = [
    ...result.unreadable.map((page) => ({
      level: 'warning',
      message: { text: `Page could not be read: ${page.path}: ${page.reason}` },
    })),
    // The run's notices, by their code: SARIF's place for what a tool says of its own run.
    ...(result.notices ?? []).map((notice) => ({
      level: 'warning',
      message: { text: notice.message },
      descriptor: { id: `notice/${notice.code}` },
    })),
  ];
  // Past the count limit the whole log is never built: a huge crawl's would not even fit in a string.
  if (results.length <= SARIF_MAX_RESULTS) {
    const whole = `${JSON.stringify(sarifLog(result, results, notifications), null, 2)}\n`;
    if (Buffer.byteLength(whole) <= SARIF_MAX_BYTES) return whole;
  }
  // Array sort is stable: within a severity, results keep the findings' order.
  const ranked = results
    .map((r, i) => ({ r, rank: SEVERITY_RANK[(result.findings[i] as Finding).severity] }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ r }) => r);
  const kept = fitting(result, ranked, notifications);
  const text = capNotice(kept, results.length);
  options.warn?.(text);
  // Without indentation, which is half of a large log: as many results as the limits allow.
  const notice = { level: 'warning', message: { text } };
  return `${JSON.stringify(sarifLog(result, ranked.slice(0, kept), [...notifications, notice]))}\n`;
}
