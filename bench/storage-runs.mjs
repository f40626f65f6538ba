#!/usr/bin/env node
// CPU time to convert one Confluence body whose paragraph holds a run of elements that show nothing
// (`<meta/>`, empty spans, unknown empty elements): the case the conversion's whitespace pass scanned
// quadratically before runs were folded (see RELIABILITY.md, "It always finishes").
//   node --experimental-transform-types --disable-warning=ExperimentalWarning --import ./test/helpers/register-ts.mjs bench/storage-runs.mjs [--sizes 5000,20000,100000]
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { sizes: { type: 'string', default: '5000,20000,100000' } } });
const sizes = values.sizes.split(',').map(Number);

const { storageToMarkdown } = await import('../src/platforms/confluence/storage.js');
const context = {
  spaceKey: 'HB',
  siteUrl: 'https://acme.atlassian.net',
  pageUrl: () => 'https://acme.atlassian.net/wiki/x',
  spaceUrl: () => 'https://acme.atlassian.net/wiki/spaces/HB',
  userName: () => undefined,
};

for (const [what, unit] of [
  ['<meta/>', '<meta/>'],
  ['empty <span>', '<span></span>'],
  ['unknown empty element', '<x-y/>'],
]) {
  for (const size of sizes) {
    const storage = `<p>Apply ${unit.repeat(size)} early.</p>`;
    const start = process.cpuUsage();
    const { markdown } = storageToMarkdown(storage, context);
    const used = process.cpuUsage(start);
    if (markdown !== 'Apply early.\n') throw new Error(`unexpected Markdown: ${JSON.stringify(markdown)}`);
    console.log(
      `${what.padEnd(22)} ${String(size).padStart(7)}  ${((used.user + used.system) / 1e6).toFixed(2)} s`,
    );
  }
}
