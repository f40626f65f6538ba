import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { HandbookLintError } from './errors.js';
import { matchesGlob } from './glob.js';
import { compareText } from './model/compare.js';
import type { Finding } from './model/finding.js';
import { TOOL_NAME } from './version.js';
import { plural } from './words.js';
import { writeFileAtomically } from './write-file.js';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date like 2026-12-31')
  .refine((value) => !Number.isNaN(Date.parse(value)), { error: 'not a real date' });

/** `suppressions:` in the config: accepted findings with a reason, each until a date. */
export const suppressionsSchema = z
  .array(
    z.strictObject({
      /** A rule id, or `*` for every rule. */
      rule: z.string().min(1),
      /** A page key (`notion:<id>`, `markdown:<path>`) or a glob on the page's path. */
      page: z.string().min(1),
      reason: z.string().min(1),
      expires: isoDate,
    }),
  )
  .default([]);

/** One config suppression. */
export type Suppression = z.output<typeof suppressionsSchema>[number];

/** What accepting findings removed, and the suppressions that no longer apply. */
export interface Accepted {
  kept: Finding[];
  /** Fingerprints removed from the report (by a suppression or the baseline): never "fixed". */
  fingerprints: Set<string>;
  suppressed: number;
  baselined: number;
  /** One loud message per expired suppression. */
  notices: string[];
}

function matches(s: Suppression, f: Finding): boolean {
  if (s.rule !== '*' && s.rule !== f.ruleId) return false;
  return s.page === f.page.key || matchesGlob(f.page.file ?? f.page.path, s.page);
}

/** A suppression lasts through its expiry day. */
function expired(s: Suppression, now: Date): boolean {
  return now.getTime() >= Date.parse(`${s.expires}T00:00:00Z`) + 24 * 3_600_000;
}

/**
 * Removes the findings config suppressions accept; an expired suppression accepts nothing and
 * yields a notice every run until it is renewed or deleted, so it cannot silently hide a problem.
 */
function applySuppressions(
  findings: readonly Finding[],
  suppressions: readonly Suppression[],
  now: Date,
): Accepted {
  const active = suppressions.filter((s) => !expired(s, now));
  const notices = suppressions
    .filter((s) => expired(s, now))
    .map(
      (s) =>
        `suppression of ${s.rule} on ${s.page} expired on ${s.expires} ("${s.reason}"): its findings are reported again. Renew or remove it in the config.`,
    );
  const fingerprints = new Set<string>();
  const kept = findings.filter((f) => {
    if (!active.some((s) => matches(s, f))) return true;
    fingerprints.add(f.fingerprint);
    return false;
  });
  return { kept, fingerprints, suppressed: fingerprints.size, baselined: 0, notices };
}

/** The baseline file's format version. */
export const BASELINE_SCHEMA_VERSION = 1;

/**
 * The baseline file. It holds no timestamp or tool version and its findings are sorted (by page key,
 * rule, fingerprint, by code unit, not locale): regenerating it for the same findings writes the same
 * bytes, so it changes in review only when the accepted findings do.
 */
interface BaselineFile {
  schemaVersion: number;
  tool: { name: string };
  findings: BaselineEntry[];
}

/** One accepted finding. */
export interface BaselineEntry {
  fingerprint: string;
  ruleId: string;
  page: string;
}

/** Reads a baseline's entries; a missing or broken file is a clear error, never an empty baseline. */
export async function loadBaselineEntries(path: string): Promise<BaselineEntry[]> {
  let data: Partial<BaselineFile> | null;
  try {
    data = JSON.parse(await readFile(path, 'utf8')) as Partial<BaselineFile> | null;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new HandbookLintError(
      'CONFIG_INVALID',
      code === 'ENOENT'
        ? `Baseline file ${path} does not exist. Run \`${TOOL_NAME} baseline\` to accept today's findings.`
        : code
          ? `Baseline file ${path} cannot be read (${code}).`
          : `Baseline file ${path} is not valid JSON: ${(error as Error).message}`,
    );
  }
  // A newer version's baseline (committed by a team whose CI runs it) is not "no baseline" to an older one.
  const version = (data as Partial<BaselineFile> | null)?.schemaVersion;
  if (typeof version === 'number' && version > BASELINE_SCHEMA_VERSION && data?.tool?.name === TOOL_NAME)
    throw new HandbookLintError(
      'CONFIG_INVALID',
      `Baseline file ${path} was written by a newer ${TOOL_NAME} (schema ${version}; this one reads ${BASELINE_SCHEMA_VERSION}): upgrade ${TOOL_NAME}.`,
    );
  // Any JSON parses (`null`, a list, entries that are no objects): only a baseline's shape is read.
  const entry = (f: unknown) => typeof f === 'object' && f !== null && !Array.isArray(f);
  if (
    typeof data !== 'object' ||
    data === null ||
    data.schemaVersion !== BASELINE_SCHEMA_VERSION ||
    !Array.isArray(data.findings) ||
    !data.findings.every(entry)
  ) {
    throw new HandbookLintError(
      'CONFIG_INVALID',
      `Baseline file ${path} is not a ${TOOL_NAME} baseline (schema ${BASELINE_SCHEMA_VERSION}).`,
    );
  }
  return data.findings.map((f) => ({
    fingerprint: String(f.fingerprint),
    ruleId: String(f.ruleId),
    page: String(f.page),
  }));
}

