import { matchesGlob } from '../glob.js';
import type { ScopeConfig } from './schema.js';
import type { TopicCoverage, TopicMatcher } from './topics.js';

/** The topics one folder (a team, a space) is expected to have; part of the JSON report. */
export interface ScopeCoverage {
  name: string;
  /** The folder (or breadcrumb) of this instance of an `each` scope; null for a scope taken as a whole. */
  folder: string | null;
  covered: number;
  expected: number;
  pass: boolean;
  topics: TopicCoverage[];
}

/** A scope with its folder globs compiled once per run. */
export interface ScopeMatcher {
  name: string;
  each: boolean;
  topics: TopicMatcher[];
  /** The shortest of `folders` (a page's ancestor folders, shortest first) the scope covers. */
  folderOf(folders: readonly string[]): string | undefined;
}

/** Compiles a scope; `teams/*` names the folders `teams/<x>`, with or without a trailing `/` or `/**`. */
export function compileScope(scope: ScopeConfig, topics: ReadonlyMap<string, TopicMatcher>): ScopeMatcher {
  const globs = scope.paths.map((g) => g.replace(/(\/\*\*)?\/*$/, '').toLowerCase());
  return {
    name: scope.name,
    each: scope.each,
    topics: scope.topics.flatMap((id) => topics.get(id) ?? []),
    folderOf(folders) {
      return folders.find((folder) => globs.some((g) => matchesGlob(folder.toLowerCase(), g)));
    },
  };
}

/** A page's ancestor folders, shortest first: `a/b/c.md` -> `a`, `a/b`. */
export function ancestorFolders(path: string): string[] {
  const segments = path.split('/').slice(0, -1);
  return segments.map((_, i) => segments.slice(0, i + 1).join('/'));
}
