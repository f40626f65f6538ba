import type { Config } from '../model/config.js';
import type { PagePass } from '../rules/page-pass.js';
import type { PortableRule } from '../rules/portable.js';
import type { MarkdownReadOptions, MarkdownTask } from '../sources/markdown.js';

/** What a worker is started with: the validated config (no YAML document), the loaded rules and the run's clock. */
export interface WorkerSetup {
  config: Omit<Config, 'yaml'>;
  rules: PortableRule[];
  source: MarkdownReadOptions;
  now: Date;
}

/** A batch of files for one worker. */
export interface BatchRequest {
  id: number;
  tasks: MarkdownTask[];
}

/** A worker's answer to one batch. */
export type BatchReply = { id: number; passes: PagePass[] } | { id: number; error: string };
