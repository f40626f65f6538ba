import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, posix, relative, resolve, sep } from 'node:path';
import picomatch from 'picomatch';

/**
 * Where GitHub looks for CODEOWNERS, in its order, then GitLab's own place (GitLab reads the root, `docs/`,
 * then `.gitlab/`): the first one found is the only one used.
 */
const LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS', '.gitlab/CODEOWNERS'];
/**
 * A GitLab section header (`[Docs] @docs-team`, `^[Optional][2] @a`): its owners are the default of the
 * section's patterns that name none. GitHub reads no `[` range, so no pattern of its starts so. Exported
 * for the static ReDoS check.
 */
export const GITLAB_SECTION = /^\^?\[[^\]]*\](?:\[\d+\])?(.*)$/;

interface OwnerRule {
  matches: (path: string) => boolean;
  owners: string[];
}

/** Owners of paths by CODEOWNERS rules; the last matching line wins, as on GitHub. */
export type Codeowners = (path: string) => string | undefined;

/**
 * A CODEOWNERS pattern as globs, with gitignore's meaning: a leading or inner `/` anchors it to the
 * root, else it matches at any depth; a name also matches everything below it when it is a folder.
 */
export function patternGlobs(pattern: string): string[] {
  const trimmed = pattern.replace(/\/+$/, '');
  const anchored = trimmed.includes('/');
  const body = trimmed.replace(/^\//, '');
  const glob = anchored ? body : `**/${body}`;
  if (body === '*' || body === '**') return ['**'];
  // `docs/*` means files directly in docs, so only globs that end in a name reach into a folder.
  return body.endsWith('*') ? [glob] : [glob, `${glob}/**`];
}

/** Parses CODEOWNERS text; a pattern with no owners (and no GitLab section default) makes its paths unowned again. */
export function parseCodeowners(text: string): Codeowners {
  const rules: OwnerRule[] = [];
  let sectionOwners: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim();
    if (!line) continue;
    const section = GITLAB_SECTION.exec(line);
    if (section) {
      sectionOwners = (section[1] ?? '').split(/\s+/).filter(Boolean);
      continue;
    }
    const [pattern, ...named] = line.split(/\s+/);
    if (!pattern) continue;
    const owners = named.length ? named : sectionOwners;
    const matchers = patternGlobs(pattern).map((glob) => picomatch(glob, { dot: true }));
    rules.push({ matches: (path) => matchers.some((m) => m(path)), owners });
  }
  return (path) => {
    for (let i = rules.length - 1; i >= 0; i--) {
      const rule = rules[i];
      if (rule?.matches(path)) return rule.owners.length ? rule.owners.join(', ') : undefined;
    }
    return undefined;
  };
}

/** The top of the git checkout around `root` (the nearest folder above it holding `.git`), if any. */
function checkoutAbove(root: string): string | undefined {
  let folder = dirname(resolve(root));
  for (;;) {
    if (existsSync(join(folder, '.git'))) return folder;
    const up = dirname(folder);
    if (up === folder) return undefined;
    folder = up;
  }
}

/**
 * The handbook's CODEOWNERS (paths relative to the handbook root): one among `files`, or, when the
 * handbook is a folder of a git checkout (a site's `docs/` or `source/`), the repository's own, whose
 * patterns are read from the checkout's top as GitHub reads them.
 */
export async function readCodeowners(
  root: string,
  files: ReadonlySet<string>,
): Promise<Codeowners | undefined> {
  const location = LOCATIONS.find((l) => files.has(l));
  if (location) return parseCodeowners(await readFile(join(root, location), 'utf8'));
  if (existsSync(join(root, '.git'))) return undefined;
  const top = checkoutAbove(root);
  const above = top && LOCATIONS.map((l) => join(top, l)).find((file) => existsSync(file));
  if (!top || !above) return undefined;
  const owners = parseCodeowners(await readFile(above, 'utf8'));
  const prefix = relative(top, resolve(root)).split(sep).join(posix.sep);
  return (path) => owners(posix.join(prefix, path));
}