/**
 * Removes the findings the baseline accepts, adding to what suppressions already accepted. Entries
 * of pages this run read that match no finding are told: fixed, or identified differently by a newer
 * version, whose findings would otherwise all come back as new without a word about the baseline.
 */
async function applyBaseline(
  accepted: Accepted,
  path: string,
  readable?: ReadonlySet<string>,
): Promise<Accepted> {
  const entries = await loadBaselineEntries(path);
  const baseline = new Set(entries.map((entry) => entry.fingerprint));
  const kept = accepted.kept.filter((f) => {
    if (!baseline.has(f.fingerprint)) return true;
    accepted.fingerprints.add(f.fingerprint);
    return false;
  });
  const unmatched = readable
    ? entries.filter((e) => readable.has(e.page) && !accepted.fingerprints.has(e.fingerprint)).length
    : 0;
  const notices = unmatched
    ? [
        ...accepted.notices,
        `${plural(unmatched, 'finding')} accepted by the baseline ${path} ${unmatched === 1 ? 'was' : 'were'} not found on the pages this run read: fixed, or identified differently since (as after an upgrade). Run \`${TOOL_NAME} baseline\` to refresh it.`,
      ]
    : accepted.notices;
  return { ...accepted, kept, baselined: accepted.kept.length - kept.length, notices };
}

/**
 * Writes a baseline accepting `findings` and the `kept` entries of an earlier baseline (those of pages
 * this run did not lint), atomically; returns how many it holds.
 */
export async function writeBaseline(
  path: string,
  findings: readonly Finding[],
  kept: readonly BaselineEntry[] = [],
): Promise<number> {
  const found = findings.map((f) => ({ fingerprint: f.fingerprint, ruleId: f.ruleId, page: f.page.key }));
  const entries = [...new Map([...kept, ...found].map((entry) => [entry.fingerprint, entry])).values()];
  entries.sort(
    (a, b) =>
      compareText(a.page, b.page) ||
      compareText(a.ruleId, b.ruleId) ||
      compareText(a.fingerprint, b.fingerprint),
  );
  const file: BaselineFile = {
    schemaVersion: BASELINE_SCHEMA_VERSION,
    tool: { name: TOOL_NAME },
    findings: entries,
  };
  await writeFileAtomically(path, `${JSON.stringify(file, null, 2)}\n`, 'baseline');
  return entries.length;
}

/**
 * Applies the config's suppressions, then the baseline (unless ignored). `beforeBaseline` is what
 * coverage judges: the baseline hides known findings from reports, not from the handbook's health.
 */
export async function acceptFindings(
  findings: readonly Finding[],
  config: { suppressions: readonly Suppression[]; baselinePath?: string; somePages?: true },
  options: { now: Date; forBaseline?: boolean; readable?: ReadonlySet<string> },
): Promise<Accepted & { beforeBaseline: Finding[] }> {
  const suppressed = applySuppressions(findings, config.suppressions, options.now);
  const useBaseline = config.baselinePath !== undefined && !options.forBaseline;
  // A run on some pages has rules off (orphans) whose entries it cannot match: it judges none.
  const readable = config.somePages ? undefined : options.readable;
  const accepted = useBaseline
    ? await applyBaseline(suppressed, config.baselinePath as string, readable)
    : suppressed;
  return { ...accepted, beforeBaseline: suppressed.kept };
}
