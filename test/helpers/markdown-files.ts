import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every Markdown file under `roots`; a root that is missing (no ../shared beside a clone) gives none. */
export function markdownFilesUnder(roots: readonly string[]): string[] {
  return roots.flatMap((root) => {
    try {
      return readdirSync(root, { recursive: true, encoding: 'utf8' })
        .filter((name) => /\.(?:md|mdx|markdown)$/.test(name))
        .map((name) => join(root, name));
    } catch {
      return [];
    }
  });
}
