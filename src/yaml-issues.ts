// Schema problems (zod issues) of a config or rule file, placed at the YAML nodes they are about.
import type { z } from 'zod';
import { closest } from './closest.js';
import type { Diagnostic } from './errors.js';
import { diagnosticAt, offsetOf, type YamlFile } from './yaml-file.js';

/** A key that is likely meant instead of `key`: one edit away or so, or one it begins (`max-age` for `max-age-days`). */
function likelyKey(key: string, known: readonly string[]): string | undefined {
  return closest(key, known) ?? known.find((name) => name.startsWith(`${key}-`));
}

/** Problems of one file placed and listed one by one; the rest are counted. */
const MAX_ISSUES = 100;

/**
 * Maps schema issues onto the YAML nodes they are about: unknown keys point at the key itself, with
 * the likely one among `knownKeys` (the keys the schema takes at the top of `prefix`). Past
 * `MAX_ISSUES` they are counted: each is placed by reading the file's lines, and a rule file of
 * 150,000 wrong list items took minutes to report.
 */
export function issuesToDiagnostics(
  yaml: YamlFile,
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
  knownKeys: readonly string[] = [],
) {
  const found: { path: PropertyKey[]; key?: string; message: string }[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code !== 'unrecognized_keys') {
      const where = path.length ? `${path.map(String).join('.')}: ` : '';
      found.push({ path, message: `${where}${issue.message}` });
    } else
      for (const key of issue.keys) {
        const likely = issue.path.length ? undefined : likelyKey(key, knownKeys);
        found.push({
          path,
          key,
          message: `unknown key "${key}"${likely ? ` (did you mean "${likely}"?)` : ''}`,
        });
      }
  }
  const diagnostics: Diagnostic[] = found
    .slice(0, MAX_ISSUES)
    .map(({ path, key, message }) =>
      diagnosticAt(
        yaml,
        key === undefined ? offsetOf(yaml.doc, path) : offsetOf(yaml.doc, [...path, key], true),
        message,
      ),
    );
  const last = diagnostics.at(-1);
  if (last && found.length > MAX_ISSUES)
    diagnostics.push({
      ...last,
      message: `and ${found.length - MAX_ISSUES} more problems (fix those above first)`,
    });
  return diagnostics;
}
