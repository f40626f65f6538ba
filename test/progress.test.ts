import { describe, expect, it } from 'vitest';
import { type CrawlProgress, formatProgress, progressLine } from '../src/progress.js';

const at = (p: Partial<CrawlProgress>): CrawlProgress => ({
  source: 'notion',
  listed: 1200,
  fetched: 340,
  cached: 0,
  left: 860,
  requests: 29,
  rateLimited: 0,
  retries: 0,
  done: false,
  ...p,
});

function fakeStream(isTTY: boolean) {
  const writes: string[] = [];
  const stream = { isTTY, columns: 100, write: (chunk: string) => writes.push(chunk) > 0 };
  return { stream: stream as unknown as NodeJS.WriteStream, writes };
}

describe('progress line', () => {
  it('reads like "notion: listed 1200, fetched 340, 860 left, 2.9 req/s"', () => {
    expect(formatProgress(at({}), 10_000)).toBe('notion: listed 1200, fetched 340, 860 left, 2.9 req/s');
    expect(formatProgress(at({ cached: 12, rateLimited: 2 }), 10_000)).toBe(
      'notion: listed 1200, fetched 340, 12 cached, 860 left, 2.9 req/s, 2 rate-limited',
    );
  });

  it('redraws one line on a terminal, throttled, and erases it when done', () => {
    const { stream, writes } = fakeStream(true);
    let clock = 0;
    const report = progressLine(stream, () => clock);
    report(at({ requests: 0 }));
    clock = 50;
    report(at({ requests: 1 })); // too soon to redraw
    clock = 1000;
    report(at({ requests: 3 }));
    report(at({ done: true }));
    expect(writes).toEqual([
      '\r\x1b[Knotion: listed 1200, fetched 340, 860 left, 0.0 req/s',
      '\r\x1b[Knotion: listed 1200, fetched 340, 860 left, 3.0 req/s',
      '\r\x1b[K',
    ]);
  });

  it('stays quiet when standard error is not a terminal', () => {
    const { stream, writes } = fakeStream(false);
    const report = progressLine(stream);
    report(at({}));
    report(at({ done: true }));
    expect(writes).toEqual([]);
  });
});
