/** Where a storage body stops being well-formed XML; Confluence only stores well-formed bodies, so this is corruption. */
export interface StorageProblem {
  line: number;
  column: number;
  message: string;
}

/** A storage body rewritten for an HTML parser, and the first well-formedness problem met on the way. */
export interface PreparedStorage {
  html: string;
  problem?: StorageProblem;
}

// Elements an HTML parser already treats as empty; every other `<x/>` would swallow its following siblings.
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'param',
  'source',
  'track',
  'wbr',
]);
const START_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>/y;
const END_TAG = /<\/([A-Za-z_][\w.:-]*)\s*>/y;
const ENTITY = /&(?:#\d+|#x[0-9A-Fa-f]+|[A-Za-z][A-Za-z0-9]*);/y;

const escapeText = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function lineColumn(text: string, index: number): { line: number; column: number } {
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/**
 * Checks that storage XHTML is well-formed and rewrites the two XML constructs an HTML parser
 * misreads: CDATA sections (code and link bodies, which it would cut at the first `>`) become
 * escaped text, and self-closed elements such as `<ri:page/>` or `<time/>` get an end tag. The
 * output is best-effort even when the input is broken, so a corrupt page is still linted.
 */
export function prepareStorage(xml: string): PreparedStorage {
  let html = '';
  let problem: StorageProblem | undefined;
  const open: string[] = [];
  const report = (index: number, message: string) => {
    problem ??= { ...lineColumn(xml, index), message };
  };
  let i = 0;
  while (i < xml.length) {
    const next = xml.slice(i).search(/[<&]/);
    if (next < 0) {
      html += xml.slice(i);
      break;
    }
    html += xml.slice(i, i + next);
    i += next;
    if (xml[i] === '&') {
      ENTITY.lastIndex = i;
      const entity = ENTITY.exec(xml);
      if (!entity) report(i, "'&' must start an entity such as &amp;");
      html += entity ? entity[0] : '&amp;';
      i += entity ? entity[0].length : 1;
      continue;
    }
    const section = (
      opener: string,
      closer: string,
      what: string,
      keep: (body: string) => string,
    ): boolean => {
      if (!xml.startsWith(opener, i)) return false;
      const end = xml.indexOf(closer, i + opener.length);
      if (end < 0) report(i, `${what} is never closed`);
      const stop = end < 0 ? xml.length : end;
      html += keep(xml.slice(i + opener.length, stop));
      i = end < 0 ? xml.length : end + closer.length;
      return true;
    };
    if (section('<![CDATA[', ']]>', 'CDATA section', escapeText)) continue;
    if (section('<!--', '-->', 'comment', () => '')) continue;
    if (section('<?', '?>', 'processing instruction', () => '')) continue;
    if (section('<!', '>', 'declaration', () => '')) continue;
    END_TAG.lastIndex = i;
    const end = END_TAG.exec(xml);
    if (end) {
      const name = end[1] as string;
      const at = open.lastIndexOf(name);
      if (open[open.length - 1] !== name) {
        report(
          i,
          open.length
            ? `expected </${open[open.length - 1]}>, found </${name}>`
            : `</${name}> closes nothing`,
        );
      }
      if (at >= 0) open.length = at;
      html += end[0];
      i += end[0].length;
      continue;
    }
    START_TAG.lastIndex = i;
    const start = START_TAG.exec(xml);
    if (!start) {
      report(i, "'<' must start a tag or be escaped as &lt;");
      html += '&lt;';
      i += 1;
      continue;
    }
    const [whole, name, attributes] = start as unknown as [string, string, string, string];
    const selfClosed = start[3] === '/';
    if (!selfClosed) open.push(name);
    html += selfClosed && !VOID.has(name.toLowerCase()) ? `<${name}${attributes}></${name}>` : whole;
    i += whole.length;
  }
  if (open.length) report(xml.length, `<${open[open.length - 1]}> is never closed`);
  return problem ? { html, problem } : { html };
}
