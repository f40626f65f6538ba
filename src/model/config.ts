import { extname } from 'node:path';
import type { CoverageConfig } from '../coverage/schema.js';
import type { TypeMatcher } from '../normalize/doc-type.js';
import type { OwnersConfig } from '../owners.js';
import type { PlatformSettings } from '../platforms/registry.js';
import type { PathOverride } from '../rules/engine.js';
import type { RuleSetting } from '../rules/settings.js';
import type { Suppression } from '../suppressions.js';
import type { WritebackConfig } from '../writeback/config.js';
import type { YamlFile } from '../yaml-file.js';

/** The report formats `--format` and `report.format` accept. */
export type ReportFormat = 'console' | 'compact' | 'json' | 'markdown' | 'sarif' | 'html';

const FORMAT_OF_EXTENSION: Readonly<Record<string, ReportFormat>> = {
  '.json': 'json',
  '.sarif': 'sarif',
  '.html': 'html',
  '.htm': 'html',
  '.md': 'markdown',
};

/** The format a report file's name asks for (`report.json`), for `-o` and `report.output` without a format. */
export function reportFormatOfFile(name: string | undefined): ReportFormat | undefined {
  const extension = extname(name ?? '').toLowerCase();
  return Object.hasOwn(FORMAT_OF_EXTENSION, extension) ? FORMAT_OF_EXTENSION[extension] : undefined;
}

/**
 * The validated config with paths resolved against the config file's folder: each stage's part is
 * typed beside that stage's schema, and stages read only their part.
 */
export interface Config extends PlatformSettings {
  file?: string;
  yaml?: YamlFile;
  /** Absolute path of the state file. */
  statePath: string;
  /** `state.max-shrink`: share of the ledger's pages a wiki listing may lose (0..1). */
  maxShrink: number;
  /** `state.history`: the run keeps a ledger even without a wiki or write-back. */
  keepHistory?: true;
  /** A run on some of the handbook's pages (cli/inputs.ts): what the others would show is not judged. */
  somePages?: true;
  /** Keys of the folder indexes a run on some pages reads for what its pages inherit, and never judges. */
  contextPages?: string[];
  documentTypes: Record<string, TypeMatcher>;
  ruleFolders: string[];
  rules: Record<string, RuleSetting>;
  overrides: PathOverride[];
  failOn: 'error' | 'warning' | 'never';
  /** `format` absent: the output file's name picks it, else console (cli/run.ts). */
  report: { format?: ReportFormat; output?: string };
  coverage: CoverageConfig;
  writeback: WritebackConfig;
  /** Absolute path of the baseline file, when one is configured. */
  baselinePath?: string;
  suppressions: Suppression[];
  owners: OwnersConfig;
}
