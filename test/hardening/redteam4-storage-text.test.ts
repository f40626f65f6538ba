import { describe, expect, it } from 'vitest';
import { convertStorage as convert } from '../helpers/storage-page.js';

// hast-util-to-mdast joins text nodes that stand side by side, but runs a pattern over the joined
// text again for each one it adds: a paragraph of 80,000 `a<span>b</span>` (1.2 MB, within the page
// budget) took 50 s of CPU, 20,000 two, 160,000 minutes. The converter joins them first; the text is as before.
describe('the storage conversion, on text split by elements that convert as their text', () => {
  // As many as fit in 3 MB: 160,000 spans took minutes.
  const units: Record<string, [number, (i: number) => string]> = {
    spans: [160_000, (i) => `w${i}<span>x</span>`],
    'font and unknown elements': [60_000, (i) => `w${i}<font color="red">x</font><x-y>z</x-y>`],
    emoticons: [50_000, (i) => `w${i}<ac:emoticon ac:name="smile" ac:emoji-fallback=":)"/>`],
  };
  for (const [what, [count, unit]] of Object.entries(units)) {
    it(`converts a paragraph of ${count} ${what}, keeping every letter and digit`, {
      timeout: 120_000,
    }, () => {
      const body = Array.from({ length: count }, (_, i) => unit(i)).join('');
      const page = convert(`<h1>Leave</h1><p>${body}</p>`);
      expect(page.unreadable).toBeUndefined();
      const words = (text: string) => text.replace(/<[^>]*>|[^\p{L}\p{N}]/gu, '');
      expect(words(page.markdown)).toBe(words(`Leave${body.replace(/ac:emoji-fallback=":\)"/g, '')}`));
    });
  }

  it('writes a span, a font and an unknown element as it wrote them', () => {
    const page = convert('<p>a <span>b </span> c<font> d</font><x-y>e</x-y> <span id="k">f</span></p>');
    expect(page.markdown).toBe('a b c de <a id="k"></a>f\n');
  });
});
