/**
 * Maps items through an async function with up to `window` calls under way, yielding results in
 * input order: sources fetch pages concurrently (their queue paces the requests) yet emit a stable
 * order, holding at most `window` fetched pages in memory.
 */
export async function* mapOrdered<T, R>(
  items: Iterable<T>,
  window: number,
  fn: (item: T) => Promise<R>,
): AsyncIterable<R> {
  const iterator = items[Symbol.iterator]();
  const running: Promise<R>[] = [];
  const fill = () => {
    while (running.length < window) {
      const next = iterator.next();
      if (next.done) return;
      const promise = fn(next.value);
      promise.catch(() => {}); // rethrown in order below; never an unhandled rejection meanwhile
      running.push(promise);
    }
  };
  fill();
  while (running.length) {
    const result = await (running.shift() as Promise<R>);
    fill();
    yield result;
  }
}
