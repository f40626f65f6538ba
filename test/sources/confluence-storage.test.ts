import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Code, Link, ListItem, Nodes, Root } from 'mdast';
import { toString as mdToString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { typeClassifier } from '../../src/normalize/doc-type.js';
import { parseMarkdown } from '../../src/normalize/markdown.js';
import { buildPage } from '../../src/normalize/page.js';
import { parseStorage } from '../../src/normalize/xml.js';
import { storageToMarkdown } from '../../src/platforms/confluence/storage.js';
import { missingTitleUrl } from '../../src/platforms/confluence/tree.js';
import { wikiKey } from '../../src/platforms/urls.js';
import { walk } from '../../src/rules/checks/text.js';
import { Site } from '../../src/site.js';
import { loadConfluenceFixture } from '../emulators/confluence-fixture.js';
import { GOLDEN_CONTEXT, SITE } from './confluence-golden-context.js';

const GOLDEN = fileURLToPath(new URL('../fixtures/confluence/golden/', import.meta.url));
const CORPUS = fileURLToPath(new URL('../fixtures/confluence/kovetskiy-mark/testdata/', import.meta.url));
const FIXTURE = fileURLToPath(new URL('../fixtures/confluence/space.json', import.meta.url));

/** The corpus samples (never edited; read in place) and the golden file each converts to. */
const CORPUS_SAMPLES = [
  ['links.html', 'corpus-links.md'],
  ['export/layout.xml', 'corpus-layout.md'],
  ['export/article.xml', 'corpus-article.md'],
] as const;

const convert = (storage: string) => storageToMarkdown(storage, GOLDEN_CONTEXT);

// UPDATE_GOLDEN=1 rewrites the expected files after a deliberate change; review the diff before committing.
function expectGolden(markdown: string, file: string): void {
  if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN + file, markdown);
  expect(markdown).toBe(readFileSync(GOLDEN + file, 'utf8'));
}

function nodes<T extends Nodes>(tree: Root, type: T['type']): T[] {
  const found: T[] = [];
  walk(tree, (node) => {
    if (node.type === type) found.push(node as T);
  });
  return found;
}

const texts = (tree: Root): string[] =>
  (['paragraph', 'heading', 'tableCell'] as const).flatMap((type) =>
    nodes(tree, type).map((n) => mdToString(n)),
  );

describe('storage format to Markdown: golden files', () => {
  const names = readdirSync(GOLDEN).filter((f) => f.endsWith('.xml') && f !== 'malformed.xml');

  it.each(names)('%s', (name) => {
    const { markdown, problem } = convert(readFileSync(GOLDEN + name, 'utf8'));
    expect(problem).toBeUndefined();
    expectGolden(markdown, name.replace(/\.xml$/, '.md'));
  });

  it.each(CORPUS_SAMPLES)('corpus sample %s', (sample, golden) => {
    const { markdown, problem } = convert(readFileSync(CORPUS + sample, 'utf8'));
    expect(problem).toBeUndefined();
    expectGolden(markdown, golden);
  });
});

