import { readFile, stat } from 'node:fs/promises';
import {
  type Alias,
  type Document,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  type Node,
  parseDocument,
  visit,
} from 'yaml';
import type { Diagnostic } from './errors.js';
import { forTerminal } from './terminal.js';
import { type DecodedText, decodeText, notUtf8Message } from './text-bytes.js';
import { DUPLICATE_KEY_MESSAGE, duplicateKeys } from './yaml-keys.js';

/** A YAML file parsed with positions kept, so every later error can say file:line:col. */
export interface YamlFile {
  file: string;
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
  /** The document as plain data, aliases expanded. */
  data: unknown;
  /** Values never to print: credentials written into the file by mistake. */
  secrets: string[];
}

/**
 * The largest config or rule file read: hundreds of times a real one. Parsing keeps every node
 * with its position, and a 12 MB file took 85 s to parse (and far more memory than its size).
 */
const MAX_YAML_BYTES = 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

/** Why `file` cannot be read as a config or rule file, judged before reading it; undefined when it can. */
async function unreadable(file: string): Promise<string | undefined> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return 'is a folder, not a YAML file';
    if (!info.isFile()) return 'is not a regular file';
    if (info.size > MAX_YAML_BYTES)
      return `is ${megabytes(info.size)}; config and rule files may be at most 1 MB (is it the right file?)`;
    return undefined;
  } catch (error) {
    return `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
  }
}

/**
 * Reads and parses a YAML file; syntax errors, and a file that is no file or is far too large,
 * come back as diagnostics (at 1:1), not exceptions.
 */
export async function readYamlFile(file: string): Promise<{ yaml?: YamlFile; diagnostics: Diagnostic[] }> {
  const refused = await unreadable(file);
  if (refused) return { diagnostics: [{ file, line: 1, column: 1, message: refused }] };
  let decoded: DecodedText;
  try {
    decoded = decodeText(await readFile(file));
  } catch (error) {
    const why = `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    return { diagnostics: [{ file, line: 1, column: 1, message: why }] };
  }
  // A config saved as Latin-1 read on with U+FFFD in a path said the folder was missing, not why.
  const at = decoded.notUtf8At;
  if (at) return { diagnostics: [{ file, ...at, message: notUtf8Message(at) }] };
  return parseYamlText(file, decoded.text);
}

// Expanding aliases is where a small file turns huge (a "billion laughs"): more than this many is refused.
const MAX_ALIAS_COUNT = 100;

/** Parses YAML text that came from `file`; split out so tests and examples need no disk. */
export function parseYamlText(file: string, text: string): { yaml?: YamlFile; diagnostics: Diagnostic[] } {
  const lineCounter = new LineCounter();
  // Keys written twice are found by yaml-keys.ts: the library's own check is quadratic (a 1 MB file of
  // 100,000 keys took minutes).
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
  const located = { file, text, lineCounter, secrets: secretValues(doc) };
  const problems = doc.errors.map((error) => ({ pos: error.pos[0], message: error.message }));
  for (const pos of duplicateKeys(doc)) problems.push({ pos, message: DUPLICATE_KEY_MESSAGE });
  const diagnostics = problems
    .sort((a, b) => a.pos - b.pos)
    .map((error) =>
      diagnosticAt(located, error.pos, `YAML syntax: ${error.message.split('\n')[0] ?? error.message}`),
    );
  if (diagnostics.length) return { diagnostics };
  try {
    const data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { yaml: { ...located, doc, data }, diagnostics };
  } catch (error) {
    // The library throws on aliases it cannot expand: an input problem, so it is reported at the alias.
    const alias = firstAlias(doc);
    const message = (error as Error).message;
    const why = /excessive alias count/i.test(message)
      ? `YAML aliases expand to too much (more than ${MAX_ALIAS_COUNT} aliases); write the values out instead`
      : `YAML: ${message}`;
    return { diagnostics: [diagnosticAt(located, alias?.range?.[0] ?? 0, why)] };
  }
}

/** The alias a failed expansion is about: the first unresolved one, else the first one. */
function firstAlias(doc: Document.Parsed): Alias | undefined {
  let first: Alias | undefined;
  let unresolved: Alias | undefined;
  visit(doc, {
    Alias(_, node) {
      first ??= node;
      if (!unresolved && node.resolve(doc) === undefined) unresolved = node;
    },
  });
  return unresolved ?? first;
}

