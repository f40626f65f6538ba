import { describe, expect, it } from 'vitest';
import { convertStorage } from '../helpers/storage-page.js';

// Close tags that close nothing open, inside 200,000 open elements (2 MB, within the page budget): the
// reader looked for each one's name through every open element, and through every parent of the
// tree it builds, which took minutes; now the body is read in a second, and found too deep to convert.
describe('the storage reader, on a body built to be slow', () => {
  it('reads 200,000 stray close tags inside 200,000 open elements', { timeout: 120_000 }, () => {
    const storage = `${'<span>'.repeat(200_000)}${'</q>'.repeat(200_000)}`;
    const page = convertStorage(storage);
    expect(page.unreadable?.reason).toMatch(/^the page could not be converted/);
  });
});
