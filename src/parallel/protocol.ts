import type { Config } from '../model/config.js';
import type { RawPage } from '../platforms/platform.js';
import type { PagePass } from '../rules/page-pass.js';
import type { PortableRule } from '../rules/portable.js';

/** What a worker is started with: the validated config (no YAML document), the loaded rules and the run's clock. */
export interface WorkerSetup {
  config: Omit<Config, 'yaml'>;
  rules: PortableRule[];
  now: Date;
}

/** Raw pages for one worker to convert and lint, in order. */
export interface BatchRequest {
  raws: RawPage[];
}

/** A worker's answer to one batch: a pass per raw page, in the same order. */
export type BatchReply = { passes: PagePass[] } | { error: string };