// Keys whose values are credentials; `*-env` keys name a variable, which is no secret.
const CREDENTIAL_KEY = /token|secret|password|passwd|api[-_]?key|credential|private[-_]?key/i;
const PREFIXES = 'secret_|ntn_|ATATT|ATCTT|gh[pousr]_|github_pat_|xox[abposr]-|glpat-';
const TOKEN_PREFIX = new RegExp(`^(${PREFIXES})`);
// Also in lines the parser could not read, where no value is known.
const PREFIXED_WORD = new RegExp(`\\b(${PREFIXES})[A-Za-z0-9_\\-+/=.]*`, 'g');

/**
 * Whether a value looks like an API token rather than a name: a known token prefix, or a long run
 * of token characters mixing lower case, upper case and digits, as generated secrets do.
 */
export function looksLikeToken(value: string): boolean {
  if (TOKEN_PREFIX.test(value)) return true;
  return (
    /^[A-Za-z0-9_\-+/=.]{20,}$/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && /\d/.test(value)
  );
}

/** Whether the value of a `*-env` key (which names a variable) is a credential instead: token-like, or a long hex secret. */
export function tokenInsteadOfName(value: string): boolean {
  return looksLikeToken(value) || /^[0-9a-f]{32,}$/i.test(value);
}

function secretValues(doc: Document.Parsed): string[] {
  const secrets: string[] = [];
  visit(doc, {
    Pair(_, pair) {
      if (!isScalar(pair.value) || typeof pair.value.value !== 'string' || pair.value.value === '') return;
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const value = pair.value.value;
      const secret = key.endsWith('-env')
        ? tokenInsteadOfName(value)
        : CREDENTIAL_KEY.test(key) || looksLikeToken(value);
      if (secret) secrets.push(value);
    },
  });
  return secrets;
}

// The user information of a web URL (`https://bot:TOKEN@host`), up to the `@` before its host.
const URL_CREDENTIALS = /\b(https?:\/\/)[^\s/?#@"']*@/gi;

/** Whether a text holds a web URL with a user name or password in it. */
export function urlHasCredentials(text: string): boolean {
  return new RegExp(URL_CREDENTIALS.source, 'i').test(text);
}

// Shorter values are no credentials, and masking them would garble the rest of the line.
const MIN_SECRET_LENGTH = 6;

/** `text` with every word with a token prefix, and every secret, masked. */
function redact(text: string, secrets: readonly string[]): string {
  let out = text.replace(PREFIXED_WORD, '***').replace(URL_CREDENTIALS, '$1***@');
  const known = secrets.filter((secret) => secret.length >= MIN_SECRET_LENGTH);
  for (const secret of known.sort((a, b) => b.length - a.length)) out = out.split(secret).join('***');
  return out;
}

/** A diagnostic at a character offset of the file, with the offending line as a snippet; secrets never shown. */
export function diagnosticAt(
  yaml: Pick<YamlFile, 'file' | 'text' | 'lineCounter' | 'secrets'>,
  offset: number,
  message: string,
) {
  const { line, col } = yaml.lineCounter.linePos(offset);
  // A file saved with Windows line endings: the snippet is the line, not the line and its \r.
  const line_ = yaml.text.split(/\r?\n/)[line - 1];
  const snippet = line_ === undefined ? undefined : redact(line_, yaml.secrets);
  return {
    file: yaml.file,
    line,
    column: col,
    message: redact(message, yaml.secrets),
    ...(snippet !== undefined ? { snippet } : {}),
  };
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

// A snippet shows this much of its line around the column: a minified or generated line can be megabytes.
const SNIPPET_WIDTH = 100;

/** The part of a long line around `column` (1-based), marked with "..." where cut, and the caret's place in it. */
function snippetWindow(line: string, column: number): { text: string; caret: number } {
  if (line.length <= SNIPPET_WIDTH) return { text: line, caret: column - 1 };
  const start = Math.max(0, Math.min(column - 1 - SNIPPET_WIDTH / 2, line.length - SNIPPET_WIDTH));
  const before = start > 0 ? '...' : '';
  const after = start + SNIPPET_WIDTH < line.length ? '...' : '';
  return {
    text: `${before}${line.slice(start, start + SNIPPET_WIDTH)}${after}`,
    caret: before.length + column - 1 - start,
  };
}

/** Formats diagnostics as `file:line:col  message` with the line and a caret under it, control characters shown escaped. */
export function formatDiagnostics(diagnostics: readonly Diagnostic[]): string {
  return diagnostics
    .map((d) => {
      const head = forTerminal(`${d.file}:${d.line}:${d.column}  ${d.message}`);
      if (d.snippet === undefined) return head;
      const { text, caret } = snippetWindow(d.snippet, d.column);
      return `${head}\n    ${forTerminal(text)}\n    ${' '.repeat(Math.max(0, caret))}^`;
    })
    .join('\n');
}
