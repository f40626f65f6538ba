/** What a `sections` rule saw on one record of a folder (src/rules/folder-template.ts records it). */
export interface SectionRecord {
  /** The page's key. */
  key: string;
  /** The family the rule took the record for; none: the rule's own `sections` judged it. */
  family?: string;
  /** Headings of the rule's own `sections` the record has, under any of their names. */
  writes: string[];
  /** Headings of its family's sections the record has. */
  familyWrites?: string[];
  /** The folder's template page, not a record. */
  template?: true;
  /** A template page of the rule's sections that tells its authors to delete those that do not apply (deletable-sections.ts). */
  deletable?: true;
}
