import { existsSync } from 'node:fs';
import { z } from 'zod';
import { HandbookLintError } from '../../src/errors.js';
import { formatDiagnostics, issuesToDiagnostics, readYamlFile } from '../../src/yaml-file.js';

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

/** Reads `test/judgement/<corpus>.yml`; a corpus nobody has labelled yet has no labels. */
export async function loadLabels(file: string): Promise<LabelFile> {
  if (!existsSync(file)) return { findings: [], misses: [] };
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

/** Whether a label (or a labelled miss) is about this finding. */
export function describes(label: Label | Miss, finding: JudgedFinding): boolean {
  if (label.rule !== finding.ruleId) return false;
  if (label.page !== (finding.page.file ?? finding.page.path)) return false;
  if (label.line !== undefined && label.line !== finding.position?.start.line) return false;
  if (label.match === undefined) return true;
  return finding.message.includes(label.match) || (finding.excerpt ?? '').includes(label.match);
}
