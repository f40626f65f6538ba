import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';

// npm's rule for package names, scoped or not.
const PACKAGE_NAME = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*$/;

/** A `rule-folders` entry as a folder, or why it names none. */
export type RuleFolder = { folder: string } | { problem: string };

/**
 * The folder a `rule-folders` entry names, relative to `base` (the config's folder): a path
 * (`./rules`, `/abs/rules`, or a folder that exists), else an installed npm package found the way
 * Node finds `require(name)` from `base`, whose package.json `handbook-lint.rules` field names the
 * folder (default: the package's `rules/` folder). Anything else is left as a path, for the loader
 * to report as a missing folder.
 */
export function ruleFolder(entry: string, base: string): RuleFolder {
  const path = resolve(base, entry);
  if (entry.startsWith('.') || isAbsolute(entry) || existsSync(path) || !PACKAGE_NAME.test(entry)) {
    return { folder: path };
  }
  const lookups = createRequire(join(base, 'package.json')).resolve.paths(entry) ?? [];
  const root = lookups
    .map((modules) => join(modules, entry))
    .find((dir) => existsSync(join(dir, 'package.json')));
  if (!root) {
    return { problem: `"${entry}" is neither a folder next to the config nor an installed npm package` };
  }
  return packageRules(entry, root);
}

function packageRules(name: string, root: string): RuleFolder {
  let manifest: { 'handbook-lint'?: { rules?: unknown } };
  try {
    manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  } catch (error) {
    return { problem: `package "${name}": cannot read its package.json (${(error as Error).message})` };
  }
  const field = manifest['handbook-lint']?.rules;
  if (field !== undefined && typeof field !== 'string') {
    return { problem: `package "${name}": "handbook-lint.rules" in its package.json must be a folder path` };
  }
  const folder = resolve(root, field ?? 'rules');
  if (!existsSync(folder)) {
    return {
      problem: `package "${name}" has no rule folder: set "handbook-lint": { "rules": "FOLDER" } in its package.json, or ship a rules/ folder`,
    };
  }
  return { folder };
}
