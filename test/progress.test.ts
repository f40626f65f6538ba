import { describe, expect, it } from 'vitest';
import { type CrawlProgress, countPages, formatProgress, progressLine } from '../src/progress.js';

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
    const report = progressLine(stream, Date.now, {});
    report(at({}));
    report(at({ done: true }));
    expect(writes).toEqual([]);
  });
});

describe('progress of a Markdown folder', () => {
  async function drain<T>(pages: AsyncIterable<T>): Promise<T[]> {
    const out: T[] = [];
    for await (const page of pages) out.push(page);
    return out;
  }

  async function* items(count: number, tick: () => void) {
    for (let i = 0; i < count; i++) {
      tick();
      yield i;
    }
  }

  it('reads like "markdown: 300 of 887 pages, 587 left, 150 pages/s"', () => {
    const progress = at({
      source: 'markdown',
      listed: 887,
      fetched: 300,
      left: 587,
      requests: 0,
      local: true,
    });
    expect(formatProgress(progress, 2000)).toBe('markdown: 300 of 887 pages, 587 left, 150 pages/s');
  });

  it('passes every page through, reports after the first second, and ends with done', async () => {
    const seen: CrawlProgress[] = [];
    let clock = 0;
    // Each page takes 400 ms: pages 1 and 2 fall in the quiet first second.
    const pages = countPages(
      items(4, () => (clock += 400)),
      4,
      (p) => seen.push(p),
      () => clock,
    );
    expect(await drain(pages)).toEqual([0, 1, 2, 3]);
    expect(seen.map((p) => [p.fetched, p.left, p.done])).toEqual([
      [3, 1, false],
      [4, 0, false],
      [4, 0, true],
    ]);
    expect(seen.every((p) => p.source === 'markdown' && p.listed === 4 && p.local)).toBe(true);
  });

  it('reports nothing for a folder done within the first second', async () => {
    const seen: CrawlProgress[] = [];
    let clock = 0;
    const pages = countPages(
      items(50, () => (clock += 10)),
      50,
      (p) => seen.push(p),
      () => clock,
    );
    expect(await drain(pages)).toHaveLength(50);
    expect(seen).toEqual([]);
  });

  it('draws and erases the line on a terminal', async () => {
    const { stream, writes } = fakeStream(true);
    let clock = 0;
    const report = progressLine(stream, () => clock);
    await drain(
      countPages(
        items(3, () => (clock += 600)),
        3,
        report,
        () => clock,
      ),
    );
    // Paced from the first page, not from the first line drawn: 2 pages in 1.2 s.
    expect(writes[0]).toBe('\r\x1b[Kmarkdown: 2 of 3 pages, 1 left, 2 pages/s');
    expect(writes.at(-1)).toBe('\r\x1b[K');
  });
});
