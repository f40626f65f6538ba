import { type Dirent, existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, posix, relative, sep } from 'node:path';
import { matchesGlob } from './glob.js';
import { DepthStop, MAX_FOLDER_DEPTH, readSiteFile, withinRoot } from './site-front-matter.js';

/** The files Sphinx builds documents from (reStructuredText; Markdown through recommonmark or MyST). */
const SOURCE = /\.(?:rst|md|markdown|txt|ipynb)$/i;
/** Folders Sphinx builds no document from: hidden ones, its output and its static files and templates. */
const NOT_CONTENT = /^(?:\.|node_modules$|_build$|_static$|_templates$)/;
/**
 * The most `:glob:` patterns a site's toctrees may write, and the most tests of a document's name against
 * them (patterns times documents, some 70 ns each): each pattern is tested against every document, so an
 * `index.rst` of 130,000 patterns (a mebibyte) over 10,000 files cost minutes before the crawl, and each such
 * file as much again. Real sites write a few. Past either bound the toctrees are not read: the site is linted
 * as one whose generator's navigation is unknown, never with a sidebar read in part.
 */
const MAX_GLOBS = 10_000;
const MAX_GLOB_TESTS = 20_000_000;

/** A toctree directive in reStructuredText, on its own line once indentation is cut. Exported for the static ReDoS check. */
export const RST_TOCTREE = /^\.\.[ \t]+toctree::[ \t]*$/;
/** The opening fence of a MyST toctree (```{toctree} or :::{toctree}). Exported for the static ReDoS check. */
export const MYST_TOCTREE = /^(`{3,}|:{3,})[ \t]*\{toctree\}/;
/** A titled entry's target: `Setting up <setup>`. Exported for the static ReDoS check. */
export const TITLED_ENTRY = /<([^<>]+)>$/;
/**
 * A reStructuredText line whose indented block below is no content: a comment (`..` alone, or followed by
 * what is no directive, target, footnote or substitution) or a code directive. Exported for the static ReDoS check.
 */
export const RST_OPAQUE =
  /^\.\.(?:$|[ \t]+(?:(?![\w:.+-]+::|_|\[|\|)|(?:code-block|code|sourcecode|literalinclude)::))/;
/** A Markdown code fence's opening: its marks and what follows. Exported for the static ReDoS check. */
export const FENCE = /^(`{3,}|~{3,})[ \t]*(\S*)/;

/**
 * The pages a Sphinx site's toctrees list: the `.. toctree::` directives of its reStructuredText files and
 * the `{toctree}` blocks of its MyST Markdown files, whose named entries (`team.md`, `setup`, `Setup <setup>`)
 * and `:glob:` patterns (`*`, `tech/*`) are read relative to the file holding them (`/x` from the source
 * folder). A document in any toctree is in the sidebar Sphinx builds; one in none is the orphan Sphinx itself
 * warns about. The site is the folder holding `conf.py` (or its `source/`), or one whose `index.rst` holds a
 * toctree (the root document sphinx-quickstart writes; `conf.py` may be kept elsewhere, `sphinx-build -c`).
 * Only the directive's options and entries are read, line by line: no reStructuredText parser. Undefined
 * when `folder` holds no Sphinx site or lies outside the lint root, or (told to `onNotice`) past the glob bounds.
 */
export function sphinxNavigation(
  root: string,
  folder: string,
  onNotice?: (notice: string) => void,
): string[] | undefined {
  const source = sphinxSource(folder);
  if (source === undefined || !withinRoot(root, source)) return undefined;
  const fromRoot = relative(root, source).split(sep).join(posix.sep);
  if (fromRoot.startsWith('..') || isAbsolute(fromRoot)) return undefined;
  const docs = new Map<string, string[]>();
  const deep = new DepthStop();
  walk(
    source,
    '',
    0,
    (file) => {
      const name = docname(file);
      const files = docs.get(name);
      if (files) files.push(file);
      else docs.set(name, [file]);
    },
    deep,
  );
  deep.tell();
  const listed = new Set<string>();
  const globs = new Set<string>();
  for (const files of docs.values())
    for (const file of files) {
      const text = readSiteFile(join(source, file));
      const trees = file.endsWith('.rst')
        ? rstToctrees(text)
        : /\.(?:md|markdown)$/i.test(file)
          ? mystToctrees(text)
          : [];
      for (const tree of trees)
        for (const entry of tree.entries)
          listEntry(entry, tree.glob, posix.dirname(file), docs, listed, globs);
    }
  if (globs.size > MAX_GLOBS || globs.size * docs.size > MAX_GLOB_TESTS) {
    onNotice?.(
      `The Sphinx site in ${fromRoot || '.'} writes ${globs.size} \`:glob:\` patterns over ${docs.size} documents, past what is read (${MAX_GLOBS} patterns, ${MAX_GLOB_TESTS} tests of a name): its toctrees were not read, and its pages are judged as those of a site whose navigation is unknown.`,
    );
    return undefined;
  }
  for (const glob of globs)
    for (const [name, files] of docs) if (matchesGlob(name, glob)) for (const file of files) listed.add(file);
  return [...listed].map((file) => (fromRoot ? posix.join(fromRoot, file) : file));
}

/** The folder Sphinx builds from, if `folder` holds a Sphinx site. */
export function sphinxSource(folder: string): string | undefined {
  if (existsSync(join(folder, 'conf.py'))) return folder;
  if (existsSync(join(folder, 'source', 'conf.py'))) return join(folder, 'source');
  const index = join(folder, 'index.rst');
  return existsSync(index) && rstToctrees(readSiteFile(index)).length > 0 ? folder : undefined;
}

