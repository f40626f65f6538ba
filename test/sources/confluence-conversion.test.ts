import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { RootContent as HastContent, Root as HastRoot } from 'hast';
import type { Nodes } from 'mdast';
import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { parseMarkdown } from '../../src/normalize/markdown.js';
import { buildPage } from '../../src/normalize/page.js';
import { parseStorage } from '../../src/normalize/xml.js';
import { toPage } from '../../src/platforms/confluence/page.js';
import { storageToMarkdown } from '../../src/platforms/confluence/storage.js';
import { generateConfluenceSpace } from '../emulators/confluence-fixture.js';
import { randomStorage, seeded } from '../helpers/random-storage.js';
import { GOLDEN_CONTEXT, SITE } from './confluence-golden-context.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/confluence/', import.meta.url));
const CONSTRUCTS = `${FIXTURES}constructs/`;

const convert = (storage: string) => storageToMarkdown(storage, GOLDEN_CONTEXT);

// UPDATE_GOLDEN=1 rewrites the expected files after a deliberate change; review the diff before committing.
function expectGolden(markdown: string, file: string): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(file, markdown);
  expect(markdown).toBe(readFileSync(file, 'utf8'));
}

const fixtures = (dir: string) =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(xml|html)$/.test(name) && !name.includes('malformed'))
    .map((name) => [name, readFileSync(dir + name, 'utf8')] as const);

// Storage elements whose text is never shown as such: macro parameters, task states, ids, and the
// fallback rendering of an extension (checked only where it is shown, in the golden files).
const UNSHOWN = /^(ri:|ac:parameter$|ac:task-status$|ac:task-id$|ac:adf-attribute$|ac:adf-fallback$)/;

/** The letters and digits a reader of the stored page sees, counted. */
function shownCharacters(storage: string): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: HastRoot | HastContent) => {
    if (node.type === 'text') count(counts, node.value);
    if (node.type === 'element' && (UNSHOWN.test(node.tagName) || node.properties.hidden !== undefined))
      return;
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseStorage(storage).tree);
  return counts;
}

/** The letters and digits the Markdown's parse holds as text, code, HTML or image descriptions, counted. */
function parsedCharacters(markdown: string): Map<string, number> {
  const counts = new Map<string, number>();
  const visit = (node: Nodes) => {
    if ('value' in node) count(counts, node.value);
    if (node.type === 'image' && node.alt) count(counts, node.alt);
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(parseMarkdown(markdown));
  return counts;
}

function count(counts: Map<string, number>, text: string): void {
  for (const [char] of text.matchAll(/[\p{L}\p{N}]/gu)) counts.set(char, (counts.get(char) ?? 0) + 1);
}

/** Characters the page shows that its Markdown lost, with how many are missing. */
function lost(storage: string, markdown: string): string[] {
  const kept = parsedCharacters(markdown);
  return [...shownCharacters(storage)]
    .filter(([char, n]) => (kept.get(char) ?? 0) < n)
    .map(([char, n]) => `${char} x${n - (kept.get(char) ?? 0)}`);
}

/** Random bodies in the plain vocabulary, with whitespace of every kind around and inside the tags. */
function whitespaceStorage(seed: number, count: number): string[] {
  const { random, pick } = seeded(seed);
  const space = () => pick(['', '', ' ', '  ', '\n', '\n  ', '\t', ' \n ', '&nbsp;']);
  const word = () => pick(['a', 'two words', 'x', 'Owner:', 'é', '*', '1.']);
  const inline = (depth: number): string => {
    let out = space();
    for (let n = 1 + Math.floor(random() * 4); n > 0; n--) {
      const tag =
        depth > 2
          ? 'text'
          : pick([
              'text',
              'text',
              'b',
              'i',
              'u',
              'em',
              'strong',
              'span',
              'sup',
              'del',
              'strike',
              'code',
              'a',
              'br',
            ]);
      if (tag === 'text') out += word();
      else if (tag === 'br') out += '<br/>';
      else if (tag === 'a')
        out += `<a href="https://e.x/${word()}"${random() < 0.3 ? ' title=" t  i "' : ''}>${inline(depth + 1)}</a>`;
      else out += `<${tag}>${inline(depth + 1)}</${tag}>`;
      out += space();
    }
    return out;
  };
  const block = (depth: number): string => {
    let out = space();
    for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
      const r = depth > 2 ? 0 : random();
      if (r < 0.3) out += `<p>${inline(0)}</p>`;
      else if (r < 0.4) {
        const level = 1 + Math.floor(random() * 6);
        out += `<h${level}>${inline(0)}</h${level}>`;
      } else if (r < 0.55) {
        const tag = pick(['ul', 'ol']);
        const items = Array.from(
          { length: 1 + Math.floor(random() * 3) },
          () => `${space()}<li>${random() < 0.5 ? inline(0) : block(depth + 1)}</li>`,
        );
        out += `<${tag}${tag === 'ol' && random() < 0.3 ? ' start="3"' : ''}>${items.join('')}${space()}</${tag}>`;
      } else if (r < 0.65) out += `<blockquote>${random() < 0.5 ? inline(0) : block(depth + 1)}</blockquote>`;
      else if (r < 0.72) out += `<div>${random() < 0.5 ? inline(0) : block(depth + 1)}</div>`;
      else if (r < 0.8)
        out += `<ac:task-list>${space()}<ac:task><ac:task-status>${pick(['complete', 'incomplete'])}</ac:task-status><ac:task-body>${inline(0)}</ac:task-body></ac:task></ac:task-list>`;
      else if (r < 0.86)
        out += `<ac:structured-macro ac:name="code"><ac:parameter ac:name="language">js</ac:parameter><ac:plain-text-body><![CDATA[${space()}x = 1${space()}\n]]></ac:plain-text-body></ac:structured-macro>`;
      else if (r < 0.92)
        out += `<p>${inline(0)}<ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">${word()}</ac:parameter></ac:structured-macro>${inline(0)}</p>`;
      else out += '<hr/>';
      out += space();
    }
    return out;
  };
  return Array.from({ length: count }, () => block(0));
}

