/** How a piece of work numbered 0 … count − 1 is done on a worker thread, here, and taken. */
export interface OrderedWork<T> {
  readonly count: number;
  /** Worker threads there are: each is kept two pieces ahead. */
  readonly threads: number;
  /** Starts piece `index` on a worker thread. */
  onThread(index: number): Promise<T>;
  /** Does piece `index` on this thread. */
  here(index: number): Promise<T>;
  /** Takes the outcome of each piece, in order. */
  take(outcome: T, index: number): Promise<void> | void;
}

/** An outcome on its way, and whether it has arrived. */
interface Slot<T> {
  readonly outcome: Promise<T>;
  ready: boolean;
}

/**
 * Does numbered pieces of work on worker threads and on this thread together, taking their
 * outcomes strictly in order: the threads are kept fed, and this thread does the next piece itself
 * whenever the oldest outstanding one has not arrived (never more than four a thread ahead of the
 * oldest, so outcomes waiting to be taken stay few). The first failure, in order, is thrown.
 */
export async function doInOrder<T>(work: OrderedWork<T>): Promise<void> {
  const slots: (Slot<T> | undefined)[] = [];
  let onThreads = 0;
  const slot = (outcome: Promise<T>, onThread: boolean): Slot<T> => {
    const entry: Slot<T> = { outcome, ready: false };
    // awaited in order below; a later piece's failure must not go unhandled meanwhile
    outcome.then(() => (entry.ready = true), () => (entry.ready = true)).finally(() => onThread && onThreads--);
    return entry;
  };
  let next = 0;
  let taken = 0;
  while (taken < work.count) {
    for (; next < work.count && onThreads < work.threads * 2; next++, onThreads++) slots[next] = slot(work.onThread(next), true);
    if (slots[taken]?.ready || next >= work.count || next - taken >= Math.max(1, work.threads * 4)) {
      await work.take(await slots[taken]!.outcome, taken);
      slots[taken++] = undefined;
    } else {
      slots[next] = slot(work.here(next), false);
      await slots[next++]!.outcome.catch(() => undefined);
      // let the threads' messages in: outcomes that arrived free their threads for the next pieces
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}
