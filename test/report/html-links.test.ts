import { describe, expect, it } from 'vitest';
import { link } from '../../src/report/html-text.js';

describe('links in the HTML report', () => {
  it.each([
    ['javascript:alert(1)'],
    [' javascript:alert(1)'],
    ['\u0001javascript:alert(1)'],
    ['java\tscript:alert(1)'],
    ['java\nscript:alert(1)'],
    ['JaVaScRiPt:alert(1)'],
    ['data:text/html,<script>alert(1)</script>'],
    ['//evil.example/x'],
    ['\\\\evil.example/x'],
    ['/\\evil.example/x'],
  ])('never makes %j a link', (url) => {
    expect(link('title', url)).toBe('title');
  });

  it.each([
    ['https://acme.example/handbook?page=1&x=2', 'https://acme.example/handbook?page=1&amp;x=2'],
    ['docs/expenses.md#limits', 'docs/expenses.md#limits'],
    ['../policy.md', '../policy.md'],
  ])('links %j', (url, href) => {
    expect(link('<b>title</b>', url)).toBe(`<a href="${href}">&lt;b&gt;title&lt;/b&gt;</a>`);
  });
});