describe('storage format to Markdown: what the rules read', () => {
  const read = (name: string) => parseMarkdown(convert(readFileSync(GOLDEN + name, 'utf8')).markdown);

  it('keeps text with <, &, entities and non-ASCII exactly', () => {
    expect(texts(read('text.xml'))).toEqual(
      expect.arrayContaining([
        'Ünïcode & escapes',
        'PagerDuty & #incidents reply in < 15 min; 2 > 1; a reply at 03:00\u00a0UTC from 東京 or São Paulo is on time 🙂.',
        'Markdown-looking text stays text: *not emphasis*, _nor this_, [not a link](x), `not code`, <b>not html</b>, a \\ backslash.',
        '# not a heading',
        '1. not a list',
        'Template left in: [Type your summary here]',
      ]),
    );
    expect(texts(read('tables.xml'))).toContain('PagerDuty & #incidents | < 15 min');
  });

  it('keeps code bodies (CDATA) byte for byte, a split CDATA end included', () => {
    expect(nodes<Code>(read('code.xml'), 'code').map((c) => [c.lang, c.value])).toEqual([
      [
        'bash',
        './deploy.sh --env prod && \\\n  curl -fsS "https://status.example/api?a=1&b=2" | jq \'.ok\' # <done>\nif [ "$x" -lt 3 ]; then echo "a]]b"; fi\n```fenced``` & &amp; stays, and a CDATA end ]]> split in two',
      ],
      [null, '    indented\n\ttabbed  spaces  kept'],
    ]);
  });

  it('reads storage as XML: a macro inside a paragraph keeps its body, an empty element stays one', () => {
    const storage = [
      '<p>Before <ac:structured-macro ac:name="info"><ac:rich-text-body><p>Inside</p></ac:rich-text-body>',
      '</ac:structured-macro> after</p>\r\n<p>Run <ac:structured-macro ac:name="code"><ac:plain-text-body>',
      '<![CDATA[npm ci]]></ac:plain-text-body></ac:structured-macro></p><p>one<br></br>break',
      ' <a href="https://x.example/?a=1&amp;b=&#x32;">query</a></p>',
    ].join('');
    const { markdown, problem } = convert(storage);
    expect(problem).toBeUndefined();
    const tree = parseMarkdown(markdown);
    expect(tree.children.map((node) => node.type)).toEqual([
      'paragraph',
      'blockquote',
      'paragraph',
      'paragraph',
      'code',
      'paragraph',
    ]);
    expect(texts(tree)).toEqual(['Before', 'Inside', 'after', 'Run', 'onebreak query']);
    expect(nodes<Code>(tree, 'code').map((c) => c.value)).toEqual(['npm ci']);
    expect(nodes(tree, 'break')).toHaveLength(1);
    expect(nodes<Link>(tree, 'link').map((l) => l.url)).toEqual(['https://x.example/?a=1&b=2']);
  });

  it('reads page properties as fields with positions, first on the page', () => {
    const markdown = convert(readFileSync(`${GOLDEN}page-properties.xml`, 'utf8')).markdown;
    const page = buildPage(
      {
        source: 'confluence',
        id: '1',
        url: SITE,
        path: 'Handbook/DR-9',
        markdown,
        fallbackTitle: 'DR-9',
        title: 'DR-9',
      },
      typeClassifier({}),
    );
    expect(page.fields).toMatchObject({
      owner: { value: 'Ana Souza', position: { start: { line: 1 } } },
      status: { value: 'Accepted', position: { start: { line: 2 } } },
      'last-reviewed': { value: '2026-09-12' },
      stakeholders: { value: 'Ana Souza, Björn Lindqvist' },
      reviewer: { value: 'Dana Kim' },
      due: { value: '2026-11-01' },
    });
    expect(page.fields.empty).toBeUndefined();
    expect(page.owner).toBe('Ana Souza');
    expect(page.updatedAt).toEqual(new Date('2026-09-12T00:00:00Z'));
  });

  it('turns tasks into GFM task items an owner and due date can be read from', () => {
    const items = nodes<ListItem>(read('tasks.xml'), 'listItem');
    expect(items.map((item) => [item.checked, mdToString(item.children[0])])).toEqual([
      [false, 'Draft the job description @Björn Lindqvist (due 2026-10-01)'],
      [true, 'Share the proposal @Ana Souza (due 2026-09-16)'],
      [false, 'Collect feedback by (due 2026-09-20)'],
      [false, 'Book the offsite venue'],
    ]);
  });

  it('links pages by id, leaves unknown titles broken and pages outside the crawl unchecked', () => {
    const markdown = convert(readFileSync(`${GOLDEN}links.xml`, 'utf8')).markdown;
    const page = buildPage(
      {
        source: 'confluence',
        id: '98500',
        url: SITE,
        path: 'Handbook/Links',
        markdown,
        fallbackTitle: 'Links',
        title: 'Links',
      },
      typeClassifier({}),
    );
    const site = new Site();
    site.add(page);
    for (const id of ['98306', '98400', '131074', '131090']) {
      site.add(
        buildPage(
          { source: 'confluence', id, url: SITE, path: id, markdown: '# Roll back\n', fallbackTitle: id },
          typeClassifier({}),
        ),
      );
    }
    site.build();
    const kinds = page.links.map((link) => [link.text, site.resolution(link)?.kind]);
    expect(kinds).toEqual([
      ['Deploy Guide', 'page'],
      ['the <runbook> & more', 'page'],
      ['rich text', 'page'],
      ['Laptop Setup Checklist', 'missing'],
      ['On-call', 'external'],
      ['see context', 'page'],
      ['ENG', 'page'],
      ['https://example.com/a?b=1&c=2', 'external'],
      ['charter', 'page'],
      ['docs', 'external'],
      ['https://acme.atlassian.net/wiki/spaces/HB/pages/98312', 'missing'],
      ['Deploy Guide', 'page'],
    ]);
    expect(wikiKey(new URL(missingTitleUrl(SITE, 'HB', 'Laptop Setup Checklist')))).toBe(
      'confluence:title:HB/Laptop Setup Checklist',
    );
  });
});

describe('malformed storage', () => {
  it('is converted as far as it reads, with a storage-format problem instead of an exception', () => {
    const { markdown, problem } = convert(readFileSync(`${GOLDEN}malformed.xml`, 'utf8'));
    expect(markdown).toContain('Intro with a **bold start.');
    expect(problem).toEqual({
      code: 'storage-format',
      message:
        "The page's storage format is not well-formed XML (line 1, column 36: expected </strong>, found </p>); it was read as far as possible.",
    });
  });

  it.each([
    ['<p>a & b</p>', "line 1, column 6: '&' must start an entity such as &amp;"],
    ['<p>a < b</p>', "line 1, column 6: '<' must start a tag or be escaped as &lt;"],
    ['<p>open', 'line 1, column 8: <p> is never closed'],
    ['<p>x</p>\n</li>', 'line 2, column 1: </li> closes nothing'],
    ['<p><![CDATA[never', 'line 1, column 4: CDATA section is never closed'],
  ])('reports %j', (storage, where) => {
    const { problem } = parseStorage(storage);
    expect(problem && `line ${problem.line}, column ${problem.column}: ${problem.message}`).toBe(where);
  });

  it('finds nothing wrong in real storage: the fixture site and the corpus samples', () => {
    const bodies = loadConfluenceFixture(FIXTURE).pages.map((p) => p.body);
    for (const [sample] of CORPUS_SAMPLES) bodies.push(readFileSync(CORPUS + sample, 'utf8'));
    expect(bodies.map((body) => parseStorage(body).problem).filter(Boolean)).toEqual([]);
  });
});
