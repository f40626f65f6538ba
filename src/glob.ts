import picomatch from 'picomatch';

const compiled = new Map<string, (path: string) => boolean>();

/** Whether a posix path matches a glob; compiled matchers are cached because globs repeat for every page. */
export function matchesGlob(path: string, glob: string): boolean {
  let matcher = compiled.get(glob);
  if (!matcher) {
    matcher = picomatch(glob, { dot: true });
    compiled.set(glob, matcher);
  }
  return matcher(path);
}

/** Whether a glob compiles, for config and rule validation. */
export function isValidGlob(glob: string): boolean {
  try {
    picomatch.makeRe(glob, { strictBrackets: true });
    return !/\[[^\]]*$/.test(glob) && !/\{[^}]*$/.test(glob);
  } catch {
    return false;
  }
}
