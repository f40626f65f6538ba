import { CHECK_KINDS } from './checks/index.js';
import type { ActiveRule } from './load.js';

/**
 * An active rule as plain data, its check kind named instead of held: what a worker thread is
 * given, so it neither reads nor validates the rule files again.
 */
export type PortableRule = Omit<ActiveRule, 'kind'> & { check: string };

export function toPortable(rules: readonly ActiveRule[]): PortableRule[] {
  return rules.map(({ kind, ...rule }) => ({ ...rule, check: kind.name }));
}

export function fromPortable(rules: readonly PortableRule[]): ActiveRule[] {
  return rules.map(({ check, ...rule }) => {
    const kind = CHECK_KINDS[check];
    if (!kind) throw new Error(`Rule ${rule.id}: no check kind "${check}" in this build`);
    return { ...rule, kind };
  });
}
