import "server-only";

// Work on one eSIM queues in this process before it takes a database connection: a burst of
// reports for one eSIM would otherwise hold every pool connection waiting on that eSIM's row
// lock, and nothing else (pages, other eSIMs) could get one. Across processes the row lock
// still orders them; here at most one connection per eSIM waits.
const queues = new Map<string, { tail: Promise<unknown>; waiting: number }>();

// A queue this long means a client is flooding one eSIM; later callers are turned away.
export const MAX_QUEUED_PER_ESIM = 500;

export async function oneAtATime<T>(
  esimId: string,
  work: () => Promise<T>,
): Promise<{ status: "busy" } | { status: "done"; value: T }> {
  const queue = queues.get(esimId) ?? { tail: Promise.resolve(), waiting: 0 };
  if (queue.waiting >= MAX_QUEUED_PER_ESIM) return { status: "busy" };
  queue.waiting += 1;
  queues.set(esimId, queue);
  const run = queue.tail.then(work);
  queue.tail = run.catch(() => undefined);
  try {
    return { status: "done", value: await run };
  } finally {
    queue.waiting -= 1;
    if (queue.waiting === 0) queues.delete(esimId);
  }
}