// Found by a second reading and random generators of storage bodies, when a writer of its own placed
// nodes: each is a place where Markdown must escape, split or join what the storage says.
const TRICKY = [
  ['inline content at the top level', 'Owner: Ana<br/>Status: Draft'],
  [
    'a break at the end of a table cell',
    '<table><tbody><tr><th>A<br/></th></tr><tr><td>x</td></tr></tbody></table>',
  ],
  ['a break in a cell', '<table><tbody><tr><th>A</th></tr><tr><td>b<br/>c</td></tr></tbody></table>'],
  ['a space inside strong', '<p>a<strong>b </strong>c</p>'],
  ['spaced emphasis', '<p><em> spaced </em>word</p>'],
  ['strong between word and punctuation', '<p>x<strong>(y)</strong>z</p>'],
  ['two strong runs side by side', '<p><strong>a</strong><strong>b</strong></p>'],
  ['strong inside strong', '<p><strong>a <strong>b</strong> c</strong></p>'],
  ['a link inside a link', '<p><a href="https://x.test/a">a <a href="https://x.test/b">b</a></a></p>'],
  [
    'a task whose body starts with a list',
    '<ac:task-list><ac:task><ac:task-status>complete</ac:task-status><ac:task-body><ul><li>x</li></ul></ac:task-body></ac:task></ac:task-list>',
  ],
  ['an empty list item', '<ul><li><br/></li></ul>'],
  ['code spans side by side', '<p>a<code>b</code><code>c</code></p>'],
  ['an empty code span', '<p>a<code></code>b</p>'],
  [
    'a backslash and pipe in code in a table cell',
    '<table><tbody><tr><th>A</th></tr><tr><td><code>x \\| y</code></td></tr></tbody></table>',
  ],
  [
    'a list in a panel, then a paragraph',
    '<ac:structured-macro ac:name="info"><ac:rich-text-body><ul><li>one</li></ul><p>after</p></ac:rich-text-body></ac:structured-macro>',
  ],
  ['an anchor leading a list item', '<ol><li><a id="fn:1"></a>a footnote</li></ol>'],
  ['a table', '<table><tbody><tr><td>a</td></tr></tbody></table>'],
  ['an image', '<p><img src="https://e.x/i.png" alt="a"/></p>'],
  ['a checkbox that does not start its item', '<ul><li>done <input type="checkbox"/></li></ul>'],
  ['a block inside a link', '<a href="https://e.x"><p>a</p></a>'],
] as const;

