#!/usr/bin/env node
// CPU time to turn Confluence storage into pages (conversion to Markdown, the page's mdast, fields,
// outline), without the network: the generated benchmark space's bodies, then the real corpus
// samples 20 times. The crawl benchmark measures the same work mixed with requests and threads.
//   node --experimental-transform-types --disable-warning=ExperimentalWarning --import ./test/helpers/register-ts.mjs bench/convert.mjs [--pages 5000]
import { readdirSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { pages: { type: 'string', default: '5000' } } });
const pageCount = Number(values.pages);

const { typeClassifier } = await import('../src/normalize/doc-type.js');
const { toPage } = await import('../src/platforms/confluence/page.js');
const { generateConfluenceSpace } = await import('../test/emulators/confluence-fixture.js');

const CORPUS = new URL('../../shared/corpora/confluence-storage/kovetskiy-mark/testdata/', import.meta.url);
const corpus = readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
  .filter((name) => /\.(xml|html)$/.test(name))
  .map((name) => readFileSync(new URL(name, CORPUS), 'utf8'));

const space = generateConfluenceSpace(pageCount);
const classify = typeClassifier({});
// Every link target and person resolves, as in a crawl whose look-ups all came back.
const lookups = {
  pages: Object.fromEntries(
    space.pages.map((p) => [
      `${space.spaces[0].key}\0${p.title}`,
      `https://acme.atlassian.net/wiki/spaces/${space.spaces[0].key}/pages/${p.id}`,
    ]),
  ),
  spaces: {},
  users: Object.fromEntries(space.users.map((u) => [u.accountId, u.displayName])),
};

const build = (id, storage) =>
  toPage(
    {
      source: 'confluence',
      siteUrl: 'https://acme.atlassian.net',
      page: {
        id,
        title: `Page ${id}`,
        spaceKey: space.spaces[0].key,
        url: `https://acme.atlassian.net/wiki/x/${id}`,
        path: `Page ${id}`,
      },
      content: { storage },
      labels: [],
      lookups,
    },
    classify,
  );

/** CPU milliseconds per page over `bodies`. */
async function measure(bodies) {
  const start = process.cpuUsage();
  for (const [id, body] of bodies) await build(id, body);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000 / bodies.length;
}

const generated = space.pages.map((page) => [page.id, page.body]);
const samples = Array.from({ length: 20 }, () => corpus.map((body, i) => [`corpus-${i}`, body])).flat();
// The first pages load modules and warm the JIT; they are not measured.
await measure(generated.slice(0, 200));
const rows = [
  ['generated space', generated.length, await measure(generated)],
  ['corpus samples x20', samples.length, await measure(samples)],
];
for (const [what, count, ms] of rows)
  console.log(`${what.padEnd(20)} ${String(count).padStart(6)} pages  ${ms.toFixed(3)} ms/page CPU`);
