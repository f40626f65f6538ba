import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { configScripts, readSiteFile } from '../../src/site-front-matter.js';

// A pull request can add a generator's config folder of many large scripts: each was bounded (1 MiB), their
// sum was not, and the readers join them into one string (some 600 of them would pass V8's longest string).
describe("a generator's config folder of many large scripts", () => {
  it('is read up to 16 MiB in all, the scripts past the bound left out', () => {
    const folder = join(mkdtempSync(join(tmpdir(), 'hl-config-folder-')), '.vitepress');
    mkdirSync(join(folder, 'config'), { recursive: true });
    const script = `export default { x: "${'a'.repeat(1024 * 1024 - 40)}" }\n`;
    for (let k = 0; k < 12; k++) writeFileSync(join(folder, `part-${k}.mts`), script);
    for (let k = 0; k < 12; k++) writeFileSync(join(folder, 'config', `nav-${k}.ts`), script);
    const texts = configScripts(folder, readSiteFile);
    const total = texts.reduce((sum, text) => sum + text.length, 0);
    expect(texts.length).toBe(16);
    expect(total).toBeLessThanOrEqual(16 * 1024 * 1024);
  }, 60_000);
});
