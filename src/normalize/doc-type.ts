import { matchesGlob } from '../glob.js';
import { compileRuleRegex } from '../rules/regex.js';

/** How config recognizes one document type; any matcher that hits classifies the page. */
export interface TypeMatcher {
  /** Folder names anywhere in the page's path (`decisions`, `adr`). */
  folders?: string[];
  /** Values of front matter / property `type` that mean this type (aliases). */
  frontMatter?: string[];
  /** Regular expressions tried against the title, case-insensitive. */
  titles?: string[];
  labels?: string[];
  /** Globs on the page's file or breadcrumb path. */
  paths?: string[];
}

/** The inputs a classification needs; sources fill them from their own metadata. */
export interface TypeSignals {
  path: string;
  title: string;
  labels: readonly string[];
  declaredType?: string;
}

/** Compiled matchers, built once per run so regexes are not recompiled per page. */
export type TypeClassifier = (signals: TypeSignals) => string | undefined;

/** Builds the classifier: a declared type wins (mapped through aliases), then matchers in config order. */
export function typeClassifier(matchers: Record<string, TypeMatcher>): TypeClassifier {
  const compiled = Object.entries(matchers).map(([type, m]) => ({
    type,
    folders: new Set((m.folders ?? []).map((f) => f.toLowerCase())),
    aliases: new Set([type, ...(m.frontMatter ?? [])].map((a) => a.toLowerCase())),
    titles: (m.titles ?? []).map((t) => compileRuleRegex(t, 'i')),
    labels: new Set((m.labels ?? []).map((l) => l.toLowerCase())),
    paths: m.paths ?? [],
  }));
  return (signals) => {
    const declared = signals.declaredType?.trim().toLowerCase();
    if (declared) return compiled.find((c) => c.aliases.has(declared))?.type ?? declared;
    const segments = signals.path.toLowerCase().split('/').slice(0, -1);
    const labels = signals.labels.map((l) => l.toLowerCase());
    for (const c of compiled) {
      if (segments.some((s) => c.folders.has(s))) return c.type;
      if (c.titles.some((re) => re.test(signals.title))) return c.type;
      if (labels.some((l) => c.labels.has(l))) return c.type;
      if (c.paths.some((glob) => matchesGlob(signals.path, glob))) return c.type;
    }
    return undefined;
  };
}
