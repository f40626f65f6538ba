import { readFile } from 'node:fs/promises';
import {
  type Document,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
} from 'yaml';
import type { z } from 'zod';
import type { Diagnostic } from './errors.js';

/** A YAML file parsed with positions kept, so every later error can say file:line:col. */
export interface YamlFile {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** Reads and parses a YAML file; syntax errors come back as diagnostics, not exceptions. */
export async function readYamlFile(file: string): Promise<{ yaml?: YamlFile; diagnostics: Diagnostic[] }> {
  const text = await readFile(file, 'utf8');
  return parseYamlText(file, text);
}

/** Parses YAML text that came from `file`; split out so tests and examples need no disk. */
export function parseYamlText(file: string, text: string): { yaml?: YamlFile; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const yaml = { file, text, doc, lineCounter };
  const diagnostics = doc.errors.map((error) =>
    diagnosticAt(yaml, error.pos[0], `YAML syntax: ${error.message.split('\n')[0] ?? error.message}`),
  );
  return diagnostics.length ? { diagnostics } : { yaml, diagnostics };
}

/** A diagnostic at a character offset of the file, with the offending line as a snippet. */
export function diagnosticAt(
  yaml: Pick<YamlFile, 'file' | 'text' | 'lineCounter'>,
  offset: number,
  message: string,
) {
  const { line, col } = yaml.lineCounter.linePos(offset);
  const snippet = yaml.text.split('\n')[line - 1];
  return { file: yaml.file, line, column: col, message, ...(snippet !== undefined ? { snippet } : {}) };
}

function nodeAt(doc: Document.Parsed, path: readonly PropertyKey[], wantKey: boolean): Node | undefined {
  let node: unknown = doc.contents;
  let keyNode: unknown;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === segment);
      if (!pair) break;
      keyNode = pair.key;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      node = node.items[segment];
      keyNode = node;
    } else break;
  }
  const found = wantKey ? keyNode : node;
  return isNode(found) ? found : isNode(node) ? node : undefined;
}

/** The offset of the value (or key) at `path` in the document; the document start when absent. */
export function offsetOf(doc: Document.Parsed, path: readonly PropertyKey[], wantKey = false): number {
  return nodeAt(doc, path, wantKey)?.range?.[0] ?? 0;
}

/**
 * A diagnostic at the value (or key) at `path` of a YAML file, for checks made after it was read;
 * a config given on the command line has no file to point into.
 */
export function diagnosticAtPath(
  yaml: YamlFile | undefined,
  path: readonly PropertyKey[],
  message: string,
  atKey = true,
): Diagnostic {
  if (!yaml) return { file: '(command line)', line: 1, column: 1, message };
  return diagnosticAt(yaml, offsetOf(yaml.doc, path, atKey), message);
}

/** Maps schema issues onto the YAML nodes they are about: unknown keys point at the key itself. */
export function issuesToDiagnostics(
  yaml: YamlFile,
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
) {
  const diagnostics: Diagnostic[] = [];
  for (const issue of issues) {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        diagnostics.push(
          diagnosticAt(yaml, offsetOf(yaml.doc, [...path, key], true), `unknown key "${key}"`),
        );
      }
      continue;
    }
    const where = path.length ? `${path.map(String).join('.')}: ` : '';
    diagnostics.push(diagnosticAt(yaml, offsetOf(yaml.doc, path), `${where}${issue.message}`));
  }
  return diagnostics;
}

/** Formats diagnostics as `file:line:col  message` with the line and a caret under it. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const head = `${d.file}:${d.line}:${d.column}  ${d.message}`;
      if (d.snippet === undefined) return head;
      return `${head}\n    ${d.snippet}\n    ${' '.repeat(Math.max(0, d.column - 1))}^`;
    })
    .join('\n');
}
