/**
 * Pulls up to `depth` items ahead of the consumer from an async iterator, so that producing item
 * i+1 (decoding, converting a frame) overlaps consuming item i (running the pose model).
 * Order is kept; an error surfaces when its item is reached. When the consumer stops early,
 * items already pulled are handed to `discard` (e.g. to close frames) and the source is closed.
 */
export async function* readAhead<T>(
  source: AsyncIterator<T>,
  depth: number,
  discard: (item: T) => void = () => {}
): AsyncGenerator<T, void, void> {
  if (!(Number.isInteger(depth) && depth >= 1))
    throw new RangeError(`depth must be an integer ≥ 1, got ${depth}`);
  const queue: Promise<IteratorResult<T>>[] = [];
  let ended = false;
  const fill = () => {
    while (!ended && queue.length < depth) {
      const p = source.next();
      queue.push(p);
      p.then(
        (r) => {
          if (r.done) ended = true;
        },
        () => {
          ended = true;
        }
      );
    }
  };
  try {
    while (true) {
      fill();
      const head = queue.shift();
      if (!head) return;
      const r = await head;
      if (r.done) return;
      // Start the next pulls before handing this item over.
      fill();
      yield r.value;
    }
  } finally {
    for (const p of queue) {
      const r = await p.catch(() => null);
      if (r && !r.done) discard(r.value);
    }
    await source.return?.();
  }
}
