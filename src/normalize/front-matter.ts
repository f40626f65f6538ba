import type { Root } from 'mdast';
import { type Document, isMap, LineCounter, parseDocument } from 'yaml';
import type { ParseProblem } from '../model/page.js';
import { DUPLICATE_KEY_MESSAGE, duplicateKeys } from '../yaml-keys.js';

/** Front matter as plain data plus any problem, so broken YAML becomes a finding instead of a crash. */
export interface FrontMatter {
  data: Record<string, unknown>;
  problem?: ParseProblem;
  /** Line (1-based) of each top-level key in the page, for finding positions. */
  keyLines: Record<string, number>;
}

/** Aliases resolved per front matter block; real pages use none, an alias bomb (billion laughs) uses millions. */
const MAX_ALIAS_COUNT = 100;

/**
 * The largest front matter read, as for config files: real pages write a few hundred bytes. The YAML
 * reader costs some 5 s and 450 MB a megabyte of flow collections, and more nested (4 MiB of `[` took
 * 68 s and 3.7 GB before it gave up on the stack).
 */
const FRONT_MATTER_CHARS = 1024 * 1024;

/** The first problem in the block, by position: a syntax error or a key written twice in one mapping. */
function firstError(doc: Document.Parsed): { pos: number; message: string } | undefined {
  const syntax = doc.errors[0];
  const duplicate = duplicateKeys(doc)[0];
  if (duplicate !== undefined && (syntax === undefined || duplicate < syntax.pos[0]))
    return { pos: duplicate, message: DUPLICATE_KEY_MESSAGE };
  return syntax && { pos: syntax.pos[0], message: syntax.message };
}

/** Reads the YAML front matter block of a parsed page, if any. */
export function readFrontMatter(tree: Root): FrontMatter {
  const node = tree.children[0];
  if (node?.type !== 'yaml') return { data: {}, keyLines: {} };
  const firstLine = (node.position?.start.line ?? 1) + 1;
  if (node.value.length > FRONT_MATTER_CHARS) {
    const at = { line: firstLine, column: 1 };
    return {
      data: {},
      keyLines: {},
      problem: {
        code: 'front-matter',
        message: `Front matter is ${Math.ceil(node.value.length / 1024)} KB; at most 1 MiB is read (keep data in a file of its own).`,
        position: { start: at, end: at },
      },
    };
  }
  const lineCounter = new LineCounter();
  // Not the library's warnings: a template's `title: {{ page.title }}` reads as a map used as a key,
  // and the library would print a Node warning into the user's terminal for it.
  // Keys written twice are found here, not by the library: its check is quadratic (yaml-keys.ts).
  const doc = parseDocument(node.value, {
    lineCounter,
    prettyErrors: false,
    logLevel: 'error',
    uniqueKeys: false,
  });
  const error = firstError(doc);
  if (error) {
    const at = lineCounter.linePos(error.pos);
    const message = error.message.split('\n')[0] ?? error.message;
    const line = firstLine + at.line - 1;
    return {
      data: {},
      keyLines: {},
      problem: {
        code: 'front-matter',
        message: `Front matter is not valid YAML: ${message}`,
        position: { start: { line, column: at.col }, end: { line, column: at.col } },
      },
    };
  }
  if (!isMap(doc.contents)) {
    if (doc.contents === null) return { data: {}, keyLines: {} };
    const line = firstLine;
    return {
      data: {},
      keyLines: {},
      problem: {
        code: 'front-matter',
        message: 'Front matter must be a mapping of keys to values.',
        position: { start: { line, column: 1 }, end: { line, column: 1 } },
      },
    };
  }
  const keyLines: Record<string, number> = {};
  for (const pair of doc.contents.items) {
    const key = pair.key as { value?: unknown; range?: [number, number, number] } | null;
    if (key && typeof key.value === 'string' && key.range) {
      keyLines[key.value] = firstLine + lineCounter.linePos(key.range[0]).line - 1;
    }
  }
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as Record<string, unknown>;
    return { data, keyLines };
  } catch (error) {
    // An alias bomb ("Excessive alias count") is refused by the YAML reader: a finding, not a crash.
    return {
      data: {},
      keyLines: {},
      problem: {
        code: 'front-matter',
        message: `Front matter cannot be read: ${(error as Error).message}`,
        position: { start: { line: firstLine, column: 1 }, end: { line: firstLine, column: 1 } },
      },
    };
  }
}
