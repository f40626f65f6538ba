import { TOOL_NAME } from './version.js';

/** The stages a run times, in pipeline order; page rules run inside `crawl` as pages stream in. */
export type Stage = 'crawl' | 'site' | 'rules' | 'coverage' | 'writeback' | 'report';

/**
 * Wall time of consecutive stages for the `--verbose` log line: each mark ends the stage that ran
 * since the previous mark, so the stages add up to the whole run.
 */
export class StageTimer {
  private last: number;
  private readonly spent: { stage: Stage; ms: number }[] = [];

  constructor(private readonly now: () => number = () => performance.now()) {
    this.last = now();
  }

  /** Ends `stage`; an arrow so it can be handed to run() as a callback. */
  readonly mark = (stage: Stage): void => {
    const time = this.now();
    this.spent.push({ stage, ms: time - this.last });
    this.last = time;
  };

  /** One line, e.g. `handbook-lint: crawl 1.2s (45 pages), site 0.0s, rules 0.1s, coverage 0.0s, report 0.0s`. */
  format(pages: number): string {
    const parts = this.spent.map(({ stage, ms }) => {
      const pageCount = stage === 'crawl' ? ` (${pages} page${pages === 1 ? '' : 's'})` : '';
      return `${stage} ${(ms / 1000).toFixed(1)}s${pageCount}`;
    });
    return `${TOOL_NAME}: ${parts.join(', ')}`;
  }
}