const SAMPLES: (readonly [string, string])[] = [
  ...fixtures(CONSTRUCTS),
  ...fixtures(`${FIXTURES}golden/`),
  ...fixtures(`${FIXTURES}kovetskiy-mark/`),
  ...TRICKY,
  ...generateConfluenceSpace(300).pages.map((page) => [`generated page ${page.id}`, page.body] as const),
  ...randomStorage(20261205, 300).map((body, i) => [`random body ${i}`, body] as const),
  ...whitespaceStorage(42, 600).map((body, i) => [`whitespace body ${i}`, body] as const),
];

describe('storage conversion: golden Markdown of the construct fixtures', () => {
  it.each(fixtures(CONSTRUCTS))('%s', (name, storage) => {
    const { markdown, problem } = convert(storage);
    expect(problem).toBeUndefined();
    expectGolden(markdown, CONSTRUCTS + name.replace(/\.xml$/, '.md'));
  });

  it('writes the generated benchmark space as it always has', () => {
    const pages = generateConfluenceSpace(12).pages;
    const markdown = pages
      .map((page) => `<!-- page ${page.id} -->\n\n${convert(page.body).markdown}`)
      .join('\n');
    expectGolden(markdown, `${FIXTURES}generated-space.md`);
  });
});

describe('storage conversion: every sample', () => {
  it('converts without a problem and loses no letter or digit the page shows', () => {
    for (const [name, storage] of SAMPLES) {
      const { markdown, problem } = convert(storage);
      expect(problem, name).toBeUndefined();
      expect(lost(storage, markdown), `${name}\n${storage}\n---\n${markdown}`).toEqual([]);
    }
  }, 60_000);
});

describe('storage conversion: Markdown shapes the rules rely on', () => {
  it('writes a rule as ___ so a page that opens with one keeps the block quote after it', () => {
    const storage =
      '<hr/><ac:structured-macro ac:name="info"><ac:rich-text-body><p>a</p></ac:rich-text-body></ac:structured-macro><hr/><p>b</p>';
    const { markdown } = convert(storage);
    expect(markdown).toBe('___\n\n> a\n\n___\n\nb\n');
    expect(parseMarkdown(markdown).children.map((node) => node.type)).toEqual([
      'thematicBreak',
      'blockquote',
      'thematicBreak',
      'paragraph',
    ]);
  });

  it('keeps whitespace a browser shows and drops what it collapses', () => {
    const { markdown } = convert(
      '<p>\n  a <b> b </b>\n c  </p>\n<ul>\n <li><input type="checkbox" checked=""/> done</li>\n</ul>',
    );
    expect(parseMarkdown(markdown)).toMatchObject({
      children: [
        {
          type: 'paragraph',
          children: [{ value: 'a ' }, { type: 'strong', children: [{ value: 'b ' }] }, { value: 'c' }],
        },
        { type: 'list', children: [{ checked: true }] },
      ],
    });
  });

  it('keeps a list and the paragraph after it apart inside a panel', () => {
    const storage =
      '<ac:structured-macro ac:name="info"><ac:rich-text-body><ul><li>one</li></ul><p>after</p></ac:rich-text-body></ac:structured-macro>';
    expect(convert(storage).markdown).toBe('> - one\n>\n> after\n');
  });

  it('turns stored ids and anchor macros into fragment targets the outline reads', () => {
    const storage =
      '<p>See<a id="x"></a> here</p><ol><li><a id="fn:1"></a>a footnote</li></ol><p><ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">top of page</ac:parameter></ac:structured-macro>Top</p>';
    const page = buildPage(
      {
        source: 'confluence',
        id: '1',
        url: SITE,
        path: 'Handbook/Anchors',
        markdown: convert(storage).markdown,
        fallbackTitle: 'Anchors',
      },
      typeClassifier({}),
    );
    expect(page.anchors).toEqual(expect.arrayContaining(['x', 'fn:1', 'top-of-page']));
  });

  it('reads the fields of top-level inline content', async () => {
    const page = await toPage(
      {
        source: 'confluence',
        siteUrl: 'https://acme.atlassian.net',
        page: {
          id: '10',
          title: 'Home',
          spaceKey: 'HB',
          url: 'https://acme.atlassian.net/wiki/x',
          path: 'Handbook/Home',
        },
        content: { storage: 'Owner: <strong>Ana Souza</strong>' },
        labels: [],
        lookups: { pages: {}, spaces: {}, users: {} },
      },
      typeClassifier({}),
    );
    expect(page?.tree.children[0]?.type).toBe('paragraph');
    expect(page?.fields.owner?.value).toBe('Ana Souza');
  });
});
