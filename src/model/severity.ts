/** How much a finding matters; rules set it, config can change it. */
export type Severity = 'error' | 'warning' | 'info';

/** A rule level as config may write it: a severity, or off. */
export type Level = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
export const LEVELS: readonly Level[] = ['error', 'warning', 'info', 'off'];

const RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** True when `severity` is at least as serious as `threshold`, for --fail-on and comment levels. */
export function atLeast(severity: Severity, threshold: Severity): boolean {
  return RANK[severity] >= RANK[threshold];
}
