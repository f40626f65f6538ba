import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Emphasis, Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/normalize/markdown.js';
import { walk } from '../../src/rules/checks/text.js';
import { storageToMarkdown } from '../../src/sources/confluence/storage.js';
import { generateConfluenceSpace } from '../emulators/confluence-fixture.js';
import { GOLDEN_CONTEXT } from './confluence-golden-context.js';

const fixtures = (folder: string) => {
  const dir = fileURLToPath(new URL(folder, import.meta.url));
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(xml|html)$/.test(name) && !name.includes('malformed'))
    .map((name) => [`${folder}${name}`, readFileSync(dir + name, 'utf8')] as const);
};

/** Constructs the converter writes, gathered to exercise every way a node is placed. */
const CONSTRUCTS = fixtures('../fixtures/confluence/positions/');
const SAMPLES = [
  ...CONSTRUCTS,
  ...fixtures('../fixtures/confluence/golden/'),
  ...fixtures('../../../shared/corpora/confluence-storage/'),
  ...generateConfluenceSpace(120).pages.map((page) => [`generated page ${page.id}`, page.body] as const),
];

const convert = (storage: string) => storageToMarkdown(storage, GOLDEN_CONTEXT);

function textSpans(tree: Root, markdown: string): string[] {
  const spans: string[] = [];
  walk(tree, (node) => {
    if (node.type === 'text' && node.position)
      spans.push(markdown.slice(node.position.start.offset, node.position.end.offset));
  });
  return spans;
}

describe('converted pages carry the tree parsing their Markdown would give', () => {
  it.each(SAMPLES)('%s: same nodes, same positions', (_name, storage) => {
    const { markdown, tree } = convert(storage);
    if (tree) expect(tree).toEqual(parseMarkdown(markdown));
  });

  it('places every construct fixture without parsing, and most pages overall', () => {
    for (const [name, storage] of CONSTRUCTS) expect(convert(storage).tree, name).toBeDefined();
    const placed = SAMPLES.filter(([, storage]) => convert(storage).tree).length;
    expect(placed).toBeGreaterThan(SAMPLES.length * 0.9);
  });

  it('leaves to the parser a list in a panel followed by a blank quoted line, whose ends micromark sets by rules of its own', () => {
    const storage =
      '<ac:structured-macro ac:name="info"><ac:rich-text-body><ul><li>one</li></ul><p>after</p></ac:rich-text-body></ac:structured-macro>';
    const { markdown, tree } = convert(storage);
    expect(markdown).toBe('> - one\n>\n> after\n');
    expect(tree).toBeUndefined();
  });

  it('leaves to the parser an anchor among blocks, which a parser may join to the next paragraph', () => {
    const { markdown, tree } = convert('<ol><li><a id="fn:1"></a>a footnote</li></ol>');
    expect(markdown).toContain('<a id="fn:1"></a>');
    expect(tree).toBeUndefined();
  });

  it('splits an inline anchor into its two tags and reads a break in a table cell as text, as a parser does', () => {
    const { markdown, tree } = convert(
      '<p>See<a id="x"></a> here</p><table><tbody><tr><th>A</th></tr><tr><td>b<br/>c</td></tr></tbody></table>',
    );
    expect(tree).toBeDefined();
    expect(tree).toEqual(parseMarkdown(markdown));
    const html: string[] = [];
    walk(tree as Root, (node) => {
      if (node.type === 'html') html.push(node.value);
    });
    expect(html).toEqual(['<a id="x">', '</a>']);
    expect(textSpans(tree as Root, markdown)).toContain('b c');
  });

  it('keeps what the storage says where mdast-util-to-markdown writes Markdown that reads back otherwise', () => {
    // `*spaced&#x20;*` does not close the emphasis for a parser; the storage did mean emphasis.
    const { markdown, tree } = convert('<p><em> spaced </em>word</p>');
    expect(parseMarkdown(markdown)).not.toEqual(tree);
    const emphasis: Emphasis[] = [];
    walk(tree as Root, (node) => {
      if (node.type === 'emphasis') emphasis.push(node);
    });
    expect(emphasis).toHaveLength(1);
    const { start, end } = emphasis[0]?.position ?? {};
    expect(markdown.slice(start?.offset, end?.offset)).toBe('*spaced&#x20;*');
  });
});
