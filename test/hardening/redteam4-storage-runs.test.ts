import { describe, expect, it } from 'vitest';
import { convertStorage as convert } from '../helpers/storage-page.js';

// The conversion's whitespace pass scanned on from every node through the run of siblings after it
// that show nothing: 5,000 `<meta/>` or empty inline elements in a row took ~40 s of CPU, 20,000
// some ten minutes. Each run is converted now, in a second, with the text around it as before.
describe('the storage conversion, on runs of elements that show nothing', () => {
  const runs = {
    'meta elements': '<meta/>',
    'empty spans': '<span></span>',
    'unknown empty elements': '<x-y/>',
    'spans of whitespace': '<span> </span>',
    'nested empty inline elements': '<b><i><span/></i></b> ',
    'anchors between spaces':
      '<ac:structured-macro ac:name="anchor"><ac:parameter ac:name="">a</ac:parameter></ac:structured-macro> ',
  };

  for (const [what, unit] of Object.entries(runs)) {
    it(`converts 20,000 ${what} in a paragraph, keeping its text`, { timeout: 120_000 }, () => {
      const page = convert(`<h1>Leave</h1><p>Apply ${unit.repeat(20_000)} early.</p><p>Thanks 2026</p>`);
      expect(page.unreadable).toBeUndefined();
      const text = page.markdown.replace(/<a id="[^"]*"><\/a>/g, '');
      expect(text).toMatch(/^# Leave\n\nApply +early\.\n\nThanks 2026\n$/);
    });
  }

  it('converts 50,000 empty spans between blocks and inside list items', { timeout: 120_000 }, () => {
    const spans = '<span></span>'.repeat(25_000);
    const page = convert(`<ul><li>One ${spans}</li></ul>${spans}<p>Two</p>`);
    expect(page.unreadable).toBeUndefined();
    expect(page.markdown).toBe('- One\n\nTwo\n');
  });

  // Each would be a node of mdast, more than the converter spreads into one list (a stack overflow).
  it('converts 300,000 empty bold elements in a paragraph', { timeout: 120_000 }, () => {
    const page = convert(`<p>Apply ${'<b></b>'.repeat(300_000)} early.</p>`);
    expect(page.unreadable).toBeUndefined();
    expect(page.markdown).toBe('Apply early.\n');
  });

  // Folding a long run changes no whitespace: the same run, short (not folded) and long, converts alike.
  it('writes a long run as it writes a short one', { timeout: 120_000 }, () => {
    const units = ['<span> </span>', '<meta/>', ' <b></b>', '<span id="x"></span>'];
    for (const unit of units) {
      const body = (n: number) =>
        `<p>a${unit.repeat(n)}b <em>c</em>${unit.repeat(n)}</p><p>${unit.repeat(n)}d</p>`;
      const short = convert(body(3)).markdown.replace(/(<a id="x"><\/a>)+/g, '<A>');
      const long = convert(body(3_000)).markdown.replace(/(<a id="x"><\/a>)+/g, '<A>');
      expect(long).toBe(short);
    }
  });
});