/** Every source file under `folder`, as a path from the source folder. */
function walk(
  folder: string,
  path: string,
  depth: number,
  add: (file: string) => void,
  deep: DepthStop,
): void {
  let entries: Dirent[];
  try {
    entries = readdirSync(join(folder, path), { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const below = path ? `${path}/${entry.name}` : entry.name;
    if (entry.isFile() && SOURCE.test(entry.name)) add(below);
    else if (entry.isDirectory() && !NOT_CONTENT.test(entry.name)) {
      if (depth < MAX_FOLDER_DEPTH) walk(folder, below, depth + 1, add, deep);
      else deep.stop(join(folder, below));
    }
  }
}

/** A document's name as toctrees write it: its path without the suffix. */
function docname(path: string): string {
  return path.replace(SOURCE, '');
}

interface Toctree {
  glob: boolean;
  entries: string[];
}

/**
 * The toctree directives of a reStructuredText file: after `.. toctree::`, the lines indented deeper than
 * the directive, its options (`:glob:`, `:maxdepth: 2`) and then its entries, up to the first line back at
 * the directive's indentation.
 */
function rstToctrees(text: string): Toctree[] {
  const trees: Toctree[] = [];
  let tree: Toctree | undefined;
  let indent = 0;
  // The indentation of a comment, code directive or literal block (`::` ending a paragraph) being passed over:
  // a toctree shown or commented out there lists nothing.
  let opaque: number | undefined;
  for (const line of text.split('\n')) {
    const content = line.trim();
    const depth = line.length - line.trimStart().length;
    if (opaque !== undefined && (content === '' || depth > opaque)) continue;
    opaque = undefined;
    if (tree && content !== '' && depth <= indent) tree = undefined;
    if (tree) {
      if (content === ':glob:') tree.glob = true;
      else if (content !== '' && !content.startsWith(':')) tree.entries.push(content);
    } else if (RST_TOCTREE.test(content)) {
      tree = { glob: false, entries: [] };
      trees.push(tree);
      indent = depth;
    } else if (RST_OPAQUE.test(content) || (content.endsWith('::') && !content.startsWith('..')))
      opaque = depth;
  }
  return trees;
}

/**
 * The `{toctree}` blocks of a MyST Markdown file: the fenced block's options (`:glob:` lines, or `glob: true`
 * in the block's own `---` front matter) and its entries, up to the closing fence. A code fence is passed
 * over (a toctree shown in one is an example); the reStructuredText of an `{eval-rst}` (MyST) or `eval_rst`
 * (recommonmark) block is read as a `.rst` file's.
 */
function mystToctrees(text: string): Toctree[] {
  const trees: Toctree[] = [];
  let tree: Toctree | undefined;
  let fence = '';
  let other: 'code' | string[] | undefined;
  const closes = (content: string) =>
    content.startsWith(fence) && content.replaceAll(fence[0] as string, '') === '';
  for (const line of text.split('\n')) {
    const content = line.trim();
    if (other !== undefined) {
      if (!closes(content)) {
        if (other !== 'code') other.push(line);
        continue;
      }
      if (other !== 'code') for (const nested of rstToctrees(other.join('\n'))) trees.push(nested);
      other = undefined;
      continue;
    }
    if (tree) {
      if (closes(content)) tree = undefined;
      else if (content === ':glob:' || /^glob:[ \t]*true$/i.test(content)) tree.glob = true;
      // An option is `name: value`; a titled entry may hold a colon too (`FAQ: common questions <faq>`).
      else if (
        content !== '' &&
        content !== '---' &&
        !content.startsWith(':') &&
        (TITLED_ENTRY.test(content) || !/^[\w-]+:[ \t]/.test(content))
      )
        tree.entries.push(content);
      continue;
    }
    const open = MYST_TOCTREE.exec(content);
    const code = open ? undefined : FENCE.exec(content);
    const info = code?.[2] ?? '';
    if (open) {
      fence = open[1] as string;
      tree = { glob: false, entries: [] };
      trees.push(tree);
    } else if (code && (!info.startsWith('{') || ['{code-block}', '{code}', '{eval-rst}'].includes(info))) {
      // A directive other than these (`{note}`) holds Markdown, whose toctrees are read.
      fence = code[1] as string;
      other = info === 'eval_rst' || info === '{eval-rst}' ? [] : 'code';
    }
  }
  return trees;
}

/**
 * Adds the files an entry of a toctree in `folder` names to `listed`, or its pattern (the toctree has `:glob:`)
 * to `globs`, matched once all are known and counted.
 */
function listEntry(
  written: string,
  glob: boolean,
  folder: string,
  docs: ReadonlyMap<string, string[]>,
  listed: Set<string>,
  globs: Set<string>,
): void {
  const entry = TITLED_ENTRY.exec(written)?.[1]?.trim() ?? written;
  // `self` is the document holding the toctree; a URL leaves the site.
  if (entry === 'self' || /^[a-z][a-z0-9+.-]*:/i.test(entry)) return;
  const path = entry.startsWith('/') ? posix.normalize(entry.slice(1)) : posix.join(folder, entry);
  if (path.startsWith('..')) return;
  if (glob && /[*?[]/.test(entry)) {
    globs.add(path);
    return;
  }
  for (const file of docs.get(docname(path)) ?? []) listed.add(file);
}
