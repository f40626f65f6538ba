import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { HandbookLintError } from '../../src/errors.js';
import { formatDiagnostics, readYamlFile } from '../../src/yaml-file.js';
import { issuesToDiagnostics } from '../../src/yaml-issues.js';

/** A finding as the JSON report gives it: the judge reads the machine format, not internal types. */
export interface JudgedFinding {
  ruleId: string;
  message: string;
  page: { file?: string; path: string };
  position: { start: { line: number } } | null;
  excerpt: string | null;
  fingerprint: string;
}

const target = {
  /** The page's file, relative to the corpus root. */
  page: z.string().min(1),
  rule: z.string().min(1),
  /** The finding's start line; leave out for findings about the whole page. */
  line: z.number().int().positive().optional(),
  /** Text the finding's message or excerpt contains, when a line holds several findings. */
  match: z.string().min(1).optional(),
  /** One line: why a maintainer would fix it (right) or dismiss it (wrong). */
  reason: z.string().min(3),
};

/**
 * right: its maintainer would fix it. wrong: its maintainer would dismiss it. artefact: true only of
 * the corpus as cut from its repository (a link into a folder that was not extracted), so it
 * judges neither way and counts in no precision.
 */
const labelSchema = z.strictObject({ ...target, verdict: z.enum(['right', 'wrong', 'artefact']) });
const missSchema = z.strictObject(target);

const fileSchema = z.strictObject({
  findings: z.array(labelSchema).default([]),
  misses: z.array(missSchema).default([]),
});

export type Label = z.infer<typeof labelSchema>;
export type Miss = z.infer<typeof missSchema>;
export type LabelFile = z.infer<typeof fileSchema>;

async function loadLabelFile(file: string): Promise<LabelFile> {
  const { yaml, diagnostics } = await readYamlFile(file);
  if (!yaml) throw new HandbookLintError('CONFIG_INVALID', formatDiagnostics(diagnostics));
  const parsed = fileSchema.safeParse(yaml.doc.toJS() ?? {});
  if (!parsed.success) {
    throw new HandbookLintError(
      'CONFIG_INVALID',
      formatDiagnostics(issuesToDiagnostics(yaml, parsed.error.issues)),
    );
  }
  return parsed.data;
}

/**
 * Reads `test/judgement/<corpus>.yml` and any `<corpus>.<topic>.yml` beside it (labels kept by
 * topic, so people labelling different rules never edit the same file); none means no labels yet.
 */
export async function loadLabels(file: string): Promise<LabelFile> {
  const stem = basename(file, '.yml');
  const folder = dirname(file);
  const topics = existsSync(folder)
    ? readdirSync(folder).filter(
        (name) => name !== `${stem}.yml` && name.startsWith(`${stem}.`) && name.endsWith('.yml'),
      )
    : [];
  const files = [file, ...topics.sort().map((name) => join(folder, name))].filter((f) => existsSync(f));
  const all: LabelFile = { findings: [], misses: [] };
  for (const f of files) {
    const labels = await loadLabelFile(f);
    all.findings.push(...labels.findings);
    all.misses.push(...labels.misses);
  }
  return all;
}

/** Whether a label (or a labelled miss) is about this finding. */
export function describes(label: Label | Miss, finding: JudgedFinding): boolean {
  if (label.rule !== finding.ruleId) return false;
  if (label.page !== (finding.page.file ?? finding.page.path)) return false;
  if (label.line !== undefined && label.line !== finding.position?.start.line) return false;
  if (label.match === undefined) return true;
  return finding.message.includes(label.match) || (finding.excerpt ?? '').includes(label.match);
}
