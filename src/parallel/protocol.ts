import type { Config } from '../config.js';
import type { PagePass } from '../rules/page-pass.js';
import type { MarkdownTask } from '../sources/markdown.js';

/** What a worker is started with: the validated config (no YAML document) and the run's clock. */
export interface WorkerSetup {
  config: Omit<Config, 'yaml'>;
  root: string;
  now: Date;
}

/** A batch of files for one worker. */
export interface BatchRequest {
  id: number;
  tasks: MarkdownTask[];
}

/** A worker's answer to one batch. */
export type BatchReply = { id: number; passes: PagePass[] } | { id: number; error: string };
