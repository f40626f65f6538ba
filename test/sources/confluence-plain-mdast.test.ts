import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { plainToMdast } from '../../src/sources/confluence/plain-mdast.js';
import { libraryToMdast, storageToHtml } from '../../src/sources/confluence/storage.js';
import { generateConfluenceSpace } from '../emulators/confluence-fixture.js';
import { randomStorage, seeded } from '../helpers/random-storage.js';
import { GOLDEN_CONTEXT } from './confluence-golden-context.js';

const fixtures = (folder: string) => {
  const dir = fileURLToPath(new URL(folder, import.meta.url));
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.(xml|html)$/.test(name))
    .map((name) => [`${folder}${name}`, readFileSync(dir + name, 'utf8')] as const);
};

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

const SAMPLES = [
  ...fixtures('../fixtures/confluence/positions/'),
  ...fixtures('../fixtures/confluence/golden/'),
  ...fixtures('../fixtures/confluence/kovetskiy-mark/'),
  ...generateConfluenceSpace(300).pages.map((page) => [`generated page ${page.id}`, page.body] as const),
  ...randomStorage(20261205, 300).map((body, i) => [`random body ${i}`, body] as const),
  ...whitespaceStorage(42, 600).map((body, i) => [`whitespace body ${i}`, body] as const),
];

const convert = (storage: string) => {
  const { hast } = storageToHtml(storage, GOLDEN_CONTEXT);
  // The library clones the tree; plainToMdast changes it, so it goes second.
  const expected = libraryToMdast(hast);
  return { expected, actual: plainToMdast(hast) };
};

describe('plain hast converts to the mdast hast-util-to-mdast gives', () => {
  it('gives the same tree for every sample it converts, and converts most of them', () => {
    let converted = 0;
    for (const [name, storage] of SAMPLES) {
      const { expected, actual } = convert(storage);
      if (!actual) continue;
      converted++;
      expect(actual, name).toEqual(expected);
    }
    expect(converted).toBeGreaterThan(SAMPLES.length * 0.6);
  }, 60_000);

  it('converts every generated page, as a benchmark space is made of them', () => {
    for (const page of generateConfluenceSpace(200).pages)
      expect(convert(page.body).actual, page.id).toBeDefined();
  });

  it.each([
    ['a table', '<table><tbody><tr><td>a</td></tr></tbody></table>'],
    ['an image', '<p><img src="https://e.x/i.png" alt="a"/></p>'],
    ['a checkbox that does not start its item', '<ul><li>done <input type="checkbox"/></li></ul>'],
    ['a block inside a link', '<a href="https://e.x"><p>a</p></a>'],
    ['an element HTML hides', '<p hidden="">a</p>'],
  ])('leaves %s to hast-util-to-mdast', (_name, storage) => {
    expect(convert(storage).actual).toBeUndefined();
  });

  it('keeps whitespace a browser shows and drops what it collapses', () => {
    const { actual } = convert(
      '<p>\n  a <b> b </b>\n c  </p>\n<ul>\n <li><input type="checkbox" checked=""/> done</li>\n</ul>',
    );
    expect(actual).toMatchObject({
      children: [
        {
          type: 'paragraph',
          children: [{ value: 'a ' }, { type: 'strong', children: [{ value: 'b ' }] }, { value: 'c' }],
        },
        { type: 'list', children: [{ checked: true }] },
      ],
    });
  });
});
