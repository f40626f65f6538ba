/** A rule as reports describe it. */
export interface RuleInfo {
  id: string;
  level: string;
  description: string;
  fix?: string;
  /** Absent for a team's own rule that gives no `link`. */
  url?: string;
}
