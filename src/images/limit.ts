/** Runs a job when fewer than the limit are running, else when one ends. */
export type Limiter = <T>(job: () => Promise<T>) => Promise<T>;

/** A limiter letting at most `max` jobs run at once, started in the order they were given. */
export function createLimiter(max: number): Limiter {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async (job) => {
    if (running >= max) await new Promise<void>((resolve) => waiting.push(resolve));
    else running++;
    try {
      return await job();
    } finally {
      // hand the slot straight to the next job, so a newcomer cannot take it in between
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/** Runs jobs with the same key one after another, jobs with different keys side by side. */
export function createKeyedQueue(): <T>(key: string, job: () => Promise<T>) => Promise<T> {
  const tails = new Map<string, Promise<unknown>>();
  return (key, job) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(job, job);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
