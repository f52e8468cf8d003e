/** A timed request to the backend. */
export async function timedRequest(
  url: string,
  init: { method?: string; token: string; body?: string },
): Promise<{ status: number; text: string; ms: number }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: init.method ?? 'GET',
    headers: {
      authorization: `Bearer ${init.token}`,
      ...(init.body ? { 'content-type': 'application/json' } : {}),
    },
    body: init.body,
  });
  const text = await response.text();
  return { status: response.status, text, ms: performance.now() - started };
}

/** Runs `task` over `items` with at most `concurrency` in flight. */
export async function pool<T>(
  items: T[],
  concurrency: number,
  task: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++];
      await task(item);
    }
  };
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, worker),
  );
}
